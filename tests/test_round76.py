"""Round 76 of the outside attack on issue 18 (and what round 75 left open)."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from hostile_cases import clerk_templates, example_form, render_with
from test_round33 import _last_years_report, _report
from test_round66 import _carried, _judged


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("全年受理信访事项100件，其中来访50件、电话来访30件、网上信访40件。", "50件＋30件＋40件"),
        ("全年受理信访事项100件，其中来信20件、来访50件、来电30件、网上信访40件。", "20件＋50件＋30件＋40件"),
        ("全年受理信访事项120件，其中来访50件、电话来访30件、网上信访40件。", None),
        # two names of one way are no list of ways
        ("全年受理信访事项100件，其中网上信访50件、网络信访60件。", None),
    ],
)
def test_round75_ways_a_petition_comes_in_add_up(tmp_path, runner, line, should):
    """来访、电话来访、网上信访 are ways a petition comes in, one each: they add up, though one
    name holds another."""
    _judged(tmp_path, runner, line, should, "其中超总数", clean_of="其中超总数")


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("全年作出纠错决定18件，审结146件，结案率96.7%。", None),
        ("另在受理前化解23件，审结146件，结案率96.7%。", None),
        # the rate's own base stated: still checked over it
        ("全年受理151件，作出纠错决定18件，审结146件，结案率90.7%。", "“审结”146件 ÷ “受理”151件"),
    ],
)
def test_round76_a_part_of_the_rates_part_is_never_its_whole(tmp_path, runner, line, should):
    """纠错 is a part of 审结 and 受理前化解 is outside 受理: neither is 结案率's whole, so no
    reminder of cases carried over from last year against them."""
    _judged(tmp_path, runner, line, should, "比率核算", clean_of="比率口径")


def test_round76_a_theme_template_printing_a_part_before_the_rates_part(tmp_path, runner):
    """A theme template printing 纠错, 审结 and 结案率 is not refused as if 纠错 were 结案率's whole."""
    folder = clerk_templates(
        tmp_path,
        {
            "themes/矛盾纠纷化解.md.j2": "### 复议\n{% set x = t.数据.行政复议 %}\n"
            '{{ 句(项("作出纠错决定{}", x.纠错), 项("审结{}", x.审结), 项("结案率{}", x.结案率)) }}\n'
            '{{ 数据句子(t, "行政应诉") }}\n'
        },
    )
    out, result = render_with(runner, tmp_path, folder)
    assert result.exit_code == 0 and out.exists(), result.output
    assert "比率口径" not in result.output and "上年结转" not in result.output, result.output


@pytest.mark.parametrize(("change", "error"), [("25.0%", False), ("35.0%", True)])
def test_round76_a_change_after_a_rate_fitting_the_headings_count(tmp_path, runner, change, error):
    """（二）全年查办各类行政案件400件 / 办结380件，办结率95.0%，同比增长25.0%（上年为320件）: the
    change fits the heading's 400 against 320, and is its, not 办结's."""
    line = f"（二）全年查办各类行政案件400件\n办结380件，办结率95.0%，同比增长{change}（上年为320件）。"
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert ("同比核算" in result.output) == error, result.output


_LISTED_PROBLEMS = """平川县人民政府关于2025年度法治政府建设情况的报告
市人民政府：
2025年，平川县深入贯彻党的二十大和二十届历次全会精神，现将有关情况报告如下。
一、2025年度推进法治政府建设的主要举措和成效
（一）加强行政复议
全年受理行政复议案件151件，审结146件，结案率96.7%。
二、存在的不足和原因
一是基层执法力量不足。主要原因是编制紧张。
二是执法信息化水平不高。主要原因是投入有限。
三、党政主要负责人履行推进法治建设第一责任人职责情况
县政府常务会议学法12次。
四、2026年工作安排
一是深化行政执法规范化建设。二是加快执法信息化建设。
特此报告。
平川县人民政府
2026年2月6日
"""


