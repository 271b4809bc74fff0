"""Round 7 of the outside attack on issue 18: a narrower count beside the part (其中按时办结,
未办结, 基本合格) is never taken for the rate's part; last year's count written in 万 is a
range in 同比; list numbers closed by a bracket (1）完善制度) are no unpaired bracket, and as a
title's own number they are refused like 1.; form text with a bracket or quote left open is
refused where it stands (check would call the report wrong); a 主要成效 item is one clause."""

from __future__ import annotations

import textwrap

import pytest

from drafter.cli.commands import main  # noqa: F401  (run_clean drives it)

from hostile_cases import example_form, line_of, run_clean
from test_check_rules import report, run

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

RATES = ("比率核算", "比率口径", "部分大于整体")


@pytest.mark.parametrize("body", [
    "受理100件，办结90件，其中按时办结80件，办结率90%。",
    "受理100件，办结90件，未办结10件，办结率90%。",
    "受理100件，办结90件，尚未办结10件，办结率90%。",
    "评查案卷100卷，合格90卷，不合格10卷，合格率90%。",
    "受理100件，办结90件，其中网上办结60件，办结率90%。",
])
def test_a_narrower_count_beside_the_part_is_not_the_part(body):
    assert [f for f in run(report(body)) if f.rule in RATES] == []


def test_the_plain_part_is_still_checked_beside_a_narrower_one():
    found = [f for f in run(report("受理100件，办结90件，其中按时办结80件，办结率80%。")) if f.rule == "比率核算"]
    assert len(found) == 1 and "应为90%" in found[0].message


def test_last_years_count_in_wan_is_a_range_in_a_change():
    found = run(report("办件量59.79万件，同比增长403.4%（上年11.88万件）。"))
    assert not [f for f in found if f.rule == "同比核算"]
    found = run(report("办件量59.79万件，同比增长500%（上年11.88万件）。"))
    hit = [f for f in found if f.rule == "同比核算"]
    assert len(hit) == 1 and "上年11.88万件" in hit[0].message and "118800" not in hit[0].message


def test_list_numbers_closed_by_a_bracket_are_no_unpaired_bracket():
    found = run(report("主要做法有：1）完善制度；2）强化考核；3）加强培训。"))
    assert [f for f in found if f.rule == "括号引号不成对"] == []


@pytest.mark.parametrize("old, new, field", [
    ("主送机关: 县委、县人大常委会", "主送机关: （未闭合", "主送机关"),
    ("- 标题: 亲自部署重要工作", "- 标题: “引号", "标题"),
    ("- 标题: 亲自部署重要工作", "- 标题: 1）加强", "标题"),
    ("    - 成功创建省级法治政府建设示范县", '    - "多。句号。"', "主要成效"),
])
def test_form_text_check_would_call_wrong_is_refused_where_it_stands(tmp_path, old, new, field):
    form = example_form(tmp_path, (old, new))
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(2,))
    typed = new.strip().split(": ", 1)[-1].strip('"').lstrip("- ")
    assert f"{form.name}:{line_of(form, typed)}:" in result.output
    assert field in result.output and not out.exists()


def test_a_closing_stop_of_a_highlight_is_not_printed_twice(tmp_path):
    form = example_form(tmp_path, ("    - 成功创建省级法治政府建设示范县", "    - 成功创建省级法治政府建设示范县。"))
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", out, "--markup"], inputs=[form], outputs=[out, out.with_suffix(".md")],
              exit_codes=(0,))
    text = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "示范县。现将有关情况" in text and "。。" not in text


@pytest.mark.parametrize("typed", ["4_6.8", "-0.0", "1_0.5"])
def test_money_written_so_is_refused_at_its_line(tmp_path, typed):
    form = example_form(tmp_path, ("合同金额: 46.8", f"合同金额: {typed}"))
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(2,))
    assert f"{form.name}:{line_of(form, '合同金额')}:" in result.output and "合同金额" in result.output


def test_new_from_own_report_keeps_the_closing_formula_out_of_the_last_promise(tmp_path):
    import yaml

    form = example_form(tmp_path, ("附注: 此件公开发布", "附注: 此件公开发布（联系人：张三（法制科））"))
    report = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", report], inputs=[form], outputs=[report], exit_codes=(0,))
    new = tmp_path / "2026.yaml"
    run_clean(["new", "2026", "--from", report, "-o", new], inputs=[report], outputs=[new], exit_codes=(0,))
    data = yaml.safe_load(new.read_text(encoding="utf-8"))
    assert not any("特此报告" in (a.get("去年内容") or "") for a in data["去年安排"])
    assert data["落款"]["附注"] == "此件公开发布（联系人：张三（法制科））"


