"""Round 94 of the outside attack on issue 18 (and what earlier rounds left open)."""

from __future__ import annotations

import pytest

from hostile_cases import clerk_templates, render_with

from drafter.cli.commands import main
from test_round33 import _report


def _said(tmp_path, runner, line: str, should: str | None, clean_of: str) -> None:
    """``check`` of a report holding ``line``: ``should`` said (a 错误 or a 提醒), or, when it
    is None, nothing of ``clean_of``."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code in (0, 1), result.output
    if should is None:
        assert clean_of not in result.output, result.output
    else:
        assert should in result.output, result.output


@pytest.mark.parametrize(
    ("line", "should"),
    [
        # the part before a whole that is not the catalogue's base: a reminder, as in the other order
        ("负责人出庭应诉65件，应诉案件78件，出庭应诉率达79.5%。", "出庭应诉率通常以开庭的件数为基数"),
        ("应诉案件78件，负责人出庭应诉65件，出庭应诉率达79.5%。", "出庭应诉率通常以开庭的件数为基数"),
        # right over the count stated: nothing to remind
        ("负责人出庭应诉65件，应诉案件78件，出庭应诉率达83.3%。", None),
        # two wholes listed, no part and whole: not recomputed
        ("办结建议120件、提案86件，办结率90%。", None),
    ],
)
def test_a_rate_over_a_whole_written_after_its_part_is_weighed(tmp_path, runner, line, should):
    """负责人出庭应诉65件，应诉案件78件，出庭应诉率达79.5%: 65 ÷ 78 is 83.3%; the whole after the part
    is not the rate's base by the catalogue, so the basis is asked for (比率口径)."""
    _said(tmp_path, runner, line, should, "比率")


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("受理行政复议案件120件，其中涉及行政处罚30件、行政强制87件、信息公开120件。", "30件＋87件＋120件"),
        ("行政应诉案件52件，其中涉及行政处罚类30件、行政强制类27件。", "30件＋27件"),
        # adding up to the whole, with the rest as 其他: sound
        ("受理行政复议案件120件，其中涉及行政处罚类30件、行政强制类27件、政府信息公开类12件、其他51件。", None),
        # qualities of the same cases still overlap
        ("受理行政复议案件120件，其中涉企案件80件、行政强制87件。", None),
    ],
)
def test_kinds_of_act_a_case_is_brought_against_add_up(tmp_path, runner, line, should):
    """受理行政复议案件120件，其中涉及行政处罚30件、行政强制87件、信息公开120件: each case for review is
    brought against one kind of act, so the kinds (237) cannot add up past the whole (120)."""
    _said(tmp_path, runner, line, should, "其中超总数")


@pytest.mark.parametrize(("rate", "should"), [("90%", "应为80%"), ("80%", None)])
def test_a_rate_the_catalogue_does_not_define_is_worked_over_its_headings_count(tmp_path, runner, rate, should):
    """1.全年收到行政复议申请150件 / 依法受理120件，受理率90%: 受理率 is no catalogue rate, but
    what was received (the heading's count) is its whole, as in one sentence."""
    line = f"县政府依法办理复议案件。\n1.全年收到行政复议申请150件\n依法受理120件，受理率{rate}。"
    _said(tmp_path, runner, line, should, "比率核算")


@pytest.mark.parametrize(
    "said",
    ["增长1.5倍", "较上年翻了一番", "实现翻番", "比上年增长近两倍", "同比增长近两成", "是上年的2倍"],
)
def test_a_change_in_times_or_tenths_typed_after_a_figure_is_refused(tmp_path, runner, said):
    """全年收到行政复议申请{收到申请}，增长1.5倍: the phrase table says it every year, whatever the
    form's figures (the example's rise is 17.4%)."""
    files = {"句式.yaml": f"矛盾纠纷化解:\n  行政复议:\n    - 全年收到行政复议申请{{收到申请}}\n    - {said}\n"}
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 2 and "句式.yaml:4" in result.output, result.output
    assert "不是按表单里本年、上年的数算出的同比" in result.output, result.output
    assert not out.exists()


def test_a_change_in_times_typed_in_a_theme_template_is_refused(tmp_path, runner):
    files = {"themes/矛盾纠纷化解.md.j2": '{{ 句(项("收到行政复议申请{}", t.数据.行政复议.收到申请), 项("增长近五成")) }}\n'}
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 2 and "矛盾纠纷化解.md.j2:1" in result.output, result.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("全年收到行政复议申请162件，上年为138件，增长1.5倍。", "本年是上年的1.17倍"),
        ("全年收到行政复议申请162件，上年为138件，同比增长1.5倍。", "本年是上年的1.17倍"),
        ("全年收到行政复议申请162件，上年为138件，增长近两倍。", "本年是上年的1.17倍"),
        ("全年收到行政复议申请162件，上年为138件，增长近五成。", "本年比上年增长17.4%"),
        ("全年收到行政复议申请162件，上年为138件，增长三成。", "本年比上年增长17.4%"),
        ("全年收到行政复议申请100件，上年为138件，下降逾五成。", "本年比上年下降27.5%"),
        ("建成法治文化阵地80个，上年为20个，增长两倍。", "本年是上年的4倍"),
        # sound: to the nearest tenth, near it from below, either reading of 增长N倍
        ("全年收到行政复议申请162件，上年为138件，增长两成。", None),
        ("全年收到行政复议申请162件，上年为138件，增长近两成。", None),
        ("全年收到行政复议申请100件，上年为138件，下降近三成。", None),
        ("全年收到行政复议申请345件，上年为138件，增长1.5倍。", None),
        ("建成法治文化阵地80个，上年为20个，增长三倍。", None),
    ],
)
def test_a_change_in_times_or_tenths_after_last_years_figure_is_checked(tmp_path, runner, line, should):
    """162件，上年为138件，增长1.5倍 (a rise of 17.4%): last year's figure between the count and
    its change in times, and changes in words (增长两倍, 增长近五成, 下降逾五成), are weighed."""
    _said(tmp_path, runner, line, should, "同比核算")


@pytest.mark.parametrize(
    "line",
    [
        "全年化解矛盾纠纷870件，其中诉前化解230件，化解率95.2%。",
        "化解行政争议87件，其中受理前化解23件，化解率58.3%。",
        "调解成功3198件，其中诉前调解成功1200件，调解成功率98.2%。",
    ],
)
def test_a_part_under_qizhong_is_not_its_rates_numerator(tmp_path, runner, line):
    """化解矛盾纠纷870件，其中诉前化解230件，化解率95.2%: the rate is of the 870 (its whole unstated),
    never 230 ÷ 870 — the 其中 part is narrower than the count it is of (a false 错误 before)."""
    _said(tmp_path, runner, line, None, "比率核算")


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("全年审结行政复议案件146件，其中维持、纠错分别为138件、18件。", "138件＋18件"),
        ("全年审结行政复议案件146件，其中：维持、驳回、纠错分别为110件、20件、18件。", "110件＋20件＋18件"),
        ("受理信访事项936件，其中来信、来访、网上信访分别为120件、400件、516件。", "120件＋400件＋516件"),
        ("全年审结行政复议案件146件，维持、纠错分别为138件、18件。", "138件＋18件"),
        ("全年审结行政复议案件146件，其中维持、纠错分别为128件、18件。", None),
        # one name, several wholes: parts of each by position, not added up
        ("受理复议、诉讼案件分别为120件、80件，其中网上受理分别为100件、70件。", None),
    ],
)
def test_parts_named_by_position_add_up_under_their_whole(tmp_path, runner, line, should):
    """审结146件，其中维持、纠错分别为138件、18件: names then counts with 分别 are the parts each
    in its place, added up as when each is written beside its name."""
    _said(tmp_path, runner, line, should, "其中超总数")
    if should:
        result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
        assert result.output.count("其中超总数") == 1, result.output


