"""drafter check on the command line: forms, .txt, .docx and folders; the text for people,
the JSON contract, exit codes; render and validate running the form-level rules; and the
hostile inputs that must give a located Chinese message and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.cli.commands import main

from conftest import EXAMPLE

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out

WRONG_RATE = "全年受理行政复议案件53件，办结41件，结案率为87.2%。"
REPORT = """某县2025年度法治政府建设情况报告
2025年，某县坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大和二十届历次全会精神，统筹推进依法行政。现将有关情况报告如下：
一、主要举措和成效
{body}
二、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人带头学法。
三、存在的不足和原因
基层执法力量不足，主要是编制少。
四、2026年推进法治政府建设的主要安排
（一）推进复议体制改革。设立复议咨询服务窗口，推行繁简分流审理。
某县人民政府
2026年2月6日
"""


def run(runner, *args):
    result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def txt(tmp_path):
    def write(body: str = "全年受理行政复议案件53件，审结50件。", name: str = "报告.txt") -> Path:
        path = tmp_path / name
        path.write_text(REPORT.format(body=body), encoding="utf-8")
        return path

    return write


def test_clean_report_exits_0(runner, txt):
    result = run(runner, "check", txt())
    assert result.exit_code == 0, result.output
    assert "没有发现问题" in result.output and "2025年度" in result.output


def test_wrong_rate_exits_1_with_place_quote_message_and_fix(runner, txt):
    path = txt(WRONG_RATE)
    result = run(runner, "check", path)
    assert result.exit_code == 1
    out = result.output
    assert "【成效】" in out
    assert f"{path}:4:21：【错误】比率核算" in out
    assert "原文：“结案率为87.2%”" in out and "应为77.4%" in out and "建议：" in out
    assert "共 1 处错误、0 条提醒。" in out


def test_json_contract(runner, txt):
    result = run(runner, "check", txt(WRONG_RATE), "--json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert isinstance(data, list) and len(data) == 1
    item = data[0]
    assert set(item) == {"文件", "部分", "规则", "级别", "位置", "原文", "说明", "建议"}
    assert item["规则"] == "比率核算" and item["级别"] == "错误" and item["原文"] == "结案率为87.2%"
    assert item["位置"].endswith("报告.txt:4:21") and item["部分"] == "成效"


def test_docx_findings_name_the_paragraph(runner, tmp_path, write_form, minimal):
    minimal["成效"][0]["做法"][0]["内容"] = "全年调解纠纷500件，调解成功480件，调解成功率95.8%。"
    form = write_form(minimal)
    out = tmp_path / "r.docx"
    rendered = run(runner, "render", form, "-o", out)
    assert rendered.exit_code == 0 and "比率核算" in rendered.output  # a reminder: still rendered
    result = run(runner, "check", out)
    assert result.exit_code == 1
    assert "r.docx：第" in result.output and "段（“" in result.output and "调解成功率95.8%" in result.output


def test_form_is_checked_as_rendered_and_located_in_the_form(runner, write_form, minimal):
    minimal["成效"][0]["做法"][0]["内容"] = "全年调解纠纷500件，调解成功480件，调解成功率95.8%。"
    form = write_form(minimal)
    result = run(runner, "check", form)
    assert result.exit_code == 1
    line = next(i for i, text in enumerate(form.read_text(encoding="utf-8").splitlines(), 1) if "95.8%" in text)
    assert f"{form}:{line}:" in result.output and "成效[1].做法[1].内容" in result.output


def test_example_form_has_no_findings(runner):
    result = run(runner, "check", EXAMPLE)
    assert result.exit_code == 0 and "没有发现问题" in result.output


def test_folder_summary_table_and_exit_code(runner, tmp_path, txt):
    txt(name="a.txt")
    txt(WRONG_RATE, name="b.txt")
    (tmp_path / "说明.md").write_text("不是报告", encoding="utf-8")
    result = run(runner, "check", tmp_path)
    assert result.exit_code == 1
    table = result.output[result.output.index("文件"):].splitlines()
    assert table[0].split() == ["文件", "错误", "提醒"]
    assert table[1].split()[1:] == ["0", "0"] and table[1].endswith("0")
    assert table[2].split()[1:] == ["1", "0"]
    assert table[3].split() == ["合计（2", "份）", "1", "0"]


def test_unreadable_file_in_a_folder_does_not_stop_the_others(runner, tmp_path, txt):
    txt(WRONG_RATE, name="a.txt")
    (tmp_path / "坏.docx").write_bytes(b"not a zip")
    result = run(runner, "check", tmp_path)
    assert result.exit_code == 2
    assert "坏.docx：无法检查" in result.output and "比率核算" in result.output
    assert "无法检查" in result.output.splitlines()[-2]


def test_last_years_form_promises_are_followed(runner, tmp_path, write_form, minimal, txt):
    minimal["下一步"] = [{"标题": "建设法治文化阵地", "内容": "建成宪法主题公园和法治广场。"}]
    minimal["年度"] = 2024
    minimal["成文日期"] = "2025-02-06"
    last = write_form(minimal, "2024.yaml")
    result = run(runner, "check", txt(), "--last", last)
    assert result.exit_code == 0  # reminders only
    assert "【去年的承诺】" in result.output and "建设法治文化阵地" in result.output
    assert f"{last}:" in result.output
    kept = run(runner, "check", txt("建成宪法主题公园和法治广场，群众反响良好。"), "--last", last)
    assert "承诺未落实" not in kept.output


def test_year_option(runner, tmp_path):
    path = tmp_path / "无年度.txt"
    path.write_text(REPORT.format(body="做了工作。").replace("2025年，", "").replace("2025年度", ""),
                    encoding="utf-8")
    assert "年度不明" in run(runner, "check", path).output
    result = run(runner, "check", path, "--year", "2025")
    assert "年度不明" not in result.output and "2025年度" in result.output


def test_config_switches_a_rule_off(runner, tmp_path, txt):
    cfg = tmp_path / "设置.yaml"
    cfg.write_text("检查规则:\n  比率核算: 关闭\n", encoding="utf-8")
    result = run(runner, "check", txt(WRONG_RATE), "--config", cfg)
    assert result.exit_code == 0 and "比率核算" not in result.output
    # the same file is still a layout config for render
    assert "检查规则" in cfg.read_text(encoding="utf-8")


# -- render and validate run the form-level rules -------------------------------------------------
def test_validate_prints_rule_reminders(runner, write_form, minimal):
    minimal["成效"][0]["做法"][0]["内容"] = "具体做法待补充。"  # init's own 在这里写… is an error
    result = run(runner, "validate", write_form(minimal))
    assert result.exit_code == 0
    assert "【提醒】占位文字" in result.output and "表单检查通过" in result.output


def test_required_part_missing_from_a_verbatim_body_stops_render(runner, tmp_path, write_form, minimal):
    minimal["正文"] = [{"标题": "主要举措和成效", "角色": "成效", "内容": ["做了工作。"]},
                     {"标题": "存在的不足和原因", "角色": "问题", "内容": ["力量不足，原因是编制少。"]}]
    form = write_form(minimal)
    out = tmp_path / "r.docx"
    out.write_bytes(b"OLD")
    result = run(runner, "render", form, "-o", out)
    assert result.exit_code == 2
    assert "【错误】缺少必需部分" in result.output and "第一责任人" in result.output
    assert "下一年度" in result.output
    assert out.read_bytes() == b"OLD"
    assert run(runner, "validate", form).exit_code == 2


# -- hostile input: a located Chinese message, exit 2, never a traceback ----------------------------
def _file(name: str, content: bytes | None = None):
    def make(folder: Path) -> Path:
        path = folder / name
        if content is None:
            path.mkdir()
        else:
            path.write_bytes(content)
        return path

    return make


@pytest.mark.parametrize("make, expected", [
    (lambda d: d / "没有这个文件.txt", "找不到文件"),
    (_file("空"), "没有报告或表单"),
    (_file("x.pdf", b"%PDF"), "drafter 不读 PDF"),
    (_file("坏.docx", b"PK\x03\x04broken"), "无法打开"),
    (_file("乱码.txt", bytes(range(128, 256)) * 4), "编码"),
    (_file("坏.yaml", "单位: [\n".encode()), "坏.yaml:"),
    (_file("错.yaml", "单位: 某县\n年度: 去年\n".encode()), "年度"),
], ids=["missing", "empty-folder", "pdf", "broken-docx", "binary-txt", "yaml-syntax", "form-errors"])
def test_unusable_input_exits_2(runner, tmp_path, make, expected):
    result = run(runner, "check", make(tmp_path))
    assert result.exit_code == 2
    assert expected in result.output


def test_unusable_last_or_config_exits_2(runner, tmp_path, txt):
    path = txt()
    result = run(runner, "check", path, "--last", tmp_path / "去年.docx")
    assert result.exit_code == 2 and "找不到文件" in result.output
    cfg = tmp_path / "设置.yaml"
    cfg.write_text("检查规则: 关闭\n", encoding="utf-8")
    result = run(runner, "check", path, "--config", cfg)
    assert result.exit_code == 2 and f"{cfg}:1:" in result.output


def test_bad_year_option_exits_2(runner, txt):
    result = run(runner, "check", txt(), "--year", "1999")
    assert result.exit_code == 2


def test_empty_and_headless_reports_do_not_crash(runner, tmp_path):
    empty = tmp_path / "空.txt"
    empty.write_text("", encoding="utf-8")
    result = run(runner, "check", empty)  # nothing read: refused, not checked (reading2, R5)
    assert result.exit_code == 2 and "没有从“空.txt”中读出报告的正文" in result.output
    prose = tmp_path / "散文.txt"
    prose.write_text("今天天气很好。\n" * 50, encoding="utf-8")
    assert run(runner, "check", prose).exit_code == 1


# -- what the README promises ---------------------------------------------------------------------
README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_rule_table_is_the_shipped_table():
    import yaml

    shipped = yaml.safe_load((README.parent / "drafter" / "data" / "rules.yaml").read_text(encoding="utf-8"))["规则"]
    rows = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if line.startswith("| ") and len(cells) == 4 and cells[1] in ("错误", "提醒"):
            rows[cells[0]] = cells[1]
    assert rows == {k: v["级别"] for k, v in shipped.items()}


def test_readme_example_is_what_check_prints(runner, txt):
    text = README.read_text(encoding="utf-8")
    block = text[text.index("例如（报告的一段写着"):]
    block = block[block.index("```") + 4:]
    block = block[:block.index("```")]
    expected = [line.strip() for line in block.splitlines() if line.strip().startswith(("原文", "说明", "建议", "共"))]
    result = run(runner, "check", txt("全年受理行政复议案件64件，办结50件，结案率为88.1%。"))
    printed = [line.strip() for line in result.output.splitlines()]
    assert expected and all(line in printed for line in expected), (expected, printed)


@pytest.mark.parametrize("text", [
    "受理20件，" + "办结10件，办结率50%，" * 2000 + "。",
    "、".join(f"甲{i}类1件" for i in range(2000)) + "，共计9件。",
    "办件10件，同比增长5%，" * 2000,
    "发布100条，其中" + "、".join("甲类1条" for _ in range(2000)) + "。" + "其中" * 2000,
    "，,:;()1234567890%件率“”（《" * 5000,
], ids=["rates", "list", "changes", "breakdown", "punctuation"])
def test_pathological_text_is_checked_without_a_traceback(runner, tmp_path, text):
    path = tmp_path / "怪.txt"
    path.write_text(text, encoding="utf-8")
    result = run(runner, "check", path, "--json")
    assert result.exit_code == 1
    assert isinstance(json.loads(result.output), list)


def test_doc_through_libreoffice(runner, tmp_path, write_form, minimal):
    from drafter.files.libreoffice import find_soffice, run_soffice

    if find_soffice() is None:
        pytest.skip("没有安装 LibreOffice")
    minimal["成效"][0]["做法"][0]["内容"] = "全年调解纠纷500件，调解成功480件，调解成功率95.8%。"
    docx_path = tmp_path / "r.docx"
    assert run(runner, "render", write_form(minimal), "-o", docx_path).exit_code == 0
    run_soffice(["--convert-to", "doc", "--outdir", str(tmp_path), str(docx_path)], 300)
    result = run(runner, "check", tmp_path / "r.doc", "--json")
    assert result.exit_code == 1
    assert [f["规则"] for f in json.loads(result.output)] == ["比率核算"]
