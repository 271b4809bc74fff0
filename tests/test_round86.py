"""Round 86 of the outside attack on issue 18 (and what earlier rounds left open)."""

from __future__ import annotations

import json

from drafter.cli.commands import main
from hostile_cases import example_form


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