def test_round76_items_numbered_in_words_come_back_as_written(tmp_path, runner):
    """import → render keeps a report's 一是/二是 items as the paragraphs they were, never
    numbered again as headings (（一）基层执法力量不足。)."""
    import docx

    source = tmp_path / "去年.txt"
    source.write_text(_LISTED_PROBLEMS, encoding="utf-8")
    form, out = tmp_path / "f.yaml", tmp_path / "f.docx"
    result = runner.invoke(main, ["import", str(source), "-o", str(form)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["render", str(form), "-o", str(out)])
    assert result.exit_code == 0, result.output
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "一是基层执法力量不足。主要原因是编制紧张。" in paragraphs, paragraphs
    assert "二是执法信息化水平不高。主要原因是投入有限。" in paragraphs, paragraphs
    assert not any(p.startswith("（一）基层") for p in paragraphs), paragraphs
    result = runner.invoke(main, ["check", str(out)])
    assert result.exit_code == 0, result.output


_CLOSED_PLANS = """某县人民政府关于2025年度法治政府建设情况的报告
市人民政府：
2025年，某县深入贯彻党的二十大和二十届历次全会精神，现将有关情况报告如下。
一、主要成效
（一）加强行政复议
全年受理行政复议案件151件，审结146件，结案率96.7%。
二、存在的不足和原因
基层执法力量不足。主要原因是编制紧张。
三、党政主要负责人履行推进法治建设第一责任人职责情况
县政府常务会议学法12次。
四、2026年工作安排
{plans}
特此报告。
某县人民政府
2026年2月6日
"""


@pytest.mark.parametrize(
    "plans",
    [
        "（一）深化法治政府示范创建。\n（二）加强行政执法监督。",
        "1.深化法治政府示范创建。\n2.加强行政执法监督。",
        "（一）深化法治政府示范创建\n推进示范创建。\n（二）加强行政执法监督\n完善监督制度。",
    ],
)
def test_round77_the_closing_is_no_part_of_the_last_plan(tmp_path, runner, plans):
    """import → render: 特此报告。 after the last plan closes the report; the plan keeps its
    own sentence (its 。) and the closing comes after it, once."""
    import docx
    import yaml

    source = tmp_path / "去年.txt"
    source.write_text(_CLOSED_PLANS.format(plans=plans), encoding="utf-8")
    form, out = tmp_path / "f.yaml", tmp_path / "f.docx"
    assert runner.invoke(main, ["import", str(source), "-o", str(form)]).exit_code == 0
    body = yaml.safe_load(form.read_text(encoding="utf-8"))["正文"]
    plan_part = next(p for p in body if isinstance(p, dict) and p.get("角色") == "下一步")
    assert plan_part["内容"][-1] == "特此报告。", plan_part
    assert "特此报告" not in str(plan_part["内容"][:-1]), plan_part
    result = runner.invoke(main, ["render", str(form), "-o", str(out)])
    assert result.exit_code == 0, result.output
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    # (the number is the typesetter's: 2. comes back （二）)
    said = [p for p in paragraphs if "监督" in p]
    assert said and said[-1].endswith(("加强行政执法监督。", "完善监督制度。")), paragraphs
    assert paragraphs.count("特此报告。") == 1, paragraphs
    assert paragraphs.index("特此报告。") > max(i for i, p in enumerate(paragraphs) if "监督" in p), paragraphs


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("全年受理信访事项458件，比上年减少287件。", True),
        ("全年受理信访事项458件，同比减少287件。", True),
        ("受理信访事项比上年减少287件，达到458件。", True),
        ("全年受理信访事项458件，较上年减少324件。", False),
        ("受理信访事项比上年减少324件，达到458件。", False),
        # the difference is another count's of the clause, against its own last year
        ("全年受理信访事项458件，办结400件，比上年减少324件。", False),
    ],
)
def test_round77_a_difference_in_count_against_last_years_report(tmp_path, runner, line, error):
    """With --last, a change written as a count (比上年减少287件) is checked against last
    year's report when the sentence states no last year's figure."""
    last = _last_years_report(tmp_path, "全年受理信访事项782件，办结724件。")
    result = runner.invoke(main, ["check", str(_report(tmp_path, line)), "--last", str(last)])
    assert ("同比核算" in result.output) == error, result.output
    if error:
        assert "上年782件（去年的报告），应为减少324件" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("受理行政案件1224起，比2024年的1522起减少311起。", "应为减少298起"),
        ("受理行政案件1224起，较2024年（1522起）减少311起。", "应为减少298起"),
        ("受理行政案件1224起，较2024年（1522起）减少298起。", None),
        # a year before last says nothing of last year
        ("受理行政案件1224起，比2023年的1522起减少311起。", None),
    ],
)
def test_round77_a_difference_against_last_year_named_by_its_year(tmp_path, runner, line, should):
    """In a report on 2025, 比2024年的1522起减少311起 is against last year: checked."""
    _judged(tmp_path, runner, line, should, "同比核算")


_SENTENCE_ITEMS = """某县司法局关于2025年度法治政府建设情况的报告
2025年，我局深入学习贯彻习近平法治思想，现将有关情况报告如下：
一、2025年度推进法治政府建设的主要举措和成效
（一）普法宣传
1.开展送法下乡30次。
2.发放宣传资料5969份。
（1）组织旁听庭审7次。
（2）学法19次。
强化执法监督，评查案卷127卷。
二、党政主要负责人履行推进法治建设第一责任人职责情况
局主要负责人主持召开党组会议7次研究法治工作。
三、存在的不足和原因
基层法治宣传形式单一，主要原因是培训投入不足。
四、2026年工作安排
（一）深化普法宣传教育。
某县司法局
2026年1月20日
"""


