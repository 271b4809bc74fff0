"""Round 34 of the outside attack on issue 18: a rate whose part is written 实际… (as 已…) is
checked against what was owed, in either order after it."""

from __future__ import annotations

import pytest

from drafter.cli.commands import main
from test_round33 import _report


@pytest.mark.parametrize(
    ("line", "right"),
    [
        ("规范性文件报备率100%（应报备26件，实际报备24件）。", "应为92.3%"),
        ("行政机关负责人出庭应诉率为100%（应出庭应诉52件，实际出庭应诉50件）。", "应为96.2%"),
        ("报备率100%，应报备26件，实际报备24件。", "应为92.3%"),
        ("规范性文件报备率100%（实际报备24件，应报备26件）。", "应为92.3%"),
        ("规范性文件报备率100%（已报备24件，应报备26件）。", "应为92.3%"),
        ("参训率100%（应参训200人，实际参训180人）。", "应为90%"),
    ],
)
def test_a_rate_over_what_was_owed_is_checked_when_its_part_is_actual(tmp_path, runner, line, right):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 1 and "比率核算" in result.output and right in result.output, result.output


@pytest.mark.parametrize(
    "line",
    ["规范性文件报备率92.3%（应报备26件，实际报备24件）。", "规范性文件报备率92.3%（实际报备24件，应报备26件）。", "参训率90%（应参训200人，实际参训180人）。"],
)
def test_the_same_rates_written_right_draw_nothing(tmp_path, runner, line):
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 0, result.output


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() != 0, reason="run as root (as CI is)")
def test_another_users_schema_in_a_shared_folder_is_said_with_the_fix_that_helps(tmp_path, runner, monkeypatch):
    """The schema beside a form has a fixed name: when another user's stands in a shared folder,
    the message says to use another folder, never another -o; nothing is written."""
    import os

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    schema = shared / "drafter-form.schema.json"
    schema.write_text("{}", encoding="utf-8")
    os.chown(schema, 54321, 54321)
    monkeypatch.chdir(shared)
    result = runner.invoke(main, ["init", "--year", "2025", "--org", "甲县人民政府", "-o", "另一个名字.yaml", "--force"])
    assert result.exit_code == 2
    assert "属于别的用户" in result.output and "别的文件夹" in result.output and "换一个文件名" not in result.output
    assert sorted(p.name for p in shared.iterdir()) == ["drafter-form.schema.json"]
    assert schema.read_text(encoding="utf-8") == "{}"
