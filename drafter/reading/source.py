"""Get the paragraphs of a report file: .txt (one paragraph a line), .docx, or .doc
(through LibreOffice, when it is installed).

Whatever a clerk hands us may be hostile by accident: a binary renamed .txt, a .docx that
is an Excel file or a zip bomb, a folder, a pipe, a device. Each is refused with a message
naming the file, before anything large is read or unpacked. Characters XML cannot carry
are dropped here, so nothing read from a report can break a .docx written from it later.
"""

from __future__ import annotations

import codecs
import re
import tempfile
import zipfile
from pathlib import Path

from drafter.errors import InputFileError, Where
from drafter.files.bounds import (
    DOCUMENT_XML as MAX_DOCUMENT_XML,
    PACK_RATIO as MAX_RATIO,
    PACKAGE_BYTES as MAX_PACKAGE,
    PACKAGE_PARTS as MAX_PARTS,
    PACKAGE_RELS as MAX_RELS,
    PACKAGE_UNPACKED as MAX_UNPACKED,
    REPORT_BYTES as MAX_BYTES,
    REPORT_CHARS as MAX_CHARS,
    REPORT_PARAGRAPHS as MAX_PARAGRAPHS,
)
from drafter.files.characters import INVISIBLE
from drafter.files.inputs import PDF_HINT, WPS_HINT, check_regular, read_bytes
from drafter.files.patterns import lazy_re
from drafter.files.xmltext import INVALID, LOOKALIKE, drop_invalid, quiet

SUFFIXES = (".txt", ".docx", ".doc")

# The bounds on what is read (MAX_*) are set in files/bounds.py.
RATIO_FLOOR = 2**20  # parts smaller than this are never suspicious, however well they pack
_HEAD_BYTES = 64 * 1024  # where a document type declaration would stand
_BODY = lazy_re(rb"<(?:\w+:)?body[\s/>]")
BINARY_SHARE = 100  # one character in a hundred that text cannot contain: not a text file

_RESAVE = "请用 Word 或 WPS 打开它，另存为 .docx 后再试。"
_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_VISIBLE = lazy_re(r"[^\s\ufeff\u200b-\u200f\u2060\u00ad]")  # not only spaces and invisible marks
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc/.xls files start with this
_MAIN_REL = lazy_re(rb"<(?:\w+:)?Relationship\b[^>]{0,2000}>")
_TARGET = lazy_re(rb'Target\s*=\s*["\']([^"\']{1,500})["\']')


def _error(path: Path, message: str, hint: str = "") -> InputFileError:
    return InputFileError(message, hint, Where(str(path)))


def read_lines(path: str | Path, keep_invisible: bool = False) -> list[str]:
    """The report's paragraphs, one a line, with characters a .docx cannot carry removed,
    and the harmless look-alikes (zero-width characters, soft hyphens, no-break spaces)
    made ordinary unless ``keep_invisible``: check keeps them, to say where they are, and
    keeps a text file's stray characters (STRAY) too, to say where they stand rather than
    join the figures on either side of them (stand_in)."""
    p = Path(path)
    suffix = p.suffix.lower()
    # before opening it: an ordinary file of a sane size
    check_regular(p, MAX_PACKAGE if suffix in (".docx", ".doc") else MAX_BYTES, "报告")
    if suffix in (".pdf", ".wps"):
        raise _error(p, f"drafter 不读 {p.suffix} 文件。", (PDF_HINT if suffix == ".pdf" else WPS_HINT) + "，再运行这个命令。")
    if suffix not in SUFFIXES:
        raise _error(p, f"不支持的文件类型“{p.suffix}”。", "请给出 .txt、.docx 或 .doc 文件。")
    if suffix == ".txt":
        raw = read_bytes(p, MAX_BYTES, "报告")
        # very many short lines cost far more to split than their bytes say (7 million
        # one-character lines take over a gigabyte): counted in the raw bytes first
        _refuse_oversized(p, 0, max(raw.count(b"\n"), raw.count(b"\r")))
        lines = text_lines(raw, p, keep_stray=keep_invisible)
    elif suffix == ".docx":
        lines = _docx_lines(p)
    else:
        lines = _doc_lines(p)
    _refuse_oversized(p, sum(map(len, lines)), len(lines))
    if not any(_VISIBLE.search(STAND_INS.sub("", STRAY.sub("", line))) for line in lines):
        # (only stray control characters, or their stand-ins, is no text either)
        # Nothing to parse, check or import: said as new --from says it, not as a report
        # missing every part.
        raise _error(p, f"没有从“{p.name}”中读出报告的正文。", "请确认选对了报告文件（.docx、.txt 或 .doc），而不是空文件或扫描的图片。")
    return lines if keep_invisible else [_quieted(line) for line in lines]