def test_round78_a_numbered_sentence_keeps_its_full_stop_whatever_follows_it(tmp_path, runner):
    """import → render: 2.发放宣传资料5969份。 with items under it, and （2）学法19次。 with a
    paragraph after it, come back with their 。 and on lines of their own, as their
    siblings do."""
    import docx

    source = tmp_path / "去年.txt"
    source.write_text(_SENTENCE_ITEMS, encoding="utf-8")
    form, out = tmp_path / "f.yaml", tmp_path / "f.docx"
    assert runner.invoke(main, ["import", str(source), "-o", str(form)]).exit_code == 0
    result = runner.invoke(main, ["render", str(form), "-o", str(out)])
    assert result.exit_code == 0, result.output
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    for line in ("1.开展送法下乡30次。", "2.发放宣传资料5969份。", "（1）组织旁听庭审7次。", "（2）学法19次。", "强化执法监督，评查案卷127卷。"):
        assert line in paragraphs, (line, paragraphs)


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("全年受理劳动保障监察案件505件，与上年持平（上年为516件）。", "并不持平"),
        ("全年受理劳动保障监察案件505件，与上年（516件）持平。", "并不持平"),
        ("全年受理劳动保障监察案件505件，较上年（516件）持平。", "并不持平"),
        ("全年受理劳动保障监察案件505件，与去年持平（去年为516件）。", "并不持平"),
        ("全年受理劳动保障监察案件505件，与上年持平（上年为505件）。", None),
        ("全年受理劳动保障监察案件505件，与上年（505件）持平。", None),
    ],
)
def test_round78_held_level_against_last_years_figure_in_brackets(tmp_path, runner, line, should):
    """与上年持平 with last year's figure in brackets after it or within it is checked."""
    _judged(tmp_path, runner, line, should, "同比核算")


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("全年查处治安案件600起，同比增长30.0%（上年为500件）。", "应为上升20%"),
        ("全年查处治安案件600宗，较上年（500件）增加130宗。", "应为增加100宗"),
        ("全年查处治安案件600件次，比上年增加130件次，上年为500件。", "应为增加100件次"),
        ("全年查处治安案件600起，同比增长20.0%（上年为500件）。", None),
    ],
)
def test_round78_a_count_in_a_kin_unit_against_last_years(tmp_path, runner, line, should):
    """起, 宗 and 件次 count what 件 does: last year's 500件 is the base of this year's 600起."""
    _judged(tmp_path, runner, line, should, "同比核算")


@pytest.mark.parametrize(("change", "error"), [("30.0%", True), ("20.0%", False)])
def test_round78_a_count_in_a_kin_unit_against_last_years_report(tmp_path, runner, change, error):
    """With --last, last year's 500件 is the base of this year's 600起."""
    last = _last_years_report(tmp_path, "全年查处治安案件500件，办结500件。")
    result = runner.invoke(main, ["check", str(_report(tmp_path, f"全年查处治安案件600起，同比增长{change}。")), "--last", str(last)])
    assert ("同比核算" in result.output) == error, result.output


_LAST_YEARS_PETITIONS = ("        按期办结: 921\n    上年数据:\n", "        按期办结: 921\n    上年数据:\n      信访:\n        受理信访: 1010\n")


@pytest.mark.parametrize(
    ("files", "error"),
    [
        ({"句式.yaml": "矛盾纠纷化解:\n  信访:\n    - 受理信访事项{受理信访}\n    - 较上年减少{受理信访.上年}\n"}, "“较上年减少”后面写的是"),
        ({"句式.yaml": "矛盾纠纷化解:\n  信访:\n    - 受理信访事项{受理信访}\n    - 同比增加{受理信访.上年}\n"}, "“同比增加”后面写的是"),
        (
            {"themes/矛盾纠纷化解.md.j2": "{% set x = t.数据.信访 %}\n受理信访事项{{ x.受理信访 }}，比上年减少{{ x.受理信访.上年数 }}。\n"},
            "“比上年减少”后面写的是“受理信访”上年的数",
        ),
        ({"句式.yaml": "矛盾纠纷化解:\n  信访:\n    - 受理信访事项{受理信访}\n    - 较上年（{受理信访.上年}）有所减少\n"}, None),
    ],
)
def test_round78_last_years_figure_after_words_of_a_change_is_refused(tmp_path, runner, files, error):
    """较上年减少{受理信访.上年} would print last year's 1010件 as the fall: refused at its line;
    较上年（{受理信访.上年}） names it as last year's and is printed."""
    form = example_form(tmp_path, _LAST_YEARS_PETITIONS)
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files), form)
    if error is None:
        assert result.exit_code == 0 and "较上年（1010件）有所减少" in _text(out), result.output
    else:
        assert result.exit_code == 2 and error in result.output and "上年为" in result.output, result.output


def _text(path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


@pytest.mark.parametrize(
    ("line", "should"),
    [
        # last year's figure after 的 inside 与上年…持平
        ("办理建设工程施工许可86件，与上年的80件持平。", "并不持平"),
        ("办理建设工程施工许可86件，与2024年的80件持平。", "并不持平"),
        ("办理建设工程施工许可86件，与上年的86件持平。", None),
        ("办理建设工程施工许可86件，与2023年的80件持平。", None),
        # last year's figure after a colon
        ("全年共办理各类案件360件（上年：300件），同比增长30.0%。", "应为上升20%"),
        ("全年共办理各类案件360件（2024年：300件），同比增长30.0%。", "应为上升20%"),
        ("全年共办理各类案件360件（上年数：300件），同比增长30.0%。", "应为上升20%"),
        ("全年共办理各类案件360件（上年：300件），同比增长20.0%。", None),
        # the figure compared with, named before the change
        ("全年共办理各类案件360件，与上年300件相比增长30.0%。", "应为上升20%"),
        ("全年共办理各类案件360件，与2024年（300件）相比增长30.0%。", "应为上升20%"),
        ("全年共办理各类案件360件，与上年300件相比增长20.0%。", None),
        ("全年共办理各类案件360件，与2023年（300件）相比增长30.0%。", None),
    ],
)
def test_round79_last_years_figure_in_more_wordings(tmp_path, runner, line, should):
    """与上年的80件持平, （上年：300件）, 与上年300件相比增长…: last year's figure as written is
    the base of the change, and a wrong change is 同比核算."""
    _judged(tmp_path, runner, line, should, "同比核算")


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("全年依法受理151件，其中纠错18件，合计146件。", "“合计”前面只列了一项（18件）"),
        ("全年依法受理151件，其中纠错18件，合计151件。", None),
        ("全年依法受理151件，其中纠错18件，合计18件。", None),
        # items numbered 一是…；二是…；三是合计… are a list too
        ("一是审结146件；二是其中纠错18件；三是合计151件。", "“合计”前面只列了一项（18件）"),
        ("一是审结146件；二是其中纠错18件；三是合计146件。", None),
    ],
)
def test_round79_a_total_after_a_single_part(tmp_path, runner, line, should):
    """合计 after a 其中 of one part is that part (or the whole said again), never another count."""
    _judged(tmp_path, runner, line, should, "合计不符", clean_of="合计不符")


