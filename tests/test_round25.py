"""Round 25 of the outside attack on issue 18: each case failed before its fix, and each has a
near miss."""

from __future__ import annotations

import pytest

from conftest import EXAMPLE
from hostile_cases import run_clean

LAST_YEAR = "    上年数据:\n      规范性文件:\n        制发: 32\n        备案: 32\n        按时备案: 31\n"


def _render(tmp_path, files: dict[str, str], form_text: str | None = None, exit_codes=(0,)):
    folder = tmp_path / "模板"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    form = tmp_path / "表单.yaml"
    form.write_text(form_text or EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "报告.docx"
    result = run_clean(["render", form, "-o", out, "-t", folder], inputs=[form, *folder.rglob("*.*")],
                       outputs=[out], exit_codes=exit_codes)
    return result.output, out


@pytest.mark.parametrize("last", ["    - 上年为{报备率.上年}\n", "    - （上年{报备率.上年}）\n"])
def test_last_years_rate_written_after_one_rate_is_not_anothers(tmp_path, last):
    """The README allows a rate's 上年 as the next item: it is that rate's, never the next
    rate's (whose own 同比 is right)."""
    text = EXAMPLE.read_text(encoding="utf-8").replace("        修改: 7\n", "        修改: 7\n" + LAST_YEAR, 1)
    table = ("制度建设:\n  规范性文件:\n    - 制发规范性文件{制发}\n    - 报送备案{备案}\n    - 报备率{报备率}\n"
             + last + "    - 报备及时率{报备及时率.带同比}\n")
    _said, out = _render(tmp_path, {"句式.yaml": table}, text)
    assert "没有发现问题" in run_clean(["check", out], inputs=[out], exit_codes=(0,)).output


def test_last_years_rate_beside_its_own_rate_is_still_checked(tmp_path):
    """Near miss: 上年 in brackets right after the rate is that rate's, and a wrong 同比 is said."""
    path = tmp_path / "报告.txt"
    path.write_text("示范县人民政府关于2025年度法治政府建设情况的报告\n一、主要工作成效\n"
                    "全年报备及时率97.2%（上年96.9%），同比提高0.5个百分点。\n", encoding="utf-8")
    said = run_clean(["check", path], inputs=[path], exit_codes=(1,)).output
    assert "同比核算" in said and "应为提高0.3个百分点" in said, said


def test_importing_from_the_shared_theme_template_says_what_import_sees(tmp_path):
    said, _out = _render(tmp_path, {"themes/普法.md.j2": '{% from "themes/通用.md.j2" import 没有 %}\n'}, exit_codes=(2,))
    assert "themes/普法.md.j2:1：" in said and "导入的模板看不到这里的数据" in said, said
