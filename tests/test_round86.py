"""Round 86 of the outside attack on issue 18 (and what earlier rounds left open)."""

from __future__ import annotations

import json

import pytest

from drafter.cli.commands import main
from hostile_cases import clerk_templates, example_form, render_with
from test_round66 import _judged


def _themes(items) -> dict[str, str]:
    """Heading → theme of every section in parse --json's 正文."""
    found: dict[str, str] = {}
    for item in items:
        if isinstance(item, dict) and "标题" in item:
            if "主题" in item:
                found[item["标题"]] = item["主题"]["名称"]
            found.update(_themes(item.get("内容") or []))
    return found


def test_a_theme_under_its_own_slogan_comes_back_as_that_theme(tmp_path, runner):
    """The example's 数字法治 theme, headed by a slogan whose words point nowhere in
    particular (推进数字赋能，执法监督插上科技翅膀), is that theme when drafter's own .docx is
    read back: parse names it, and new --from carries its figures under it."""
    out = tmp_path / "报告.docx"
    result = runner.invoke(main, ["render", str(example_form(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    parsed = runner.invoke(main, ["parse", str(out), "--json"])
    assert parsed.exit_code == 0, parsed.output
    themes = _themes(json.loads(parsed.stdout)["正文"])
    assert themes["推进数字赋能，执法监督插上科技翅膀"] == "数字法治", themes
    form = tmp_path / "2026.yaml"
    made = runner.invoke(main, ["new", "2026", "--from", str(out), "-o", str(form)])
    assert made.exit_code == 0, made.output
    text = form.read_text(encoding="utf-8")
    theme = text[text.index("- 主题: 数字法治") :]
    theme = theme[: theme.index("- 主题:", 5)]
    assert "34个（“数字化：接入平台单位”" in theme and "1253件（“数字化：非现场监管”" in theme, theme


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("全年排查一般隐患990处、重大隐患10处，整改一般隐患951处，一般隐患整改率96.1%，重大隐患全部整改到位。", None),
        ("全年排查安全隐患1000处，其中重大隐患10处，整改隐患961处，隐患整改率96.1%，重大隐患全部整改到位。", None),
        # all of the rate's own subject, or of all of it, is still 100%
        ("全年排查安全隐患1000处，整改隐患961处，隐患整改率96.1%，隐患全部整改到位。", "就应是100%"),
        ("全年排查安全隐患1000处，整改隐患961处，隐患整改率96.1%，上述隐患均已全部整改到位。", "就应是100%"),
        ("受理案件936件，办结921件，按期办结率98.4%，案件均已按期办结。", "就应是100%"),
    ],
)
def test_round86_all_of_a_part_the_clause_names(tmp_path, runner, line, should):
    """全部 said of a part its clause names (重大隐患 after 一般隐患整改率) is no claim that the
    rate is 100%."""
    _judged(tmp_path, runner, line, should, "比率核算", clean_of="比率核算")


_SHARES = "纠错和调解和解分别占审结案件的"


@pytest.mark.parametrize(
    ("files", "refused"),
    [
        ({"句式.yaml": f'矛盾纠纷化解:\n  行政复议:\n    - "审结{{审结}}"\n    - "{_SHARES}{{调解和解率}}和{{纠错率}}"\n'}, 4),
        ({"句式.yaml": f'矛盾纠纷化解:\n  行政复议:\n    - "审结{{审结}}"\n    - "{_SHARES}{{纠错率}}和{{调解和解率}}"\n'}, None),
        (
            {
                "themes/矛盾纠纷化解.md.j2": "{% set x = t.数据.行政复议 %}\n"
                "审结{{ x.审结 }}，纠错、调解和解分别占审结案件的{{ x.调解和解率 }}、{{ x.纠错率 }}。\n"
            },
            2,
        ),
        (
            {
                "themes/矛盾纠纷化解.md.j2": "{% set x = t.数据.行政复议 %}\n"
                "审结{{ x.审结 }}，纠错、调解和解分别占审结案件的{{ x.纠错率 }}、{{ x.调解和解率 }}。\n"
            },
            None,
        ),
    ],
)
def test_round86_shares_after_names_pair_by_position(tmp_path, runner, files, refused):
    """纠错和调解和解分别占审结案件的{调解和解率}和{纠错率}: each share after 分别占 is the rate
    of the name in its place; swapped, the report would print each under the other's name
    (phrase tables and theme templates alike)."""
    folder = clerk_templates(tmp_path, files)
    out, result = render_with(runner, tmp_path, folder)
    if refused is None:
        assert result.exit_code == 0 and out.exists(), result.output
        checked = runner.invoke(main, ["check", str(out)])
        assert checked.exit_code == 0 and "没有发现问题" in checked.output, checked.output
    else:
        assert result.exit_code == 2 and not out.exists(), result.output
        assert f":{refused}" in result.output and "两个比率会对调" in result.output, result.output


def test_round86_a_wrong_share_is_said_at_the_item_that_writes_it(tmp_path, runner):
    """The phrase item printing 分别占审结案件的{调解和解率}、{纠错率} after the counts is where
    both wrong shares are said, never at the 审结 item whose word the quote holds."""
    table = (
        '矛盾纠纷化解:\n  行政复议:\n    - "审结{审结}"\n    - "纠错{纠错}"\n    - "调解和解{调解和解}"\n'
        '    - "分别占审结案件的{调解和解率}、{纠错率}"\n'
    )
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": table}))
    assert result.exit_code == 2, result.output
    said = [line for line in result.output.splitlines() if "【错误】占比核算" in line]
    assert len(said) == 2 and all("句式.yaml:6：" in line for line in said), result.output


def test_round86_a_change_the_template_works_out_itself_is_said_as_such(tmp_path, runner):
    """同比增长{{ (x.值 / x.上年 - 1) | percent(1) }} is refused as a change not worked out by
    drafter from the form's figures — never as one typed in the template."""
    folder = clerk_templates(
        tmp_path,
        {
            "themes/矛盾纠纷化解.md.j2": "{% set x = t.数据.行政复议 %}\n"
            "收到申请{{ x.收到申请 }}，同比增长{{ (x.收到申请.值 / x.收到申请.上年 - 1) | percent(1) }}。\n"
        },
    )
    out, result = render_with(runner, tmp_path, folder)
    assert result.exit_code == 2 and not out.exists(), result.output
    assert "模板自己算的" in result.output and ":2" in result.output, result.output


@pytest.mark.parametrize("source", ["form", "docx"])
def test_round86_last_years_whole_of_0_is_not_carried_for_a_rate(tmp_path, runner, source):
    """审结0件 and 败诉0件 last year give no 败诉率 to compare with: new (from the form or its
    report) leaves them out of 上年数据, as notes, so next year's render draws no reminder that
    their 同比 is not printed; 案件 (printed with its own 同比) is still carried."""
    import yaml

    form = example_form(tmp_path, ("        审结: 52\n        败诉: 2\n", "        审结: 0\n        败诉: 0\n"))
    given = form
    if source == "docx":
        given = tmp_path / "2025.docx"
        assert runner.invoke(main, ["render", str(form), "-o", str(given)]).exit_code == 0
    new = tmp_path / "2026.yaml"
    result = runner.invoke(main, ["new", "2026", "--from", str(given), "-o", str(new)])
    assert result.exit_code == 0, result.output
    text = new.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    last = next(t["上年数据"] for t in data["成效"] if t["主题"] == "矛盾纠纷化解")
    assert last["行政应诉"]["案件"] == 58 and not {"审结", "败诉"} & set(last["行政应诉"]), last
    assert "去年“行政应诉：败诉”是 0" in text and "去年“行政应诉：审结”是 0" in text, text
    # next year's report with these as its 上年数据: no reminder about a value it cannot use
    example = yaml.safe_load(example_form(tmp_path, name="e.yaml").read_text(encoding="utf-8"))
    carried = {t["主题"]: t.get("上年数据") for t in data["成效"]}
    for theme in example["成效"]:
        theme["上年数据"] = carried.get(theme["主题"]) or {}
    example["成效"] = [{k: v for k, v in t.items() if v} for t in example["成效"]]
    nxt = tmp_path / "next.yaml"
    nxt.write_text(yaml.safe_dump(example, allow_unicode=True, sort_keys=False), encoding="utf-8")
    rendered = runner.invoke(main, ["render", str(nxt), "-o", str(tmp_path / "next.docx")])
    assert rendered.exit_code == 0, rendered.output
    assert "上年数据.行政应诉" not in rendered.output, rendered.output


@pytest.mark.parametrize(
    ("year", "day", "date"),
    [
        ("二〇二六年", "二月六日", "2026-02-06"),
        ("2026年", "2月6日", "2026-02-06"),
        ("2026年2月", "6日", "2026-02-06"),  # (round 87: broken after the month)
        ("二〇二六年二月", "六日", "2026-02-06"),
        ("二〇二六年", "二月\n六日", "2026-02-06"),  # three lines
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_round86_a_date_set_on_two_lines(tmp_path, runner, year, day, date, suffix):
    """A date broken over two or three lines (二〇二六年 / 二月六日, 2026年2月 / 6日) is the date: no
    成文日期缺失, and import keeps the closing, both issuers and what follows it (附件) out of
    the body."""
    import docx
    import yaml

    from test_round33 import _report

    text = _report(tmp_path, "全年受理行政复议案件151件。").read_text(encoding="utf-8")
    text = text.replace(
        "临溪县人民政府\n2026年2月6日\n", f"特此报告。\n临溪县人民政府\n临溪县司法局\n{year}\n{day}\n附件：2025年度行政执法数据统计表\n"
    )
    path = tmp_path / f"两行日期{suffix}"
    if suffix == ".txt":
        path.write_text(text, encoding="utf-8")
    else:
        doc = docx.Document()
        for line in text.splitlines():
            doc.add_paragraph(line)
        doc.save(str(path))
    checked = runner.invoke(main, ["check", str(path)])
    assert "成文日期缺失" not in checked.output, checked.output
    form = tmp_path / "f.yaml"
    made = runner.invoke(main, ["import", str(path), "-o", str(form)])
    assert made.exit_code == 0 and "暂填" not in made.output, made.output
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    assert str(data["成文日期"]) == date and data["落款"]["署名"] == "临溪县人民政府　临溪县司法局", data
    body = form.read_text(encoding="utf-8").split("正文", 1)[1]
    assert "附件" not in body.split("落款", 1)[0] and day.split("\n")[-1] not in body, body


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("全年受理投诉举报904件，办结890件。受理量同比增长267.5%（上年为246件）。", None),
        (
            "全年受理投诉举报904件，办结890件。受理量同比增长276.9%（上年为246件）。",
            "本年904件（前一句）、上年246件（文中写明），应为上升267.5%",
        ),
        # the count before has a change of its own: the next sentence's is not its
        ("全年受理投诉举报904件，同比增长10.0%。受理量同比增长276.9%（上年为246件）。", None),
        # two counts named by the words: whose, not said
        ("全年受理投诉举报904件，受理信访事项300件。受理量同比增长276.9%（上年为246件）。", None),
    ],
)
def test_round86_a_change_in_the_sentence_after_its_count(tmp_path, runner, line, should):
    """A change standing as a sentence of its own, naming its count by its own words, with last
    year's count in it, is checked against that count in the sentence before."""
    _judged(tmp_path, runner, line, should, "同比核算", clean_of="同比核算")


@pytest.mark.parametrize(
    ("heading", "line", "should"),
    [
        ("（一）行政复议受理151件", "审结146件，结案率96.7%。", None),
        ("（一）行政复议受理151件", "审结146件，结案率90.0%。", "按“审结”146件 ÷ 上面标题里的“行政复议受理”151件算，应为96.7%"),
        # another count of the kind in the sentence: its whole may be that (not judged by the heading)
        ("（一）行政复议受理151件", "审结146件，其中纠错18件，结案率90.0%。", None),
        # the heading's count is not named by the rate's base
        ("（一）行政复议受理151件", "纠错18件，纠错率10.0%。", None),
        ("（一）行政复议审结151件", "纠错18件，纠错率10.0%。", "应为11.9%"),
    ],
)
def test_round86_a_rates_whole_only_in_the_heading(tmp_path, runner, heading, line, should):
    """A rate whose whole only the heading right above states is worked out over it."""
    from test_round33 import _report

    path = _report(tmp_path, line)
    path.write_text(path.read_text(encoding="utf-8").replace("（一）发挥行政复议化解行政争议主渠道作用", heading), encoding="utf-8")
    result = runner.invoke(main, ["check", str(path)])
    if should is None:
        assert "比率核算" not in result.output, result.output
    else:
        assert result.exit_code == 1 and "比率核算" in result.output and should in result.output, result.output


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("全年受理行政复议案件151件、审结146件，同比分别增长17.1%、21.7%（上年分别为129件、120件）。", None),
        (
            "全年受理行政复议案件151件、审结146件，同比分别增长27.1%、21.7%（上年分别为129件、120件）。",
            "本年151件、上年129件（文中写明），应为上升17.1%",
        ),
        (
            "全年受理行政复议案件151件、审结146件，同比分别增长17.1%、25.0%（上年分别为129件、120件）。",
            "本年146件、上年120件（文中写明），应为上升21.7%",
        ),
        ("查处违法案件118起、罚款1385.6万元，同比分别增长12.4%、12.8%（上年分别为105起、1261.9万元）。", "应为上升9.8%"),
        ("全年受理行政复议案件151件、审结146件，同比分别下降17.1%、21.7%（上年分别为129件、120件）。", "文中写的是“同比下降17.1%”"),
        # three counts, two changes: whose, not said
        ("全年收到申请160件、受理151件、审结146件，同比分别增长27.1%、21.7%（上年分别为129件、120件）。", None),
    ],
)
def test_round87_changes_listed_with_each(tmp_path, runner, line, should):
    """同比分别增长X%、Y% after two counts: each change is of the count in its place, against
    last year's figure in that place."""
    _judged(tmp_path, runner, line, should, "同比核算", clean_of="同比核算")