def test_round79_a_phrase_table_total_after_a_single_part_is_refused(tmp_path, runner):
    """依法受理{受理}，其中纠错{纠错}，合计{审结} prints a 合计 of no list: refused at its line."""
    folder = clerk_templates(tmp_path, {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n    - 依法受理{受理}\n    - 其中纠错{纠错}\n    - 合计{审结}\n"})
    out, result = render_with(runner, tmp_path, folder)
    assert result.exit_code == 2 and "句式.yaml:5" in result.output and "合计不符" in result.output, result.output
    assert not out.exists()


@pytest.mark.parametrize("addressee", ["县委；县人大常委会", "县委，县人大常委会", "县委、县人大常委会，县政协"])
def test_round79_an_addressee_of_several_kinds_comes_back(tmp_path, runner, addressee):
    """A 主送机关 joined by ，or ；(drafter prints it) is read back as the 主送机关 by import and
    new --from, never as the opening's first paragraph."""
    import yaml

    form = example_form(tmp_path, ("主送机关: 县委、县人大常委会", f"主送机关: {addressee}"))
    out = tmp_path / "r.docx"
    assert runner.invoke(main, ["render", str(form), "-o", str(out)]).exit_code == 0
    imported, carried = tmp_path / "i.yaml", tmp_path / "n.yaml"
    assert runner.invoke(main, ["import", str(out), "-o", str(imported)]).exit_code == 0
    assert yaml.safe_load(imported.read_text(encoding="utf-8"))["主送机关"] == addressee
    assert runner.invoke(main, ["new", "2026", "--from", str(out), "-o", str(carried)]).exit_code == 0
    assert yaml.safe_load(carried.read_text(encoding="utf-8"))["主送机关"] == addressee


def test_round79_a_small_amount_is_noted_in_full(tmp_path, runner):
    """new --from a form with 合同金额 0.00005 (亿元, 5000元) notes it as 0.00005, which the form
    reader takes when copied, never as 5e-05."""
    form = example_form(tmp_path, ("合同金额: 46.8", "合同金额: 0.00005"))
    new = tmp_path / "n.yaml"
    result = runner.invoke(main, ["new", "2026", "--from", str(form), "-o", str(new)])
    assert result.exit_code == 0, result.output
    text = new.read_text(encoding="utf-8")
    assert "是 0.00005（" in text and "e-05" not in text, text


def test_new_from_a_report_works_counts_back_from_rates_over_several_counts(tmp_path, runner):
    """new --from drafter's own report of the example: 按时办复率100% of 建议112件 + 提案134件
    is 246件, and 满意率98.8% of those 246 is 243件 — the figures the form had."""
    import yaml

    from conftest import EXAMPLE

    out, new = tmp_path / "r.docx", tmp_path / "n.yaml"
    assert runner.invoke(main, ["render", str(EXAMPLE), "-o", str(out)]).exit_code == 0
    result = runner.invoke(main, ["new", "2026", "--from", str(out), "-o", str(new)])
    assert result.exit_code == 0, result.output
    themes = {t["主题"]: t.get("上年数据") or {} for t in yaml.safe_load(new.read_text(encoding="utf-8"))["成效"]}
    group = themes["权力监督"]["建议提案"]
    assert (group.get("按时办复"), group.get("满意")) == (246, 243), themes["权力监督"]


@pytest.mark.parametrize(
    ("line", "carried"),
    [
        ("本年度承办人大代表建议112件，政协委员提案134件，按时办复率100%，代表委员满意率98.8%。", {"按时办复": 246, "满意": 243}),
        # 99.6% of 246 is 245 (never 246, which is 100%)
        ("本年度承办人大代表建议112件，政协委员提案134件，按时办复率99.6%。", {"按时办复": 245}),
        # 98.8% of 2460 may be 2430 or 2431: nothing carried
        ("本年度承办人大代表建议1120件，政协委员提案1340件，按时办复率98.8%。", None),
    ],
)
def test_new_from_a_report_carries_a_count_only_one_whole_number_gives(tmp_path, runner, line, carried):
    """A count worked back from a rate is carried only when one whole number rounds to it."""
    found, _ = _carried(tmp_path, runner, line)
    group = (found.get("权力监督") or {}).get("建议提案") or {}
    assert {k: v for k, v in group.items() if k in ("按时办复", "满意")} == (carried or {}), found


@pytest.mark.parametrize("command", [["render"], ["validate"], ["preview"], ["import", "-o", "f.yaml"], ["check"], ["new", "2026", "--from"]])
@pytest.mark.parametrize(("name", "said"), [("报告.pdf", "drafter 不读 PDF"), ("报告.wps", "另存为 Word 文档（.docx）")])
def test_round80_a_pdf_or_wps_report_is_said_as_one_drafter_does_not_read(tmp_path, runner, monkeypatch, command, name, said):
    """A PDF (or WPS file) given to any command is said as what drafter does not read, with
    what to make of it first — never a command that would refuse it too, nor an output clash."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(b"%PDF-1.7\n" if name.endswith(".pdf") else b"\xd0\xcf\x11\xe0")
    args = [*command[:1], name, *command[1:]] if command[0] != "new" else [*command, name]
    result = runner.invoke(main, args)
    assert result.exit_code == 2 and said in result.output, result.output
    assert "drafter import 报告" not in result.output and "drafter check 报告" not in result.output, result.output
    assert "正是输入的文件" not in result.output, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("执法办案质效稳步提升。同比减少52.5%（上年为1617件），全年受理投诉举报868件。", "应为下降46.3%"),
        ("同比减少52.5%（上年1617件），全年受理投诉举报868件。", "应为下降46.3%"),
        ("同比减少46.3%（上年为1617件），全年受理投诉举报868件。", None),
    ],
)
def test_round80_a_change_before_its_figure_with_last_years_in_brackets(tmp_path, runner, line, should):
    """同比减少52.5%（上年为1617件），全年受理868件: the change is of the figure after the
    bracket, against the bracketed figure."""
    _judged(tmp_path, runner, line, should, "同比核算")


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("全年办理行政处罚3156件，行政强制87件，其中不予处罚264件。", "“不予处罚”264件多于总数“行政强制”87件"),
        ("全年办理行政处罚3156件，行政强制87件，其中不予处罚64件。", None),
    ],
)
def test_round81_what_a_count_is_not_is_never_named_as_its_part(tmp_path, runner, line, should):
    """其中不予处罚 after 行政处罚…，行政强制87件 is of the 87 before it: 不予处罚 is what 处罚 is
    not, never a part of 行政处罚 by its noun."""
    _judged(tmp_path, runner, line, should, "部分大于整体", clean_of="部分大于整体")


@pytest.mark.parametrize("after", ["联系人：张三，联系电话：0371-12345678", "此件公开发布。", "联系电话：0371-12345678"])
def test_round81_a_plain_line_under_the_date_leaves_the_closing_read(tmp_path, runner, after):
    """A contact line or 此件公开发布。 without brackets under the date: the date and signature
    are still read (no 成文日期缺失), and import says the line is left out."""
    import yaml

    text = _CLOSED_PLANS.format(plans="（一）深化法治政府示范创建。") + after + "\n"
    source = tmp_path / "r.txt"
    source.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["check", str(source)])
    assert "成文日期缺失" not in result.output and "【错误】" not in result.output, result.output
    form = tmp_path / "f.yaml"
    result = runner.invoke(main, ["import", str(source), "-o", str(form)])
    assert result.exit_code == 0 and "落款后面还有 1 行" in result.output, result.output
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    assert str(data["成文日期"]) == "2026-02-06" and data["落款"]["署名"] == "某县人民政府", data
    assert after not in str(data["正文"]), data


@pytest.mark.parametrize(("change", "error"), [("7.3%", False), ("17.3%", True)])
def test_round82_a_change_before_its_figure_is_paired_by_its_own_words_first(tmp_path, runner, change, error):
    """With --last, 行政处罚案件同比增长7.3%，全年受理530件 is against last year's 受理行政处罚案件
    494件, never the bare 受理149件 of 行政复议 in last year's report."""
    last = _last_years_report(tmp_path, "全年受理行政处罚案件494件，办结494件。全年收到行政复议申请153件，受理149件，审结147件。")
    result = runner.invoke(main, ["check", str(_report(tmp_path, f"行政处罚案件同比增长{change}，全年受理530件，办结530件。")), "--last", str(last)])
    assert ("同比核算" in result.output) == error, result.output
    assert "上年149件" not in result.output, result.output


@pytest.mark.parametrize(
    ("line", "should"),
    [
        # a sibling listed beside the part is never the rate's whole
        ("审结行政复议案件60件，其中维持50件、纠错10件，纠错率20.0%。", "应为16.7%"),
        ("审结行政复议案件60件，其中驳回50件、纠错10件，纠错率20.0%。", "应为16.7%"),
        ("审结行政复议案件60件，其中维持50件、纠错10件，纠错率16.7%。", None),
        # the count 其中 opens the parts of is their whole, though named by the rate's word
        ("出庭应诉案件80件，其中行政机关负责人出庭40件，出庭率77.0%。", "应为50%"),
        ("出庭应诉案件80件，其中行政机关负责人出庭40件，出庭率50.0%。", None),
    ],
)
def test_round82_a_rates_whole_is_neither_a_sibling_nor_missed_before_its_parts(tmp_path, runner, line, should):
    _judged(tmp_path, runner, line, should, "比率核算", clean_of="比率核算")


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("全年受理信访事项936件，按期办结921件，均已按期办结。", "写了“均已按期办结”，但“按期办结”921件少于"),
        ("评查案卷320卷，合格309卷，优秀96卷，全部合格。", "写了“全部合格”"),
        ("行政应诉案件58件，败诉2件，无一败诉。", "写了“无一败诉”，但同一句写的是“败诉”2件"),
        ("全年受理信访事项936件，按期办结936件，均已按期办结。", None),
        ("行政应诉案件58件，败诉0件，无一败诉。", None),
        ("全年受理信访事项936件，办结921件，均已按期办结。", None),
        ("受理151件，除5件正在审理外，审结146件，全部审结。", None),
    ],
)
def test_round82_all_or_none_said_against_the_sentences_own_counts(tmp_path, runner, line, should):
    """全部/均已… after a smaller count of that very act, or 无一… after a count of it not 0."""
    _judged(tmp_path, runner, line, should, "比率核算", clean_of="比率核算")