def retext(line: str, text: str) -> str:
    """``text`` in place of ``line``'s, keeping what the document says of a .docx line (its
    level, its part): for repairs made after reading (look-alikes, invisible marks)."""
    if type(line) is str:
        return text
    kept = type(line)(text)
    kept.__dict__.update(line.__dict__)
    return kept


def _quieted(line: str) -> str:
    """``line`` with the look-alikes made ordinary."""
    return retext(line, quiet(line)) if LOOKALIKE.search(line) else line


def _refuse_oversized(path: Path, chars: int, paragraphs: int) -> None:
    """No report is this long: refused before it is parsed, with the limits in the message."""
    if chars <= MAX_CHARS and paragraphs <= MAX_PARAGRAPHS:
        return
    size = f"{chars:,} 字" if chars > MAX_CHARS else f"{paragraphs:,} 段（行）"
    raise _error(
        path,
        f"“{path.name}”有 {size}，不像是一份年度报告，没有读取。",
        f"一份年度报告一般是 1 万到 6 万字、几百段；drafter 读取的报告最多 {MAX_CHARS // 10_000} 万字、"
        f"{MAX_PARAGRAPHS // 10_000} 万段。请确认选对了文件；几份报告合在一个文件里的，请分成几个文件，"
        "放在一个文件夹里。",
    )


# -- text files ------------------------------------------------------------------------------------
def text_lines(raw: bytes, p: Path, keep_stray: bool = False) -> list[str]:
    """Decode a text file (BOM first: UTF-8, UTF-16 as Notepad's “Unicode”, UTF-32; then
    UTF-8, then GBK/GB18030), refuse binary content, and split it into clean lines (with
    the characters a .docx cannot carry, unless ``keep_stray``: check places them)."""
    _refuse_other_kind(raw, p)
    text = _decode(raw, p)
    if _looks_binary(text):
        raise _error(
            p,
            f"“{p.name}”看起来不是文本文件（含有大量空字符或控制字符）。",
            "请确认选对了文件；如果是 Word 文档，请用 .docx 扩展名，或在 Word/WPS 中另存为 .txt（UTF-8 编码）。",
        )
    lines = _LINE_END.split(text)
    if lines[-1] == "":  # a final line end closes the last line; it opens none (as splitlines)
        lines.pop()
    return [_seen_through(line if keep_stray else drop_invalid(line)) for line in lines]


# Characters a clerk cannot see nor mean, in a report as read: the controls (not tab or a line
# end; xmltext.INVALID, which a .docx cannot carry, and DEL and the C1 controls, which it can
# but which print nothing), the non-characters and lone surrogates, and private-use
# characters (a font's own, shown as nothing or a box elsewhere). Unlike typography.INVISIBLE
# (zero-width marks, read through: “87\u200b.2%” is 87.2%), a stray character stands between
# what is on either side of it: “9\x000%” is not 90%.
STRAY = lazy_re("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff\ue000-\uf8ff\U000f0000-\U0010ffff]")
# What check shows in a stray character's place (one character for one, so columns hold): a
# control as its picture (␀, ␛, ␡), a C1 control or non-character as ␦ (the picture of a
# substitute; not U+FFFD, which the parser drops); a private-use character as itself (it
# prints; a font may even draw it).
_PICTURES = {**{c: chr(0x2400 + c) for c in range(0x20)}, 0x7F: "\u2421"}
STAND_INS = lazy_re("[\u2400-\u241f\u2421\u2426\ue000-\uf8ff\U000f0000-\U0010ffff]")


def _shown(ch: str) -> str:
    if ord(ch) in _PICTURES:
        return _PICTURES[ord(ch)]
    if "\ue000" <= ch <= "\uf8ff" or ch >= "\U000f0000":
        return ch
    return "\u2426"