@pytest.mark.parametrize(("changes", "error"), [("17.1%、21.7%", False), ("27.1%、21.7%", True)])
def test_round87_changes_listed_with_each_against_last_year(tmp_path, runner, changes, error):
    """With --last, 同比分别增长 pairs each change with last year's report's count of its name."""
    from test_round33 import _last_years_report, _report

    this = _report(tmp_path, f"全年受理行政复议案件151件、审结146件，同比分别增长{changes}。")
    last = _last_years_report(tmp_path, "全年受理行政复议案件129件，审结120件。")
    result = runner.invoke(main, ["check", str(this), "--last", str(last)])
    assert ("同比核算" in result.output) == error, result.output


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("全年办理人大代表建议86件、政协提案54件，均已按期办复，按时办复率95.2%。", "前面写了“均已按期办复”，按时办复率就应是100%"),
        ("全年办理人大代表建议86件、政协提案54件，均已按期办复，按时办复率100%。", None),
        ("全年受理信访936件，均已按时办结，按期办结率95.2%。", "就应是100%"),
        ("执法证件持证率96.2%（应持证1138人，实持证1118人）。", "应为98.2%"),
        ("执法证件持证率98.2%（应持证1138人，实持证1118人）。", None),
    ],
)
def test_round87_on_time_said_either_way_and_counts_as_done(tmp_path, runner, line, should):
    """按期 and 按时 say the same (均已按期办复 against 按时办复率95.2%); 实持证 is the count held
    of 执法证件持证率 (实 names no kind)."""
    _judged(tmp_path, runner, line, should, "比率核算", clean_of="比率核算")