@pytest.mark.parametrize(
    ("files", "place"),
    [
        ({"themes/矛盾纠纷化解.md.j2": '{{ 句(项("行政应诉案件{}", t.数据.行政应诉.案件), 项("比上年减少7件")) }}\n'}, "矛盾纠纷化解.md.j2:1"),
        ({"句式.yaml": "党的领导:\n  法治督察:\n    - 开展法治督察{督察次数}\n    - 比上年增加3次\n"}, "句式.yaml:4"),
        ({"句式.yaml": "党的领导:\n  法治督察:\n    - 开展法治督察{督察次数}，同比增长60%\n"}, "句式.yaml:3"),
    ],
)
def test_round82_a_change_typed_with_its_amount_is_refused(tmp_path, runner, files, place):
    """比上年减少7件 typed after a form's figure says the same every year, whatever the figures."""
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 2 and place in result.output and "不是按表单里本年、上年的数算出的同比" in result.output, result.output
    assert not out.exists()


_ENDED = _CLOSED_PLANS.format(plans="（一）深化法治政府示范创建。")


@pytest.mark.parametrize(
    ("closing", "date", "signature"),
    [
        ("某县人民政府\n二O二六年二月六日\n", "2026-02-06", "某县人民政府"),
        ("某县人民政府\n2026.2.6\n", "2026-02-06", "某县人民政府"),
        ("某县人民政府\n2026年2月6日\n【关闭窗口】\n", "2026-02-06", "某县人民政府"),
        ("某县人民政府\n2026年2月6日\n责任编辑：王五\n", "2026-02-06", "某县人民政府"),
        ("某县人民政府（已盖章）\n2026年2月6日\n", "2026-02-06", "某县人民政府"),
    ],
)
def test_round82_closings_as_written_are_read(tmp_path, runner, closing, date, signature):
    """The date in any form the reading side takes, web-page clutter after it, and a signature
    saying it was sealed: the closing is read by check and import (a seal as 盖章: true)."""
    import yaml

    source = tmp_path / "r.txt"
    source.write_text(_ENDED.replace("某县人民政府\n2026年2月6日\n", closing), encoding="utf-8")
    assert "成文日期缺失" not in runner.invoke(main, ["check", str(source)]).output
    form = tmp_path / "f.yaml"
    result = runner.invoke(main, ["import", str(source), "-o", str(form)])
    assert result.exit_code == 0 and "没有成文日期" not in result.output, result.output
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    assert str(data["成文日期"]) == date and data["落款"]["署名"] == signature and data["单位"] == signature, data
    assert data["落款"].get("盖章", False) == ("盖章" in closing), data


