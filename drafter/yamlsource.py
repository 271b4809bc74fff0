"""Load a YAML file and remember where every value stands (line and column).

PyYAML's ``safe_load`` forgets positions and silently keeps the last of two duplicate
keys. Here the document is composed into nodes, converted by hand, and every path
(a tuple of keys and 0-based list indices) is mapped to the line and column of its key
and of its value, so any later check can say exactly where a problem is.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import InputFileError, Problem, FormError, Where

try:  # libyaml is several times faster; both give node marks
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

PathT = tuple  # ("成效", 0, "数据", "行政复议", "收到申请")


def path_text(path: PathT) -> str:
    """A field path as a clerk reads it: 成效[1].数据.行政复议 (list items counted from 1)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class Source:
    """A loaded YAML document with the position of every key and value."""

    def __init__(self, data: Any, file: str, value_marks: dict | None = None,
                 key_marks: dict | None = None):
        self.data = data
        self.file = file
        self.value_marks = value_marks or {}
        self.key_marks = key_marks or {}

    def where(self, path: PathT, at_key: bool = False) -> Where:
        """The place of ``path``; falls back to the nearest parent that was written."""
        marks = self.key_marks if at_key else self.value_marks
        probe = tuple(path)
        while probe and probe not in marks and probe not in self.value_marks:
            probe = probe[:-1]
        line, col = marks.get(probe) or self.value_marks.get(probe) or (None, None)
        return Where(self.file, line, col, path_text(path) or None)


_SCALARS = yaml.constructor.SafeConstructor


class _Converter:
    def __init__(self, file: str):
        self.file = file
        self.values: dict = {}
        self.keys: dict = {}
        self.problems: list[Problem] = []
        self._scalar = _SCALARS()

    def mark(self, node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def convert(self, node, path: PathT):
        self.values[path] = self.mark(node)
        if isinstance(node, yaml.MappingNode):
            out: dict = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.problems.append(Problem(
                        Where(self.file, *self.mark(key_node), None),
                        "表单中不支持 YAML 合并键“<<”。", "请把要合并的内容直接写出来。"))
                    continue
                key = self._scalar.construct_object(key_node) if isinstance(
                    key_node, yaml.ScalarNode) else None
                if not isinstance(key, (str, int)) or isinstance(key, bool):
                    self.problems.append(Problem(
                        Where(self.file, *self.mark(key_node), path_text(path) or None),
                        "这里的键不是简单的文字。", "键应写成“名称: 值”的形式。"))
                    continue
                key = str(key)
                child = path + (key,)
                if key in out:
                    first = self.keys[child]
                    self.problems.append(Problem(
                        Where(self.file, *self.mark(key_node), path_text(child)),
                        f"键“{key}”重复出现（第一次在第 {first[0]} 行）。",
                        "同一层级每个键只能写一次，请删除或合并其中一处。"))
                    continue
                self.keys[child] = self.mark(key_node)
                out[key] = self.convert(value_node, child)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar.construct_object(node)


_HINTS = [
    ("found character '\\t'", "YAML 中不能用 Tab 键缩进。", "请把 Tab 换成空格（每级缩进两个空格）。"),
    ("tab character", "YAML 中不能用 Tab 键缩进。", "请把 Tab 换成空格（每级缩进两个空格）。"),
    ("mapping values are not allowed", "这一行的冒号位置不对。",
     "“键: 值”中冒号后要有一个空格；若值里本身有冒号，请给整个值加上引号。"),
    ("could not find expected ':'", "这一行缺少冒号，或上一行的引号没有配对。",
     "请写成“键: 值”（半角冒号加空格），并检查引号是否成对。"),
    ("did not find expected key", "缩进不一致。", "同一层级的键要左对齐；列表项以“- ”开头。"),
    ("did not find expected '-' indicator", "列表项的缩进不一致。", "同一列表的各项要以“- ”开头并左对齐。"),
    ("found undefined alias", "引用了未定义的锚点（*名称）。", "请删去“*”或先用“&名称”定义它。"),
    ("found unexpected end of stream", "文件意外结束，可能有未配对的引号或括号。", "请检查最后几行的引号和括号。"),
    ("found unknown escape character", "双引号里的反斜杠“\\”写法不对。", "请改用单引号，或把“\\”写成“\\\\”。"),
]


def _syntax_problem(err: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    where = Where(file, mark.line + 1 if mark else None, mark.column + 1 if mark else None)
    text = f"{err.context or ''} {err.problem or ''}".strip()
    for needle, message, hint in _HINTS:
        if needle in text:
            return Problem(where, f"YAML 格式错误：{message}", hint)
    return Problem(where, f"YAML 格式错误（{text}）。", "请对照 drafter init 生成的表单检查这一行的写法。")


def load_text(text: str, file: str = "<表单>") -> Source:
    """Parse YAML text; all syntax problems and duplicate keys become a FormError."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        raise FormError([_syntax_problem(err, file)]) from None
    except yaml.YAMLError as err:  # pragma: no cover - unmarked errors are rare
        raise FormError([Problem(Where(file), f"YAML 格式错误（{err}）。")]) from None
    if node is None:
        return Source({}, file)
    conv = _Converter(file)
    try:
        data = conv.convert(node, ())
    except yaml.constructor.ConstructorError as err:
        raise FormError([_syntax_problem(err, file)]) from None
    if conv.problems:
        raise FormError(conv.problems)
    return Source(data, file, conv.values, conv.keys)


def read_text(path: str | Path) -> str:
    """Read a UTF-8 text file, with a clear message for the usual failures."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputFileError(f"找不到文件“{p}”。", "请检查文件名和所在文件夹。") from None
    except IsADirectoryError:
        raise InputFileError(f"“{p}”是文件夹，不是文件。", "请给出 .yaml 文件的路径。") from None
    except OSError as err:
        raise InputFileError(f"无法读取“{p}”：{err.strerror}。") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise InputFileError(
            "文件不是 UTF-8 编码（可能是用记事本或 WPS 存成了 GBK/ANSI）。",
            "请用“另存为”选择 UTF-8 编码后再运行。", Where(str(p), line)) from None


def load_file(path: str | Path) -> Source:
    return load_text(read_text(path), str(path))


def as_date(value: Any) -> dt.date | None:
    """YAML gives dates as ``date``; accept 2026-02-06, 2026/2/6 and 2026年2月6日 text too."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*", value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None