def stand_in(line: str) -> tuple[str, list[tuple[int, str]]]:
    """``line`` with each stray character shown by its stand-in, and (column, character)
    of each; the line itself and [] when it has none."""
    spots = [(m.start(), m.group(0)) for m in STRAY.finditer(line)]
    if not spots:
        return line, []
    return retext(line, STRAY.sub(lambda m: _shown(m.group(0)), line)), spots


def stray_name(ch: str) -> str:
    """A stray character as a clerk can look it up: 控制字符（U+001B）."""
    code = f"U+{ord(ch):04X}"
    if ch == "\x00":
        kind = "空字符"
    elif ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F:
        kind = "控制字符"
    elif "\ue000" <= ch <= "\uf8ff" or ch >= "\U000f0000":
        kind = "私用区字符"
    else:
        kind = "非字符"
    return f"{kind}（{code}）"


# A line of a text file ends only at \n, \r\n or \r, as in Notepad, WPS and Word. The other
# characters str.splitlines() breaks at (\v, \f, \x1c–\x1e, U+0085, U+2028, U+2029) break no
# line on screen: they stay in their line, and are seen through there (a figure “1\x1e51件”
# is 151件, not “1” and “51件” on two lines). The controls among them are characters a
# .docx cannot carry and go with the others (drop_invalid).
_LINE_END = lazy_re("\r\n|\r|\n")
# The separators XML can carry: nothing on the page, so read as nothing. Kept only once
# typography.INVISIBLE names them (then check says where they stand, as for the others).
_SEPARATORS = "".join(ch for ch in "\x85\u2028\u2029" if not INVISIBLE.match(ch))
_NO_SEPARATORS = str.maketrans(dict.fromkeys(_SEPARATORS))
_SEPARATOR = lazy_re(f"[{_SEPARATORS}]") if _SEPARATORS else None


def _seen_through(line: str) -> str:
    """``line`` without the line separators that break no line (see _LINE_END)."""
    if _SEPARATOR is None or not _SEPARATOR.search(line):
        return line
    return retext(line, line.translate(_NO_SEPARATORS))


def _decode(raw: bytes, p: Path) -> str:
    """The file's text, decoded exactly: by its byte-order mark; else UTF-16/UTF-32 when
    its NUL bytes say so (no UTF-8 or GBK text has any); else UTF-8, then GB18030. Bytes
    the encoding it is in cannot decode (a lone surrogate, a character cut off at the end,
    invalid UTF-8 after its mark) are refused with the line and column where they stand,
    never read as other characters."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _strict(raw[len(bom) :], encoding, p)
    wide = _wide_encoding(raw)
    # A binary file may have its NUL bytes where UTF-16 or UTF-32 would: only what reads as
    # text in that encoding is taken (or refused at its bad bytes) as such.
    if wide and not _looks_binary(raw.decode(wide, errors="replace")):
        return _strict(raw, wide, p)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        if _mostly_utf8(raw):  # UTF-8 but for a few bytes: said where the first one stands
            return _strict(raw, "utf-8", p)
    else:
        _refuse_hz(text, p)
        return text
    gb: str | None
    try:
        gb = raw.decode("gb18030")
    except UnicodeDecodeError:
        gb = None
    # UTF-16 without a mark and with too few ASCII characters to tell it by its NULs (a text of
    # Chinese characters and full-width punctuation only): taken when it reads as simplified
    # Chinese better than GBK does
    wide_text = _unmarked_utf16(raw)
    if wide_text is not None and (gb is None or _common_share(wide_text) > _common_share(gb)):
        return wide_text
    if gb is None:
        raise _other_encoding(raw, p, "不是 UTF-8、GBK 或 UTF-16 编码的文本")
    if not _looks_binary(gb) and not _simplified(gb[:SHARE_SAMPLE]):  # binary is said as such
        raise _other_encoding(raw, p, "不像是简体中文的文本：按简体中文（GBK）编码读出来的字大多是乱码")
    return gb


# -- what a .txt holds when it is not simplified Chinese text ------------------------------------------
# A text that is not UTF-8 is read as GBK/GB18030; bytes of another legacy encoding (Big5,
# EUC-KR, Shift-JIS) mostly decode as GBK too, as garbage. A real report read as GBK has
# nearly all its Chinese characters among GB2312's 3,755 common ones (level 1, lead bytes
# B0–D7): 99.6–100% in each corpus report, 97% in their first three lines; the same reports
# saved in Big5, EUC-KR or Shift-JIS and read as GBK have 0–27%. Below COMMON_SHARE (with
# over RARE_FLOOR rare characters, so a short note with a rare name is never refused) it
# is refused as another encoding (tests/test_reading_round5.py measures both sides).
COMMON_SHARE = 0.8
RARE_FLOOR = 3
SHARE_SAMPLE = 200_000  # characters measured: a whole report, and bounded time for any file
_OTHER_ENCODINGS = (("big5", "繁体中文（Big5）"), ("shift_jis", "日文"), ("euc_jp", "日文"), ("euc_kr", "韩文（EUC-KR）"))
_SAVE_UTF8 = "请用记事本或 WPS 打开它，确认文字显示正常后，“另存为”时选择 UTF-8 编码，再用新文件重试。"


def _unmarked_utf16(raw: bytes) -> str | None:
    """``raw`` as UTF-16 (little- or big-endian) without a mark, when it decodes exactly to
    text that reads as simplified Chinese; None otherwise."""
    if len(raw) % 2:
        return None
    best = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(text) and _simplified(text[:SHARE_SAMPLE]) and (best is None or _common_share(text) > _common_share(best)):
            best = text
    return best


def _common_share(text: str) -> float:
    """The share of ``text``'s characters outside ASCII that are common Chinese ones."""
    common, rare = common_and_rare(text[:SHARE_SAMPLE])
    return common / (common + rare) if common + rare else 0.0