def test_a_stray_character_inside_a_formula_is_said_once():
    lines = report("全面推进依法行政。")
    lines[1] = lines[1].replace("习近平法治思想", "习近平法\u241c治思想")
    rules = [f.rule for f in run(lines)]
    assert "表述错字" not in rules


@pytest.mark.parametrize("text, context", [
    ("其中应急演练138件。", "突发事件应对 应急管理"),  # 应急演练 (场次) is not 修订预案 (件)
    ("全县政务服务事项1286件。", "政务服务"),  # 政务服务事项 (项) is not 办件量 (件)
    ("其中受理诉求68420件，回访满意66315件。", "人大代表建议 政协提案"),  # 回访满意 is never 建议提案的满意
])
def test_a_count_named_as_another_indicator_is_never_filed_under_this_one(text, context):
    from drafter.model.catalogue import load_catalogue
    from drafter.reading.figure_finder import extract, map_to_catalogue

    figs = extract(text)
    map_to_catalogue(figs, text, load_catalogue(), context)
    assert all(f.maps_to in (None, "热线.受理诉求", "热线.回访满意") for f in figs), [(f.label, f.maps_to) for f in figs]


@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="LibreOffice 没有安装")
def test_titles_starting_with_figures_survive_a_libreoffice_resave(tmp_path):
    import subprocess

    import yaml

    form = example_form(tmp_path, ("标题: 进一步做实矛盾纠纷源头化解", "标题: 3个乡镇执法力量不足"),
                        ("标题: 推行高效办成一件事", "标题: 100个村居实现法律顾问全覆盖"))
    report = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", report], inputs=[form], outputs=[report], exit_codes=(0,))
    out = tmp_path / "另存"
    subprocess.run(["soffice", "--headless", "--convert-to", "docx", "--outdir", str(out), str(report)],
                   capture_output=True, timeout=180, check=True)
    saved = out / "报告.docx"
    result = run_clean(["check", saved], inputs=[saved], exit_codes=(0,))
    assert "没有发现问题" in result.output, result.output
    new = tmp_path / "2026.yaml"
    run_clean(["new", "2026", "--from", saved, "-o", new], inputs=[saved], outputs=[new], exit_codes=(0,))
    titles = [a["标题"] for a in yaml.safe_load(new.read_text(encoding="utf-8"))["去年安排"]]
    assert "3个乡镇执法力量不足" in titles and not any(t.startswith("（") for t in titles), titles


@pytest.mark.parametrize("body, rule, right", [
    ("受理100件，办结90件，办结率同比提升至95%。", "比率核算", "90%"),
    ("全年办结行政复议案件80件，办结率90%（受理100件）。", "比率核算", "80%"),
    ("全县整改率达120%。", "部分大于整体", "不会超过100%"),
])
def test_round7_misses_are_said(body, rule, right):
    hits = [f for f in run(report(body)) if f.rule == rule]
    assert len(hits) == 1 and right in hits[0].message, [f.format() for f in run(report(body))]


@pytest.mark.parametrize("body", [
    "受理100件，办结90件，办结率同比提升至90%。",
    "全年办结行政复议案件90件，办结率90%（受理100件）。",
    "发现问题20个，整改问题20个，整改率达100%。",
])
def test_round7_right_wordings_say_nothing(body):
    assert [f for f in run(report(body)) if f.rule in RATES] == []


@pytest.mark.parametrize("note", ["（内部）材料", "（请勿外传）此件公开发布", "（此件公开发布）"])
def test_a_note_that_only_starts_with_a_bracket_is_put_in_brackets_and_read_back(tmp_path, note):
    import yaml

    form = example_form(tmp_path, ("附注: 此件公开发布", f"附注: {note}"))
    report = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", report], inputs=[form], outputs=[report], exit_codes=(0,))
    result = run_clean(["check", report], inputs=[report], exit_codes=(0,))
    assert "没有发现问题" in result.output, result.output
    new = tmp_path / "2026.yaml"
    run_clean(["new", "2026", "--from", report, "-o", new], inputs=[report], outputs=[new], exit_codes=(0,))
    data = yaml.safe_load(new.read_text(encoding="utf-8"))
    assert data["落款"]["附注"] == (note[1:-1] if note == "（此件公开发布）" else note)
    assert not any("示例县人民政府" in (a.get("去年内容") or "") for a in data["去年安排"])