@pytest.mark.parametrize("call", ['fromisoformat("2030-01-01")', "today()", "min", "fromtimestamp(0)", "toordinal()"])
def test_round87_a_template_cannot_make_another_date(tmp_path, runner, call):
    """The date's own constructors and class values (成文日期.today(), .min) make a date that is
    not the form's: refused at the template line, as .replace(year=2030) is."""
    folder = clerk_templates(tmp_path, {"themes/通用.md.j2": f"{{{{ 数据句子(t) }}}}\n{{{{ 成文日期.{call} }}}}\n"})
    out, result = render_with(runner, tmp_path, folder)
    assert result.exit_code == 2 and not out.exists(), result.output
    assert "通用.md.j2:2" in result.output and "不是表单里的成文日期" in result.output, result.output


@pytest.mark.parametrize(
    ("items", "said"),
    [
        ('    - "审结{审结}"\n    - "纠错率为0"\n', "写了“纠错率为0”，但表单里“纠错”是18件"),
        ('    - "审结{审结}"\n    - "结案率为100%"\n', "“审结”146件 ÷ “受理”151件，应为96.7%"),
        ('    - "审结{审结}"\n    - "无一被纠错"\n', "写了“无一被纠错”，但表单里“纠错”是18件"),
        ('    - "审结{审结}"\n    - "纠错率为{纠错率}"\n', None),
    ],
)
def test_round87_a_rate_typed_in_the_phrase_table_beside_one_count(tmp_path, runner, items, said):
    """A rate, 0 in words or 无一… a phrase table types itself, in a sentence printing only one of
    the rate's counts (and under a heading that names no matter), is weighed against the form."""
    folder = clerk_templates(tmp_path, {"句式.yaml": "矛盾纠纷化解:\n  行政复议:\n" + items})
    out, result = render_with(runner, tmp_path, folder)
    if said is None:
        assert result.exit_code == 0 and out.exists(), result.output
    else:
        assert result.exit_code == 2 and "比率核算" in result.output and said in result.output, result.output


