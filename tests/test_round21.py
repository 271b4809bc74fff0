"""Round 21 of the outside attack on issue 18 (the first on issue 20's shapes of the report):
each case failed before its fix, and each has a near miss."""

from __future__ import annotations

import zipfile

import pytest
import yaml

from conftest import EXAMPLE
from hostile_cases import run_clean

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out


@pytest.fixture
def example() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _form(tmp_path, data) -> object:
    form = tmp_path / "表单.yaml"
    form.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return form


def _render_and_check(tmp_path, data):
    form = _form(tmp_path, data)
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))
    result = run_clean(["check", out], inputs=[out], exit_codes=(0,))
    assert "没有发现问题" in result.output, result.output
    new = tmp_path / "2026.yaml"
    run_clean(["new", "2026", "--from", out, "-o", new], inputs=[out], outputs=[new], exit_codes=(0,))
    carried = yaml.safe_load(new.read_text(encoding="utf-8"))
    assert [a["标题"] for a in carried["去年安排"]] == [s["标题"] for s in data["下一步"]]
    return out


@pytest.mark.parametrize("order", [
    ["问题", "成效", "第一责任人", "下一步"],
    ["下一步", "成效", "问题", "第一责任人"],
    ["第一责任人", "下一步", "成效", "问题"],
])
def test_themes_as_parts_after_another_part_are_still_achievements(tmp_path, example, order):
    """成效分列 with 问题 or 下一步 before 成效: each theme is marked as 成效 (a bookmark of its
    own name per theme), not read as 其他 after the problems."""
    example["写法"] = {"部分次序": order, "成效分列": True}
    out = _render_and_check(tmp_path, example)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    names = [n for n in __import__("re").findall(r'w:bookmarkStart w:id="\d+" w:name="([^"]+)"', xml)]
    assert len(names) == len(set(names))  # a bookmark name once per document
    assert sum(n.startswith("_drafter_achievements") for n in names) == len(example["成效"])


@pytest.mark.parametrize("style", [
    {"问题和下一步合写": True, "部分标题": {"问题": "党政主要负责人履行推进法治建设第一责任人职责情况"}},
    {"问题和下一步合写": True, "部分标题": {"问题和下一步": "存在的不足和原因"}},
    {"问题和下一步合写": True, "部分标题": {"下一步": "存在的不足和2026年工作安排"}},
    {"成效分列": True, "部分标题": {"成效": "存在的不足和原因"}},
])
def test_a_heading_the_shape_does_not_print_decides_nothing(tmp_path, example, style):
    example["写法"] = style
    _render_and_check(tmp_path, example)


@pytest.mark.parametrize("value", ["[]", "{}"])
@pytest.mark.parametrize("key", ["特此报告", "成效分列", "问题和下一步合写"])
def test_an_empty_list_where_true_or_false_goes_is_said(tmp_path, key, value):
    form = tmp_path / "表单.yaml"
    form.write_text(EXAMPLE.read_text(encoding="utf-8") + f"\n写法:\n  {key}: {value}\n", encoding="utf-8")
    result = run_clean(["validate", form], inputs=[form], exit_codes=(2,))
    assert f"写法.{key}" in result.output and "不是是否值" in result.output, result.output


def test_false_is_still_false(tmp_path):
    form = tmp_path / "表单.yaml"
    form.write_text(EXAMPLE.read_text(encoding="utf-8") + "\n写法:\n  特此报告: false\n", encoding="utf-8")
    run_clean(["validate", form], inputs=[form], exit_codes=(0,))


@pytest.mark.parametrize("written", ["[成效，问题，第一责任人，下一步]", "[成效、问题、第一责任人、下一步]"])
def test_an_order_written_with_chinese_commas_is_told_how_to_part_it(tmp_path, written):
    form = tmp_path / "表单.yaml"
    form.write_text(EXAMPLE.read_text(encoding="utf-8") + f"\n写法:\n  部分次序: {written}\n", encoding="utf-8")
    result = run_clean(["validate", form], inputs=[form], exit_codes=(2,))
    assert "写在了一项里" in result.output and "[成效, 问题, 第一责任人, 下一步]" in result.output, result.output
    assert "是不是" not in result.output