def _simplified(text: str) -> bool:
    """Whether ``text`` (read as GBK) has its characters among the common ones, as
    simplified Chinese text has."""
    common, rare = common_and_rare(text)
    return rare <= RARE_FLOOR or common >= COMMON_SHARE * (common + rare)


def common_and_rare(text: str) -> tuple[int, int]:
    """How many of ``text``'s characters are GB2312's common (level-1) Chinese characters,
    and how many are other characters outside ASCII and GB2312's symbol rows (rare
    characters, and what no GB2312 text holds). ASCII and symbols count for neither."""
    common = rare = 0
    for ch in text:
        if ch < "\x80":
            continue
        try:
            lead = ch.encode("gb2312")[0]
        except UnicodeEncodeError:
            rare += 1
            continue
        if 0xB0 <= lead <= 0xD7:
            common += 1
        elif lead > 0xD7:
            rare += 1
    return common, rare


def _other_encoding(raw: bytes, p: Path, what: str) -> InputFileError:
    """The refusal of a text in an encoding drafter does not read, naming those it may be in."""
    maybe = list(dict.fromkeys(name for encoding, name in _OTHER_ENCODINGS if _decodes(raw, encoding)))
    guess = f"它可能是{'、'.join(maybe)}编码的文本" if maybe else "它可能是别的编码的文本，或不是文本文件"
    return _error(p, f"“{p.name}”{what}，没有读取。{guess}；drafter 读取 UTF-8、GBK 和 UTF-16 编码的简体中文文本。", _SAVE_UTF8)


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


_HZ = lazy_re(r"~\{[\x21-\x7e]{2}")


def _refuse_hz(text: str, p: Path) -> None:
    """HZ (an old e-mail encoding of GB2312) is ASCII: it reads as UTF-8, as “~{”-marked
    letters. Refused when it decodes as HZ to Chinese text."""
    if not _HZ.search(text) or not text.isascii():
        return
    try:
        chinese = text.encode("ascii").decode("hz")
    except UnicodeDecodeError:
        return
    if sum("\u4e00" <= ch <= "\u9fff" for ch in chinese) >= 2:
        raise _error(
            p,
            f"“{p.name}”是 HZ 编码的中文文本（文字写成了“~{{”开头的字母），没有读取。"
            "drafter 读取 UTF-8、GBK 和 UTF-16 编码的简体中文文本。",
            _SAVE_UTF8,
        )