@pytest.mark.parametrize(
    ("table", "line"),
    [
        (
            '开头:\n  - "{年度}年，{单位}坚持依法行政"\n  - 深入贯彻《法治政府建设实施纲要（2015－2020年）》\n  - 全面贯彻{会议精神}\n  - 。\n'
            "  - 现将有关情况报告如下：\n",
            3,
        ),
        ('开头:\n  - "{年度}年，{单位}深入贯彻《法治政府建设实施纲要（2015－2020年）》"\n  - 。\n  - 现将有关情况报告如下：\n', 2),
    ],
)
def test_round87_an_outdated_outline_typed_with_a_hyphen_is_said_at_its_line(tmp_path, runner, table, line):
    """A phrase table's 开头 item typing an outdated 纲要 with a full-width hyphen (2015－2020),
    which the report prints with 一字线, is said at that item's line."""
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": table}))
    assert result.exit_code == 2, result.output
    said = next(li for li in result.output.splitlines() if "纲要不在施行期" in li)
    assert f"句式.yaml:{line}：" in said and "这段文字是模板或句式表" in result.output, result.output


def test_round87_a_rate_named_with_zhanbi_is_not_a_share_of_a_named_whole(tmp_path, runner):
    """纠错占比{纠错率} after 审结{审结} names its rate (占比, no whole after 占): accepted, as the
    README says, and the report passes check."""
    table = '矛盾纠纷化解:\n  行政复议:\n    - "审结{审结}"\n    - "纠错占比{纠错率}"\n'
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": table}))
    assert result.exit_code == 0 and out.exists(), result.output
    checked = runner.invoke(main, ["check", str(out)])
    assert checked.exit_code == 0, checked.output


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("行政复议纠错率为0。", "写了“行政复议纠错率为0”，但表单里“纠错”是18件"),
        ("纠错率为0。", "但表单里“纠错”是18件"),  # (the one group with a 纠错率)
        ("行政复议结案率达到100%。", "“审结”146件 ÷ “受理”151件，应为96.7%"),
        ("行政复议案件全部审结。", "写了“全部审结”，但表单里“审结”是146件"),
        ("行政复议纠错率为12.3%。", None),
    ],
)
def test_round88_a_rate_typed_in_a_sentence_without_figures(tmp_path, runner, line, said):
    """A rate or 全部… a clerk's template types in a sentence with no figure of the form is
    weighed against the group the sentence names (or the one group with that rate)."""
    folder = clerk_templates(tmp_path, {"themes/矛盾纠纷化解.md.j2": f"{{{{ 数据句子(t) }}}}\n{line}\n"})
    out, result = render_with(runner, tmp_path, folder)
    if said is None:
        assert result.exit_code == 0 and out.exists(), result.output
    else:
        assert result.exit_code == 2 and "矛盾纠纷化解.md.j2:2" in result.output and said in result.output, result.output


@pytest.mark.parametrize(("change", "error"), [("98.6%", False), ("47.5%", True)])
def test_round88_a_change_naming_its_count_keeps_its_own_base_with_last(tmp_path, runner, change, error):
    """受理量同比增长98.6%（上年为147件） after 审结: the base the sentence states is the change's,
    before last year's report given with --last (whose 198 would call for 47.5%)."""
    from test_round33 import _last_years_report, _report

    this = _report(tmp_path, f"全年受理行政复议案件292件，审结280件，受理量同比增长{change}（上年为147件）。")
    last = _last_years_report(tmp_path, "全年受理行政复议案件198件，审结190件。")
    result = runner.invoke(main, ["check", str(this), "--last", str(last)])
    assert ("同比核算" in result.output) == error, result.output
    if error:
        assert "上年147件（文中写明），应为上升98.6%" in result.output, result.output


_BOX_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _text_box(lines: list[str]):
    """A Word text box (DrawingML, with its VML fallback) holding ``lines`` as paragraphs."""
    from docx.oxml import parse_xml

    inner = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    return parse_xml(
        f'<w:r {_BOX_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" '
        'distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="5000000" '
        'cy="8000000"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="1" name="Text Box 1"/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent>'
        f"{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        f'</mc:Choice><mc:Fallback><w:pict><v:shape style="width:400pt;height:600pt"><v:textbox><w:txbxContent>{inner}'
        "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def _report_lines(tmp_path) -> list[str]:
    from test_round33 import _report

    return _report(tmp_path, "全年受理行政复议案件151件，审结146件，结案率96.7%。").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("title_outside", [False, True])
def test_round88_a_report_typed_in_a_text_box_is_read(tmp_path, runner, title_outside):
    """The whole report (or all but its title) in one text box is the report, not a box
    floating beside an empty document."""
    import docx

    lines = _report_lines(tmp_path)
    doc = docx.Document()
    if title_outside:
        doc.add_paragraph(lines.pop(0))
    doc.add_paragraph()._p.append(_text_box(lines))
    path = tmp_path / "框.docx"
    doc.save(str(path))
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 0 and "没有发现问题" in result.output, result.output
    parsed = runner.invoke(main, ["parse", str(path)])
    assert "日期：2026年2月6日" in parsed.output and "临溪县人民政府关于2025年度" in parsed.output, parsed.output


@pytest.mark.parametrize("in_cell", [False, True])
def test_round88_a_line_break_between_signature_and_date(tmp_path, runner, in_cell):
    """示范县人民政府<w:br/>2026年2月6日 (Shift+Enter), in a paragraph or a one-cell table: Word
    shows two lines, the signature and the date."""
    import docx

    lines = _report_lines(tmp_path)
    doc = docx.Document()
    for line in lines[:-2]:
        doc.add_paragraph(line)
    para = doc.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0] if in_cell else doc.add_paragraph()
    para.add_run(lines[-2]).add_break()
    para.add_run(lines[-1])
    path = tmp_path / "换行.docx"
    doc.save(str(path))
    result = runner.invoke(main, ["check", str(path)])
    assert "成文日期缺失" not in result.output, result.output
    parsed = runner.invoke(main, ["parse", str(path)])
    assert "署名：临溪县人民政府　日期：2026年2月6日" in parsed.output, parsed.output


def _closing_reads(tmp_path, runner, closing: str) -> None:
    """A report whose closing is ``closing`` (in place of 临溪县人民政府 / 2026年2月6日) still reads
    as signed by 临溪县人民政府 on 2026年2月6日."""
    from test_round33 import _report

    path = _report(tmp_path, "全年受理行政复议案件151件。")
    path.write_text(path.read_text(encoding="utf-8").replace("临溪县人民政府\n2026年2月6日", closing), encoding="utf-8")
    parsed = runner.invoke(main, ["parse", str(path)])
    assert "署名：临溪县人民政府　日期：2026年2月6日" in parsed.output, parsed.output