@pytest.mark.parametrize("where", ["text box", "table"])
def test_round82_a_closing_in_a_text_box_or_a_table_is_read(tmp_path, runner, where):
    """The signature and date in a floating text box, or in a borderless table's cell: read."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    for line in _ENDED.split("\n")[:-3]:
        d.add_paragraph(line)
    if where == "table":
        cell = d.add_table(rows=1, cols=2).cell(0, 1)
        cell.paragraphs[0].text = "某县人民政府"
        cell.add_paragraph("2026年2月6日")
    else:
        ns = (
            'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        )
        box = (
            f"<w:r {ns}><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"1\" "
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>3000000</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="2000000" cy="800000"/><wp:wrapNone/><wp:docPr id="9" name="TB"/><a:graphic>'
            '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
            '<wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent><w:p><w:r><w:t>某县人民政府</w:t></w:r></w:p>'
            "<w:p><w:r><w:t>2026年2月6日</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
            "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
        )
        d.paragraphs[-1]._p.append(parse_xml(box))
    path = tmp_path / "r.docx"
    d.save(str(path))
    result = runner.invoke(main, ["check", str(path)])
    assert "成文日期缺失" not in result.output, result.output
    result = runner.invoke(main, ["parse", str(path)])
    assert "署名：某县人民政府　日期：2026年2月6日" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("一审行政诉讼案件58件，败诉率3.8%，其中败诉2件。", "败诉率通常以审结"),
        ("审结52件，败诉率3.8%，其中败诉2件。", None),
    ],
)
def test_round83_a_rates_part_after_it_under_qizhong(tmp_path, runner, line, should):
    """败诉率3.8%，其中败诉2件: 败诉 named by the rate's word alone is the rate's part, so a rate
    without its base before it is said (比率口径), in check and in what templates print."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert ("比率口径" in result.output) == (should is not None), result.output
    if should:
        assert should in result.output, result.output


