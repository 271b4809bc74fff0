"""drafter new: next year's form from last year's form or report; 去年安排; many at once."""

from __future__ import annotations

import re

import docx
import pytest
import yaml

from drafter.model.catalogue import load_catalogue
from drafter.nextyear.recover import last_year_used
from drafter.cli.commands import main
from drafter.form.spec import PLACEHOLDER
from drafter.model.numbers import with_unit

from conftest import EXAMPLE, corpus_files, needs_corpus

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out


def run(runner, *args):
    result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def figures(form: dict, key: str) -> dict[tuple, float]:
    """{(theme, group, figure): value} of every 数据 or 上年数据 of a form."""
    out = {}
    for entry in (form.get("成效") or []) + [dict(form.get("第一责任人") or {}, 主题="第一责任人")]:
        for group, given in (entry.get(key) or {}).items():
            for name, value in (given or {}).items():
                if value is not None:
                    out[(entry["主题"], group, name)] = value
    return out


def fill_in(path, figure: bool = True):
    """The form with the blank form's example texts written over, as a clerk fills them in:
    a form still holding them is refused where they stand. ``figure``: and this year's first
    blank figure given (1), as a clerk fills in at least one (成效 over nothing is refused)."""
    text = path.read_text(encoding="utf-8").replace(PLACEHOLDER, "已经写好的")
    if figure:
        text = re.sub(r"^( {8}[^ #:]+):(  # )", r"\1: 1\2", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    return path


def docx_text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


@pytest.fixture
def from_example(runner, tmp_path):
    target = tmp_path / "2026.yaml"
    result = run(runner, "new", 2026, "--from", EXAMPLE, "-o", target)
    assert result.exit_code == 0, result.output
    return target


def test_from_a_form_last_years_figures_become_baseline_and_nothing_is_carried_as_this_years(from_example):
    last = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    new = yaml.safe_load(from_example.read_text(encoding="utf-8"))
    used = last_year_used(load_catalogue())  # the rest are comments: as values they would only draw a reminder
    assert figures(new, "上年数据") == {k: v for k, v in figures(last, "数据").items() if k in used}
    text = from_example.read_text(encoding="utf-8")
    assert all(f"去年“{k[1]}：{k[2]}”是 {v}（默认的句式不写它的同比" in text
               for k, v in figures(last, "数据").items() if k not in used)
    assert figures(new, "数据") == {}
    assert new["年度"] == 2026 and str(new["成文日期"]).startswith("2027-")
    assert new["单位"] == last["单位"] and new["主送机关"] == last["主送机关"]
    assert new["落款"]["附注"] == last["落款"]["附注"]
    assert [t["主题"] for t in new["成效"]] == [t["主题"] for t in last["成效"]]
    text = from_example.read_text(encoding="utf-8")
    assert "收到申请:  # 件：" in text and "上年 162件" in text  # this year's line shows last year's value
    assert "3 月 1 日前" in text  # the deadline beside 成文日期
    for m in last["成效"][0]["做法"]:  # last year's measures as commented reference only
        assert f"#   {m['标题']}：" in text
    assert not any(m["标题"] == last["成效"][0]["做法"][0]["标题"] for m in new["成效"][0]["做法"] or [])
    assert [a["标题"] for a in new["去年安排"]] == [a["标题"] for a in last["下一步"]]
    assert all(a["落实情况"] is None for a in new["去年安排"])


def test_new_form_validates_renders_and_two_figures_give_yoy_wording(runner, tmp_path, from_example):
    fresh = run(runner, "validate", from_example)
    assert fresh.exit_code == 2 and "还没有填写" in fresh.output  # the example texts of the blank form
    fill_in(from_example, figure=False)
    # no figure of this year and no measure yet: 成效 would be a heading over nothing
    blank = run(runner, "render", from_example, "-o", tmp_path / "blank.docx")
    assert blank.exit_code == 2 and "成效部分没有内容" in blank.output and not (tmp_path / "blank.docx").exists()
    text = from_example.read_text(encoding="utf-8")
    text = text.replace("        收到申请:  # 件", "        收到申请: 180  # 件", 1)
    text = text.replace("        行政处罚:  # 件", "        行政处罚: 2900  # 件", 1)
    from_example.write_text(text, encoding="utf-8")
    assert run(runner, "validate", from_example).exit_code == 0
    assert "【错误】" not in run(runner, "validate", from_example).output
    out = tmp_path / "r.docx"
    assert run(runner, "render", from_example, "-o", out).exit_code == 0
    body = docx_text(out)
    assert "行政复议申请180件，同比增长11.1%" in body  # 180 against last year's 162
    assert "2900件，同比减少8.1%" in body  # 2900 against 3156


def test_from_the_rendered_example_report_recovers_the_baseline(runner, tmp_path):
    report = tmp_path / "示例县2025.docx"
    assert run(runner, "render", EXAMPLE, "-o", report).exit_code == 0
    target = tmp_path / "2026.yaml"
    assert run(runner, "new", 2026, "--from", report, "-o", target).exit_code == 0
    cat = load_catalogue()
    used = last_year_used(cat)
    gold = {k: v for k, v in figures(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")), "数据").items() if k in used}
    got = figures(yaml.safe_load(target.read_text(encoding="utf-8")), "上年数据")

    def same(key) -> bool:  # equal as the report prints them (46.83万件 stands for 468,300)
        unit = cat.themes[key[0]].groups[key[1]].figures[key[2]].unit
        return key in gold and with_unit(got[key], unit) == with_unit(gold[key], unit)

    right = [k for k in got if same(k)]
    precision, recall = len(right) / len(got), len(right) / len(gold)
    assert precision >= 0.95 and recall >= 0.80, (precision, recall, [k for k in got if not same(k)])
    new = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert new["单位"] == "示例县人民政府" and new["主送机关"] == "县委、县人大常委会"
    assert new["落款"]["附注"] == "此件公开发布" and len(new["去年安排"]) == 4
    assert new["去年安排"][0]["标题"] == "进一步压实法治建设责任"
    assert run(runner, "validate", fill_in(target)).exit_code == 0


def test_from_a_hand_written_report_unmapped_figures_and_unthemed_sections_are_comments(runner, tmp_path):
    report = tmp_path / "某区2025.txt"
    report.write_text(
        "某区人民政府关于2025年度法治政府建设情况的报告\n"
        "2025年，某区坚持依法行政，各项工作取得新进展。\n"
        "一、主要工作和成效\n"
        "（一）加强行政复议工作。全年收到行政复议申请88件，依法受理80件，审结75件。\n"
        "（二）推进特色街区建设。改造老旧街巷12条，新增口袋公园3处。\n"
        "二、存在的问题\n基层执法力量仍然不足，主要是编制偏紧。\n"
        "三、2026年工作安排\n"
        "（一）深化复议体制改革。推动复议案件繁简分流。\n"
        "（二）提升执法规范化水平。开展执法案卷评查。\n"
        "某区人民政府\n2026年2月10日\n", encoding="utf-8")
    target = tmp_path / "new.yaml"
    result = run(runner, "new", 2026, "--from", report, "-o", target)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    new = yaml.safe_load(text)
    assert figures(new, "上年数据") == {("矛盾纠纷化解", "行政复议", "收到申请"): 88,
                                      ("矛盾纠纷化解", "行政复议", "受理"): 80,
                                      ("矛盾纠纷化解", "行政复议", "审结"): 75}
    assert "# 推进特色街区建设" in text  # a section with no theme, kept as reference
    assert "12条" in text and "改造老旧街巷12条" in text  # an unmapped figure with its sentence
    assert "# 基层执法力量仍然不足" in text
    assert [a["标题"] for a in new["去年安排"]] == ["深化复议体制改革", "提升执法规范化水平"]
    assert run(runner, "render", fill_in(target), "-o", tmp_path / "r.docx").exit_code == 0


def test_from_an_imported_form_the_figures_come_out_of_the_prose(runner, tmp_path):
    report = tmp_path / "r.docx"
    assert run(runner, "render", EXAMPLE, "-o", report).exit_code == 0
    imported = tmp_path / "示例县2025.yaml"
    assert run(runner, "import", report, "-o", imported).exit_code == 0
    result = run(runner, "new", 2026, "--from", imported)
    assert result.exit_code == 0, result.output
    new = yaml.safe_load((tmp_path / "示例县2026.yaml").read_text(encoding="utf-8"))
    assert figures(new, "上年数据")[("矛盾纠纷化解", "行政复议", "收到申请")] == 162
    assert "正文" not in new


@needs_corpus
def test_from_each_corpus_report_the_form_validates_and_renders(runner, tmp_path):
    for path in corpus_files():
        target = tmp_path / f"{path.stem}.yaml"
        result = run(runner, "new", 2026, "--from", path, "-o", target)
        assert result.exit_code == 0, (path.name, result.output)
        new = yaml.safe_load(target.read_text(encoding="utf-8"))
        assert new["成效"] and new["去年安排"], path.name
        assert run(runner, "validate", fill_in(target)).exit_code == 0, path.name
        out = tmp_path / f"{path.stem}.docx"
        assert run(runner, "render", target, "-o", out).exit_code == 0, path.name
        # (issue 20) in the rule's order: 成效, 不足和原因, 第一责任人, 下一步
        tops = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "一级标题"]
        assert [t.split("、", 1)[1] for t in tops] == ["2026年推进法治政府建设的主要举措和成效", "存在的不足和原因",
                                                     "党政主要负责人履行推进法治建设第一责任人职责情况",
                                                     "2027年推进法治政府建设的主要安排"], (path.name, tops)


def test_last_years_arrangements_are_reported_where_filled_and_checked_where_not(runner, tmp_path, from_example):
    new = yaml.safe_load(from_example.read_text(encoding="utf-8"))
    new["去年安排"][1]["落实情况"] = "全年轮训基层执法人员620人次，案卷评查覆盖全部执法单位"
    new["第一责任人"]["做法"] = [{"标题": "带头学法", "内容": "主要负责同志带头学法。"}]
    new["成效"][0]["做法"] = [{"标题": "压实责任", "内容": "逐项分解年度任务。"}]  # 成效 says something
    form = tmp_path / "filled.yaml"
    form.write_text(yaml.safe_dump(new, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "r.docx"
    assert run(runner, "render", fill_in(form), "-o", out).exit_code == 0
    body = docx_text(out)
    assert "落实上年度工作安排" in body
    assert "进一步提升行政执法质量。全年轮训基层执法人员620人次，案卷评查覆盖全部执法单位。" in body
    assert "进一步增强普法实效" not in body  # not reported on: not printed
    result = run(runner, "check", form)
    assert "承诺未落实" in result.output and "去年安排[4].落实情况" in result.output
    assert "“进一步提升行政执法质量”" not in result.output


def test_never_overwrites_without_force_nor_writes_over_its_input(runner, tmp_path, from_example):
    before = from_example.read_text(encoding="utf-8")
    result = run(runner, "new", 2026, "--from", EXAMPLE, "-o", from_example)
    assert result.exit_code == 2 and "--force" in result.output
    assert from_example.read_text(encoding="utf-8") == before
    assert run(runner, "new", 2026, "--from", EXAMPLE, "-o", from_example, "--force").exit_code == 0
    result = run(runner, "new", 2026, "--from", from_example, "-o", from_example, "--force")
    assert result.exit_code == 2 and from_example.read_text(encoding="utf-8") == before


def _write(name: str, data: bytes):
    def make(folder):
        (folder / name).write_bytes(data)
        return folder / name
    return make


@pytest.mark.parametrize("make, expected", [
    (lambda d: d / "missing.yaml", "找不到"),
    (_write("bad.yaml", "单位: [x\n".encode()), "bad.yaml:1:5"),  # where the bracket opens
    (_write("bad.docx", b"not a zip"), "bad.docx"),
    (_write("junk.txt", bytes(range(256)) * 20), "UTF-8"),
    (_write("empty.txt", b""), "empty.txt"),
    (_write("blank.txt", "\n  \n\u3000\n".encode()), "blank.txt"),
])
def test_unusable_last_year_file_exits_2_and_writes_nothing(runner, tmp_path, make, expected):
    last = make(tmp_path)
    target = tmp_path / "out" / "new.yaml"
    target.parent.mkdir()
    result = run(runner, "new", 2026, "--from", last, "-o", target)
    assert result.exit_code == 2 and expected in result.output, result.output
    assert not target.exists()


def test_bad_command_lines_exit_2(runner, tmp_path, from_example):
    assert run(runner, "new", 2025, "--from", EXAMPLE, "-o", tmp_path / "x.yaml").exit_code == 2  # not later
    assert run(runner, "new", 2026, "--from", EXAMPLE, "-o", tmp_path / "x.docx").exit_code == 2
    assert run(runner, "new", 2026).exit_code == 2  # no --from
    assert run(runner, "new", "明年", "--from", EXAMPLE).exit_code == 2


def test_many_last_years_into_a_folder_one_broken(runner, tmp_path):
    folder = tmp_path / "2025"
    folder.mkdir()
    (folder / "甲局2025.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "乙局2025.yaml").write_text(EXAMPLE.read_text(encoding="utf-8").replace("示例县", "乙县"),
                                          encoding="utf-8")
    (folder / "丙局2025.yaml").write_text("单位: 丙局\n年度: 二〇二五\n", encoding="utf-8")
    out = tmp_path / "2026"
    result = run(runner, "new", 2026, "--from", folder, "-o", out)
    assert result.exit_code == 1
    assert (out / "甲局2026.yaml").is_file() and (out / "乙局2026.yaml").is_file()
    assert not (out / "丙局2026.yaml").exists()
    assert "丙局2025.yaml" in result.output and "未生成" in result.output and "共 3 份" in result.output


def test_render_many_forms_one_broken(runner, tmp_path, write_form, minimal):
    good = [write_form(minimal, "甲.yaml"), write_form(dict(minimal, 单位="乙县人民政府"), "乙.yaml")]
    broken = write_form(dict(minimal, 年度="去年"), "丙.yaml")
    out = tmp_path / "报告"
    result = run(runner, "render", *good, broken, "-o", out)
    assert result.exit_code == 1
    assert {p.name for p in out.iterdir()} == {"甲.docx", "乙.docx"}
    assert "丙.yaml" in result.output and "年度" in result.output and "共 3 份：生成 2 份" in result.output
    assert "乙县人民政府" in docx_text(out / "乙.docx")


def test_render_a_folder_beside_its_forms_and_refuse_a_docx_as_folder(runner, tmp_path, write_form, minimal):
    folder = tmp_path / "表单"
    folder.mkdir()
    for name in ("一", "二", "三"):
        (folder / f"{name}.yaml").write_text(yaml.safe_dump(minimal, allow_unicode=True), encoding="utf-8")
    result = run(runner, "render", folder)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.glob("*.docx")) == ["一.docx", "三.docx", "二.docx"]
    assert run(runner, "render", folder, "-o", tmp_path / "x.docx").exit_code == 2
    (tmp_path / "空").mkdir()
    result = run(runner, "render", tmp_path / "空", "-o", tmp_path / "o")
    assert result.exit_code == 2 and "没有表单" in result.output
    result = run(runner, "new", 2026, "--from", tmp_path / "空", "--from", folder, "-o", tmp_path / "o")
    # 一.yaml and the 一.docx rendered from it would both become 一-2026.yaml: refused before writing
    assert result.exit_code == 2 and "都会写成" in result.output and not (tmp_path / "o").exists()


@pytest.mark.parametrize("text", [
    "某县关于2025年度法治政府建设情况的报告\n一、主要成效\n" + "受理复议10件，审结9件，" * 3000 + "。\n",
    "一、主要成效\n" + "\n".join(f"（{i}）第{i}项工作。" for i in range(1, 400)) + "\n三、下一步\n" + "一是加强，" * 2000,
    "，,:;()1234567890%件率“”（《" * 5000,
], ids=["figures", "headings", "punctuation"])
def test_pathological_reports_give_a_form_or_a_message(runner, tmp_path, text):
    path = tmp_path / "怪.txt"
    path.write_text(text, encoding="utf-8")
    result = run(runner, "new", 2026, "--from", path, "-o", tmp_path / "n.yaml")
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 0:
        assert run(runner, "validate", fill_in(tmp_path / "n.yaml")).exit_code == 0