def test_round88_a_printing_line_above_the_date_is_no_issuer(tmp_path, runner):
    """县政府办公室　2026年2月5日印发 between the signature and the date is a 版记 line, never a
    second issuer."""
    _closing_reads(tmp_path, runner, "临溪县人民政府\n临溪县人民政府办公室　　2026年2月5日印发\n2026年2月6日")


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("全年共受理信访事项1032件，按期办结1028件，按期办结率99.6%；其中来信216件、来访387件、网上信访429件。", None),
        (
            "全年共受理信访事项1032件，按期办结1028件，按期办结率99.6%；其中来信216件、来访387件、网上信访529件。",
            "216件＋387件＋529件）超过了总数1032件",
        ),
    ],
)
def test_round88_ways_a_petition_came_in_are_of_those_received(tmp_path, runner, line, should):
    """来信、来访、网上信访 after 按期办结 are the ways the petitions received came in: of 受理's
    count, never of those closed on time."""
    _judged(tmp_path, runner, line, should, "其中超总数", clean_of="其中超总数")


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("受理151件，同比增长1倍（上年为75件）。", None),
        ("受理151件，同比增长1倍（上年为50件）。", "本年是上年的3.02倍，与“同比增长1倍”不符"),
        ("受理150件，同比增长2倍（上年为50件）。", None),
        ("受理151件，是上年的2倍（上年为75件）。", None),
        ("受理151件，实现翻番（上年为75件）。", None),
        ("受理140件，实现翻番（上年为75件）。", "本年是上年的1.87倍，与“实现翻番”不符"),
        ("受理140件，接近翻番（上年为75件）。", None),
        ("受理151件，同比增长1.5倍，上年为60件。", None),
    ],
)
def test_round88_changes_in_times(tmp_path, runner, line, should):
    """增长N倍 (N + 1 times, or N times as it is often meant), 是上年的N倍 and 翻番 are weighed
    against last year's count the sentence states."""
    _judged(tmp_path, runner, line, should, "同比核算", clean_of="同比核算")


def test_round88_doubling_with_last_years_report(tmp_path, runner):
    from test_round33 import _last_years_report, _report

    this = _report(tmp_path, "全年受理行政复议案件140件，实现翻番。")
    last = _last_years_report(tmp_path, "全年受理行政复议案件75件。")
    result = runner.invoke(main, ["check", str(this), "--last", str(last)])
    assert "与“实现翻番”不符" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("督察发现问题48个，已整改45个，均已整改到位。", "写了“均已整改到位”，但“整改”45个少于“督察发现问题”48个"),
        ("排查隐患1874处，已整改1842处，全部完成整改。", "写了“全部完成整改”"),
        ("行政复议受理151件，审结146件，全部审结完毕。", "写了“全部审结完毕”"),
        ("督察发现问题48个，已整改48个，均已整改到位。", None),
        ("受理信访事项936件，按期办结率98.4%，无一超期。", "后面写了“无一超期”，按期办结率就应是100%"),
        ("12345热线受理诉求68420件，按时办结67988件，无一超期办结。", "写了“无一超期办结”，但“按时办结”67988件少于"),
        ("受理信访事项936件，按期办结936件，无一超期。", None),
        ("排查安全隐患1874处，已整改1842处，整改率98.3%，隐患均已整改。", "请删去“均已”或写明未完成的件数"),
    ],
)
def test_round89_all_done_said_with_words_of_completion_and_none_late(tmp_path, runner, line, should):
    """均已整改到位, 全部审结完毕, 全部完成整改 claim all as 均已整改 does; 无一超期 claims all on
    time as 均已按期办结 does; the fix names the claim's own word."""
    _judged(tmp_path, runner, line, should, "比率核算", clean_of="比率核算")


@pytest.mark.parametrize(
    ("table", "said"),
    [
        ("党的领导:\n  法治督察:\n    - 督察发现问题{发现问题}\n    - 已整改{整改问题}\n    - 均已整改到位\n", "均已整改到位"),
        ("矛盾纠纷化解:\n  信访:\n    - 受理信访事项{受理信访}\n    - 无一超期\n", "无一超期"),
    ],
)
def test_round89_a_phrase_table_typing_all_done_or_none_late(tmp_path, runner, table, said):
    """Such claims a phrase table types are refused when the form's figures say otherwise."""
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": table}))
    assert result.exit_code == 2 and "比率核算" in result.output and f"写了“{said}”" in result.output, result.output


def test_round89_screening_disputes_is_not_mediating_them(tmp_path, runner):
    """排查矛盾纠纷728件 is the act of 人民调解's 排查纠纷 (counted in 次), never its 调解纠纷: a
    note in new --from, and no base for this year's 调解纠纷 with --last."""
    from test_round33 import _last_years_report, _report
    from test_round66 import _carried

    carried, text = _carried(tmp_path, runner, "人民调解组织调解矛盾纠纷640件，调解成功630件；排查矛盾纠纷728件。")
    assert carried["矛盾纠纷化解"]["人民调解"] == {"调解纠纷": 640, "调解成功": 630}, carried
    assert "# 728件（排查矛盾纠纷）" in text, text
    this = _report(tmp_path, "人民调解组织调解矛盾纠纷640件，同比增长6.7%，调解成功630件。")
    last = _last_years_report(tmp_path, "全年排查矛盾纠纷728件，成功化解719件。")
    result = runner.invoke(main, ["check", str(this), "--last", str(last)])
    assert "同比核算" not in result.output, result.output


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("办理行政处罚案件250件、行政强制案件40件，同比分别增长25%、下降20%，上年分别为200件、50件。", None),
        (
            "办理行政处罚案件250件、行政强制案件40件，同比分别增长35%、下降30%，上年分别为200件、50件。",
            "应为上升25%，文中写的是“同比增长35%”",
        ),
        ("办理行政处罚案件250件、行政强制案件40件，分别同比增长25%和增长20%，上年分别为200件、50件。", "应为下降20%"),
    ],
)
def test_round89_changes_listed_each_with_its_verb(tmp_path, runner, line, should):
    """同比分别增长X%、下降Y%: each change in the list carries its own verb."""
    _judged(tmp_path, runner, line, should, "同比核算", clean_of="同比核算")


