"""A template's output that knows which template line wrote each of its lines."""

from __future__ import annotations

from pathlib import Path

from drafter.files.patterns import lazy_re
from drafter.model.markup import OPEN, TemplateMarkup
from drafter.render.jinja_hooks import template_at
from drafter.render.loader import lines_keep_their_end

LINE_BREAK = lazy_re("\r\n|[\n\r\x85\u2028\u2029]")  # as markup.parse_markup splits lines


class Rendered(str):
    """A template's output that knows which template line wrote each of its lines, so a
    mistake found in the output (a heading level skipped) is shown where the clerk can
    mend it. ``origins`` maps an output line (1-based) to what wrote its first visible
    character: (where, the chunk, its line in the chunk); where is (the template's code,
    its instruction, its debug_info) as the render saw it, or (template file, line) once
    ``portable``. ``names``: each template file as the clerk's messages name it; ``files``:
    every template file and phrase table the render read, as (the name it is shown by, its
    text, whether drafter ships it): where a sentence the template made is written."""

    origins: dict = {}
    names: dict[str, str] = {}
    files: tuple[tuple[str, str, bool], ...] = ()

    def origin(self, line: int | None) -> tuple[str, int, str] | None:
        """(template file as shown, its line, its path) of output line ``line``."""
        found = self.origins.get(line) if line else None
        if not found or not found[0]:
            return None
        where, chunk, k = found
        file, mapped = where if len(where) == 2 else template_at(*where)
        shown = self.names.get(file, file)
        text = chunk.split(OPEN, 1)[0].rstrip(" \t")  # template text, up to a value folded into it
        if isinstance(chunk, TemplateMarkup) or not text.strip():
            return shown, mapped, file  # a printed value or a macro's output: where it is printed
        return shown, _data_line(file, mapped, text, k), file

    def writer_of(self, text: str) -> tuple[str, int] | None:
        """(template file as shown, its line) that wrote the output line printing ``text``
        whole: a paragraph or a heading of the report as parsed; None when none does."""
        from drafter.model.markup import strip_marks
        from drafter.model.typography import normalize

        for n, raw in enumerate(LINE_BREAK.split(self), 1):
            plain = strip_marks(raw).strip()
            if text in plain and text in (normalize(plain), normalize(plain.lstrip("#").strip())):
                found = self.origin(n)
                return (found[0], found[1]) if found else None
        return None

    def with_text(self, text: str) -> Rendered:
        """Another output (the same with its marks changed) that keeps this one's origins."""
        out = Rendered(text)
        out.origins, out.names, out.files = self.origins, self.names, self.files
        return out

    def portable(self) -> Rendered:
        """This output with every origin made a (template file, line): what can be sent to
        another process (code objects cannot)."""
        out = self.with_text(str(self))
        out.origins = {
            n: ((where if len(where) == 2 else template_at(*where)) if where else None, chunk, k)
            for n, (where, chunk, k) in self.origins.items()
        }
        return out


def _data_line(file: str, mapped: int, chunk: str, k: int) -> int:
    """The template line of line ``k`` of the template text ``chunk``. Jinja maps the code
    that yields template text to the node before it, so the text is looked for in the
    file from that node's line on (template text is copied from the file unchanged, but for
    blanks trimmed around tags)."""
    try:
        source = lines_keep_their_end(Path(file).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return mapped
    start = 0
    for _ in range(mapped - 1):
        start = source.find("\n", start) + 1
        if start == 0:
            return mapped
    found = source.find(chunk, start)
    if found >= 0:
        return source.count("\n", 0, found) + 1 + k
    # a raw block's text is the file's, but its tags around it are not in the output: the
    # line itself is looked for ({% raw %}{x}{% endraw %} on line 2 is line 2, not the node's)
    pieces = LINE_BREAK.split(chunk)
    piece = pieces[k].strip() if k < len(pieces) else ""
    found = source.find(piece, start) if piece else -1
    # not in the file as it stands (a macro's output, markup built in the template): the
    # line that printed it
    return source.count("\n", 0, found) + 1 if found >= 0 else mapped