@pytest.mark.parametrize(
    ("line", "should", "rule"),
    [
        # a difference in its own sentence naming its count, last year's in brackets
        ("全年受理投诉举报904件，办结890件。受理量比上年增加558件（上年为246件）。", "应为增加658件", "同比核算"),
        ("全年受理投诉举报904件，办结890件。受理量比上年增加658件（上年为246件）。", None, "同比核算"),
        # a sum of money between the count and last year's
        ("全年行政处罚案件86起，罚款320万元，较上年（70起）增加26起。", "应为增加16起", "同比核算"),
        ("全年行政处罚案件86起，罚款320万元，较上年（70起）增加16起。", None, "同比核算"),
        # times of money; half way between two is said as it is
        ("全年罚没款1200万元，是上年的3倍（上年为480万元）。", "本年是上年的2.5倍", "同比核算"),
        ("全年罚没款1200万元，是上年的2.5倍（上年为480万元）。", None, "同比核算"),
        # 上年新增 names last year's figure
        ("全年新增市场主体12000户，上年新增10900户，同比增长30%。", "应为上升10.1%", "同比核算"),
        ("全年新增市场主体12000户，上年新增10900户，同比增长10.1%。", None, "同比核算"),
        # a claim of all before the count of its act
        ("全年发现问题隐患320处，均已整改到位，整改315处。", "“整改”315处少于“发现问题隐患”320处", "比率核算"),
        ("全年发现问题隐患320处，全部完成整改（整改315处）。", "“整改”315处少于“发现问题隐患”320处", "比率核算"),
        ("排查重大隐患11处，全部整改，整改9处。", "“整改”9处少于“排查重大隐患”11处", "比率核算"),
        ("全年发现问题隐患320处，均已整改到位，整改320处。", None, "比率核算"),
        ("全年发现问题隐患320处，均已整改到位，整改资金300万元。", None, "比率核算"),
        # 三项合计, 两项合计, 以上合计
        ("全年办理法律援助案件620件、公证1850件、司法鉴定310件，三项合计2880件。", "各项之和是2780件", "合计不符"),
        ("办理行政复议140件、行政裁决11件，两项合计161件。", "各项之和是151件", "合计不符"),
        ("全年办理法律援助案件620件、公证1850件、司法鉴定310件，以上合计2880件。", "各项之和是2780件", "合计不符"),
        ("全年办理法律援助案件620件、公证1850件、司法鉴定310件，三项合计2780件。", None, "合计不符"),
    ],
)
def test_round94_changes_claims_and_totals_in_other_shapes(tmp_path, runner, line, should, rule):
    """Round 94's planted errors the checker missed, each beside its sound twin."""
    _said(tmp_path, runner, line, should, rule)


def test_a_difference_in_the_next_sentence_naming_its_count_is_checked_with_last(tmp_path, runner):
    """立案数比上年多22宗 in a sentence of its own, with --last (46宗 last year): 58 − 46 = 12."""
    from test_round33 import _last_years_report

    report = _report(tmp_path, "立案查处违法用地案件58宗，涉及土地面积150亩。立案数比上年多22宗。")
    last = _last_years_report(tmp_path, "立案查处违法用地案件46宗，涉及土地面积120亩。")
    result = runner.invoke(main, ["check", str(report), "--last", str(last)])
    assert result.exit_code == 1 and "应为增加12宗" in result.output, result.output


@pytest.mark.parametrize(
    ("cells", "split"),
    [
        (["（印章）", "某县人民政府\n2026年2月6日"], False),
        (["（印章）", "某县人民政府\n2026年2月6日"], True),
        (["某县人民政府\n2026年2月6日", "（印章）"], False),
    ],
)
def test_a_closing_in_a_table_beside_the_seals_cell_is_read(tmp_path, runner, cells, split):
    """A borderless 1×2 table under the body: （印章） in one cell, the signature and the date in
    the other (two paragraphs, or one split by Shift+Enter) — read as the closing by check and
    import (was 成文日期缺失, and import put the row into the body)."""
    import docx
    import yaml
    from test_round76 import _ENDED

    d = docx.Document()
    for line in _ENDED.split("\n")[:-3]:
        d.add_paragraph(line)
    row = d.add_table(rows=1, cols=2).rows[0]
    for cell, text in zip(row.cells, cells):
        lines = text.split("\n")
        if split:
            run = cell.paragraphs[0].add_run(lines[0])
            for more in lines[1:]:
                run.add_break()
                run.add_text(more)
        else:
            cell.paragraphs[0].text = lines[0]
            for more in lines[1:]:
                cell.add_paragraph(more)
    source = tmp_path / "r.docx"
    d.save(str(source))
    checked = runner.invoke(main, ["check", str(source)])
    assert "成文日期缺失" not in checked.output, checked.output
    form = tmp_path / "f.yaml"
    result = runner.invoke(main, ["import", str(source), "-o", str(form)])
    assert result.exit_code == 0 and "没有成文日期" not in result.output, result.output
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    assert str(data["成文日期"]) == "2026-02-06" and data["落款"]["署名"] == "某县人民政府", data
    assert "印章" not in form.read_text(encoding="utf-8").split("落款")[0], "the seal's note is no body text"


def test_import_says_it_leaves_footnotes_out(tmp_path, runner):
    """A Word footnote on a figure (its text at the page's foot): import does not carry it into
    the form, and says so, naming the paragraph (it was dropped without a word)."""
    import docx
    from docx.oxml import parse_xml
    from test_round76 import _ENDED

    d = docx.Document()
    lines = _ENDED.split("\n")
    noted = next(line for line in lines if line.startswith("（一）"))
    for k, line in enumerate(lines):
        p = d.add_paragraph(line)
        if k == lines.index(noted):
            ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            p._p.append(parse_xml(f'<w:r {ns}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'))
    source = tmp_path / "r.docx"
    d.save(str(source))
    result = runner.invoke(main, ["import", str(source), "-o", str(tmp_path / "f.yaml")])
    assert result.exit_code == 0, result.output
    assert f"原文有 1 条脚注或尾注（第一条在“{noted[:20]}”这一段）" in result.output, result.output


def test_import_says_a_date_no_calendar_has_as_such(tmp_path, runner):
    """成文日期 2026年2月30日: import fills in a date to check and says the report's date is
    none the calendar has (it said the report had no date)."""
    from test_round76 import _ENDED

    source = tmp_path / "r.txt"
    source.write_text(_ENDED.replace("2026年2月6日", "2026年2月30日"), encoding="utf-8")
    result = runner.invoke(main, ["import", str(source), "-o", str(tmp_path / "f.yaml")])
    assert result.exit_code == 0, result.output
    assert "原文的成文日期“2026年2月30日”不是日历上有的日子" in result.output, result.output