def test_a_misspelt_part_is_still_told_what_it_may_be(tmp_path):
    form = tmp_path / "表单.yaml"
    form.write_text(EXAMPLE.read_text(encoding="utf-8") + "\n写法:\n  部分次序: [成效, 问题, 第一责任, 下一步]\n",
                    encoding="utf-8")
    result = run_clean(["validate", form], inputs=[form], exit_codes=(2,))
    assert "是不是“第一责任人”" in result.output, result.output


def test_last_years_work_as_a_part_of_its_own_is_no_plan_for_next_year(tmp_path, example):
    """成效分列 with 去年安排: the 落实上年度工作安排情况 part is this year's work (成效), so next
    year's 去年安排 is this year's 下一步 alone, from the .docx and from its text."""
    example["去年安排"] = [{"标题": "进一步提升行政执法质量", "落实情况": "开展执法人员轮训3期，培训800人次。"}]
    example["写法"] = {"成效分列": True}
    out = _render_and_check(tmp_path, example)
    text = tmp_path / "报告.txt"
    text.write_text("\n".join(p.text for p in __import__("docx").Document(str(out)).paragraphs), encoding="utf-8")
    new = tmp_path / "从文本.yaml"
    run_clean(["new", "2026", "--from", text, "-o", new], inputs=[text], outputs=[new], exit_codes=(0,))
    carried = yaml.safe_load(new.read_text(encoding="utf-8"))
    assert [a["标题"] for a in carried["去年安排"]] == [s["标题"] for s in example["下一步"]]