def _mostly_utf8(raw: bytes) -> bool:
    """Whether ``raw`` is UTF-8 text with a few bad bytes (a stray byte, a character cut
    by an editor): far more non-ASCII characters decode than fail. GBK text read as UTF-8
    fails at nearly every Chinese character."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad  # non-ASCII characters decoded
    return good >= 4 * bad


# The first bytes of files that are not text, and what each is: (mark, what, hint).
_MAGIC: tuple[tuple[bytes, str | None, str | None], ...] = (
    (b"PK\x03\x04", None, None),  # a zip: told apart below
    (
        b"%PDF",
        "是 PDF 文件，不是文本文件，只是扩展名写成了 .txt",
        "请给出报告的 Word 文档（.docx）；只有 PDF 的，请在 PDF 阅读器中把全文复制到记事本，另存为 UTF-8 编码的 .txt。",
    ),
    (
        _OLE,
        "是旧版 Word 文档（.doc）或旧版表格文件，不是文本文件，只是扩展名写成了 .txt",
        "如果是 Word 文档，请把扩展名改回 .doc（装了 LibreOffice 时可以直接读取），或在 Word/WPS 中另存为 .docx。",
    ),
)


def _refuse_other_kind(raw: bytes, p: Path) -> None:
    """A Word document, a PDF or an old .doc renamed .txt: said as what it is; so is a
    drafter form saved as .txt (drafter/reading/formtext.py: every command refuses it)."""
    for mark, what, hint in _MAGIC:
        if not raw.startswith(mark):
            continue
        if what is None or hint is None:
            what, hint = _zip_kind(raw, p)
        raise _error(p, f"“{p.name}”{what}。", hint)
    from drafter.reading.formtext import refuse_form_as_text

    refuse_form_as_text(raw, p)


def document_kind(p: Path, raw: bytes) -> str | None:
    """What the document at ``p`` (its first bytes ``raw``) is, whatever its name says: a Word
    document (.docx), an old Word document (.doc), a PDF; None for anything else (text, a
    zip of something else, a damaged zip)."""
    if raw.startswith(b"%PDF"):
        return "PDF 文件"
    if raw.startswith(_OLE):
        return "旧版 Word 文档（.doc）"
    if raw.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(p) as zf:  # its directory, at the end: the names of its parts
                word = any(n.startswith("word/") for n in zf.namelist()[:MAX_PARTS])
        except Exception:  # damaged: not said as a Word document
            return None
        return "Word 文档（.docx）" if word else None
    return None


def _zip_kind(raw: bytes, p: Path) -> tuple[str, str]:
    """What a zip renamed .txt is, by the names of its parts (read from the directory)."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            names = set(zf.namelist()[:MAX_PARTS])
    except Exception:  # a damaged zip: said as a zip
        names = set()
    if any(n.startswith("word/") for n in names):
        return (
            "是 Word 文档（.docx），不是文本文件，只是扩展名写成了 .txt",
            f"请把文件名改为“{p.stem}.docx”后再试，drafter 可以直接读取 Word 文档。",
        )
    if any(n.startswith(("xl/", "ppt/")) for n in names):
        return ("是电子表格或演示文稿，不是文本文件，只是扩展名写成了 .txt", "请给出报告的 Word 文档（.docx）或文本文件（.txt）。")
    return ("是压缩文件（如 .zip），不是文本文件，只是扩展名写成了 .txt", "请先解压，再给出其中的报告（.docx 或 .txt）。")