def test_round89_a_rate_is_never_worked_over_a_sibling_in_its_own_list(tmp_path, runner):
    """维持…、纠错…、驳回176件、调解和解53件，调解和解率12.2%: 驳回 is a sibling outcome, never the
    rate's whole (no reminder working the rate over it)."""
    result = runner.invoke(
        main, ["check", str(_report_of(tmp_path, "审结案件中，维持190件、纠错15件、驳回176件、调解和解53件，调解和解率12.2%。"))]
    )
    assert "÷ “驳回”" not in result.output, result.output


def _report_of(tmp_path, line: str):
    from test_round33 import _report

    return _report(tmp_path, line)


@pytest.mark.parametrize(
    "tail",
    [
        ["2026年2月6日", "————————————————————"],
        ["2026年2月6日", "＿＿＿＿＿＿＿＿＿＿", "抄送：县委办公室。", "临溪县人民政府办公室　　2026年2月6日印发"],
        ["2026年2月6日", "（此件公开发布，", "联系人：张三，电话：1234567）"],
        ["（印章）", "2026年2月6日"],
    ],
    ids=["rule", "rule-and-banji", "note-over-two-lines", "seal-placeholder"],
)
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_round90_closings_with_a_rule_a_broken_note_or_a_seal_placeholder(tmp_path, runner, tail, suffix):
    """A 版记 rule line under the date, a bracketed 附注 broken over two lines, and a （印章）
    line between the signature and the date leave the closing read: 署名 and 日期 as written."""
    import docx

    lines = _report_lines(tmp_path)
    assert lines[-1] == "2026年2月6日"
    lines = lines[:-1] + tail if tail[0] != "（印章）" else lines[:-1] + tail
    path = tmp_path / f"落款{suffix}"
    if suffix == ".txt":
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        doc = docx.Document()
        for line in lines:
            doc.add_paragraph(line)
        doc.save(str(path))
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 0 and "没有发现问题" in result.output, result.output
    parsed = runner.invoke(main, ["parse", str(path)])
    assert "署名：临溪县人民政府　日期：2026年2月6日" in parsed.output, parsed.output


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("排查安全隐患320处，其中一般隐患290处、重大隐患30处；一般隐患整改280处，整改率96.6%，重大隐患全部整改到位。", None),
        ("全年排查安全隐患1000处，整改隐患961处，隐患整改率96.1%，隐患全部整改到位。", "就应是100%"),
    ],
)
def test_round90_all_of_a_part_beside_a_rate_named_by_its_part(tmp_path, runner, line, should):
    """一般隐患整改280处，整改率96.6%，重大隐患全部整改到位: the rate's part (一般隐患) is said in the
    count before it, and 全部 is of another part (重大隐患)."""
    _judged(tmp_path, runner, line, should, "比率核算", clean_of="比率核算")


def test_round90_a_rate_by_a_short_name_after_its_base(tmp_path, runner):
    """出庭率{出庭应诉率} (a short name of the catalogue's rate) after 开庭审理: worked out over its
    base, never over 案件 stated first."""
    table = (
        '矛盾纠纷化解:\n  行政应诉:\n    - "办理一审行政诉讼案件{案件}"\n    - "行政机关负责人出庭{负责人出庭}"\n'
        '    - "开庭审理{开庭审理}"\n    - "出庭率{出庭应诉率}"\n'
    )
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": table}))
    assert result.exit_code == 0 and out.exists(), result.output
    assert runner.invoke(main, ["check", str(out)]).exit_code == 0


def test_round90_proposals_joined_by_he_are_both_the_whole(tmp_path, runner):
    """承办人大代表建议{…}和政协提案{…}，按时办复{…}，办复率{…}: 政协提案 is named by its own words
    (never by the words before the 和), and 办复率 is over both."""
    table = '权力监督:\n  建议提案:\n    - "承办人大代表建议{人大代表建议}和政协提案{政协提案}"\n    - "按时办复{按时办复}"\n    - "办复率{办复率}"\n'
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": table}))
    assert result.exit_code == 0 and out.exists(), result.output
    assert runner.invoke(main, ["check", str(out)]).exit_code == 0


@pytest.mark.parametrize(
    ("files", "said"),
    [
        (
            {
                "句式.yaml": '突发事件:\n  应急管理:\n    - "排查隐患{排查隐患}"\n    - "整改{整改隐患}"\n    - "整改率{隐患整改率}"\n'
                '    - "重大隐患全部整改到位"\n'
            },
            None,
        ),
        (
            {
                "themes/矛盾纠纷化解.md.j2": '{{ 句(项("受理{}", t.数据.行政复议.受理), 项("审结{}", t.数据.行政复议.审结)) }}全部案件均已审结。\n'
            },
            ":1：",
        ),
        ({"句式.yaml": '矛盾纠纷化解:\n  信访:\n    - "受理信访事项{受理信访}"\n    - "按期办结{按期办结}"\n    - "无一超期"\n'}, ":5："),
    ],
)
def test_round90_claims_typed_by_templates(tmp_path, runner, files, said):
    """重大隐患全部整改到位 of a part is no claim on the rate; 全部案件均已审结 in a sentence of its own
    after the group's figures is weighed against them; 无一超期 is said at its own line."""
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, files))
    if said is None:
        assert result.exit_code == 0 and out.exists(), result.output
        assert runner.invoke(main, ["check", str(out)]).exit_code == 0
    else:
        errors = [line for line in result.output.splitlines() if "【错误】比率核算" in line]
        assert result.exit_code == 2 and errors and all(said in line for line in errors), result.output


