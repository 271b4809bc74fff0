"""The settings file (config.yaml): the names of its sections, shared by their readers.

Everything in it is layout (typeset/layout.py) except two sections read by others: the check
rules' overrides (check/table.py) and the name of an office's formulations file
(model/formulations.py).
"""

RULES_SECTION = "检查规则"  # overrides of the check rules' severities
FORMULAS_SECTION = "表述数据"  # the file of an office's political formulations
