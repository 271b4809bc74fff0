"""Read a PDF that LibreOffice made back into lines and characters, in millimetres."""

from __future__ import annotations

from dataclasses import dataclass, field

MM = 72 / 25.4
# The text block of GB/T 9704 (domain.md §1.1), from the top-left corner of an A4 page.
LEFT, RIGHT, TOP, BOTTOM = 28.0, 184.0, 37.0, 262.0
CHAR = 16 / MM  # one 字 of 3号 body text, in mm
NO_LINE_START = set("，。、；：？！）》”’…—%")
NO_LINE_END = set("（《“‘")


@dataclass
class Char:
    c: str
    x0: float
    x1: float
    font: str
    size: float


@dataclass
class Line:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    chars: list[Char] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c.c for c in self.chars)

    @property
    def fonts(self) -> set[str]:
        return {c.font for c in self.chars if c.c.strip()}

    @property
    def size(self) -> float:
        return max(c.size for c in self.chars)

    def width_in_chars(self) -> float:
        """Natural width in 字: a full-width character is 1, a Latin glyph its own width."""
        total = 0.0
        for c in self.chars:
            if not c.c.strip():
                continue
            total += 1 if ord(c.c) > 0x2000 else (c.x1 - c.x0) / CHAR
        return total


def read(pdf_path) -> list[list[Line]]:
    """Lines of every page, top to bottom."""
    import pymupdf

    pages = []
    with pymupdf.open(str(pdf_path)) as doc:
        for pno, page in enumerate(doc, 1):
            lines = []
            for block in page.get_text("rawdict")["blocks"]:
                for ln in block.get("lines", []):
                    chars = [Char(ch["c"], ch["bbox"][0] / MM, ch["bbox"][2] / MM, span["font"], span["size"])
                             for span in ln["spans"] for ch in span["chars"]]
                    chars = [c for c in chars if c.c.strip()]
                    if not chars:
                        continue
                    x0, y0, x1, y1 = (v / MM for v in ln["bbox"])
                    lines.append(Line(pno, x0, y0, x1, y1, chars))
            lines.sort(key=lambda ln: (round(ln.y0, 1), ln.x0))
            pages.append(_merge_same_baseline(lines))
    return pages


def _merge_same_baseline(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for ln in lines:
        if out and abs(out[-1].y0 - ln.y0) < 1.5:
            prev = out[-1]
            prev.chars += ln.chars
            prev.x0, prev.x1 = min(prev.x0, ln.x0), max(prev.x1, ln.x1)
            prev.chars.sort(key=lambda c: c.x0)
        else:
            out.append(ln)
    return out


def page_size_mm(pdf_path) -> list[tuple[float, float]]:
    import pymupdf

    with pymupdf.open(str(pdf_path)) as doc:
        return [(p.rect.width / MM, p.rect.height / MM) for p in doc]
