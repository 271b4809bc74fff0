"""Preview through LibreOffice: .docx → PDF (and PNG pages), with the project's fonts.

LibreOffice is optional: only ``drafter preview`` and the layout tests use it. The
conversion runs with the project's fontconfig file (``data/fontconfig/fonts.conf``),
which maps the official 公文 font names to free faces of the same kind, and with a
LibreOffice profile kept in the user's cache, so nothing is written elsewhere.
Many files go through each soffice call, since each call costs about 1.5 s to start.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import stat
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from drafter.errors import DrafterError
from drafter.files.datacache import cache_root
from drafter.files.patterns import lazy_re
from drafter.files.writing import Writer, check_target, refuse_existing, refuse_inputs, write_all

FONTCONFIG = Path(__file__).resolve().parent.parent / "data" / "fontconfig" / "fonts.conf"
INSTALL_HINT = (
    "在 Debian/Ubuntu 上安装：sudo apt-get install --no-install-recommends libreoffice-writer-nogui "
    "poppler-utils texlive-lang-chinese fonts-noto-cjk fonts-liberation2；"
    "Windows 上请安装 LibreOffice，并把它的 program 文件夹加入 PATH。"
)


class PreviewError(DrafterError):
    """LibreOffice or poppler is missing, or the conversion failed."""


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for path in (
        "/usr/lib/libreoffice/program/soffice",
        "/opt/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    ):
        if os.path.exists(path):
            return path
    return None


def render_env() -> dict[str, str]:
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(FONTCONFIG)
    return env


@contextlib.contextmanager
def _profile(timeout: float) -> Iterator[Path]:
    """The LibreOffice profile kept in the user's cache, held for this run alone: two
    soffice processes on one profile fail (the second makes nothing). A second preview
    started meanwhile waits for the first; where files cannot be locked, or the cache
    cannot be written, each run gets a profile of its own (slower to start, never shared)."""
    try:
        import fcntl
    except ImportError:  # Windows
        with tempfile.TemporaryDirectory(prefix="drafter-lo-") as own:
            yield Path(own)
        return
    root = cache_root()
    profile = root / "libreoffice-profile"
    try:
        profile.mkdir(parents=True, exist_ok=True)
        lock = open(root / "libreoffice-profile.lock", "a+b")  # noqa: SIM115 - held below
    except OSError:  # a cache folder this user cannot write: a profile of this run's own
        with tempfile.TemporaryDirectory(prefix="drafter-lo-") as own:
            yield Path(own)
        return
    with lock:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise PreviewError("另一个预览一直没有结束，这次没有生成。", "请等另一个 drafter preview 结束后再试。") from None
                time.sleep(0.2)
        try:
            yield profile
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def run_soffice(args: list[str], timeout: float, profile: Path | None = None) -> subprocess.CompletedProcess[str]:
    """One soffice call on ``profile``, held by the caller, or else held for this call."""
    soffice = find_soffice()
    if soffice is None:
        raise PreviewError("没有找到 LibreOffice，无法生成预览。", INSTALL_HINT)
    if profile is None:
        with _profile(timeout) as held:
            return run_soffice(args, timeout, held)
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nolockcheck", *args]
    # in a session of its own, so that a stop (a signal, Ctrl-C, the time limit) ends the whole
    # of LibreOffice — soffice starts soffice.bin, which would go on writing the report into a
    # temporary folder already removed — before the temporary folders are cleaned up
    # LibreOffice's own temporary files (lu….tmp, parts of the document) go in a folder of this
    # call's, removed with it even when LibreOffice is killed and cannot remove them itself
    with tempfile.TemporaryDirectory(prefix="drafter-lo-tmp-") as own_tmp:
        env = {**render_env(), "TMPDIR": own_tmp, "TMP": own_tmp, "TEMP": own_tmp}
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _end(proc, profile)
            raise PreviewError("LibreOffice 转换超时。", "请关闭正在运行的 LibreOffice 后再试。") from None
        except BaseException:
            _end(proc, profile)
            raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def _end(proc: subprocess.Popen[str], profile: Path) -> None:
    """Kill LibreOffice's whole process group, wait for it, and remove the pipe it would have
    removed on its way out."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()
    for pipe in _ipc_pipes(profile):
        with contextlib.suppress(OSError):
            if stat.S_ISSOCK(pipe.lstat().st_mode) and pipe.lstat().st_uid == os.getuid():
                pipe.unlink()


def _ipc_pipes(profile: Path) -> list[Path]:
    """Where LibreOffice puts the pipe of the one office that runs on ``profile``: always in
    /tmp (or /var/tmp), whatever TMPDIR says, named by its user id and the MD5 of the
    profile's address in UTF-16, each byte in hex without a leading zero (LibreOffice's
    officeipcthread.cxx). Held under the profile lock, so the pipe is this run's own."""
    if not hasattr(os, "getuid"):
        return []
    digest = hashlib.md5(profile.as_uri().encode("utf-16-le"), usedforsecurity=False).digest()
    name = f"OSL_PIPE_{os.getuid()}_SingleOfficeIPC_{''.join(format(b, 'x') for b in digest)}"
    return [Path("/tmp") / name, Path("/var/tmp") / name]


