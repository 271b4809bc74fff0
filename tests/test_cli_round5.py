"""The command line, fifth pass over issue 18 (what an outside tester found in round 3): an
empty name is refused wherever a file, folder or template is asked for (A2); check's
--last must cover an earlier year (A3); a batch's progress line says what it does (A7); a
folder, link or device where the form's schema goes is said as such (A8)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner

from drafter.cli.commands import main

from conftest import EXAMPLE
from hostile_cases import run_clean

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

SCHEMA = "drafter-form.schema.json"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A working folder holding the example form, its report (.docx and .txt) and a
    template folder: what an empty name would reach if it were read as "."."""
    shutil.copyfile(EXAMPLE, tmp_path / "2025.yaml")
    run_clean(["render", tmp_path / "2025.yaml", "-o", tmp_path / "2025.docx"], inputs=[tmp_path / "2025.yaml"],
              exit_codes=(0,))
    import docx

    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "2025.docx")).paragraphs)
    (tmp_path / "2025.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _snapshot(root: Path) -> dict[str, bytes | None]:
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None) for p in sorted(root.rglob("*"))}


# -- A2: an empty name -----------------------------------------------------------------------------
# Every parameter that names a file, folder or template, in each command, with the other
# arguments it needs; {} is where the empty name goes.
EMPTY_CASES = {
    ("init", "output"): ["init", "--output", "{}"],
    ("validate", "form"): ["validate", "{}"],
    ("validate", "config"): ["validate", "2025.yaml", "--config", "{}"],
    ("render", "forms"): ["render", "{}"],
    ("render", "output"): ["render", "2025.yaml", "--output", "{}"],
    ("render", "template"): ["render", "2025.yaml", "--output", "新.docx", "--template", "{}"],
    ("render", "config"): ["render", "2025.yaml", "--output", "新.docx", "--config", "{}"],
    ("new", "sources"): ["new", "2026", "--from", "{}"],
    ("new", "output"): ["new", "2026", "--from", "2025.yaml", "--output", "{}"],
    ("preview", "form"): ["preview", "{}"],
    ("preview", "output"): ["preview", "2025.yaml", "--output", "{}"],
    ("preview", "template"): ["preview", "2025.yaml", "--template", "{}"],
    ("preview", "config"): ["preview", "2025.yaml", "--config", "{}"],
    ("schema", "output"): ["schema", "--output", "{}"],
    ("check", "files"): ["check", "{}"],
    ("check", "last"): ["check", "2025.txt", "--last", "{}"],
    ("check", "config"): ["check", "2025.txt", "--config", "{}"],
    ("check", "template"): ["check", "2025.yaml", "--template", "{}"],
    ("parse", "report"): ["parse", "{}"],
    ("mine", "folder"): ["mine", "{}"],
    ("mine", "output"): ["mine", ".", "--output", "{}"],
    ("import", "report"): ["import", "{}"],
    ("import", "output"): ["import", "2025.txt", "--output", "{}"],
    ("templates list", "folder"): ["templates", "list", "{}"],
    ("templates copy", "name"): ["templates", "copy", "{}", "副本"],
    ("templates copy", "dest"): ["templates", "copy", "default", "{}"],
    ("templates copy", "files"): ["templates", "copy", "default", "副本", "{}"],
    ("templates diff", "folder"): ["templates", "diff", "{}"],
}


def _named_params(command: click.Command, prefix: str = ""):
    """Every (command, parameter) whose value is a name the clerk types (not a flag, a
    year or --org, which has its own message), as drafter --help lists them."""
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _named_params(sub, f"{prefix} {name}".strip())
        return
    for param in command.params:
        if param.name in ("help", "org") or getattr(param, "is_flag", False):
            continue
        if isinstance(param.type, click.types.StringParamType) or isinstance(param.type, click.Path):
            yield prefix, param.name


def test_every_named_parameter_is_covered():
    assert set(_named_params(main)) == set(EMPTY_CASES)


