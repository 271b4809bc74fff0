"""The command line: exit codes and messages for good and bad input; nothing lost on failure."""

from __future__ import annotations

import pytest

import subprocess
import sys

import docx

from drafter.cli.commands import main
from drafter.form.schema import SCHEMA_NAME
from drafter.form.spec import PLACEHOLDER

from conftest import EXAMPLE

pytestmark = pytest.mark.slow  # the fast lane (-m "not slow") leaves it out


def run(runner, *args):
    result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def test_render_example(runner, tmp_path):
    out = tmp_path / "示例.docx"
    result = run(runner, "render", EXAMPLE, "-o", out)
    assert result.exit_code == 0, result.output
    assert "已生成" in result.output and out.is_file()
    assert docx.Document(str(out)).paragraphs[0].style.name == "公文标题"
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_render_default_output_name(runner, tmp_path, write_form, minimal):
    form = write_form(minimal, "县.yaml")
    assert run(runner, "render", form).exit_code == 0
    assert (tmp_path / "县.docx").is_file()


def test_render_markup_option(runner, tmp_path, write_form, minimal):
    form = write_form(minimal)
    assert run(runner, "render", form, "-o", tmp_path / "r.docx", "--markup").exit_code == 0
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("@标题 测试县人民政府关于2025年度")


def test_bad_form_is_located_and_nothing_is_overwritten(runner, tmp_path, write_form, minimal):
    minimal["成效"][0]["数据"]["行政复议"]["纠错"] = 500
    minimal["成效"][0]["主题"] = "矛盾纠纷化解"
    minimal["年度"] = "去年"
    form = write_form(minimal)
    out = tmp_path / "old.docx"
    out.write_bytes(b"OLD")
    result = run(runner, "render", form, "-o", out)
    assert result.exit_code == 2
    assert f"{form}:2:5：年度：【错误】" in result.output
    assert "成效[1].数据.行政复议.纠错" in result.output and "大于" in result.output
    assert "共 2 处错误" in result.output
    assert out.read_bytes() == b"OLD"


def test_broken_template_is_located_and_nothing_is_overwritten(runner, tmp_path, write_form, minimal):
    tpl = tmp_path / "mine"
    assert run(runner, "templates", "copy", "default", tpl).exit_code == 0
    report = tpl / "report.md.j2"
    lines = report.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("@标题")) + 1
    lines.insert(at, "{{ 单位名称 }}")
    report.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "old.docx"
    out.write_bytes(b"OLD")
    result = run(runner, "render", write_form(minimal), "-o", out, "--template", tpl)
    assert result.exit_code == 2
    assert f"report.md.j2:{at + 1}" in result.output and "单位名称" in result.output
    assert out.read_bytes() == b"OLD"


def test_customised_template_is_used(runner, tmp_path, write_form, minimal):
    tpl = tmp_path / "mine"
    run(runner, "templates", "copy", "default", tpl)
    table = tpl / "句式.yaml"  # the opening is worded in the phrase table
    table.write_text(table.read_text(encoding="utf-8").replace("现将有关情况报告如下：", "特向各位报告："),
                     encoding="utf-8")
    out = tmp_path / "r.docx"
    assert run(runner, "render", write_form(minimal), "-o", out, "-t", tpl).exit_code == 0
    assert any("特向各位报告：" in p.text for p in docx.Document(str(out)).paragraphs)


def test_unknown_template(runner, write_form, minimal, tmp_path):
    result = run(runner, "render", write_form(minimal), "-o", tmp_path / "r.docx", "-t", "无此模板")
    assert result.exit_code == 2 and "找不到模板" in result.output


def test_output_must_be_docx(runner, write_form, minimal, tmp_path):
    result = run(runner, "render", write_form(minimal), "-o", tmp_path / "r.pdf")
    assert result.exit_code == 2 and ".docx" in result.output


