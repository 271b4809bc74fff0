"""Preview through LibreOffice: .docx → PDF (and PNG pages), with the project's fonts.

LibreOffice is optional: only ``drafter preview`` and the layout tests use it. The
conversion runs with the project's fontconfig file (``data/fontconfig/fonts.conf``),
which maps the official 公文 font names to free faces of the same kind, and with a
LibreOffice profile kept in the user's cache, so nothing is written elsewhere.
Many files go through each soffice call, since each call costs about 1.5 s to start.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from drafter.datacache import cache_root
from drafter.errors import DrafterError
from drafter.output import write_atomic

FONTCONFIG = Path(__file__).resolve().parent / "data" / "fontconfig" / "fonts.conf"
INSTALL_HINT = ("在 Debian/Ubuntu 上安装：sudo apt-get install --no-install-recommends libreoffice-writer-nogui "
                "poppler-utils texlive-lang-chinese fonts-noto-cjk fonts-liberation2；"
                "Windows 上请安装 LibreOffice，并把它的 program 文件夹加入 PATH。")


class PreviewError(DrafterError):
    """LibreOffice or poppler is missing, or the conversion failed."""


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for path in ("/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
                 "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        if os.path.exists(path):
            return path
    return None


def render_env() -> dict:
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(FONTCONFIG)
    return env


def run_soffice(args: list[str], timeout: float) -> subprocess.CompletedProcess:
    soffice = find_soffice()
    if soffice is None:
        raise PreviewError("没有找到 LibreOffice，无法生成预览。", INSTALL_HINT)
    profile = cache_root() / "libreoffice-profile"
    profile.mkdir(parents=True, exist_ok=True)
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--nolockcheck", *args]
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=render_env())
    except subprocess.TimeoutExpired:
        raise PreviewError("LibreOffice 转换超时。", "请关闭正在运行的 LibreOffice 后再试。") from None


def _converted(sources: list[Path], outdir: Path, suffix: str) -> list[Path]:
    made = [outdir / (Path(f).stem + suffix) for f in sources]
    missing = [p for p in made if not p.is_file()]
    if missing:
        # LibreOffice's own output is English and says nothing a clerk can act on.
        raise PreviewError(f"LibreOffice 没有生成 {missing[0].name}。",
                           "请关闭正在运行的 LibreOffice 后再试；如果仍然失败，请用 LibreOffice 手动打开 .docx 看看。")
    return made


# LibreOffice's .docx import drops w:autoSpaceDE/DN (so it adds space between Chinese and
# digits) and reads w:overflowPunct inverted (val=0 makes punctuation hang into the margin;
# see writerfilter DomainMapper: PROP_PARA_IS_HANGING_PUNCTUATION = (val == 0)). Our files
# say "no extra space, no hanging", as Word reads them; the preview goes through ODF, where
# these two settings can be stated as the .docx means them.
_ODF_FIXES = (
    (re.compile(r'style:text-autospace="[^"]*"'), 'style:text-autospace="none"'),
    (re.compile(r'style:punctuation-wrap="[^"]*"'), 'style:punctuation-wrap="simple"'),
)


def _state_docx_settings_in_odf(odt: Path) -> None:
    with zipfile.ZipFile(odt) as zin:
        items = [(info, zin.read(info.filename)) for info in zin.infolist()]
    tmp = odt.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w") as zout:
        for info, data in items:
            if info.filename in ("styles.xml", "content.xml"):
                text = data.decode("utf-8")
                for pattern, value in _ODF_FIXES:
                    text = pattern.sub(value, text)
                data = text.encode("utf-8")
            # mimetype must stay first and stored; keep each entry's own compression
            zout.writestr(info, data)
    os.replace(tmp, odt)


def to_pdf(docx_files: list[Path], outdir: Path, timeout: float = 300) -> list[Path]:
    """Convert every file to PDF with two soffice calls in all (.docx → .odt → .pdf)."""
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        odf_dir = Path(tmp)
        run_soffice(["--convert-to", "odt", "--outdir", str(odf_dir), *map(str, docx_files)], timeout)
        odts = _converted(docx_files, odf_dir, ".odt")
        for odt in odts:
            _state_docx_settings_in_odf(odt)
        run_soffice(["--convert-to", "pdf", "--outdir", str(outdir), *map(str, odts)], timeout)
        return _converted(odts, outdir, ".pdf")


def to_png(pdf: Path, prefix: Path, dpi: int = 110) -> list[Path]:
    """One PNG per page (pdftoppm from poppler-utils)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PreviewError("没有找到 pdftoppm，无法生成图片。", INSTALL_HINT)
    for old in prefix.parent.glob(f"{prefix.name}-*.png"):
        old.unlink()
    subprocess.run([tool, "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True, capture_output=True)
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))


def preview(docx_bytes_writer, pdf_out: Path, png: bool = False) -> tuple[Path, list[Path]]:
    """Write the document to a temporary .docx, convert it, move the PDF to ``pdf_out``."""
    with tempfile.TemporaryDirectory() as tmp:
        docx_path = Path(tmp) / (pdf_out.stem + ".docx")
        docx_bytes_writer(docx_path)
        (pdf,) = to_pdf([docx_path], Path(tmp) / "pdf")
        write_atomic(pdf_out, lambda target: shutil.copyfile(pdf, target))
    pngs = to_png(pdf_out, pdf_out.with_suffix("")) if png else []
    return pdf_out, pngs