def test_round83_a_theme_template_printing_a_rate_then_its_part_under_qizhong(tmp_path, runner):
    folder = clerk_templates(
        tmp_path,
        {"themes/矛盾纠纷化解.md.j2": "{% set y = t.数据.行政应诉 %}\n一审行政诉讼案件{{ y.案件 }}，败诉率{{ y.败诉率 }}，其中败诉{{ y.败诉 }}。\n"},
    )
    out, result = render_with(runner, tmp_path, folder)
    assert result.exit_code == 2 and "矛盾纠纷化解.md.j2:2" in result.output and "比率口径" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("全年受理行政复议案件87件，审结79件，结案率90.8%；审结案件中，维持33件、纠错10件、驳回26件，纠错率20.0%。", "应为12.7%"),
        ("受理信访事项500件，办结480件，办结率96.0%；办结事项中，群众满意400件，满意率95.0%。", "应为83.3%"),
        ("全年受理行政复议案件87件，审结79件，结案率90.8%；审结案件中，维持33件、纠错10件、驳回26件，纠错率12.7%。", None),
    ],
)
def test_round83_a_rate_after_a_semicolon_over_a_count_the_clause_names_again(tmp_path, runner, line, should):
    """…审结79件，结案率90.8%；审结案件中，…纠错率20.0%: the clause names 审结 again, so its rate
    is worked out over the 79 though a rate ended the clause before."""
    _judged(tmp_path, runner, line, should, "比率核算", clean_of="比率核算")


@pytest.mark.parametrize(("date", "error"), [("2026年2月30日", True), ("2026年13月5日", True), ("2026年2月6日", False), ("二〇二六年二月六日", False)])
def test_round83_a_date_no_calendar_has(tmp_path, runner, date, error):
    source = tmp_path / "r.txt"
    source.write_text(_ENDED.replace("2026年2月6日", date), encoding="utf-8")
    result = runner.invoke(main, ["check", str(source)])
    assert ("成文日期有误" in result.output) == error, result.output
    assert (result.exit_code == 1) == error, result.output


def test_round83_a_joint_signature_prints_one_issuer_a_line_and_comes_back(tmp_path, runner):
    """署名 of two units (a space between): one a line in the report, and import reads both."""
    import docx
    import yaml

    form = example_form(tmp_path, ("落款:\n  盖章: false", "落款:\n  署名: 中共示例县委员会　示例县人民政府\n  盖章: false"))
    out = tmp_path / "r.docx"
    result = runner.invoke(main, ["render", str(form), "-o", str(out)])
    assert result.exit_code == 0, result.output
    signed = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "署名"]
    assert signed == ["中共示例县委员会", "示例县人民政府"], signed
    back = tmp_path / "i.yaml"
    assert runner.invoke(main, ["import", str(out), "-o", str(back)]).exit_code == 0
    assert yaml.safe_load(back.read_text(encoding="utf-8"))["落款"]["署名"] == "中共示例县委员会　示例县人民政府"


def test_round83_a_signature_and_date_on_one_line_are_read(tmp_path, runner):
    import yaml

    source = tmp_path / "r.txt"
    source.write_text(_ENDED.replace("某县人民政府\n2026年2月6日\n", "某县人民政府　2026年2月6日\n"), encoding="utf-8")
    assert "成文日期缺失" not in runner.invoke(main, ["check", str(source)]).output
    form = tmp_path / "f.yaml"
    assert runner.invoke(main, ["import", str(source), "-o", str(form)]).exit_code == 0
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    assert str(data["成文日期"]) == "2026-02-06" and data["落款"]["署名"] == "某县人民政府", data


def test_round83_new_from_a_form_of_another_year_says_so(tmp_path, runner):
    from conftest import EXAMPLE

    new = tmp_path / "n.yaml"
    result = runner.invoke(main, ["new", "2027", "--from", str(EXAMPLE), "-o", str(new)])
    assert result.exit_code == 0 and "去年的表单是 2025 年度的" in result.output, result.output
    assert "# 注意：去年的表单是 2025 年度的" in new.read_text(encoding="utf-8")


def test_round84_a_word_of_a_groups_name_before_another_act_is_a_note(tmp_path, runner):
    """调解撤诉3件 under 行政应诉: an administrative suit withdrawn after mediation, never 人民调解's
    调解纠纷: a note in new --from, not last year's figure."""
    carried, text = _carried(tmp_path, runner, "全年行政应诉案件40件，负责人出庭应诉40件，出庭应诉率100%。调解撤诉3件。")
    assert "人民调解" not in str(carried), carried
    assert "3件（调解撤诉）" in text


