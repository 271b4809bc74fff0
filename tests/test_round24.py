"""Round 24 of the outside attack on issue 18 (and what round 23 left open): each case failed
before its fix, and each has a near miss."""

from __future__ import annotations

import shutil

from conftest import EXAMPLE, ROOT
from hostile_cases import run_clean


def _theme_template(tmp_path, sentence: str):
    folder = tmp_path / "模板"
    shutil.copytree(ROOT / "templates" / "default", folder)
    theme = folder / "themes" / "矛盾纠纷化解.md.j2"
    theme.write_text("{% set x = t.数据.行政复议 %}" + sentence + "\n", encoding="utf-8")
    form = tmp_path / "表单.yaml"
    form.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "报告.docx"
    rendered = run_clean(["render", form, "-o", out, "-t", folder], inputs=[form, theme], outputs=[out],
                         exit_codes=(0,))
    checked = run_clean(["check", out], inputs=[out], exit_codes=(0,))
    return rendered.output, checked.output


def test_a_clerks_template_printing_a_rate_without_its_basis_is_reminded_by_render(tmp_path):
    """A rate the template prints from the form's figures, with the counts around it but not its
    own whole (纠错率 without 审结): check of the report reminds the basis, so render does too."""
    rendered, checked = _theme_template(
        tmp_path, "全年收到行政复议申请{{ x.收到申请 }}，受理{{ x.受理 }}，纠错{{ x.纠错 }}，纠错率为{{ x.纠错率 }}。")
    assert "比率口径" in checked, checked
    assert "比率口径" in rendered and "纠错率为12.3%" in rendered, rendered


def test_a_template_stating_the_rates_basis_is_not_reminded(tmp_path):
    rendered, checked = _theme_template(
        tmp_path, "全年受理行政复议申请{{ x.受理 }}，审结{{ x.审结 }}，纠错{{ x.纠错 }}，纠错率为{{ x.纠错率 }}。")
    assert "比率口径" not in checked and "比率口径" not in rendered, rendered + checked