@pytest.mark.parametrize(("change", "wrong"), [("增长25%", False), ("增长35%", True)])
def test_a_change_beside_a_wrong_difference_is_weighed_against_last_years_report(tmp_path, runner, change, wrong):
    """150亩，比上年增加40亩，增长25% with --last (120亩): the difference is wrong (30亩), the
    25% right against last year's report — not recomputed over the 110亩 the wrong difference
    gives (a second 错误 pointing at the right figure)."""
    from test_round33 import _last_years_report

    report = _report(tmp_path, f"立案查处违法用地案件58宗，涉及土地面积150亩，比上年增加40亩，{change}。")
    last = _last_years_report(tmp_path, "立案查处违法用地案件46宗，涉及土地面积120亩。")
    result = runner.invoke(main, ["check", str(report), "--last", str(last)])
    assert result.exit_code == 1 and "应为增加30亩" in result.output, result.output
    assert "由文中的增减数推算" not in result.output, result.output
    assert ("应为上升25%" in result.output) == wrong, result.output


# -- round 95 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "should", "rule"),
    [
        # a claim of all against the nearest whole, not the sentence's first count (false 错误 before)
        ("收到行政复议申请8件，受理6件，审结6件，全部审结。", None, "比率核算"),
        ("接到投诉200件，受理180件，办结180件，均已办结。", None, "比率核算"),
        ("抽查326户，发现问题48户，整改48户，均已整改到位。", None, "比率核算"),
        ("开展双随机抽查326户次，发现问题48户，责令整改48户，均已整改到位。", None, "比率核算"),
        ("收到行政复议申请8件，受理8件，审结6件，全部审结。", "“审结”6件少于“受理”8件", "比率核算"),
        ("排查隐患320处，其中重大隐患12处，整改315处，均已整改到位。", "“整改”315处少于“排查隐患”320处", "比率核算"),
        # ways a case closes, each named alone, add up under cases closed or taken up
        ("全年审结劳动人事争议案件598件，其中调解351件、裁决230件、撤诉27件。", "351件＋230件＋27件", "其中超总数"),
        # (taken up, a case may be mediated and then arbitrated: not summed)
        ("全年受理劳动人事争议案件612件，其中调解400件、仲裁300件。", None, "其中超总数"),
        ("全年审结劳动人事争议案件598件，其中调解351件、裁决230件、撤诉17件。", None, "其中超总数"),
        # a total of the sentences before it
        ("办理治安案件980起。办理交通违法案件200起。办理其他案件80起。以上合计1300起。", "前面3句列出的各项之和是1260起", "合计不符"),
        ("办理治安案件980起。办理交通违法案件200起。办理其他案件80起。总计1300起。", "前面3句列出的各项之和是1260起", "合计不符"),
        ("办理治安案件980起。办理交通违法案件200起。办理其他案件80起。合计1260起。", None, "合计不符"),
        ("受理复议案件120件。审结100件。合计300件。", None, "合计不符"),
        # none claimed, the count of it after the claim
        ("全年行政诉讼案件4件，无一败诉，败诉1件。", "写了“无一败诉”", "比率核算"),
        ("行政诉讼案件4件，均未败诉，败诉1件。", "写了“均未败诉”", "比率核算"),
        ("行政诉讼案件审结4件，无一败诉，其中败诉1件。", "写了“无一败诉”", "比率核算"),
        ("行政诉讼案件审结4件，无一败诉，败诉0件。", None, "比率核算"),
        # the rate's own counts in brackets, the part first
        ("仲裁案件按期结案率为98.5%（按期结案577件，审结598件）。", "应为96.5%", "比率核算"),
        ("按期结案率为98.5%（按期结案577件，审结598件）。", "应为96.5%", "比率核算"),
        ("仲裁案件按期结案率为96.5%（按期结案577件，审结598件）。", None, "比率核算"),
    ],
)
def test_round95_claims_totals_and_rates_in_other_shapes(tmp_path, runner, line, should, rule):
    """Round 95's false 错误 (a claim of all weighed against the sentence's first count) and its
    missed planted errors, each beside its sound twin."""
    _said(tmp_path, runner, line, should, rule)


@pytest.mark.parametrize(
    ("items", "said"),
    [
        (["全年收到行政复议申请{收到申请}", "增幅达30%"], "不是按表单里本年、上年的数算出的同比"),
        (["全年收到行政复议申请{收到申请}", "较上年减半"], "不是按表单里本年、上年的数算出的同比"),
        (["全年收到行政复议申请{收到申请}", "上年为100件"], "是写死在模板里的上年数"),
        (["全年收到行政复议申请{收到申请}（上年100件）"], "是写死在模板里的上年数"),
        (["全年收到行政复议申请{收到申请}", "较上年的100件有所增加"], "“较上年的100件”是写死在模板里的上年数"),
        (["审结{审结}", "作出纠错决定{纠错}", "占比不足一成"], "是写死在模板里的占比"),
    ],
)
def test_round95_changes_last_years_figures_and_shares_typed_after_a_figure_are_refused(tmp_path, runner, items, said):
    """增幅达30%, 较上年减半, 上年为100件, 占比不足一成 typed after a form's figure say the same every
    year, whatever the form's figures (the example: 162 against 138; 纠错 18 of 审结 146)."""
    lines = "".join(f"    - {item}\n" for item in items)
    files = {"句式.yaml": f"矛盾纠纷化解:\n  行政复议:\n{lines}"}
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 2 and "句式.yaml:" in result.output and said in result.output, result.output
    assert not out.exists()


def test_round95_last_years_figure_typed_in_a_theme_template_is_refused(tmp_path, runner):
    files = {"themes/矛盾纠纷化解.md.j2": '{{ 句(项("收到行政复议申请{}", t.数据.行政复议.收到申请), 项("上年为100件")) }}\n'}
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 2 and "矛盾纠纷化解.md.j2:1" in result.output and "写死在模板里的上年数" in result.output, result.output
    assert not out.exists()


@pytest.mark.parametrize("claim", ["信访事项均在法定期限内办结", "信访事项全部在法定期限内办结"])
def test_round95_a_claim_of_all_within_the_time_set_is_weighed_against_the_form(tmp_path, runner, claim):
    """均在法定期限内办结 is 均已按期办结: the form's 按期办结 (921) is less than 受理信访 (936)."""
    files = {"句式.yaml": f"矛盾纠纷化解:\n  信访:\n    - 受理信访事项{{受理信访}}\n    - {claim}\n"}
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 2 and "表单里“按期办结”是921件" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("全年收到行政复议申请162件，较上年（138件）减半。", "与“减半”不符"),
        ("全年收到行政复议申请70件，上年为138件，同比减半。", None),
        ("受理信访事项936件，按期办结921件，均在法定期限内办结。", "“按期办结”921件少于“受理信访事项”936件"),
        ("受理信访事项936件，按期办结936件，均在法定期限内办结。", None),
    ],
)
def test_round95_halving_and_claims_within_the_time_set_are_checked(tmp_path, runner, line, should):
    _said(tmp_path, runner, line, should, "核算")


