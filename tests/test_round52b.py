"""Round 52 of the outside attack on issue 18 (files): a batch whose output reader went away,
a form named twice, and a folder inside a batch that cannot be opened."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import EXAMPLE, ROOT
from drafter.cli.commands import main
from test_round33 import _report

BAD = "单位: 某县人民政府\n年度: 2025\n成效:\n  - 主题: 行政复议\n    数据:\n      行政复议:\n        审结: 25\n        纠错: 30\n"


def test_round52_a_batch_whose_reader_went_away_still_does_its_work_and_says_its_result(tmp_path):
    """drafter render 表单 | head -1: the rest is not printed, every report is still written,
    and the exit code is the run's (1: one form has errors), never a success."""
    forms = tmp_path / "表单"
    forms.mkdir()
    for i in range(3):
        shutil.copy(EXAMPLE, forms / f"f{i}.yaml")
    (forms / "a0bad.yaml").write_text(BAD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "drafter", "render", str(forms), "-o", str(tmp_path / "报告")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    assert proc.stdout is not None
    proc.stdout.close()  # the reader goes away before anything is read
    assert proc.wait(timeout=300) == 1
    assert sorted(p.name for p in (tmp_path / "报告").iterdir()) == ["f0.docx", "f1.docx", "f2.docx"]


def test_round52_a_form_named_twice_is_done_once(tmp_path, runner):
    forms = tmp_path / "表单"
    forms.mkdir()
    shutil.copy(EXAMPLE, forms / "甲.yaml")
    result = runner.invoke(main, ["render", str(forms), str(forms / "甲.yaml"), "-o", str(tmp_path / "报告")])
    assert result.exit_code == 0 and "都会写成" not in result.output, result.output
    assert [p.name for p in (tmp_path / "报告").iterdir()] == ["甲.docx"]


def test_round52_a_folder_in_a_batch_that_cannot_be_opened_is_listed_with_why(tmp_path, runner, monkeypatch):
    forms = tmp_path / "表单"
    (forms / "乡镇").mkdir(parents=True)
    shutil.copy(EXAMPLE, forms / "县政府.yaml")
    shutil.copy(EXAMPLE, forms / "乡镇" / "某镇.yaml")
    real = os.scandir

    def scandir(path="."):  # as for a clerk without permission on 乡镇 (root may open anything)
        if os.path.basename(os.fspath(path)) == "乡镇":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = runner.invoke(main, ["render", str(forms), "-o", str(tmp_path / "报告")])
    assert result.exit_code == 1, result.output
    assert "没有权限打开文件夹" in result.output and "乡镇" in result.output and "共 2 份" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("全年受理行政复议案件157件，上年为153件，同比增长-1.4%。", 1),
        ("全年受理行政复议案件157件，上年为153件，同比增长－2.6%。", 1),
        ("全年受理行政复议案件153件，上年为157件，同比增长-2.5%。", 0),
    ],
)
def test_round52_a_change_written_with_a_minus_sign_is_checked(tmp_path, runner, line, code):
    """同比增长-1.4% is a fall of 1.4%: checked as one."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert ("同比核算" in result.output) == bool(code), result.output
