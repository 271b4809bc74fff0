"""Shared fixtures: the CLI runner, the bundled example, forms built in the test."""

from __future__ import annotations

import copy
import os
import signal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import settings

# The property tests run the same examples every time (a suite that passes passes again);
# DRAFTER_FUZZ=1 draws new ones, to look for what the fixed set does not reach.
settings.register_profile("fixed", derandomize=True, database=None, deadline=None)
settings.register_profile("fuzz", derandomize=False, database=None, deadline=None)
settings.load_profile("fuzz" if os.environ.get("DRAFTER_FUZZ") else "fixed")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "示例县2025.yaml"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Each test session gets its own cache folder; nothing is written to the real home."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(autouse=True)
def _ctrl_c_kept():
    """The entry point ignores Ctrl-C once its command is over (the process is ending); a
    test that calls it in this process gets Ctrl-C back for the tests after it."""
    kept = signal.getsignal(signal.SIGINT)
    yield
    if signal.getsignal(signal.SIGINT) is not kept and kept is not None:
        signal.signal(signal.SIGINT, kept)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def example_data() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


MINIMAL = {
    "单位": "测试县人民政府",
    "年度": 2025,
    "成文日期": "2026-02-06",
    "成效": [{"主题": "矛盾纠纷化解",
             "数据": {"行政复议": {"收到申请": 120, "受理": 110, "审结": 100, "纠错": 9}},
             "做法": [{"标题": "畅通申请渠道", "内容": "在各乡镇设立受理点。"}]}],
    "第一责任人": {"做法": [{"标题": "带头学法", "内容": "常务会议会前学法12次。"}]},
    "问题": [{"表现": "基层力量不足。", "原因": "人员流动较大。"}],
    "下一步": [{"标题": "加强队伍建设", "内容": "开展轮训。"}],
}


@pytest.fixture
def minimal() -> dict:
    return copy.deepcopy(MINIMAL)


@pytest.fixture
def write_form(tmp_path):
    """Write a form (a dict, or YAML text) to a file and return its path."""

    def write(form, name: str = "form.yaml") -> Path:
        path = tmp_path / name
        text = form if isinstance(form, str) else yaml.safe_dump(form, allow_unicode=True, sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


needs_corpus = pytest.mark.skipif(not corpus_files(), reason="../shared/corpus 不在（新检出的仓库没有它）")