def _converted(sources: list[Path], outdir: Path, suffix: str) -> list[Path]:
    made = [outdir / (Path(f).stem + suffix) for f in sources]
    missing = [p for p in made if not p.is_file()]
    if missing:
        # LibreOffice's own output is English and says nothing a clerk can act on.
        raise PreviewError(
            f"LibreOffice 没有生成 {missing[0].name}。",
            "请关闭正在运行的 LibreOffice 后再试；如果仍然失败，请用 LibreOffice 手动打开 .docx 看看。",
        )
    return made


# LibreOffice's .docx import drops w:autoSpaceDE/DN (so it adds space between Chinese and
# digits) and reads w:overflowPunct inverted (val=0 makes punctuation hang into the margin;
# see writerfilter DomainMapper: PROP_PARA_IS_HANGING_PUNCTUATION = (val == 0)). Our files
# say "no extra space, no hanging", as Word reads them; the preview goes through ODF, where
# these two settings can be stated as the .docx means them.
_ODF_FIXES = (
    (lazy_re(r'style:text-autospace="[^"]*"'), 'style:text-autospace="none"'),
    (lazy_re(r'style:punctuation-wrap="[^"]*"'), 'style:punctuation-wrap="simple"'),
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
    with tempfile.TemporaryDirectory() as tmp, _profile(timeout) as profile:
        odf_dir = Path(tmp)
        run_soffice(["--convert-to", "odt", "--outdir", str(odf_dir), *map(str, docx_files)], timeout, profile)
        odts = _converted(docx_files, odf_dir, ".odt")
        for odt in odts:
            _state_docx_settings_in_odf(odt)
        run_soffice(["--convert-to", "pdf", "--outdir", str(outdir), *map(str, odts)], timeout, profile)
        return _converted(odts, outdir, ".pdf")


def to_png(pdf: Path, folder: Path, dpi: int = 110, timeout: float = 300) -> list[Path]:
    """One PNG per page (pdftoppm from poppler-utils), made in ``folder``, a private
    temporary folder: page-1.png, page-2.png … (pdftoppm pads the number to the width
    of the last page's: page-01.png with ten pages or more). Nothing outside it is touched."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PreviewError("没有找到 pdftoppm，无法生成图片。", INSTALL_HINT)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([tool, "-png", "-r", str(dpi), str(pdf), str(folder / "page")], check=True, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise PreviewError("把 PDF 转成图片超时，没有生成预览。", "请去掉 --png 只生成 PDF，或稍后再试。") from None
    except (subprocess.CalledProcessError, OSError):
        raise PreviewError(
            "pdftoppm 没能把 PDF 转成图片，没有生成预览。", "请去掉 --png 只生成 PDF；如果需要图片，请检查 poppler-utils 是否完好。"
        ) from None
    pages = [p for p in folder.iterdir() if _PAGE.fullmatch(p.name)]
    return sorted(pages, key=lambda p: int(_PAGE.fullmatch(p.name).group(1)))  # type: ignore[union-attr]  # kept above by that match


_PAGE = lazy_re(r"page-(\d+)\.png")


def png_name(pdf_out: Path, page: Path) -> Path:
    """Where a page made by ``to_png`` goes: beside the PDF, 报告.pdf → 报告-1.png."""
    return pdf_out.with_name(f"{pdf_out.stem}-{page.name[len('page-') :]}")


def check_outputs(targets: list[Path], inputs: Sequence[str | Path | None], force: bool) -> None:
    """The rules every output follows (as for ``render``): never one of the inputs, never
    an existing file without --force, never a folder, a pipe or a read-only file."""
    refuse_inputs(targets, inputs)
    for target in targets:
        check_target(target)
        refuse_existing(target, force)


def preview(
    docx_bytes_writer: Callable[[Path], object],
    pdf_out: Path,
    png: bool = False,
    force: bool = False,
    inputs: Sequence[str | Path | None] | None = None,
) -> tuple[Path, list[Path]]:
    """Write the document to a temporary .docx and convert it (and its pages) in a private
    temporary folder; then write the PDF and the PNGs beside ``pdf_out`` all or none, each
    by the rules of ``check_outputs`` (the page count is known only now, so the pages'
    names are checked here). No other file is removed or replaced."""
    inputs = inputs or []
    check_outputs([pdf_out], inputs, force)
    with tempfile.TemporaryDirectory() as tmp:
        docx_path = Path(tmp) / "report.docx"
        docx_bytes_writer(docx_path)
        (pdf,) = to_pdf([docx_path], Path(tmp) / "pdf")
        pages = to_png(pdf, Path(tmp) / "png") if png else []
        plan = [(pdf_out, pdf)] + [(png_name(pdf_out, page), page) for page in pages]
        check_outputs([target for target, _ in plan], inputs, force)
        written = write_all((target, _copier(source)) for target, source in plan)
    return written[0], written[1:]


def _copier(source: Path) -> Writer:
    return lambda target: shutil.copyfile(source, target)