def _numbered_by_word(tmp_path, top: tuple[str, str], through_style: bool = False):
    """A report whose headings are body-style paragraphs numbered by one Word multi-level
    list: ``top`` (format, text) at level 0, （一） at 1, 1. at 2, （1） at 3; with
    ``through_style`` the list the paragraphs use only points at a list style whose own list
    holds the levels (numStyleLink / styleLink, as Word saves a list style)."""
    import docx
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    levels = [top, ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）")]
    lvls = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for k, (fmt, text) in enumerate(levels)
    )
    numbering = d.part.numbering_part.element
    if through_style:
        numbering.insert(
            0,
            parse_xml(
                f'<w:abstractNum {ns} w:abstractNumId="88"><w:multiLevelType w:val="multilevel"/>'
                f'<w:styleLink w:val="ReportList"/>{lvls}</w:abstractNum>'
            ),
        )
        numbering.insert(
            1,
            parse_xml(
                f'<w:abstractNum {ns} w:abstractNumId="89"><w:multiLevelType w:val="multilevel"/>'
                '<w:numStyleLink w:val="ReportList"/></w:abstractNum>'
            ),
        )
        numbering.append(parse_xml(f'<w:num {ns} w:numId="88"><w:abstractNumId w:val="89"/></w:num>'))
    else:
        numbering.insert(0, parse_xml(f'<w:abstractNum {ns} w:abstractNumId="88"><w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'))
        numbering.append(parse_xml(f'<w:num {ns} w:numId="88"><w:abstractNumId w:val="88"/></w:num>'))

    def add(text, level=None):
        p = d.add_paragraph(text)
        if level is not None:
            p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {ns}><w:ilvl w:val="{level}"/><w:numId w:val="88"/></w:numPr>'))

    add("南川区市场监管局关于2025年度法治政府建设情况的报告")
    add("区人民政府：")
    add("2025年，我局全面贯彻党的二十大和二十届历次全会精神，依法履职，现将有关情况报告如下。")
    add("主要工作成效", 0)
    add("规范行政执法", 1)
    add("严格执法程序", 2)
    add("全年办理行政处罚案件210件，罚没款326万元。")
    add("落实执法公示", 2)
    add("执法信息全部在规定时间内公示。")
    add("深化普法宣传", 1)
    add("举办普法讲座42场。")
    add("党政主要负责人履行推进法治建设第一责任人职责情况", 0)
    add("局主要负责人带头讲法治课2次。")
    add("存在的不足和原因", 0)
    add("执法人员专业能力不足。主要原因是培训不够系统。")
    add("2026年工作安排", 0)
    add("提升执法质量", 1)
    add("推行说理式执法文书。")
    add("特此报告。")
    add("南川区市场监管局")
    add("2026年1月20日")
    path = tmp_path / "r.docx"
    d.save(str(path))
    return path


@pytest.mark.parametrize("through_style", [False, True])
@pytest.mark.parametrize("top", [("decimal", "%1."), ("chineseCounting", "%1、")])
def test_headings_numbered_by_a_word_list_are_read_by_its_levels(tmp_path, runner, top, through_style):
    """1. / （一） / 1. numbered by one Word list, levels 0 / 1 / 2: the second 1. is below the
    （一） (it was read as a part beside 1., drawing a false 空节 错误 on the （一））."""
    import json

    path = _numbered_by_word(tmp_path, top, through_style)
    parsed = runner.invoke(main, ["parse", str(path), "--json"])
    assert parsed.exit_code == 0, parsed.output
    body = json.loads(parsed.stdout)["正文"]
    first = next(s for s in body if isinstance(s, dict) and s.get("标题") == "主要工作成效")
    law = next(s for s in first["内容"] if isinstance(s, dict) and s.get("标题") == "规范行政执法")
    assert [s["标题"] for s in law["内容"] if isinstance(s, dict) and "标题" in s] == ["严格执法程序", "落实执法公示"], law
    checked = runner.invoke(main, ["check", str(path)])
    assert "空节" not in checked.output and "【错误】" not in checked.output, checked.output


@pytest.mark.parametrize(
    ("rows", "sealed", "note"),
    [
        ([["（印章）", "某县人民政府"], ["", "2026年2月6日"]], True, None),
        ([["", "（印章）"], ["", "某县人民政府"], ["", "2026年2月6日"]], True, None),
        ([["联系人：张三  电话：1234567", "某县人民政府"], ["", "2026年2月6日"]], False, "联系人：张三 电话：1234567"),
    ],
)
def test_round95_a_closing_table_with_the_seal_or_a_contact_beside_the_name_is_read(tmp_path, runner, rows, sealed, note):
    """The seal's note in the cell left of the signature or in the row above it, a contact in
    the cell left of it: the signature is the unit's name alone (it was （印章）　某县人民政府,
    or no signature at all with the row put into the body)."""
    import docx
    import yaml
    from test_round76 import _ENDED

    d = docx.Document()
    for line in _ENDED.split("\n")[:-3]:
        d.add_paragraph(line)
    table = d.add_table(rows=len(rows), cols=2)
    for row, cells in zip(table.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.paragraphs[0].text = text
    source = tmp_path / "r.docx"
    d.save(str(source))
    form = tmp_path / "f.yaml"
    result = runner.invoke(main, ["import", str(source), "-o", str(form)])
    assert result.exit_code == 0 and "原文有表格" not in result.output, result.output
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    assert data["落款"]["署名"] == "某县人民政府" and str(data["成文日期"]) == "2026-02-06", data
    assert data["落款"].get("盖章", False) == sealed and data["落款"].get("附注") == note, data
    assert "印章" not in str(data["正文"]) and "联系人" not in str(data["正文"]), data["正文"]


def test_round95_a_change_against_a_form_given_with_last_says_the_form(tmp_path, runner):
    """check --last 2025.yaml: last year's figure comes from last year's form, and the message
    says so (it said 去年的报告)."""
    from hostile_cases import example_form

    last = example_form(tmp_path)  # 2025: 收到申请 162
    report = tmp_path / "2026.txt"
    text = _report(tmp_path, "全年收到行政复议申请200件，同比增长10%。").read_text(encoding="utf-8")
    report.write_text(text.replace("2026", "2027").replace("2025", "2026"), encoding="utf-8")
    result = runner.invoke(main, ["check", str(report), "--last", str(last)])
    assert result.exit_code == 1 and "上年162件（去年的表单）" in result.output, result.output


def test_round95_new_says_last_years_part_over_its_whole(tmp_path, runner):
    """督察发现问题40个，已整改45个 in last year's report: new carries both as written and says
    the part is over its whole (it said nothing; only the next validate did)."""
    form = tmp_path / "n.yaml"
    result = runner.invoke(main, ["new", "2026", "--from", str(_report(tmp_path, "开展法治督察，督察发现问题40个，已整改45个。")), "-o", str(form)])
    assert result.exit_code == 0, result.output
    said = "去年的报告里“法治督察：整改问题”45个多于“发现问题”40个"
    assert said in result.output and said in form.read_text(encoding="utf-8"), result.output


# -- round 96 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("group", "items", "said"),
    [
        ("信访", ["受理信访事项{受理信访}", "按期办结率达百分之百"], "应为98.4%"),
        ("信访", ["受理信访事项{受理信访}", "按期办结率为百分之九十九点九"], "应为98.4%"),
        ("行政复议", ["全年收到行政复议申请{收到申请}", "同比增长百分之三十"], "不是按表单里本年、上年的数算出的同比"),
        ("行政复议", ["全年收到行政复议申请{收到申请}", "上年为一百二十件"], "“上年为一百二十件”是写死在模板里的上年数"),
        ("行政复议", ["全年收到行政复议申请{收到申请}（上年一百二十件）"], "“上年一百二十件”是写死在模板里的上年数"),
    ],
)
def test_round96_figures_typed_in_words_are_weighed_as_in_digits(tmp_path, runner, group, items, said):
    """百分之百, 百分之三十, 一百二十件 typed beside a form's figure: refused as 100%, 30% and 120件
    are (they were printed, and check of the report said nothing)."""
    lines = "".join(f"    - {item}\n" for item in items)
    files = {"句式.yaml": f"矛盾纠纷化解:\n  {group}:\n{lines}"}
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 2 and "句式.yaml:" in result.output and said in result.output, result.output
    assert not out.exists()