def test_missing_input(runner, tmp_path):
    result = run(runner, "render", tmp_path / "nope.yaml")
    assert result.exit_code == 2 and "找不到文件" in result.output


def test_validate(runner, write_form, minimal):
    assert run(runner, "validate", write_form(minimal)).exit_code == 0
    minimal["下一步"] = []
    minimal["成效"][0]["数据"]["行政复议"]["受理"] = "很多"
    result = run(runner, "validate", write_form(minimal))
    assert result.exit_code == 2
    assert "缺少必填项“下一步”" in result.output and "“很多”不是数字" in result.output


def test_validate_prints_warnings_but_passes(runner, write_form, minimal):
    minimal["成效"][0]["数据"]["行政复议"]["收到申请"] = 5000000
    minimal["成效"][0]["数据"]["行政复议"]["受理"] = 110
    result = run(runner, "validate", write_form(minimal))
    assert result.exit_code == 0 and "【提醒】" in result.output and "合理范围" in result.output


def test_init_writes_a_form_that_validates_and_renders(runner, tmp_path):
    form = tmp_path / "2025.yaml"
    result = run(runner, "init", "--year", 2025, "--org", "某某县人民政府", "-o", form)
    assert result.exit_code == 0, result.output
    text = form.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_NAME}")
    assert "单位: 某某县人民政府" in text and "自动计算 纠错率 = 纠错件数 ÷ 审结件数" in text
    assert (tmp_path / SCHEMA_NAME).is_file()
    fresh = run(runner, "validate", form)  # the example texts are still to be written over
    assert fresh.exit_code == 2 and "还没有填写" in fresh.output
    lines = [n for n, line in enumerate(text.splitlines(), 1) if PLACEHOLDER in line and not line.lstrip().startswith("#")]
    assert lines and all(f"{form}:{n}:" in fresh.output for n in lines)  # each at its own line
    form.write_text(text.replace(PLACEHOLDER, "已经写好的"), encoding="utf-8")
    assert run(runner, "validate", form).exit_code == 0
    assert run(runner, "render", form, "-o", tmp_path / "r.docx").exit_code == 0


def test_init_never_overwrites_without_force(runner, tmp_path):
    form = tmp_path / "f.yaml"
    form.write_text("我的表单", encoding="utf-8")
    result = run(runner, "init", "-o", form)
    assert result.exit_code == 2 and "--force" in result.output
    assert form.read_text(encoding="utf-8") == "我的表单"
    assert run(runner, "init", "-o", form, "--force").exit_code == 0
    assert form.read_text(encoding="utf-8") != "我的表单"


def test_templates_list(runner):
    result = run(runner, "templates", "list")
    assert result.exit_code == 0 and result.output.startswith("default")


def test_templates_copy_refuses_existing(runner, tmp_path):
    result = run(runner, "templates", "copy", "default", tmp_path)
    assert result.exit_code == 2 and "已经存在" in result.output


def test_config_override(runner, tmp_path, write_form, minimal):
    cfg = tmp_path / "house.yaml"
    cfg.write_text("页边距:\n  上: 35\n行距: 28\n", encoding="utf-8")
    out = tmp_path / "r.docx"
    assert run(runner, "render", write_form(minimal), "-o", out, "-c", cfg).exit_code == 0
    d = docx.Document(str(out))
    assert round(d.sections[0].top_margin.mm) == 35
    assert d.styles["Normal"].paragraph_format.line_spacing.pt == 28


def test_bad_config_is_located(runner, tmp_path, write_form, minimal):
    cfg = tmp_path / "house.yaml"
    cfg.write_text("页边距:\n  顶: 35\n行距: 二十八\n", encoding="utf-8")
    result = run(runner, "render", write_form(minimal), "-o", tmp_path / "r.docx", "-c", cfg)
    assert result.exit_code == 2
    assert f"{cfg}:2:3：页边距.顶" in result.output and "不认识的设置项" in result.output
    assert f"{cfg}:3:5：行距" in result.output