@pytest.mark.skipif(__import__("drafter.files.libreoffice").files.libreoffice.find_soffice() is None, reason="没有安装 LibreOffice")
def test_the_one_item_of_a_part_is_an_item_after_a_save_by_another_word_processor(tmp_path, example):
    from drafter.files.libreoffice import run_soffice

    example["下一步"] = [{"标题": "进一步提升行政执法质量", "内容": "开展基层执法人员轮训，深化案卷评查和执法监督。"}]
    form = _form(tmp_path, example)
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", out], inputs=[form], outputs=[out], exit_codes=(0,))
    saved = tmp_path / "另存"
    saved.mkdir()
    run_soffice(["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(saved), str(out)], 300)
    new = tmp_path / "2026.yaml"
    run_clean(["new", "2026", "--from", saved / "报告.docx", "-o", new], inputs=[saved / "报告.docx"], outputs=[new],
              exit_codes=(0,))
    carried = yaml.safe_load(new.read_text(encoding="utf-8"))["去年安排"]
    assert [(a["标题"], a["去年内容"]) for a in carried] == [("进一步提升行政执法质量", "开展基层执法人员轮训，深化案卷评查和执法监督。")]


MERGED = """示例县人民政府关于2024年度法治政府建设情况的报告
一、主要举措和成效
（一）加强党的领导。县政府常务会议专题研究法治政府建设4次。
（二）严格规范执法。全年办理行政处罚案件356件。
二、党政主要负责人履行推进法治建设第一责任人职责情况
县政府主要负责同志带头学法，主持召开专题会议3次。
三、{heading}
我县法治政府建设还存在一些不足：基层执法力量薄弱，执法人员法律素养有待提高。
（一）深化行政执法体制改革。推动执法力量向基层倾斜。
（二）提升依法决策水平。扩充重大行政决策目录。
示例县人民政府
2025年1月30日
"""


@pytest.mark.parametrize("heading", ["存在的问题和下一步工作打算", "存在的不足及2025年工作安排", "困难问题和下步打算",
                                     "存在的主要问题及下一步工作思路", "问题不足与改进措施"])
def test_a_merged_part_whose_plans_stand_as_sub_sections(tmp_path, heading):
    """The problems in a paragraph, the plans as (一)(二): both parts are there, and the plans
    are next year's 去年安排."""
    path = tmp_path / "报告.txt"
    path.write_text(MERGED.format(heading=heading), encoding="utf-8")
    result = run_clean(["check", path], inputs=[path], exit_codes=(0, 1))
    assert "缺少必需部分" not in result.output, result.output
    new = tmp_path / "2025.yaml"
    run_clean(["new", "2025", "--from", path, "-o", new], inputs=[path], outputs=[new], exit_codes=(0,))
    text = new.read_text(encoding="utf-8")
    assert [a["标题"] for a in yaml.safe_load(text)["去年安排"]] == ["深化行政执法体制改革", "提升依法决策水平"]
    assert "基层执法力量薄弱" in text[text.index("去年写的问题"):]


def test_a_merged_part_whose_problems_stand_as_sub_sections_too(tmp_path):
    """Near miss: a sub-section that says what falls short is a problem, not a plan."""
    text = MERGED.format(heading="存在的问题和下一步工作打算").replace(
        "我县法治政府建设还存在一些不足：基层执法力量薄弱，执法人员法律素养有待提高。\n",
        "（一）基层执法力量薄弱。执法人员法律素养有待提高。\n").replace("（一）深化", "（二）深化").replace("（二）提升", "（三）提升")
    path = tmp_path / "报告.txt"
    path.write_text(text, encoding="utf-8")
    new = tmp_path / "2025.yaml"
    run_clean(["new", "2025", "--from", path, "-o", new], inputs=[path], outputs=[new], exit_codes=(0,))
    assert [a["标题"] for a in yaml.safe_load(new.read_text(encoding="utf-8"))["去年安排"]] == [
        "深化行政执法体制改革", "提升依法决策水平"]


OLD_LAYOUT = """@标题 {{ 标题 }}
{{ 年度 }}年，{{ 单位 }}统筹推进依法行政各项工作。现将有关情况报告如下：
# {{ 部分标题.成效 }}
{% for t in 成效 %}
## {{ t.标题 }}
{% include "themes/" ~ t.键 ~ ".md.j2" %}

{% endfor %}
# {{ 部分标题.第一责任人 }}
{% for m in 第一责任人.做法 %}
## {{ m.标题 | full_stop }}{{ m.内容 }}
{% endfor %}
# {{ 部分标题.问题 }}
{% for p in 问题 %}
## {{ p.标题 | full_stop }}{{ p.表现 | full_stop }}{{ p.原因句 | full_stop }}
{% endfor %}
# {{ 部分标题.下一步 }}
{% for a in 下一步 %}
## {{ a.标题 | full_stop }}{{ a.内容 }}
{% endfor %}
@署名 {{ 署名 }}
@日期 {{ 成文日期 | cn_date }}
"""


def test_an_older_layout_naming_a_file_per_theme_still_renders(tmp_path, example):
    """A report.md.j2 copied when the default had one file per theme includes
    themes/<主题>.md.j2 with no fallback: the theme is written by the phrase table."""
    folder = tmp_path / "模板"
    folder.mkdir()
    (folder / "report.md.j2").write_text(OLD_LAYOUT, encoding="utf-8")
    form = _form(tmp_path, example)
    out = tmp_path / "报告.docx"
    run_clean(["render", form, "-o", out, "-t", folder], inputs=[form, folder / "report.md.j2"], outputs=[out],
              exit_codes=(0,))
    text = "".join(p.text for p in __import__("docx").Document(str(out)).paragraphs)
    assert "组织开展法治政府建设督察6次" in text
    # near miss: a file that is no theme's is still not found
    (folder / "report.md.j2").write_text(OLD_LAYOUT.replace('"themes/" ~ t.键 ~ ".md.j2"', '"themes/无此文件.md.j2"'),
                                         encoding="utf-8")
    from click.testing import CliRunner

    from drafter.cli.commands import main
    result = CliRunner().invoke(main, ["render", str(form), "-o", str(out), "-t", str(folder), "--force"])
    assert result.exit_code == 2 and "无此文件" in result.output, result.output


@pytest.mark.parametrize("table, said", [
    ("普法：\n  - x\n", "全角冒号"),
    ("普法: [\n", "第 2 行"),
])
def test_a_broken_phrase_table_is_said_so_by_list_and_diff(tmp_path, table, said):
    from click.testing import CliRunner

    from drafter.cli.commands import main
    folder = tmp_path / "模板"
    folder.mkdir()
    (folder / "句式.yaml").write_text(table, encoding="utf-8")
    for command in ("list", "diff"):
        result = CliRunner().invoke(main, ["templates", command, str(folder)])
        assert result.exit_code == 0 and "句式表写法有误" in result.output and said in result.output, result.output
        assert "改了主题" not in result.output


def test_a_theme_key_with_a_full_width_colon_is_named(tmp_path, example):
    folder = tmp_path / "模板"
    folder.mkdir()
    (folder / "句式.yaml").write_text("普法：\n  - x\n", encoding="utf-8")
    form = _form(tmp_path, example)
    from click.testing import CliRunner

    from drafter.cli.commands import main
    result = CliRunner().invoke(main, ["render", str(form), "-o", str(tmp_path / "r.docx"), "-t", str(folder)])
    assert result.exit_code == 2 and "主题名“普法”后面用了全角冒号" in result.output, result.output


MERGED_WITH_LEADER_AFTER = """某县人民政府关于2025年度法治政府建设情况的报告

县委：
2025年，全县坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中、三中、四中全会精神。
一、2025年法治政府建设主要成效
（一）依法行政。全年受理行政复议案件64件，审结50件，结案率为78.1%。
（二）严格执法。开展执法检查12次，整改问题30个。
二、存在的问题和下一步打算
{body}
三、党政主要负责人履行推进法治建设第一责任人职责情况
县政府主要负责同志带头学法用法，专题研究法治建设4次。
特此报告。

某县人民政府
2026年2月6日
"""


@pytest.mark.parametrize("body", [
    "（一）存在的不足。基层执法力量不足，原因是编制偏紧、培训不够。\n（二）改进措施。进一步加强执法队伍建设，开展全员轮训。",
    "（一）存在的不足。基层执法力量不足，原因是编制偏紧、培训不够。\n（二）多措并举。进一步加强执法队伍建设，开展全员轮训。",
    "基层依法行政能力仍有短板，部分乡镇执法人员数量不足。主要原因是基层编制和人员流动性大，新进人员培训跟不上。"
    "针对上述问题，2026年我们将进一步加强执法队伍建设，开展全员轮训。",
    "基层依法行政能力仍有短板。主要原因是基层编制和人员流动性大。下一步，我们将进一步加强执法队伍建设，开展全员轮训。",
])
def test_a_merged_part_before_the_leaders_part_is_both_with_its_causes(tmp_path, body):
    path = tmp_path / "报告.txt"
    path.write_text(MERGED_WITH_LEADER_AFTER.format(body=body), encoding="utf-8")
    result = run_clean(["check", path], inputs=[path], exit_codes=(0,))
    assert "没有发现问题" in result.output, result.output


def test_a_part_of_problems_alone_still_lacks_its_causes(tmp_path):
    """Near miss: a 不足 part that gives no cause is still reminded."""
    text = MERGED_WITH_LEADER_AFTER.format(body="基层依法行政能力仍有短板，部分乡镇执法人员数量不足。").replace(
        "二、存在的问题和下一步打算", "二、存在的问题")
    text = text.replace("特此报告。", "四、2026年工作安排\n进一步加强执法队伍建设，开展全员轮训。\n特此报告。")
    path = tmp_path / "报告.txt"
    path.write_text(text, encoding="utf-8")
    result = run_clean(["check", path], inputs=[path], exit_codes=(0,))
    assert "缺少原因" in result.output, result.output