def test_round96_a_rate_typed_in_words_in_a_theme_template_is_weighed(tmp_path, runner):
    files = {"themes/矛盾纠纷化解.md.j2": '{{ 句(项("受理信访事项{}", t.数据.信访.受理信访), 项("按期办结率达到百分之百")) }}\n'}
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 2 and "矛盾纠纷化解.md.j2:1" in result.output and "应为98.4%" in result.output, result.output


def test_round96_a_right_rate_in_words_is_accepted(tmp_path, runner):
    files = {"句式.yaml": "矛盾纠纷化解:\n  信访:\n    - 受理信访事项{受理信访}\n    - 按期办结率为百分之九十八点四\n"}
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 0 and out.exists(), result.output


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("受理信访事项936件，均已按期办结，按期办结921件。", "“按期办结”921件少于“受理信访事项”936件"),
        ("受理信访事项936件，全部按期办结，按期办结921件。", "“按期办结”921件少于“受理信访事项”936件"),
        ("受理信访事项936件，均已按期办结，其中按期办结921件。", "“按期办结”921件少于“受理信访事项”936件"),
        ("受理群众诉求68420件，均已按时办结，按时办结67988件。", "“按时办结”67988件少于“受理群众诉求”68420件"),
        ("受理信访事项936件，均已按期办结，按期办结936件。", None),
        ("制发规范性文件36件，全部报备，报备率100%，按时报备35件。", None),
        ("排查隐患320处，全部整改到位，其中重大隐患整改12处。", None),
    ],
)
def test_round96_a_claim_on_time_before_its_count_is_weighed(tmp_path, runner, line, should):
    """均已按期办结，按期办结921件 (of 936): the count after the claim is the claim's own act, on
    time as the claim says (it was passed over as a narrower count)."""
    _said(tmp_path, runner, line, should, "比率核算")


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [(1234.567, "亿元", "1234.567亿元"), (12.3456, "亿元", "12.3456亿元"), (1234.5678, "万元", "1234.5678万元"), (579500, "万元", "57.95亿元"), (0.468, "亿元", "4680万元")],
)
def test_round96_money_stays_in_the_forms_unit_when_it_says_it_plainly(value, unit, shown):
    """合同金额 1234.567 (亿元) printed 1234.567亿元, not 12345670万元; a larger unit that
    holds it still takes it (579500万元 → 57.95亿元), a smaller one below 1 (0.468亿元 → 4680万元)."""
    from drafter.model.numbers import with_unit

    assert with_unit(value, unit) == shown


@pytest.mark.parametrize(
    ("line", "should", "rule"),
    [
        # names of one item listed with 、 inside a 其中 list
        ("审结行政复议案件80件，其中维持58件，驳回3件，撤销、变更等纠错2件，终止23件。", "58件＋3件＋2件＋23件", "其中超总数"),
        ("审结行政复议案件80件，其中维持58件，撤销、变更、确认违法12件，驳回13件。", "58件＋12件＋13件", "其中超总数"),
        ("审结行政复议案件86件，其中维持58件，驳回3件，撤销、变更等纠错2件，终止23件。", None, "其中超总数"),
        # a rate of 0 written without %
        ("审结行政复议案件23件，纠错3件，纠错率0。", "纠错率写的是0", "比率核算"),
        ("审结行政复议案件23件，其中纠错3件，纠错率为0。", "纠错率写的是0", "比率核算"),
        ("审结行政复议案件23件，纠错0件，纠错率0。", None, "比率核算"),
        # 0% of some, whatever the base
        ("行政应诉案件23件，败诉3件，败诉率为0%。", "无论以什么为基数，败诉率都不是0%", "比率核算"),
        # a claim of all of an act the count names before its object, or after the count
        ("全县中小学校44所，配备法治副校长40所，已全部配备。", "写了“全部配备”", "比率核算"),
        ("全县中小学校44所，配备法治副校长的40所，已全部配备法治副校长。", "写了“全部配备法治副校长”", "比率核算"),
        ("全县44所中小学校中40所配备法治副校长，已全部配备。", "写了“全部配备”", "比率核算"),
        ("全县中小学校44所，配备法治副校长44所，已全部配备。", None, "比率核算"),
    ],
)
def test_round96_parts_rates_of_none_and_claims_in_other_shapes(tmp_path, runner, line, should, rule):
    _said(tmp_path, runner, line, should, rule)


def test_round96_the_attachment_note_above_the_signature_is_no_body(tmp_path, runner):
    """附件：1.… / 2.… under the body, above the signature (where GB/T 9704 puts it): no heading
    of the last part, no 标题编号 reminder, no plan for next year; import says it left it out."""
    import json

    from test_round76 import _ENDED

    text = _ENDED.replace("某县人民政府\n2026年2月6日", "附件：1.2025年度行政执法数据统计表\n      2.法治政府建设重点任务清单\n\n某县人民政府\n2026年2月6日")
    assert "附件：1." in text
    source = tmp_path / "r.txt"
    source.write_text(text, encoding="utf-8")
    parsed = runner.invoke(main, ["parse", str(source), "--json"])
    assert "重点任务清单" not in json.dumps(json.loads(parsed.stdout)["正文"], ensure_ascii=False), parsed.stdout
    checked = runner.invoke(main, ["check", str(source)])
    assert "标题编号" not in checked.output and "成文日期缺失" not in checked.output, checked.output
    result = runner.invoke(main, ["import", str(source), "-o", str(tmp_path / "f.yaml")])
    assert result.exit_code == 0 and "原文正文后面有附件说明（2 行" in result.output, result.output
    assert "重点任务清单" not in (tmp_path / "f.yaml").read_text(encoding="utf-8").split("# 注意")[-1]
    made = runner.invoke(main, ["new", "2026", "--from", str(source), "-o", str(tmp_path / "n.yaml")])
    assert made.exit_code == 0 and "重点任务清单" not in (tmp_path / "n.yaml").read_text(encoding="utf-8"), made.output