def test_seal_layout(runner, tmp_path, write_form, minimal):
    minimal["落款"] = {"盖章": True, "署名": "测试县人民政府"}
    out = tmp_path / "r.docx"
    assert run(runner, "render", write_form(minimal), "-o", out).exit_code == 0
    paras = docx.Document(str(out)).paragraphs
    sig = next(i for i, p in enumerate(paras) if p.style.name == "署名")
    assert [p.text for p in paras[sig - 3:sig]] == ["", "", ""]
    assert paras[sig + 1].paragraph_format.right_indent.pt == 4 * 16


def test_schema_command_and_committed_schema_in_sync(runner, tmp_path):
    out = tmp_path / "s.json"
    assert run(runner, "schema", "-o", out).exit_code == 0
    committed = EXAMPLE.parent / SCHEMA_NAME
    assert committed.read_text(encoding="utf-8") == out.read_text(encoding="utf-8"), \
        "examples/ 里的结构文件过期了：运行 drafter schema -o examples/drafter-form.schema.json"


def test_example_keys_are_all_in_the_schema(example_data):
    import json

    schema = json.loads((EXAMPLE.parent / SCHEMA_NAME).read_text(encoding="utf-8"))
    assert set(example_data) <= set(schema["properties"])
    themes = {rule["if"]["properties"]["主题"]["const"]: rule["then"]["properties"]["数据"]
              for rule in schema["properties"]["成效"]["items"]["allOf"]}
    for entry in example_data["成效"]:
        groups = themes[entry["主题"]]["properties"]
        for gname, figures in entry["数据"].items():
            assert set(figures) <= set(groups[gname]["properties"])


def test_python_dash_m(tmp_path):
    result = subprocess.run([sys.executable, "-m", "drafter", "--help"], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 0 and "法治政府建设年度报告起草助手" in result.stdout


def test_console_script_no_traceback_on_bad_yaml(tmp_path):
    form = tmp_path / "bad.yaml"
    form.write_text("单位: a\n\t年度: 2025\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "drafter", "render", str(form)], capture_output=True,
                            text=True, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "bad.yaml:2" in result.stderr and "Tab" in result.stderr


def test_preview_without_libreoffice_says_how_to_install(runner, monkeypatch, write_form, minimal, tmp_path):
    import drafter.files.libreoffice

    monkeypatch.setattr(drafter.files.libreoffice, "find_soffice", lambda: None)
    out = tmp_path / "p.pdf"
    result = run(runner, "preview", write_form(minimal), "-o", out)
    assert result.exit_code == 2
    assert "没有找到 LibreOffice" in result.output and "libreoffice-writer-nogui" in result.output
    assert not out.exists()


def test_preview_makes_pdf_and_png(runner, tmp_path, write_form, minimal):
    import pytest

    from drafter.files.libreoffice import find_soffice

    if find_soffice() is None:
        pytest.skip("没有安装 LibreOffice")
    out = tmp_path / "预览.pdf"
    result = run(runner, "preview", write_form(minimal), "-o", out, "--png")
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    pngs = sorted(tmp_path.glob("预览-*.png"))
    assert pngs and pngs[0].read_bytes().startswith(b"\x89PNG")


def test_preview_works_when_the_cache_folder_cannot_be_written(runner, tmp_path, write_form, minimal, monkeypatch):
    """The LibreOffice profile kept in the cache is a saving, not a need: where the cache
    cannot be made (here it would sit under a file), the run uses a profile of its own."""
    import pytest

    from drafter.files.libreoffice import find_soffice

    if find_soffice() is None:
        pytest.skip("没有安装 LibreOffice")
    blocker = tmp_path / "不是文件夹"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))
    out = tmp_path / "预览.pdf"
    result = run(runner, "preview", write_form(minimal), "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF") and blocker.read_text(encoding="utf-8") == "x"
