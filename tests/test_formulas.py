"""The opening's political formulas: built-in by year, an office's file over them, the form's
own over both; a year nobody covers leaves them out and says which form keys to fill."""

from __future__ import annotations

import docx

from drafter.cli.commands import main
from drafter.model.formulations import builtin

OUTLINE_2125 = "《法治政府建设实施纲要（2021—2025年）》"


def run(runner, *args):
    result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def opening(path) -> str:
    paras = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    return next(t for t in paras if t.startswith(("2025年", "2026年", "2031年")))


def test_builtin_data_covers_the_season_now_beginning_without_inventing_an_outline():
    entry = builtin().get(2026)
    assert entry["党代会"] == "二十大" and "四中" in entry["全会"]
    assert entry["纲要"] is None  # the 2021—2025 one has expired; no successor is recorded


def test_2026_form_without_formulas_gets_a_reminder_and_no_stale_outline(runner, tmp_path, write_form, minimal):
    minimal["年度"], minimal["成文日期"] = 2026, "2027-02-01"
    out = tmp_path / "r.docx"
    result = run(runner, "render", write_form(minimal), "-o", out)
    assert result.exit_code == 0, result.output
    assert "【提醒】" in result.output and "开头.纲要" in result.output
    text = opening(out)
    assert "纲要" not in text and "2021—2025" not in text
    assert "党的二十大和二十届历次全会精神" in text
    assert "深入学习贯彻习近平法治思想，统筹推进" in text  # the clause is left out cleanly


def test_form_formulas_are_used_and_silence_the_reminder(runner, tmp_path, write_form, minimal):
    minimal["年度"], minimal["成文日期"] = 2026, "2027-02-01"
    minimal["开头"] = {"会议精神": "党的二十大和二十届历次全会精神", "纲要": "示例省法治政府建设规划（2026—2030年）"}
    out = tmp_path / "r.docx"
    result = run(runner, "render", write_form(minimal), "-o", out)
    assert result.exit_code == 0 and "表述数据" not in result.output, result.output
    assert "对照《示例省法治政府建设规划（2026—2030年）》确定的目标任务" in opening(out)  # 《》 added


def test_year_beyond_all_data_leaves_both_out_and_names_both_keys(runner, tmp_path, write_form, minimal):
    minimal["年度"], minimal["成文日期"] = 2031, "2032-02-01"
    out = tmp_path / "r.docx"
    result = run(runner, "validate", write_form(minimal))
    assert result.exit_code == 0
    assert "开头.会议精神、开头.纲要" in result.output and "没有 2031 年度" in result.output
    assert run(runner, "render", write_form(minimal), "-o", out).exit_code == 0
    text = opening(out)
    assert "精神" not in text.split("习近平法治思想")[0].replace("习近平新时代中国特色社会主义思想", "")
    assert "纲要" not in text


def test_office_formulas_file_adds_a_year_through_the_config(runner, tmp_path, write_form, minimal):
    (tmp_path / "表述.yaml").write_text(
        "2031:\n  会议精神: 党的二十二大精神\n  纲要: 《某纲要（2031—2035年）》\n  党代会: 二十二大\n  全会: [二中]\n",
        encoding="utf-8")
    cfg = tmp_path / "单位设置.yaml"
    cfg.write_text("表述数据: 表述.yaml\n", encoding="utf-8")
    minimal["年度"], minimal["成文日期"] = 2031, "2032-02-01"
    out = tmp_path / "r.docx"
    result = run(runner, "render", write_form(minimal), "-o", out, "--config", cfg)
    assert result.exit_code == 0 and "表述数据" not in result.output, result.output
    text = opening(out)
    assert "全面贯彻党的二十二大精神" in text and "对照《某纲要（2031—2035年）》" in text


def test_office_formulas_file_mistakes_are_located(runner, tmp_path, write_form, minimal):
    (tmp_path / "表述.yaml").write_text("2031:\n  会议精神: 某精神\n  全会: 五中\n  届次: 1\n", encoding="utf-8")
    cfg = tmp_path / "c.yaml"
    cfg.write_text("表述数据: 表述.yaml\n", encoding="utf-8")
    result = run(runner, "render", write_form(minimal), "--config", cfg)
    assert result.exit_code == 2
    assert "表述.yaml:3" in result.output and "全会" in result.output
    assert "表述.yaml:4" in result.output and "届次" in result.output
    cfg.write_text("表述数据: 没有这个文件.yaml\n", encoding="utf-8")
    result = run(runner, "validate", write_form(minimal), "--config", cfg)
    assert result.exit_code == 2 and "没有这个文件.yaml" in result.output


def test_check_does_not_call_a_plenum_after_the_data_was_checked_an_error(tmp_path):
    from drafter.model.catalogue import load_catalogue
    from drafter.jobs.checking import load_document
    from drafter.check.runner import check_document
    from drafter.check.table import rule_table

    report = tmp_path / "r.txt"
    report.write_text(
        "某县关于2026年度法治政府建设情况的报告\n"
        "2026年，某县坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中、三中、四中、五中全会精神，"
        "深入学习贯彻习近平法治思想，依法行政取得新进展。\n一、主要成效\n各项工作稳步推进。\n"
        "二、存在的问题\n基层力量仍然薄弱，原因是编制不足。\n三、下一步工作安排\n继续加强队伍建设。\n"
        "某县人民政府\n2027年2月1日\n", encoding="utf-8")
    found = check_document(load_document(report, load_catalogue()), rule_table())
    about = [f for f in found if "五中" in f.quote]
    assert about and all(f.severity == "提醒" and f.rule == "表述数据缺失" for f in about), about
