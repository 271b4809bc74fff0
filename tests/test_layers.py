"""The package's shape (issue 21): layers that import downwards only, no cycle, the settings
file read once, and the doors holding no policy of their own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from conftest import EXAMPLE, ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def test_the_layer_contracts_hold():
    """import-linter's two contracts (pyproject.toml): each layer imports only from those below
    it, and no two modules of a package import each other both ways."""
    result = subprocess.run([str(LINT_IMPORTS)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout, result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path):
    """The contract is not vacuous: a copy of the package in which the model imports a job
    fails it."""
    copy = tmp_path / "src"
    copy.mkdir()
    subprocess.run(["cp", "-r", str(ROOT / "drafter"), str(copy)], check=True)
    subprocess.run(["cp", str(ROOT / "pyproject.toml"), str(copy)], check=True)
    report = copy / "drafter" / "model" / "report.py"
    report.write_text(report.read_text(encoding="utf-8") + "\nfrom drafter.jobs import pipeline  # noqa\n", encoding="utf-8")
    env = {"PYTHONPATH": str(copy), "PATH": str(Path(sys.executable).parent)}
    result = subprocess.run([str(LINT_IMPORTS)], cwd=copy, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode != 0 and "drafter.model is not allowed to import drafter.jobs" in result.stdout, result.stdout


def test_render_reads_the_settings_file_once(tmp_path, monkeypatch):
    import drafter.files.inputs as inputs
    from drafter.cli.commands import main

    config = tmp_path / "设置.yaml"
    config.write_text("检查规则:\n  比率口径: 关闭\n页边距:\n  上: 37\n", encoding="utf-8")
    reads = []
    real = inputs.read_bytes

    def counted(path, *args, **kwargs):
        reads.append(Path(path).resolve())
        return real(path, *args, **kwargs)

    monkeypatch.setattr(inputs, "read_bytes", counted)
    out = tmp_path / "报告.docx"
    result = CliRunner().invoke(main, ["render", str(EXAMPLE), "-c", str(config), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert reads.count(config.resolve()) == 1, reads