@pytest.mark.parametrize("value", ["", " ", "　 "], ids=["empty", "space", "spaces"])
@pytest.mark.parametrize("case", sorted(EMPTY_CASES), ids=[" ".join(c) for c in sorted(EMPTY_CASES)])
def test_an_empty_name_is_refused(folder, case, value):
    args = [value if a == "{}" else a for a in EMPTY_CASES[case]]
    before = _snapshot(folder)
    result = run_clean(args, inputs=[folder / "2025.yaml", folder / "2025.txt"], cwd=folder, exit_codes=(2,),
                       located=False)
    assert "是空的" in result.output or "不能为空" in result.output, result.output
    assert "名称" in result.output or "文件名" in result.output, result.output
    assert _snapshot(folder) == before  # nothing read as the current folder, nothing written


def test_a_name_beside_an_empty_one_is_not_enough(folder):
    """check "$A" "$B" with B unset: refused, not the named file checked alone."""
    result = run_clean(["check", "2025.txt", ""], inputs=[folder / "2025.txt"], cwd=folder, exit_codes=(2,),
                       located=False)
    assert "是空的" in result.output


def test_a_name_of_dots_is_still_a_folder(folder):
    """Near miss: “.” is a name the clerk typed: the folder is checked."""
    result = run_clean(["check", "."], inputs=[folder / "2025.txt"], cwd=folder, exit_codes=(0, 1))
    assert "2025.txt" in result.output and "是空的" not in result.output


# -- A3: --last covers the year before -------------------------------------------------------------
def _form_of(folder: Path, year: int) -> Path:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["年度"], data["成文日期"] = year, f"{year + 1}-02-06"
    path = folder / f"{year}表单.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("last, year, kind", [
    ("2025.docx", 2025, "报告"), ("2025.txt", 2025, "报告"), ("2025.yaml", 2025, "表单"),
    (2026, 2026, "表单"), (2027, 2027, "表单"),
])
def test_a_last_of_the_same_year_or_later_is_refused(folder, last, year, kind):
    last = _form_of(folder, last) if isinstance(last, int) else folder / last
    report = folder / "2025.txt"
    out = run_clean(["check", report, "--last", last], inputs=[report, last], exit_codes=(2,), located=False).output
    assert f"是 {year} 年度的{kind}" in out and "2024 年度" in out, out
    if kind == "表单":
        assert "去年的报告" not in out and "去年的表单" in out, out
    assert "同比" not in out.split("修改建议")[0].replace("同比数字", ""), out  # no 同比核算 was run


def test_a_later_last_is_refused_in_a_folder_check(folder):
    (folder / "报告").mkdir()
    shutil.copyfile(folder / "2025.txt", folder / "报告" / "a.txt")
    shutil.copyfile(folder / "2025.txt", folder / "报告" / "b.txt")
    last = _form_of(folder, 2026)
    out = run_clean(["check", folder / "报告", "--last", last], inputs=[last], exit_codes=(2,), located=False).output
    assert out.count("是 2026 年度的表单") == 2, out


@pytest.mark.parametrize("last_year, args", [(2024, []), (2023, []), (2025, ["--year", "2026"])],
                         ids=["year-before", "two-years-before", "year-given"])
def test_an_earlier_last_is_used(folder, last_year, args):
    """Near miss: --last of an earlier year is read and used (exit 0 or 1, no refusal)."""
    last = _form_of(folder, last_year)
    report = folder / "2025.txt"
    out = run_clean(["check", report, "--last", last, *args], inputs=[report, last], exit_codes=(0, 1)).output
    assert "年度的表单" not in out, out


# -- A7: a batch's progress line -------------------------------------------------------------------
BARE = {"检查", "生成", "读取报告"}


def _stderr_lines(result) -> list[str]:
    return [line.strip() for line in result.stderr.splitlines() if line.strip()]


