"""drafter — 法治政府建设年度报告起草助手.

Turns a YAML form of one year's figures and measures into a GB/T 9704 .docx draft.
The pipeline (see docs/architecture.md): form → validate → context → Jinja → markup →
Report tree → typeset.
"""

__version__ = "0.1.0"