@pytest.mark.parametrize("apart", [False, True])
def test_round96_a_theme_templates_sub_heading_fits_both_ways_of_laying_out_the_themes(tmp_path, runner, apart):
    """The README's advice for a theme template used with and without 成效分列: its sub-heading
    written {{ "##" if 成效分列 else "###" }} renders either way."""
    from hostile_cases import example_form

    form = example_form(tmp_path, ("单位:", "写法:\n  成效分列: true\n单位:")) if apart else example_form(tmp_path)
    files = {"themes/普法.md.j2": '{{ "##" if 成效分列 else "###" }} 普法宣传\n\n{{ 数据句子(t) }}\n'}
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files), form)
    assert result.exit_code == 0 and out.exists(), result.output


def test_round97_a_typed_rate_of_none_is_said_once(tmp_path, runner):
    """纠错率为零 typed after 审结 (the form: 纠错 18): one mistake, said once (it was said twice,
    as a rate and as a claim of none)."""
    files = {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n    - 审结{审结}\n    - 纠错率为零\n"}
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 2 and result.output.count("【错误】") == 1, result.output


# -- round 97 -------------------------------------------------------------------------------------


def _county_docx(tmp_path, title_lines: list[str], closing) -> object:
    """A report as a county office sends it: the title (over the lines given), the body, then
    ``closing(document)`` writes its closing and what follows."""
    import docx

    from test_round76 import _ENDED

    d = docx.Document()
    body = _ENDED.split("\n")[1:-3]  # without the title and the closing
    for line in title_lines + body:
        d.add_paragraph(line)
    closing(d)
    path = tmp_path / "r.docx"
    d.save(str(path))
    return path


def test_round97_a_closing_on_one_line_broken_by_shift_enter_above_attachment_pages_is_read(tmp_path, runner):
    """署名 and 日期 in one paragraph split by a soft line break, then a contact note, a page of
    附件 with a table and the 版记 (抄送, 印发): the closing is read (was 成文日期缺失, the 版记's
    印发 line blamed, and import put all of it into the body)."""
    import yaml
    from docx.enum.text import WD_BREAK

    def closing(d):
        run = d.add_paragraph().add_run("某县人民政府")
        run.add_break()
        run.add_text("2026年2月6日")
        d.add_paragraph("（联系人：张三，联系电话：0123-4567890）")
        d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        d.add_paragraph("附件")
        d.add_paragraph("2025年度行政复议案件统计表")
        rows = [["项目", "件数"], ["维持", "86"], ["撤销", "15"], ["驳回", "9"], ["终止", "6"]]
        table = d.add_table(rows=len(rows), cols=2)
        for row, cells in zip(table.rows, rows):
            for cell, text in zip(row.cells, cells):
                cell.paragraphs[0].text = text
        d.add_paragraph("抄送：县委办公室，县人大常委会办公室。")
        d.add_paragraph("某县人民政府办公室 2026年2月6日印发")

    path = _county_docx(tmp_path, ["某县人民政府关于2025年度法治政府建设情况的报告"], closing)
    checked = runner.invoke(main, ["check", str(path)])
    assert "成文日期缺失" not in checked.output, checked.output
    form = tmp_path / "f.yaml"
    result = runner.invoke(main, ["import", str(path), "-o", str(form)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    assert str(data["成文日期"]) == "2026-02-06" and data["单位"] == "某县人民政府", data
    assert "抄送" not in str(data["正文"]) and "统计表" not in str(data["正文"]), data["正文"]


@pytest.mark.parametrize("banner", [[], ["某县人民政府文件", "某政报〔2026〕3号"]])
def test_round97_a_title_with_the_issuer_alone_on_its_first_line_is_whole(tmp_path, runner, banner):
    """某县人民政府 / 关于2025年度法治政府建设情况的报告: one title, the issuer on its first line
    (was read as 关于…, the issuer's line taken for the 版头, and 单位: 关于 when the signature was
    not read); a 版头 above it stays the 版头."""
    import json

    def closing(d):
        d.add_paragraph("某县人民政府")
        d.add_paragraph("2026年2月6日")

    path = _county_docx(tmp_path, [*banner, "某县人民政府", "关于2025年度法治政府建设情况的报告"], closing)
    parsed = runner.invoke(main, ["parse", str(path), "--json"])
    assert json.loads(parsed.stdout)["标题"] == "某县人民政府关于2025年度法治政府建设情况的报告", parsed.stdout
    result = runner.invoke(main, ["import", str(path), "-o", str(tmp_path / "f.yaml")])
    assert result.exit_code == 0 and ("原文标题前面还有 2 行" in result.output) == bool(banner), result.output


def test_round97_a_signature_spaced_out_a_character_at_a_time_is_one_issuer(tmp_path, runner):
    """永　宁　县　司　法　局 (short names are often spaced out): one issuer, read and printed as
    永宁县司法局 (it printed a character a line, as six issuers, and read back as 局)."""
    import json

    from hostile_cases import example_form

    form = example_form(tmp_path, ("落款:\n  盖章: false", "落款:\n  署名: 永　宁　县　司　法　局\n  盖章: false"))
    out = tmp_path / "r.docx"
    assert runner.invoke(main, ["render", str(form), "-o", str(out)]).exit_code == 0
    parsed = runner.invoke(main, ["parse", str(out), "--json"])
    assert json.loads(parsed.stdout)["署名"] == "永宁县司法局", parsed.stdout


@pytest.mark.parametrize(
    ("line", "should", "rule"),
    [
        # a 其中 list after a sentence that ends in a claim of no count
        ("全年检查用人单位320家，实现全覆盖。其中企业280家、个体工商户50家。", "280家＋50家", "其中超总数"),
        ("全年受理投诉1200件，均已办结。其中网上投诉800件、电话投诉450件。", "800件＋450件", "其中超总数"),
        ("全年受理投诉1200件，均已办结。其中网上投诉800件、电话投诉400件。", None, "其中超总数"),
        # a share over a count with its noun after it (占全部612件案件的)
        ("查办食品安全案件218件，占全部612件案件的38.6%。", "应为35.6%", "占比核算"),
        ("查办食品安全案件218件，占全部612件案件的35.6%。", None, "占比核算"),
        # a rate over the whole its clause goes on within (286个行政村（社区）中，)
        ("全县286个行政村（社区）中，已配备法律顾问281个，配备率97.3%。", "应为98.3%", "比率核算"),
        ("全县286个行政村中，已配备法律顾问281个，配备率97.3%。", "应为98.3%", "比率核算"),
        ("全县286个行政村（社区）中，已配备法律顾问281个，配备率98.3%。", None, "比率核算"),
        # ways of closing under a bare 审结
        ("审结146件，其中调解35件、裁决120件。", "35件＋120件", "其中超总数"),
        ("全年受理劳动人事争议仲裁案件560件，审结500件，其中调解351件、裁决230件。", "351件＋230件", "其中超总数"),
        # a claim of all before the count of its verb alone
        ("全县学校40所，已全部配备法治副校长，配备38所。", "“配备”38所少于“学校”40所", "比率核算"),
        ("全县学校40所，已全部配备法治副校长，配备40所。", None, "比率核算"),
    ],
)
def test_round97_lists_shares_rates_and_claims_in_other_shapes(tmp_path, runner, line, should, rule):
    _said(tmp_path, runner, line, should, rule)


@pytest.mark.parametrize(("opening", "should"), [("2024年，临溪县坚持", "开头却从“2024年”写起"), ("2024年以来，临溪县坚持", None), ("2025年，临溪县坚持", None)])
def test_round97_an_opening_from_another_year_is_said(tmp_path, runner, opening, should):
    """A 2025 report opening 2024年，… (last year's opening copied): a reminder at the year."""
    report = _report(tmp_path, "全年收到行政复议申请162件。")
    report.write_text(report.read_text(encoding="utf-8").replace("2025年，临溪县坚持", opening), encoding="utf-8")
    result = runner.invoke(main, ["check", str(report)])
    assert (should or "开头年度") in result.output if should else "开头年度" not in result.output, result.output


# -- round 98 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "should"),
    [
        # paired changes with last year's pair after 上年为 (no 分别 there: the changes say it)
        ("全年受理举报12件、办结10件，同比分别增长30%、下降9.1%（上年为10件、11件）。", "应为上升20%"),
        ("全年发生生产安全事故3起，死亡3人，同比分别下降40%、35%（上年为5起、4人）。", "应为下降25%"),
        ("全年发生生产安全事故3起，死亡3人，同比分别下降40%、25%（上年为5起、4人）。", None),
        # only the way a count went, after last year's figure
        ("办理一审行政诉讼案件58件，比上年的64件有所增加。", "是减少，文中写的是“增加”"),
        ("办理一审行政诉讼案件58件，较上年（64件）增长。", "是减少，文中写的是“增长”"),
        ("办理一审行政诉讼案件58件，上年为64件，有所增加。", "是减少，文中写的是“增加”"),
        ("办理一审行政诉讼案件58件，比上年的64件有所减少。", None),
    ],
)
def test_round98_paired_changes_and_ways_against_last_years_figures(tmp_path, runner, line, should):
    _said(tmp_path, runner, line, should, "同比核算")


def test_round98_a_rates_last_year_through_percent_in_a_template_is_no_typed_figure(tmp_path, runner):
    """（上年{{ x.败诉率.上年 | percent }}）: the form's own last-year rate through the documented
    filter (it was refused as a last year's figure typed in the template)."""
    files = {"themes/矛盾纠纷化解.md.j2": "败诉率{{ t.数据.行政应诉.败诉率 }}（上年{{ t.数据.行政应诉.败诉率.上年 | percent }}）。\n"}
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 0 and out.exists(), result.output


def test_round98_a_mistake_in_an_else_branch_is_said_at_the_clerks_line(tmp_path, runner):
    """{% if … %}…{% else %}办理一审行政诉讼案件{{ … }}，…{% endif %} on one line: a mistake in the
    printed branch is said at that line, not at the bundled phrase table's like wording."""
    line = (
        "{% if t.数据.行政应诉.败诉 == 0 %}全年未发生败诉。{% else %}办理一审行政诉讼案件{{ t.数据.行政应诉.案件 }}，"
        "败诉{{ t.数据.行政应诉.败诉 }}，败诉率为{{ t.数据.行政应诉.败诉率 }}。{% endif %}\n"
    )
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"themes/矛盾纠纷化解.md.j2": line}))
    assert result.exit_code == 2 and "矛盾纠纷化解.md.j2:1" in result.output and "default/句式.yaml" not in result.output, result.output