def test_round90_contracts_listed_with_agreements_are_not_all_documents(tmp_path, runner):
    """审核各类合同、协议18件 names contracts (合同 listed with 协议): never 审查文件, all documents."""
    from test_round66 import _carried

    carried, text = _carried(tmp_path, runner, "严格执行政府合同合法性审查程序，审核各部门送审的各类合同、协议18件，涉及金额1.93亿元。")
    assert "审查文件" not in str(carried.get("依法行政", carried)), carried
    assert "审查文件: 18" not in text, text


def test_round90_all_covered_both_years_draws_no_reminder(tmp_path, runner):
    """246 of 246 村居 this year and last: the report says 全部配备, and no reminder asks for the
    counts' 同比 (there is no change to say)."""
    form = example_form(
        tmp_path,
        (
            "      公共法律服务:\n        法律援助: 1012\n",
            "      公共法律服务:\n        法律援助: 1012\n        村居总数: 240\n        配备法律顾问村居: 240\n",
        ),
    )
    result = runner.invoke(main, ["render", str(form), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 0 and "村居" not in result.output, result.output


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("一般隐患整改率89.1%，重大隐患20处均已整改到位。", None),
        ("排查一般隐患1000处，整改891处，整改率89.1%，重大隐患20处全部整改到位。", None),
        ("全年排查安全隐患1000处，整改隐患961处，隐患整改率96.1%，隐患1000处全部整改到位。", "就应是100%"),
    ],
)
def test_round91_all_of_a_named_part_with_its_own_count(tmp_path, runner, line, should):
    """重大隐患20处均已整改到位: the part named with its own count is still the part the claim is of."""
    _judged(tmp_path, runner, line, should, "比率核算", clean_of="比率核算")


@pytest.mark.parametrize(
    ("head", "title", "addressee"),
    [
        (
            "临溪县人民政府关于\n2025年度法治政府建设情况\n的报告\n县委、县人大常委会：",
            "临溪县人民政府关于2025年度法治政府建设情况的报告",
            "县委、县人大常委会",
        ),
        (
            "临溪县人民政府\n关于2025年度法治政府建设\n情况的报告\n县委、县人大常委会：",
            "临溪县人民政府关于2025年度法治政府建设情况的报告",
            "县委、县人大常委会",
        ),
        (
            "临溪县人民政府关于2025年度法治政府建设情况的报告\n县委、县人大常委会，\n县政协：",
            "临溪县人民政府关于2025年度法治政府建设情况的报告",
            "县委、县人大常委会，县政协",
        ),
    ],
)
def test_round91_titles_and_addressees_over_lines(tmp_path, runner, head, title, addressee):
    """A title set on three lines, and a 主送机关 on two, come back whole through import."""
    import yaml

    from test_round33 import _report

    path = _report(tmp_path, "全年受理行政复议案件151件。")
    path.write_text(path.read_text(encoding="utf-8").replace("临溪县人民政府关于2025年度法治政府建设情况的报告", head, 1), encoding="utf-8")
    form = tmp_path / "f.yaml"
    assert runner.invoke(main, ["import", str(path), "-o", str(form)]).exit_code == 0
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    assert data["标题"] == title and data["主送机关"] == addressee, data


def test_round91_an_issuing_line_without_a_date_above_the_date(tmp_path, runner):
    """示例县人民政府办公室印发 between 署名 and 日期 is no issuer, dated or not."""
    _closing_reads(tmp_path, runner, "临溪县人民政府\n临溪县人民政府办公室印发\n2026年2月6日")


@pytest.mark.parametrize(
    ("swap", "absent"),
    [
        # 建议提案 all 0 last year: neither count of 办复率 carried
        (
            (
                "        人大代表建议: 112\n        政协提案: 134\n        按时办复: 246\n        满意: 243\n",
                "        人大代表建议: 0\n        政协提案: 0\n        按时办复: 0\n        满意: 0\n",
            ),
            ("人大代表建议", "政协提案"),
        ),
    ],
)
def test_round91_counts_of_a_rate_not_worked_out_last_year_stay_notes(tmp_path, runner, swap, absent):
    """A rate's counts go to 上年数据 only when last year's rate can be worked out from them:
    all of them given, its whole not 0 (whatever order they come in)."""
    import yaml

    form = example_form(tmp_path, swap)
    new = tmp_path / "n.yaml"
    assert runner.invoke(main, ["new", "2026", "--from", str(form), "-o", str(new)]).exit_code == 0
    data = yaml.safe_load(new.read_text(encoding="utf-8"))
    last = next(t.get("上年数据") or {} for t in data["成效"] if t["主题"] == "权力监督")
    assert not set(absent) & set(last.get("建议提案") or {}), last


def test_round91_a_rates_whole_alone_from_a_report_stays_a_note(tmp_path, runner):
    """受理信访事项12168件，按期办结率98.4% (按期办结 not stated, nor to be worked back exactly):
    受理信访 alone is a note, not 上年数据 next year's render would remind about."""
    from test_round66 import _carried

    carried, text = _carried(tmp_path, runner, "全年受理信访事项12168件，按期办结率98.4%。")
    assert "受理信访" not in str(carried), carried
    assert "去年“信访：受理信访”是 12168" in text, text


@pytest.mark.parametrize(
    ("table", "said"),
    [
        ('矛盾纠纷化解:\n  行政复议:\n    - "依法受理{受理}"\n    - "审结率达到100%"\n', "“审结”146件 ÷ “受理”151件，应为96.7%"),
        (
            '党的领导:\n  法治督察:\n    - "组织督察{督察次数}"\n    - "发现问题{发现问题}"\n    - "问题均已整改到位"\n',
            "表单里“整改问题”是45个",
        ),
        ('制度建设:\n  规范性文件:\n    - "制发规范性文件{制发}"\n    - "均已报送备案"\n', "表单里“备案”是35件"),
        ('普法:\n  公共法律服务:\n    - "村（社区）{村居总数}"\n    - "全部配备法律顾问"\n', None),
    ],
)
def test_round91_claims_of_acts_named_otherwise(tmp_path, runner, table, said):
    """A rate typed under its numerator's name (审结率 of 结案率) and 全部/均已 of an act the
    figure is named after (整改 → 整改问题, 报送备案 → 备案, 配备法律顾问 → 配备法律顾问村居) are
    weighed against the form (246 of 246 村居 in the example: 全部配备 is true)."""
    form = example_form(tmp_path, ("        备案: 36\n", "        备案: 35\n"))  # (one not filed)
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": table}), form)
    if said is None:
        assert result.exit_code == 0 and out.exists(), result.output
    else:
        assert result.exit_code == 2 and "比率核算" in result.output and said in result.output, result.output