@pytest.mark.parametrize(
    ("opening", "rule", "place"),
    [
        ("'{年度}年，{单位}坚持以党的十九届五中全会精神为指导，深入贯彻{纲要}'", "会议精神过时", "开头.句式[1]"),
        ("'{年度}年，{单位}全年受理行政复议案件100件，其中纠错120件'", "部分大于整体", "开头.句式[1]"),
    ],
)
def test_round84_the_clerks_own_opening_wording_is_said_at_its_form_line(tmp_path, runner, opening, rule, place):
    """What the form's 开头.句式 says is the clerk's: said at the form's line (a reminder),
    never blamed on the built-in template."""
    form = example_form(tmp_path)
    text = form.read_text(encoding="utf-8")
    text = text.replace("开头:\n", f"开头:\n  句式:\n  - {opening}\n  - 。\n  - 现将有关情况报告如下：\n", 1)
    form.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["validate", str(form)])
    said = [line for line in result.output.splitlines() if rule in line]
    assert said and place in said[0] and "report.md.j2" not in said[0], result.output


def test_round84_new_from_a_joint_reports_docx_keeps_the_unit_and_both_issuers(tmp_path, runner):
    import yaml

    form = example_form(tmp_path, ("落款:\n  盖章: false", "落款:\n  署名: 示例县人民政府　示例县司法局\n  盖章: false"))
    out, new = tmp_path / "r.docx", tmp_path / "n.yaml"
    assert runner.invoke(main, ["render", str(form), "-o", str(out)]).exit_code == 0
    assert runner.invoke(main, ["new", "2026", "--from", str(out), "-o", str(new)]).exit_code == 0
    data = yaml.safe_load(new.read_text(encoding="utf-8"))
    assert data["单位"] == "示例县人民政府" and data["落款"]["署名"] == "示例县人民政府　示例县司法局", data


@pytest.mark.parametrize(
    ("files", "said"),
    [
        ({"句式.yaml": "矛盾纠纷化解:\n  信访:\n    - 受理信访事项{受理信访}\n    - 按期办结率达到100%\n"}, "按期办结率写的是100%，但表单里的数"),
        ({"句式.yaml": "矛盾纠纷化解:\n  行政应诉:\n    - 办理一审行政诉讼案件{案件}\n    - 无一败诉\n"}, "写了“无一败诉”，但表单里“败诉”是2件"),
        ({"themes/矛盾纠纷化解.md.j2": "{% set x = t.数据.行政复议 %}受理{{ x.受理 }}，全部审结。\n"}, "写了“全部审结”，但表单里“审结”是146件"),
    ],
)
def test_round84_a_templates_own_all_or_rate_against_the_forms_figures(tmp_path, runner, files, said):
    """A rate or 全部/无一 typed in a template is refused when the form's figures say otherwise."""
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 2 and said in result.output, result.output


@pytest.mark.parametrize(
    ("items", "said"),
    [
        ("矛盾纠纷化解:\n  行政应诉:\n    - 案件{案件}\n    - 审结{审结}\n    - 无一败诉\n", "写了“无一败诉”，但表单里“败诉”是2件"),
        ("矛盾纠纷化解:\n  行政复议:\n    - 审结{审结}\n    - 无一纠错\n", "写了“无一纠错”，但表单里“纠错”是18件"),
    ],
)
def test_round85_none_said_of_a_figure_the_sentence_does_not_name(tmp_path, runner, items, said):
    """无一败诉 after counts that name no group: the one group with a 败诉 is the form's to weigh."""
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": items}))
    assert result.exit_code == 2 and said in result.output, result.output


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("排查安全隐患571处，已整改560处，整改率98.1%，其中重大隐患11处全部整改到位。", "比率核算"),
        ("受理信访事项200件，办结197件，办结率98.5%，其中重复信访事项12件均已办结。", "比率核算"),
        ("办理行政许可事项193项；行政确认278件；行政裁决67件；合计538件。", "合计不符"),
        ("办理行政许可事项193项，行政确认278件，行政裁决67件，合计538件。", "合计不符"),
    ],
)
def test_round85_sound_sentences_draw_no_error(tmp_path, runner, line, rule):
    """全部/均已 said of a 其中 part is not of the whole's rate; a 合计 over a list with an
    item in another unit (项) is not summed over the 件 items alone."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert rule not in result.output and result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("排查安全隐患571处，已整改560处，整改率98.1%，全部整改到位。", "比率核算"),
        ("办理行政许可事项193项；行政确认278件；行政裁决67件；合计300件。", "合计不符"),
    ],
)
def test_round85_still_caught(tmp_path, runner, line, rule):
    """全部 of the whole, and 件 items alone past the 合计, are still errors."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert rule in result.output and result.exit_code == 1, result.output


@pytest.mark.parametrize("proposals", ["12345", "123456"])
def test_round85_a_rate_the_form_gives_is_never_weighed_against_another_group(tmp_path, runner, proposals):
    """代表委员满意率98.8% is 建议提案's (243 ÷ 246), printed from the form: never weighed
    against 热线's 回访满意 ÷ 受理诉求, whatever the sentence's counts make the reading side guess."""
    form = example_form(tmp_path, ("        政协提案: 134", f"        政协提案: {proposals}"))
    out, result = tmp_path / "r.docx", None
    result = runner.invoke(main, ["render", str(form), "-o", str(out)])
    assert result.exit_code == 0 and "比率核算" not in result.output, result.output
