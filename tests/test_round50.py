"""Round 50 of the outside attack on issue 18: a Word report or a PDF saved under a form's
name is said as what it is."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from test_reading_round5 import example_docx  # noqa: F401 - a fixture


@pytest.mark.parametrize("command", ["render", "validate", "preview"])
def test_round50_a_word_report_named_as_a_form_is_said_as_a_report(tmp_path, runner, example_docx, command):  # noqa: F811
    """A .docx renamed 报告.yaml is a Word document, never a form in GBK: the fix is to name it
    .docx and import it."""
    form = tmp_path / "报告.yaml"
    form.write_bytes(example_docx.read_bytes())
    result = runner.invoke(main, [command, str(form)])
    assert result.exit_code == 2, result.output
    assert "是Word 文档（.docx），不是表单" in result.output and "报告.docx" in result.output and "drafter import" in result.output
    assert "UTF-8" not in result.output and form.read_bytes() == example_docx.read_bytes(), result.output


def test_round50_a_pdf_named_as_a_form_is_said_as_a_pdf(tmp_path, runner):
    form = tmp_path / "报告.yml"
    form.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    result = runner.invoke(main, ["render", str(form)])
    assert result.exit_code == 2 and "是PDF 文件" in result.output and "drafter 不读 PDF" in result.output, result.output