@pytest.mark.parametrize("how", ["xml", "python-docx", "core"])
def test_a_report_edited_without_touching_its_properties_is_never_overwritten(tmp_path, how):
    import zipfile

    import docx

    form = example_form(tmp_path)
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))
    run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))  # its own: replaced
    if how in ("xml", "core"):  # the text, or a note added to the properties (备注)
        part, old, new = (("word/document.xml", "县政府党组", "县政府党委") if how == "xml" else
                          ("docProps/core.xml", "</cp:coreProperties>", "<dc:description>请审阅</dc:description></cp:coreProperties>"))
        with zipfile.ZipFile(out) as z:
            parts = [(i, z.read(i.filename)) for i in z.infolist()]
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for info, data in parts:
                z.writestr(info, data.replace(old.encode(), new.encode()) if info.filename == part else data)
    else:
        d = docx.Document(str(out))
        d.paragraphs[5].text = "改过的段落"
        d.save(str(out))
    edited = out.read_bytes()
    result = run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(2,), located=False)
    assert "没有覆盖" in result.output and out.read_bytes() == edited


def test_a_utf16_form_is_named_as_such(tmp_path):
    form = example_form(tmp_path)
    form.write_bytes(form.read_text(encoding="utf-8").encode("utf-16"))
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(2,), located=False)
    assert "UTF-16" in result.output and "GBK" not in result.output


def _table(tmp_path, item: str):
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "句式.yaml").write_text("矛盾纠纷化解:\n  行政复议:\n    - " + item + "\n", encoding="utf-8")
    return folder


def test_a_tab_in_a_phrase_item_is_refused_at_its_line(tmp_path):
    folder = _table(tmp_path, "审结\t{审结}")
    form = example_form(tmp_path)
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-t", folder, "-o", out], inputs=[form, folder / "句式.yaml"], outputs=[out],
                       exit_codes=(2,))
    assert "句式.yaml:3:" in result.output and "制表符" in result.output


def test_a_spirit_without_the_word_is_refused_at_its_field(tmp_path):
    form = example_form(tmp_path, ("开头:", "开头:\n  会议精神: 党的二十大和二十届二中、三中全会"))
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(2,))
    assert "开头.会议精神" in result.output and "没有以“精神”结尾" in result.output


def test_a_doubled_shi_in_a_title_is_reminded_at_render(tmp_path):
    form = example_form(tmp_path, ("开展涉及营商环境的文件专项清理", "开展涉及营商环境的文件二是是专项清理"))
    result = run_clean(["validate", form], inputs=[form], exit_codes=(0,))
    assert "重复字" in result.output and "标题" in result.output


def test_the_date_turned_into_text_in_a_template_is_written_as_the_report_writes_dates(tmp_path):
    import shutil

    from drafter.files.resources import builtin_templates

    folder = tmp_path / "tpl"
    shutil.copytree(builtin_templates() / "default", folder)
    report = folder / "report.md.j2"
    report.write_text(report.read_text(encoding="utf-8").replace(
        "# {{ 部分标题.成效 }}\n", "# {{ 部分标题.成效 }}\n本报告截至{{ 成文日期 ~ \"\" }}。\n", 1), encoding="utf-8")
    form = example_form(tmp_path)
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-t", folder, "-o", out, "--markup"], inputs=[form], outputs=[out, out.with_suffix(".md")],
              exit_codes=(0,))
    assert "本报告截至2026年2月6日。" in out.with_suffix(".md").read_text(encoding="utf-8")


@pytest.mark.parametrize("title, year", [
    ("示例县人民政府2026年关于2025年度法治政府建设情况的报告", 2025),
    ("关于2025年度法治政府建设情况的报告", 2025),
    ("某县2025年法治政府建设工作报告", 2025),
])
def test_the_year_reported_is_read_from_the_title_before_any_other(title, year):
    from drafter.reading.analysis import report_year
    from drafter.reading.parser import parse_lines

    assert report_year(parse_lines([title, "一、主要成效", "全面推进依法行政。"])) == year


@pytest.mark.parametrize("body, said", [
    ("受理信访事项936件，全部按期办结，按期办结率98.4%。", "全部按期办结"),
    ("受理行政复议案件100件，全部审结，结案率86.7%。", "全部审结"),
])
def test_all_done_beside_a_rate_below_100_is_an_error(body, said):
    hits = [f for f in run(report(body)) if f.rule == "比率核算"]
    assert len(hits) == 1 and said in hits[0].message and hits[0].severity == "错误"


