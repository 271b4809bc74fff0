"""Round 46 of the outside attack on issue 18: sums of money that add up exactly, and
parts that are ways one case is closed."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from drafter.cli.commands import main
from hostile_cases import clerk_templates, render_with
from test_round33 import _report
from test_round43 import _form_with_last_year


@pytest.mark.parametrize(
    "line",
    [
        "全年收缴罚没款878000元，其中罚款814411元、没收违法所得63589元。",
        "全年罚款814411元、没收违法所得63589元，合计878000元。",
        "全年收缴罚没款87.8万元，其中罚款81.4411万元、没收违法所得6.3589万元。",
        "罚没收入765105元（罚款722120元、没收非法财物折价42985元）。",
        "全年收缴罚没款0.3亿元，其中罚款0.1亿元、没收违法所得0.2亿元。",
    ],
)
def test_round46_parts_that_add_up_exactly_are_no_error(tmp_path, runner, line):
    """Each part added as the decimal it is written as: 81.4411 + 6.3589 is 87.8, and 814411元
    + 63589元 said in 万元 is 87.8万元, never a hair over its whole."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == 0 and "没有发现问题" in result.output, result.output


def test_round46_a_wrong_total_in_yuan_is_said_in_yuan(tmp_path, runner):
    result = runner.invoke(main, ["check", str(_report(tmp_path, "全年罚款814411元、没收违法所得63589元，合计878001元。"))])
    assert result.exit_code == 1 and "列出的各项之和是878000元" in result.output, result.output


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("审结民事案件50件，其中调解结案40件、判决结案20件。", 1),
        ("为农民工追回欠薪50万元，其中调解追回40万元、仲裁追回20万元。", 1),
        ("排查矛盾纠纷50件，其中通过调解化解40件、通过诉讼化解20件。", 1),
        ("审结民事案件50件，其中调解结案30件、判决结案20件。", 0),
        # one way named twice, or ways without what they close: not summed (宁可漏报)
        ("审结民事案件50件，其中调解结案40件、调解成功20件。", 0),
    ],
)
def test_round46_ways_one_case_is_closed_add_up(tmp_path, runner, line, code):
    """调解结案、判决结案: each case closes one way, so the parts add up under their whole."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output
    if code:
        assert "其中超总数" in result.output, result.output


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None, reason="LibreOffice")
@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX")
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_round46_a_stopped_preview_leaves_no_libreoffice_pipe(tmp_path, sig):
    """LibreOffice puts its pipe in /tmp whatever TMPDIR says and removes it only on its way
    out; killed by a stop, it cannot, so drafter removes the pipe of its own profile."""
    cache = tmp_path / "缓存 cache"
    profile = cache / "drafter" / "libreoffice-profile"
    digest = hashlib.md5(profile.as_uri().encode("utf-16-le")).digest()
    pipe = Path("/tmp") / f"OSL_PIPE_{os.getuid()}_SingleOfficeIPC_{''.join(format(b, 'x') for b in digest)}"
    form = tmp_path / "表单.yaml"
    shutil.copy(ROOT / "examples" / "示例县2025.yaml", form)
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "drafter", "preview", str(form), "--png"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 90
    while not pipe.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert pipe.exists() and proc.poll() is None, "LibreOffice never opened its pipe"
    proc.send_signal(sig)
    assert proc.wait(timeout=60) in (130, 143)
    assert not pipe.exists()


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("全年败诉2件，审结52件，同比减少13.3%，败诉案件上年为3件。", 0),
        ("全年审结52件，同比减少13.3%，败诉2件，败诉案件上年为3件。", 0),
        ("全年败诉2件，审结52件，同比减少13.3%，败诉案件上年为3件，审结案件上年为60件。", 0),
        ("全年审结52件，同比减少23.3%，审结案件上年为60件。", 1),
        ("全年败诉2件，审结52件，同比减少23.3%，上年为60件。", 1),
    ],
)
def test_round46_a_last_year_figure_that_names_another_count_is_not_the_base(tmp_path, runner, line, code):
    """败诉案件上年为3件 is 败诉's last year, never the base of 审结's 同比 before it."""
    result = runner.invoke(main, ["check", str(_report(tmp_path, line))])
    assert result.exit_code == code, result.output
    if not code:  # nor a 提醒 that 52件 is 17 times last year's 3件
        assert "没有发现问题" in result.output, result.output


def test_round46_a_phrase_item_naming_its_last_year_figure_renders(tmp_path, runner):
    """What drafter's own fix advises (写明名称：败诉案件上年为{败诉.上年}) renders and checks clean."""
    items = "    - 败诉{败诉}\n    - 审结{审结.带同比}\n    - 败诉案件上年为{败诉.上年}\n"
    folder = clerk_templates(tmp_path, {"句式.yaml": "矛盾纠纷化解:\n  行政应诉:\n" + items})
    out, result = render_with(runner, tmp_path, folder, _form_with_last_year(tmp_path))
    assert result.exit_code == 0, result.output
    checked = runner.invoke(main, ["check", str(out)])
    assert checked.exit_code == 0 and "同比" not in checked.output, checked.output


@pytest.mark.parametrize("argument", ["t, 句", "t, t", "t, 成效", "t, 行政复议"])
def test_round46_a_figure_sentence_group_not_named_in_quotes_is_said_plainly(tmp_path, runner, argument):
    folder = clerk_templates(tmp_path, {"themes/矛盾纠纷化解.md.j2": f"{{{{ 数据句子({argument}) }}}}\n"})
    out, result = render_with(runner, tmp_path, folder, _form_with_last_year(tmp_path))
    assert result.exit_code == 2 and "名称要加引号" in result.output, result.output
    assert "object at" not in result.output and "<function" not in result.output, result.output