def test_a_folder_check_says_what_it_checks(folder):
    many = folder / "多份"
    many.mkdir()
    for k in range(11):
        shutil.copyfile(folder / "2025.txt", many / f"r{k:02}.txt")
    result = CliRunner().invoke(main, ["check", str(many)])
    assert result.exit_code == 0, result.output
    lines = _stderr_lines(result)
    assert lines and lines[0].startswith("正在检查 11 个文件"), lines
    assert not BARE & set(lines), lines


def test_a_batch_render_and_a_mine_say_what_they_do(folder):
    forms, out = folder / "表单", folder / "报告"
    forms.mkdir()
    for k in range(10):
        shutil.copyfile(folder / "2025.yaml", forms / f"f{k}.yaml")
    result = CliRunner().invoke(main, ["render", str(forms), "-o", str(out) + "/"])
    assert result.exit_code == 0, result.output
    lines = _stderr_lines(result)
    assert lines and lines[0].startswith("正在生成 10 个文件") and not BARE & set(lines), lines
    result = CliRunner().invoke(main, ["mine", str(out), "-o", str(folder / "大纲.yaml")])
    assert result.exit_code == 0, result.output
    lines = _stderr_lines(result)
    assert lines and lines[0].startswith("正在读取 10 份报告") and not BARE & set(lines), lines


def test_a_short_folder_check_prints_no_progress(folder):
    """Near miss: under ten files there is no progress line at all."""
    result = CliRunner().invoke(main, ["check", "."])
    assert result.exit_code == 0, result.output
    assert _stderr_lines(result) == []


# -- A8: what stands where the schema goes ---------------------------------------------------------
def _occupy(path: Path, kind: str) -> None:
    if kind == "folder":
        path.mkdir()
    elif kind == "link":
        path.symlink_to(path.parent / "不存在的文件.json")
    elif kind == "link-to-folder":
        (path.parent / "别处").mkdir()
        path.symlink_to(path.parent / "别处")
    elif kind == "fifo":
        os.mkfifo(path)


COMMANDS = {
    "import": lambda f, out: ["import", f / "2025.txt", "-o", out],
    "new": lambda f, out: ["new", "2026", "--from", f / "2025.yaml", "-o", out],
    "init": lambda f, out: ["init", "-o", out],
}


@pytest.mark.parametrize("kind, said", [("folder", "文件夹"), ("link", "链接"), ("link-to-folder", "链接"),
                                        ("fifo", "特殊文件")])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_folder_link_or_device_where_the_schema_goes_is_named(folder, command, kind, said):
    (folder / "新").mkdir()
    _occupy(folder / "新" / SCHEMA, kind)
    out = Path("新") / "n.yaml"  # relative to the working folder: the message names it so
    for force in ([], ["--force"]):
        result = run_clean([*COMMANDS[command](folder, out), *force], inputs=[folder / "2025.txt", folder / "2025.yaml"],
                           outputs=[out, Path("新") / SCHEMA], exit_codes=(2,), located=False)
        assert f"是一个{said}" in result.output and "删去或改名" in result.output, result.output
        assert "已经存在" not in result.output, result.output
        assert not out.exists()


def test_a_schema_file_there_is_handled_as_before(folder):
    """Near miss: the same schema is left alone; a different one is refused without --force
    with the old words, and replaced with it."""
    (folder / "新").mkdir()
    out = Path("新") / "n.yaml"
    run_clean(["import", folder / "2025.txt", "-o", out], inputs=[folder / "2025.txt"], outputs=[out],
              exit_codes=(0,))
    schema = folder / "新" / SCHEMA
    assert schema.is_file()
    schema.write_text("{}", encoding="utf-8")
    out.unlink()
    result = run_clean(["import", folder / "2025.txt", "-o", out], inputs=[folder / "2025.txt"],
                       outputs=[out, Path("新") / SCHEMA], exit_codes=(2,), located=False)
    assert "已经存在" in result.output and not out.exists()