@pytest.mark.parametrize("body", [
    "受理行政复议案件100件，全部审结，结案率100%。",
    "受理行政复议案件100件，均已办结，其中按时办结90件，按时办结率90%。",
    "受理行政复议案件100件，全部依法受理，审结90件，结案率90%。",
])
def test_all_done_near_misses_say_nothing(body):
    assert [f for f in run(report(body)) if f.rule in RATES] == []


def test_wordwrap_over_a_figure_is_refused_at_the_template_line(tmp_path):
    import shutil

    from drafter.files.resources import builtin_templates

    folder = tmp_path / "tpl"
    shutil.copytree(builtin_templates() / "default", folder)
    report_t = folder / "report.md.j2"
    report_t.write_text(report_t.read_text(encoding="utf-8").replace(
        "# {{ 部分标题.成效 }}\n", "# {{ 部分标题.成效 }}\n全年受理办件{{ 成效[1].数据.政务服务.办件量 | wordwrap(3) }}。\n", 1),
        encoding="utf-8")
    form = example_form(tmp_path)
    out = tmp_path / "报告.docx"
    from click.testing import CliRunner

    from drafter.cli.commands import main as cli

    result = CliRunner().invoke(cli, ["render", str(form), "-t", str(folder), "-o", str(out)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    line = report_t.read_text(encoding="utf-8").splitlines().index("# {{ 部分标题.成效 }}") + 2  # the line added
    assert f"report.md.j2:{line}" in result.output and "wordwrap" in result.output and not out.exists()


@pytest.mark.parametrize("body", ["全年受理行政复议案件151件，审结146件，结案率（86.7%）居全市前列。",
                                  "全年受理行政复议案件151件，审结146件，结案率“86.7%”。"])
def test_a_rate_in_brackets_or_quotes_after_its_name_is_checked(body):
    hits = [f for f in run(report(body)) if f.rule == "比率核算"]
    assert len(hits) == 1 and "96.7%" in hits[0].message


def test_a_right_rate_in_brackets_after_its_name_says_nothing():
    assert [f for f in run(report("全年受理行政复议案件151件，审结146件，结案率（96.7%）居全市前列。")) if f.rule in RATES] == []


@pytest.mark.parametrize("body", [
    "全年受理信访事项205件，按期办结200件，未按期办结5件，按期办结率为97.6%。",
    "调解纠纷19件，调解成功14件，未调解成功5件，调解成功率为73.7%。",
    "制发规范性文件48件，及时报备40件，未及时报备8件，及时报备率83.3%。",
    "受理案件48件，按期办结率83.3%，未按期办结8件。",
])
def test_a_not_done_count_of_a_qualified_rate_is_never_its_part(body):
    assert [f for f in run(report(body)) if f.rule in RATES] == []


def test_the_done_count_beside_a_not_done_one_is_still_checked():
    hits = [f for f in run(report("受理案件48件，按时办结40件，未按时办结8件，按时办结率90%。")) if f.rule == "比率核算"]
    assert len(hits) == 1 and "83.3%" in hits[0].message


_STOP_IN_DEL = textwrap.dedent("""
    import os, signal, sys, time
    import drafter.files.writing

    class Late:
        def __del__(self):  # a stop landing where Python only prints and ignores the exception
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.2)

    real = drafter.files.writing.text_writer

    def writer(text):
        write = real(text)
        def wrapped(tmp):
            obj = Late()
            del obj
            write(tmp)
        return wrapped

    drafter.files.writing.text_writer = writer
    from drafter.cli.commands import main
    main(["schema", "-o", sys.argv[1]])
""")


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGINT"), reason="POSIX signals")
def test_a_stop_python_would_ignore_still_stops_the_run(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    target = tmp_path / "结构.json"
    proc = subprocess.run([sys.executable, "-c", _STOP_IN_DEL, str(target)], capture_output=True, text=True,
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert proc.returncode == 130 and "已中止" in proc.stderr, (proc.returncode, proc.stderr)
    assert "Exception ignored" not in proc.stderr and "Traceback" not in proc.stderr


def test_a_ctrl_c_python_wrapped_in_another_error_ends_as_a_stop(monkeypatch, capsys):
    import drafter.cli.commands
    from drafter.cli import launch

    def wrapped():
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as err:
            raise RuntimeError("Error calling __set_name__") from err

    monkeypatch.setattr(drafter.cli.commands, "main", wrapped)
    with pytest.raises(SystemExit) as stop:
        launch.main()
    assert stop.value.code == 130 and "已中止" in capsys.readouterr().err