_NAMES = {"utf-8": "UTF-8", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16", "utf-32-le": "UTF-32", "utf-32-be": "UTF-32"}


def _strict(body: bytes, encoding: str, p: Path) -> str:
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as e:
        before = body[: e.start].decode(encoding, errors="replace")
        lines = _LINE_END.split(before)  # lines as _LINE_END counts them, the last one open
        line, column = len(lines), len(lines[-1]) + 1
        name = _NAMES.get(encoding, encoding)
        what = (
            "文件末尾的字符不完整（文件可能没有保存完整）"
            if e.end >= len(body) and e.reason.startswith("truncated")
            else "有无法识别的字符"
        )
        raise InputFileError(
            f"“{p.name}”是 {name} 编码的文本，但第 {line} 行第 {column} 个字处{what}，无法按原样读取。",
            "请用记事本或 WPS 打开它，核对这个位置的文字，“另存为”时选择 UTF-8 编码后再试。",
            Where(str(p), line, column),
        ) from None


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by where its NUL bytes stand: the
    high bytes of every ASCII character (digits, line breaks) are NUL, in one position of
    each 2 (UTF-16) or the top two of each 4 (UTF-32; the top one is NUL in every
    character). None for a file with no NUL bytes or with them scattered (binary)."""
    sample = raw[: 1 << 16]
    if b"\x00" not in sample:
        return None
    n = len(sample) - len(sample) % 4
    if n >= 8:
        for top, second, encoding in ((3, 2, "utf-32-le"), (0, 1, "utf-32-be")):
            tops = sample[top:n:4]
            if tops.count(0) == len(tops) and sample[second:n:4].count(0) * 10 >= 9 * len(tops):
                return encoding
    # in UTF-16 every line break and figure gives a NUL: a few stray NULs in UTF-8 text do not
    least = max(2, len(sample) // 200)
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd >= least and odd >= 4 * even:
        return "utf-16-le"
    if even >= least and even >= 4 * odd:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    """More than one character in a hundred that no text contains (NUL, control characters,
    undecodable bytes): a binary file with a .txt name."""
    bad = len(INVALID.findall(text)) + text.count("\ufffd")
    return bad > 3 and bad * BINARY_SHARE > len(text)


# -- .docx -----------------------------------------------------------------------------------------
def _docx_lines(path: Path, shown: Path | None = None) -> list[str]:
    """The paragraphs of a .docx as Word shows them (drafter/reading/docxread.py), each a
    ``Line`` carrying its level; ``shown`` is the file named in messages (the .doc a
    converted file came from)."""
    shown = shown or path
    main = _check_package(path, shown)
    from drafter.reading.docxread import DocumentTypeDeclared, NotWordDocument, docx_lines

    try:
        with zipfile.ZipFile(path) as zf:
            _check_main(zf, main, shown)
            lines = docx_lines(zf, main)
    except InputFileError:
        raise
    except NotWordDocument:
        raise _error(
            shown, f"无法打开“{shown.name}”：它不是真正的 Word 文档，正文部分不是 Word 的格式（可能是网页或别的文件改了扩展名）。", _RESAVE
        ) from None
    except DocumentTypeDeclared:
        raise _doctype(shown) from None
    except MemoryError:
        raise _error(
            shown,
            f"“{shown.name}”太大，读取时内存不够，没有读取。",
            "请确认选对了文件；如果确是报告，请删去其中大段的无关内容，或另存为 .txt 后再试。",
        ) from None
    except Exception:  # lxml and zipfile raise many kinds for a damaged package
        raise _error(shown, f"无法打开“{shown.name}”：它不是完好的 Word 文档，可能已经损坏。", _RESAVE) from None
    if lines is None:
        raise _error(shown, f"“{shown.name}”里没有正文（文档主体缺失），可能已经损坏。", _RESAVE)
    # Only w:br and w:cr break a line in Word; a U+2028 in a run's text breaks none.
    return [_seen_through(line) for line in lines]


def _check_main(zf: zipfile.ZipFile, main: str, shown: Path) -> None:
    """Refuse a main part that no report is: unpacked past MAX_DOCUMENT_XML, declaring a
    document type (Word never writes one; it is how entity bombs come), or without a body."""
    info = zf.getinfo(main)
    if info.file_size > MAX_DOCUMENT_XML:
        raise _too_long(shown, info.file_size)
    with zf.open(info) as fh:
        head = fh.read(_HEAD_BYTES)
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise _doctype(shown)
    if not _BODY.search(head) and not _has_body(zf, info):
        raise _error(shown, f"“{shown.name}”里没有正文（文档主体缺失），可能已经损坏。", _RESAVE)


def _doctype(shown: Path) -> InputFileError:
    return _error(shown, f"无法打开“{shown.name}”：正文开头有 Word 文档不会有的文档类型声明，文件可能已经损坏或被改动过。", _RESAVE)


def _has_body(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether the main part holds a w:body, read in chunks (a long preamble of namespace
    declarations can push it past the first chunk)."""
    tail = b""
    with zf.open(info) as fh:
        while chunk := fh.read(2**20):
            if _BODY.search(tail + chunk):
                return True
            tail = chunk[-64:]
    return False


def _mb(size: int) -> str:
    return f"{size / 2**20:.0f} MB" if size >= 2**20 else f"{max(size // 1024, 1)} KB"


def _check_package(path: Path, shown: Path) -> str:
    """Look at the zip's directory before python-docx unpacks anything: refuse what is not
    a zip, what holds no Word document, and what would unpack to an absurd size."""
    head = b""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_OLE))
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            main = _main_part(zf, names) if len(infos) <= MAX_PARTS else ""
            _check_sizes(infos, main, shown)
    except InputFileError:
        raise
    except Exception:  # BadZipFile, a truncated directory, an unreadable file
        if head.startswith(_OLE):
            raise _error(shown, f"无法打开“{shown.name}”：它是旧版 Word（.doc）或 Excel 文件，只是扩展名写成了 .docx。", _RESAVE) from None
        raise _error(
            shown, f"无法打开“{shown.name}”：它不是真正的 Word 文档（.docx），可能已经损坏，或是别的文件改了扩展名。", _RESAVE
        ) from None
    if main.startswith("xl/") or "xl/workbook.xml" in names:
        raise _error(shown, f"“{shown.name}”是 Excel 表格，不是 Word 文档。", "请给出 Word 文档（.docx）或文本文件（.txt）。")
    if main.startswith("ppt/") or "ppt/presentation.xml" in names:
        raise _error(shown, f"“{shown.name}”是 PowerPoint 演示文稿，不是 Word 文档。", "请给出 Word 文档（.docx）或文本文件（.txt）。")
    if main in names:
        return main
    raise _error(shown, f"无法打开“{shown.name}”：它不是真正的 Word 文档，里面没有正文部分。", _RESAVE)


