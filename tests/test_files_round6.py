"""Files, outputs and new --from, sixth pass over issue 18 (what an outside tester found in
round 4): a form saved as .txt is told apart from a report by every command (F1); nothing
reads an output target that is not a regular file (F2); an existing folder given as -o
for one input is written into, whatever its name (F3); new --from never works a count back
from a rate that stands apart from its base (F4); advice that works (F5)."""

from __future__ import annotations

import copy
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from drafter.model.catalogue import load_catalogue
from drafter.cli.commands import main
from drafter.jobs.newform import new_form, output_name
from drafter.jobs.pipeline import render_file

from conftest import EXAMPLE
from hostile_cases import run_clean

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

SCHEMA = "drafter-form.schema.json"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    shutil.copyfile(EXAMPLE, tmp_path / "ex.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- F2: a pipe where an output goes is refused, never read ----------------------------------------
def _drafter(args, cwd) -> subprocess.CompletedProcess:
    """Run drafter in its own process: a run that reads a pipe would wait for ever, so the
    run is cut off (generously) and the test fails instead of hanging."""
    try:
        return subprocess.run([sys.executable, "-m", "drafter", *map(str, args)], cwd=cwd, capture_output=True,
                              text=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail(f"drafter {' '.join(map(str, args))} did not end: it waits on the pipe")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("args, pipe", [
    (["schema", "-o", "p.json"], "p.json"), (["schema", "-o", "p.json", "--force"], "p.json"),
    (["schema"], SCHEMA), (["schema", "--force"], SCHEMA),
    (["init", "-o", "新.yaml"], SCHEMA), (["new", "2026", "--from", "ex.yaml", "-o", "新.yaml"], SCHEMA),
])
def test_a_pipe_where_an_output_goes_is_refused_not_read(folder, args, pipe):
    os.mkfifo(folder / pipe)
    done = _drafter(args, folder)
    assert done.returncode == 2, done.stderr
    assert "不是普通文件" in done.stderr or "特殊文件" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert not (folder / "新.yaml").exists()


def test_an_identical_schema_is_still_left_alone(folder):
    """Near miss: a regular file already holding the schema is not rewritten (same bytes, same time)."""
    run_clean(["schema"], outputs=[Path(SCHEMA)], cwd=folder, exit_codes=(0,))
    before = (folder / SCHEMA).stat().st_mtime_ns
    os.chmod(folder / SCHEMA, 0o444)  # not even a read-only one is refused: nothing is written
    result = run_clean(["schema"], outputs=[Path(SCHEMA)], cwd=folder, exit_codes=(0,))
    assert "已生成" in result.output and (folder / SCHEMA).stat().st_mtime_ns == before


# -- F4: a count is worked back only from a rate in its base's own sentence -----------------------
LURES = [12345, 12348, 110, 2025, 10000]


def _draw(rng: random.Random, fig, got: dict, lure: float) -> int | None:
    within = getattr(fig, "within", None) or ((fig.not_above,) if fig.not_above else ())
    if within:  # a part never exceeds its whole
        if not all(w in got for w in within):
            return None
        return rng.randint(0, int(sum(got[w] for w in within)))
    k = rng.random()
    v = (rng.choice(LURES) if k < lure else rng.randint(0, 20) if k < 0.5 else rng.randint(21, 999) if k < 0.8
         else rng.randint(1000, 99999))
    return min(v, int(fig.upper)) if fig.upper is not None else v


def _generate(seed: int, themes: tuple[str, ...] = (), lure: float = 0.15) -> dict:
    """The example form with 成效 drawn anew: the themes named (else a random share of all),
    in each a random share of its groups and figures, and 上年数据 for some groups. ``lure``:
    the share of values that are words of another group too (12345 is 热线's)."""
    rng = random.Random(seed)
    form = copy.deepcopy(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))
    drop = rng.uniform(0.05, 0.6)
    entries = []
    for theme in load_catalogue().themes_of("成效"):
        if (theme.key not in themes) if themes else rng.random() < 0.4:
            continue
        data, last = {}, {}
        for name, group in theme.groups.items():
            if rng.random() < 0.2:
                continue
            got: dict = {}
            for fname, fig in group.figures.items():
                if rng.random() >= drop and (v := _draw(rng, fig, got, lure)) is not None:
                    got[fname] = v
            if got:
                data[name] = got
            if got and rng.random() < 0.5:
                prev: dict = {}
                for fname in got:
                    if (v := _draw(rng, group.figures[fname], prev, lure)) is not None:
                        prev[fname] = v
                last[name] = prev
        entry = {"主题": theme.key, "数据": data, "做法": [{"标题": "健全工作机制", "内容": "落实各项制度，定期督促检查。"}]}
        if last:
            entry["上年数据"] = last
        entries.append(entry)
    form["成效"] = entries or form["成效"]
    return form


def _figures(form: dict, key: str) -> dict[tuple, float]:
    return {(e["主题"], g, n): v for e in form.get("成效") or [] for g, given in (e.get(key) or {}).items()
            for n, v in (given or {}).items() if v is not None}


def _wrong(tmp: Path, forms: list[dict]) -> tuple[int, list]:
    """Render each form, start next year's from the report: how many figures came back, and
    each one that differs from the form's or that the form never held."""
    wrong, recovered = [], 0
    for i, form in enumerate(forms):
        path = tmp / f"{i}.yaml"
        path.write_text(yaml.safe_dump(form, allow_unicode=True), encoding="utf-8")
        render_file(path, tmp / f"{i}.docx", force=True)
        text, _ = new_form(tmp / f"{i}.docx", 2026)
        gold, got = _figures(form, "数据"), _figures(yaml.safe_load(text), "上年数据")
        recovered += len(got)
        wrong += [(i, key, gold.get(key), value) for key, value in got.items() if gold.get(key) != value]
    return recovered, wrong


def _m5() -> dict:
    form = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    form["成效"] = [{"主题": "权力监督",
                   "数据": {"建议提案": {"人大代表建议": 12345, "政协提案": 12345, "按时办复": 12345, "满意": 12345},
                          "政务公开": {"主动公开": 101}, "热线": {"受理诉求": 7, "按时办结": 7}},
                   "上年数据": {"建议提案": {"人大代表建议": 9999, "政协提案": 9999, "按时办复": 9999, "满意": 9999},
                            "政务公开": {"主动公开": 11}, "热线": {"受理诉求": 1000, "按时办结": 1000}},
                   "做法": [{"标题": "自觉接受人大监督和政协民主监督", "内容": "定期向县人大常委会报告工作，建议提案办理结果全部公开。"}]}]
    return form


def test_a_rate_among_another_groups_figures_fills_nothing(tmp_path):
    """The tester's form: 建议提案's 满意率 stands beside “12345” (热线's word) and is read as
    热线's; 热线's 回访满意 was never given and must not be made up. The rate is a comment."""
    recovered, wrong = _wrong(tmp_path, [_m5()])
    assert recovered and not wrong, wrong
    text, _ = new_form(tmp_path / "0.docx", 2026)
    assert "没有据此推算" in text, text


def test_rates_still_give_counts_in_their_own_sentence(tmp_path):
    """Near miss: 按时办结率 beside 受理诉求 in the same sentence still gives 按时办结."""
    form = _m5()
    form["成效"][0]["数据"]["热线"] = {"受理诉求": 40, "按时办结": 37}
    _, wrong = _wrong(tmp_path, [form])
    got = _figures(yaml.safe_load(new_form(tmp_path / "0.docx", 2026)[0]), "上年数据")
    assert not wrong and got[("权力监督", "热线", "按时办结")] == 37, got


def test_no_figure_differs_or_is_made_up_over_generated_forms(tmp_path):
    """Many forms: the themes whose groups share words (权力监督: 建议提案, 政务公开, 热线 with
    its “12345”) often, with values that are another group's word; then any themes."""
    forms = [_generate(seed, ("权力监督",), lure=0.45) for seed in range(70)]
    forms += [_generate(1000 + seed) for seed in range(50)]
    recovered, wrong = _wrong(tmp_path, forms)
    assert recovered > 500 and not wrong, (len(wrong), wrong[:10])


# -- F1: a form saved as .txt is refused by every command, with the name to give it -------------
def _as_text(folder: Path, name: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(EXAMPLE.read_text(encoding="utf-8").encode(encoding))
    return path


@pytest.mark.parametrize("name, encoding, rename", [("2025.yaml.txt", "utf-8", "2025.yaml"),
                                                    ("表单.txt", "utf-8-sig", "表单.yaml"),
                                                    ("2025.yml.txt", "utf-16", "2025.yml"),
                                                    ("去年.txt", "gb18030", "去年.yaml")])
@pytest.mark.parametrize("command", [
    lambda f: ["check", f], lambda f: ["import", f, "-o", "i.yaml"], lambda f: ["new", "2026", "--from", f],
    lambda f: ["render", f, "-o", "r.docx"], lambda f: ["validate", f], lambda f: ["parse", f],
    lambda f: ["check", "ex.yaml", "--last", f]])
def test_a_form_saved_as_text_is_refused_by_every_command(folder, name, encoding, rename, command):
    path = _as_text(folder, name, encoding)
    result = run_clean(command(path.name), inputs=[path], outputs=[folder / "i.yaml", folder / "r.docx"],
                       exit_codes=(2,), located=False)
    assert f"“{name}”是一份 drafter 表单" in result.output and f"改为“{rename}”" in result.output, result.output
    assert not any(folder.glob("*2026*")) and not (folder / "i.yaml").exists() and not (folder / "r.docx").exists()


def test_a_report_quoting_form_lines_stays_a_report(folder):
    """Near miss: a report with a line or two such as “年度: 2025” is read as a report."""
    text = ("年度: 2025\n单位: 某县人民政府\n某县人民政府关于2025年度法治政府建设情况的报告\n"
            "2025年，我县坚持依法行政，全年收到行政复议申请12件。\n")
    (folder / "报告.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "报告.txt"])
    assert "表单" not in result.output.split("\n")[0] and "报告" in result.output.split("\n")[0], result.output
    assert "改为" not in result.output


@pytest.mark.parametrize("last, name", [("2025.yaml.txt", "2026.yaml"), ("报告2025.docx.txt", "报告2026.yaml"),
                                        ("示例县2025.yaml", "示例县2026.yaml"), ("去年.yml", "去年-2026.yaml")])
def test_the_new_forms_name_never_doubles_a_suffix(last, name):
    assert output_name(last, 2026) == name


# -- F3: an existing folder given as -o for one input is written into -----------------------------
@pytest.mark.parametrize("args, written", [
    (["render", "ex.yaml", "-o", "out.docx"], "out.docx/ex.docx"),
    (["new", "2026", "--from", "ex.yaml", "-o", "报告.yaml"], "报告.yaml/ex-2026.yaml"),
    (["render", "ex.yaml", "-o", "报告"], "报告/ex.docx")])
def test_an_existing_folder_as_output_is_written_into(folder, args, written):
    (folder / Path(written).parent).mkdir()
    result = run_clean(args, inputs=[folder / "ex.yaml"], outputs=[folder / written], exit_codes=(0,))
    assert "是文件" not in result.output and (folder / written).is_file(), result.output


def test_a_file_name_for_several_inputs_is_said_as_a_name(folder):
    """Near miss: with two forms, -o 不存在.docx is a file name where a folder is wanted."""
    shutil.copyfile(EXAMPLE, folder / "乙.yaml")
    result = run_clean(["render", "ex.yaml", "乙.yaml", "-o", "不存在.docx"], inputs=[folder / "ex.yaml"],
                       exit_codes=(2,), located=False)
    assert "文件名的写法" in result.output and "应当是文件夹" in result.output and not (folder / "不存在.docx").exists()


# -- F5: advice that works --------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["folder", "fifo", "read-only"])
def test_markup_in_the_way_is_said_as_what_it_is(folder, kind):
    md = folder / "ex.md"
    if kind == "folder":
        md.mkdir()
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        os.mkfifo(md)
    else:
        md.write_text("我的笔记\n", encoding="utf-8")
        md.chmod(0o444)
    for force in ([], ["--force"]):
        result = run_clean(["render", "ex.yaml", "-o", "ex.docx", "--markup", *force], inputs=[folder / "ex.yaml"],
                           exit_codes=(2,), located=False)
        assert "--force" not in result.output and "ex.md" in result.output, result.output
    assert not (folder / "ex.docx").exists()


def test_new_over_its_own_input_asks_for_another_name(folder):
    result = run_clean(["new", "2026", "--from", "ex.yaml", "-o", "ex.yaml"], inputs=[folder / "ex.yaml"],
                       exit_codes=(2,), located=False)
    assert "文件名" in result.output and "文件夹" not in result.output, result.output


def test_mine_says_a_missing_output_folder_before_reading(folder):
    (folder / "报告").mkdir()
    (folder / "报告" / "坏.docx").write_bytes(b"PK\x03\x04 broken")
    result = run_clean(["mine", "报告", "-o", "没有/o.yaml"], inputs=[folder / "报告" / "坏.docx"],
                       exit_codes=(2,), located=False)
    assert "“没有”不存在" in result.output and "跳过" not in result.output, result.output


def test_schema_when_its_default_name_is_a_folder(folder):
    (folder / SCHEMA).mkdir()
    result = run_clean(["schema"], outputs=[Path(SCHEMA)], exit_codes=(2,), located=False)
    assert "-o" in result.output and f"{SCHEMA}/" not in result.output, result.output