def test_round92_a_signature_written_with_its_label(tmp_path, runner):
    """署名：临溪县人民政府 / 日期：2026年2月6日: the name after the label is the issuer."""
    _closing_reads(tmp_path, runner, "署名：临溪县人民政府\n日期：2026年2月6日")


def test_round92_a_share_named_by_a_count_not_stated(tmp_path, runner):
    """纠错占比{纠错率} after 受理 and 审结: the share is 纠错's (not stated), never 审结 ÷ 受理 — in
    the phrase table and in check of a report."""
    table = '矛盾纠纷化解:\n  行政复议:\n    - "受理{受理}"\n    - "审结{审结}"\n    - "纠错占比{纠错率}"\n'
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": table}))
    assert result.exit_code == 0 and out.exists(), result.output
    _judged(tmp_path, runner, "一年来，全县收到行政复议申请162件，受理151件，审结146件，纠错占比12.3%。", None, clean_of="占比核算")


def test_round92_a_claim_after_a_sentence_of_one_groups_figures(tmp_path, runner):
    """全部案件均已审结。 after a sentence printing 行政复议's 受理、审结、纠错 (纠错 0, and 行政应诉's 败诉
    0 too): the group the sentence before prints the most figures of, weighed against its 146 of 151."""
    form = example_form(tmp_path, ("        纠错: 18\n", "        纠错: 0\n"), ("        败诉: 2\n", "        败诉: 0\n"))
    folder = clerk_templates(
        tmp_path,
        {
            "themes/矛盾纠纷化解.md.j2": "行政复议方面，受理{{ t.数据.行政复议.受理 }}，审结{{ t.数据.行政复议.审结 }}，"
            "作出纠错决定{{ t.数据.行政复议.纠错 }}。全部案件均已审结。\n"
        },
    )
    out, result = render_with(runner, tmp_path, folder, form)
    assert result.exit_code == 2 and "写了“均已审结”" in result.output, result.output


@pytest.mark.parametrize("mark", ["[1]", "［1］", "（1）", "注1", "注①"])
def test_round92_a_raised_note_mark_in_brackets_after_a_figure(tmp_path, runner, mark):
    """151 with a raised note mark in brackets or with 注 (151[1]件): the figure is 151件, as Word
    shows it, never lost nor read as 1件."""
    import docx

    lines = _report_lines(tmp_path)
    doc = docx.Document()
    for line in lines:
        if line.startswith("全年受理行政复议案件151件"):
            para = doc.add_paragraph()
            para.add_run("全年受理行政复议案件151")
            para.add_run(mark).font.superscript = True
            para.add_run(line[len("全年受理行政复议案件151") :])
        else:
            doc.add_paragraph(line)
    path = tmp_path / "注.docx"
    doc.save(str(path))
    parsed = runner.invoke(main, ["parse", str(path), "--json"])
    assert '"原文": "151件"' in parsed.output, parsed.output
    assert runner.invoke(main, ["check", str(path)]).exit_code == 0


@pytest.mark.parametrize(
    ("items", "line", "said"),
    [
        (
            '行政执法:\n  案卷评查:\n    - "评查行政执法案卷{评查案卷}"\n    - "合格{合格案卷}"\n    - "均已达到合格标准"\n',
            5,
            "均已达到合格标准",
        ),
        (
            '重大决策:\n  重大行政决策:\n    - "年度重大行政决策目录列入事项{目录事项}"\n    - "已按法定程序完成决策{完成事项}"\n'
            '    - "均已按法定程序完成决策"\n',
            5,
            "均已按法定程序完成决策",
        ),
        ('制度建设:\n  规范性文件:\n    - "制发规范性文件{制发}"\n    - "按时备案{按时备案}"\n    - "均已按时备案"\n', 5, "均已按时备案"),
    ],
)
def test_round93_claims_with_words_between_and_their_line(tmp_path, runner, items, line, said):
    """均已达到合格标准, 均已按法定程序完成决策: words between the claim and its act; the claim is
    said at its own phrase item's line, with the fix naming its own word."""
    out, result = render_with(runner, tmp_path, clerk_templates(tmp_path, {"句式.yaml": items}))
    errors = [li for li in result.output.splitlines() if "【错误】比率核算" in li]
    assert result.exit_code == 2 and errors and all(f"句式.yaml:{line}：" in li for li in errors), result.output
    assert f"写了“{said}”" in result.output and "删去“均已”" in result.output, result.output


def test_round93_import_says_the_lines_above_the_title(tmp_path, runner):
    """示例县人民政府文件 / 示政发〔2026〕3号 签发人：张三 above the title: left out of the form,
    and said so."""
    from test_round33 import _report

    path = _report(tmp_path, "全年受理行政复议案件151件。")
    path.write_text("临溪县人民政府文件\n临政发〔2026〕3号　　签发人：张三\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(main, ["import", str(path), "-o", str(tmp_path / "f.yaml")])
    assert result.exit_code == 0 and "原文标题前面还有 2 行" in result.output and "临溪县人民政府文件" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "should"),
    [
        ("审结行政复议案件407件中，按期审结406件，按期审结率99.8%，均已按期办结。", "后面写了“均已按期办结”，按期审结率就应是100%"),
        ("审结行政复议案件407件中，按期审结407件，按期审结率100%，均已按期办结。", None),
        ("受理151件，全部办结，结案率96.7%。", "前面写了“全部办结”，结案率就应是100%"),
    ],
)
def test_round93_closing_said_as_shenjie_banjie_or_jiean(tmp_path, runner, line, should):
    """审结, 办结 and 结案 close a case alike: 均已按期办结 after 按期审结率99.8% is an error."""
    _judged(tmp_path, runner, line, should, "比率核算", clean_of="比率核算")