def _check_sizes(infos: list[zipfile.ZipInfo], main: str, shown: Path) -> None:
    """Python's zipfile never unpacks more than a part's stated size, so the stated sizes
    bound what opening the package can cost: a part packed like a bomb, a main part larger
    than any report's (MAX_DOCUMENT_XML, said in the message), too many or too large parts."""
    damaged = _error(shown, f"无法打开“{shown.name}”：文件已经损坏，或不是真正的 Word 文档（解压后大小异常）。", _RESAVE)
    if len(infos) > MAX_PARTS:
        raise damaged
    for i in infos:
        # The main part is bounded by its own size (MAX_DOCUMENT_XML, below): a long run of
        # one character packs past any ratio and is a long text, not a bomb.
        if i.filename != main and i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise damaged
    for i in infos:
        if i.filename == main and i.file_size > MAX_DOCUMENT_XML:
            raise _too_long(shown, i.file_size)
    if sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise damaged


def _too_long(shown: Path, size: int) -> InputFileError:
    return _error(
        shown,
        f"“{shown.name}”的正文部分解压后有 {_mb(size)}，超过了能读取的上限 {_mb(MAX_DOCUMENT_XML)}，不像是一份年度报告。",
        "一份年度报告的正文解压后通常不到 1 MB；请确认选对了文件。如果确是报告，请删去其中大段的无关内容，或另存为 .txt 后再试。",
    )


def _main_part(zf: zipfile.ZipFile, names: set[str]) -> str:
    """The name of the package's main part, as its relationships say (Word Online names it
    document2.xml), else the usual word/document.xml."""
    default = "word/document.xml"
    rels = next((i for i in zf.infolist() if i.filename == "_rels/.rels"), None)
    if rels is None or rels.file_size > MAX_RELS:
        return default
    data = zf.read(rels)
    for m in _MAIN_REL.finditer(data):
        # The type ends in /officeDocument (…/officeDocument/2006/relationships/extended-properties
        # holds the word too, and names docProps/app.xml).
        if re.search(rb"""Type\s*=\s*["'][^"']*/officeDocument["']""", m.group(0)):
            target = _TARGET.search(m.group(0))
            if target:
                name = target.group(1).decode("utf-8", "replace").lstrip("/")
                return name if name in names else default
    return default


# -- .doc ------------------------------------------------------------------------------------------
def _doc_lines(p: Path) -> list[str]:
    """An old .doc, converted to .docx by LibreOffice and read as one."""
    from drafter.files.libreoffice import PreviewError, find_soffice, run_soffice

    if find_soffice() is None:
        raise _error(p, f"“{p.name}”是旧版 .doc 文件，需要 LibreOffice 才能读取。", "请安装 LibreOffice，或在 Word/WPS 中另存为 .docx。")
    with tempfile.TemporaryDirectory() as tmp:
        run_soffice(["--convert-to", "docx", "--outdir", tmp, str(p)], 300)
        out = Path(tmp) / (p.stem + ".docx")
        if not out.is_file():
            raise PreviewError(
                f"LibreOffice 没能转换“{p.name}”，它可能已经损坏，或不是 Word 文件。",
                "请在 Word/WPS 中打开它，另存为 .docx 再试。",
                Where(str(p)),
            )
        return _docx_lines(out, p)