def _closing_paragraph(d, lines: list[str]) -> None:
    """One paragraph of ``lines`` joined by Shift+Enter (soft line breaks)."""
    run = d.add_paragraph().add_run(lines[0])
    for more in lines[1:]:
        run.add_break()
        run.add_text(more)


@pytest.mark.parametrize(
    ("lines", "signature", "sealed", "note"),
    [
        (["某县人民政府", "2026年2月6日", "（此件公开发布）"], "某县人民政府", False, "此件公开发布"),
        (["某县人民政府", "2026年2月6日", "（联系人：张三，电话：12345678）"], "某县人民政府", False, "联系人：张三，电话：12345678"),
        (["某县人民政府", "2026年2月6日", "（已盖章）"], "某县人民政府", True, None),
        (["署名：某县人民政府", "日期：2026年2月6日"], "某县人民政府", False, None),
        (["某县人民政府", "某县司法局", "2026年2月6日"], "某县人民政府　某县司法局", False, None),
        (["（印章）", "某县人民政府", "2026年2月6日"], "某县人民政府", True, None),
    ],
)
def test_round98_a_closing_broken_by_shift_enter_is_read_line_by_line(tmp_path, runner, lines, signature, sealed, note):
    """A closing typed as one paragraph with Shift+Enter between its lines (three lines, labels,
    two issuers, the seal's note above): read as when each line is a paragraph (it was 成文日期缺失,
    two issuers merged into one name, or （印章） inside the signature)."""
    import yaml

    path = _county_docx(tmp_path, ["某县人民政府关于2025年度法治政府建设情况的报告"], lambda d: _closing_paragraph(d, lines))
    checked = runner.invoke(main, ["check", str(path)])
    assert "成文日期缺失" not in checked.output, checked.output
    form = tmp_path / "f.yaml"
    result = runner.invoke(main, ["import", str(path), "-o", str(form)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    assert str(data["成文日期"]) == "2026-02-06" and data["落款"]["署名"] == signature, data
    assert data["落款"].get("盖章", False) == sealed and data["落款"].get("附注") == note, data


@pytest.mark.parametrize("under", [["（印章）"], ["（已盖章）"]])
def test_round98_the_seals_note_under_the_date_is_no_note(tmp_path, runner, under):
    """（印章） on a line under the date: the seal (盖章: true), not a 附注 printed under the date."""
    import yaml

    def closing(d):
        for line in ["某县人民政府", "2026年2月6日", *under]:
            d.add_paragraph(line)

    path = _county_docx(tmp_path, ["某县人民政府关于2025年度法治政府建设情况的报告"], closing)
    form = tmp_path / "f.yaml"
    assert runner.invoke(main, ["import", str(path), "-o", str(form)]).exit_code == 0
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    assert data["落款"].get("盖章") is True and "附注" not in data["落款"], data


@pytest.mark.parametrize(
    "title",
    [
        ["某县人民政府", "关于2025年度", "法治政府建设情况的报告"],
        ["某县人民政府", "关于2025年度", "法治政府建设", "情况的报告"],
    ],
)
def test_round98_a_title_over_lines_opening_with_the_issuer_is_whole(tmp_path, runner, title):
    import json

    def closing(d):
        d.add_paragraph("某县人民政府")
        d.add_paragraph("2026年2月6日")

    path = _county_docx(tmp_path, title, closing)
    parsed = runner.invoke(main, ["parse", str(path), "--json"])
    assert json.loads(parsed.stdout)["标题"] == "某县人民政府关于2025年度法治政府建设情况的报告", parsed.stdout


def test_round98_a_title_in_a_text_box_at_the_top_is_the_title(tmp_path, runner):
    """The title typed in a text box above the body (it was 标题：（无） and import lost it)."""
    import json

    import docx
    from docx.oxml import parse_xml

    from test_round76 import _ENDED

    d = docx.Document()
    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    box = (
        f'<w:r {ns}><w:pict><v:shape style="width:400pt;height:60pt"><v:textbox><w:txbxContent>'
        "<w:p><w:r><w:t>某县人民政府关于2025年度</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>法治政府建设情况的报告</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    d.add_paragraph()._p.append(parse_xml(box))
    for line in _ENDED.split("\n")[1:]:
        d.add_paragraph(line)
    path = tmp_path / "r.docx"
    d.save(str(path))
    parsed = runner.invoke(main, ["parse", str(path), "--json"])
    assert json.loads(parsed.stdout)["标题"] == "某县人民政府关于2025年度法治政府建设情况的报告", parsed.stdout


@pytest.mark.parametrize(("verb", "rate", "should"), [("印发", "100%", "应为95%"), ("制定", "100%", "应为95%"), ("制定", "95%", None)])
def test_round98_documents_made_in_other_words_are_the_rates_base(tmp_path, runner, verb, rate, should):
    """印发/制定规范性文件40件，报送备案38件，报备率100%: 制发 said in other words is the rate's own
    base (it drew only a reminder to state the base, which the sentence states)."""
    _said(tmp_path, runner, f"全年{verb}规范性文件40件，报送备案38件，报备率{rate}。", should, "比率核算")


def test_round98_new_files_documents_made_under_their_own_item(tmp_path, runner):
    """制定规范性文件17件，报送备案17件: new carries 制发 and 备案 (17 was filed under 合法性审核)."""
    import yaml

    form = tmp_path / "n.yaml"
    source = _report(tmp_path, "全年制定规范性文件17件，报送备案17件，报备率100%。")
    assert runner.invoke(main, ["new", "2026", "--from", str(source), "-o", str(form)]).exit_code == 0
    last = {t["主题"]: t.get("上年数据") for t in yaml.safe_load(form.read_text(encoding="utf-8"))["成效"] if t.get("上年数据")}
    assert any(v.get("规范性文件") == {"制发": 17, "备案": 17} for v in last.values()), last


def test_round98_rounded_figures_of_an_imported_report_stay_rounded_after_render(tmp_path, runner):
    """A clerk's 46.83万件 imported, rendered, then new --from the .docx: still a figure that
    may be rounded (a note), as from the .txt and the imported form (it was carried as 468300,
    the rendered .docx taken for drafter's exact printing)."""
    source = _report(tmp_path, "全年受理政务服务办件46.83万件，同比增长11.1%，上年为42.15万件。")
    form, out, new = tmp_path / "f.yaml", tmp_path / "r.docx", tmp_path / "n.yaml"
    assert runner.invoke(main, ["import", str(source), "-o", str(form)]).exit_code == 0
    assert runner.invoke(main, ["render", str(form), "-o", str(out)]).exit_code == 0
    result = runner.invoke(main, ["new", "2026", "--from", str(out), "-o", str(new)])
    assert result.exit_code == 0 and "可能经过四舍五入" in result.output, result.output
    assert "468300" not in new.read_text(encoding="utf-8").split("上年数据")[-1].split("做法")[0], new.read_text(encoding="utf-8")


# -- round 99 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "should", "rule"),
    [
        ("全年办理婚姻登记4512对，较上年（4870对）下降4.7%。", "应为下降7.4%", "同比核算"),
        ("全年办理婚姻登记4512对，较上年（4870对）下降7.4%。", None, "同比核算"),
        ("栽植苗木12000株，成活10800株，成活率95%。", "应为90%", "比率核算"),
        ("补植补造林木12000株，其中松树5000株、杉木8000株。", "5000株＋8000株", "其中超总数"),
    ],
)
def test_round99_counts_in_pairs_and_plants_are_counts(tmp_path, runner, line, should, rule):
    """婚姻登记4512对, 栽植苗木12000株: counts like any other (对 and 株 were no units: every rule
    passed them by)."""
    _said(tmp_path, runner, line, should, rule)


@pytest.mark.parametrize("lead", ["增速", "增幅", "降幅为", "同期"])
def test_round99_words_of_a_changes_size_before_its_change_are_refused(tmp_path, runner, lead):
    """增速{案件.同比} prints 增速同比减少9.4%: the size of the change read as having fallen."""
    files = {"句式.yaml": f"矛盾纠纷化解:\n  行政应诉:\n    - 办理一审行政诉讼案件{{案件}}\n    - {lead}{{案件.同比}}\n"}
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    assert result.exit_code == 2 and "句式.yaml:4" in result.output and "写出来已经是" in result.output, result.output


@pytest.mark.parametrize("subtitle", ["（2025年度）", "——2025年度"])
def test_round99_a_year_subtitle_under_the_title_is_the_titles(tmp_path, runner, subtitle):
    """关于法治政府建设情况的报告 / （2025年度） / 县委、县人大常委会：: the year line is the title's
    subtitle and the 主送机关 under it is read (both went into the body)."""
    import yaml

    from test_round76 import _ENDED

    lines = _ENDED.split("\n")
    text = "\n".join([lines[0].replace("关于2025年度", "关于"), subtitle, "县委、县人大常委会：", *lines[2:]])
    source = tmp_path / "r.txt"
    source.write_text(text, encoding="utf-8")
    form = tmp_path / "f.yaml"
    assert runner.invoke(main, ["import", str(source), "-o", str(form)]).exit_code == 0
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    assert data["标题"].endswith(subtitle) and data["主送机关"] == "县委、县人大常委会", data
    assert subtitle not in str(data["正文"]), data["正文"]


def test_round99_a_signature_in_a_text_box_above_a_plain_date_is_the_signature(tmp_path, runner):
    """特此报告。 / a text box holding 某县人民政府 / 2026年2月6日 in the flow: the signature (it went
    into the body after 特此报告。, and the rendered report printed the issuer twice)."""
    import yaml
    from docx.oxml import parse_xml

    def closing(d):
        ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"'
        box = (
            f'<w:r {ns}><w:pict><v:shape style="width:200pt;height:30pt"><v:textbox><w:txbxContent>'
            "<w:p><w:r><w:t>某县人民政府</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
        d.add_paragraph()._p.append(parse_xml(box))
        d.add_paragraph("2026年2月6日")

    path = _county_docx(tmp_path, ["某县人民政府关于2025年度法治政府建设情况的报告"], closing)
    form = tmp_path / "f.yaml"
    assert runner.invoke(main, ["import", str(path), "-o", str(form)]).exit_code == 0
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    assert data["单位"] == "某县人民政府" and str(data["成文日期"]) == "2026-02-06", data
    assert "某县人民政府" not in str(data["正文"][-1]), data["正文"][-1]


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("发放抚恤补助金2365.8万元，惠及2318人，增长11.9%（上年为2152.4万元）。", "应为上升9.9%"),
        ("发放抚恤补助金2365.8万元，惠及2318人，同比增长11.9%，上年为2152.4万元。", "应为上升9.9%"),
        ("发放抚恤补助金2365.8万元，惠及2318人，增长9.9%（上年为2152.4万元）。", None),
    ],
)
def test_round99_a_change_of_money_past_a_count_of_people_is_checked(tmp_path, runner, line, should):
    """…2365.8万元，惠及2318人，增长11.9%（上年为2152.4万元）: last year's figure in 万元 names the
    money, not the people counted between (the change was passed by)."""
    _said(tmp_path, runner, line, should, "同比核算")
