"""The one hierarchy of errors a user can cause.

Every stage raises these; only the CLI turns them into text and an exit code, so a
traceback on the terminal always means a bug in drafter, never a mistake by the clerk.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from typing import NamedTuple

_OS_REASONS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "磁盘是只读的",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EEXIST: "文件已经存在",
    errno.EBUSY: "文件正被其他程序使用",
    errno.EDQUOT: "超出了磁盘配额",
    errno.EMFILE: "打开的文件太多",
    errno.ELOOP: "符号链接循环",
    errno.EIO: "读写出错",
}


def os_reason(err: OSError) -> str:
    """An operating-system error in Chinese (its English strerror never reaches a clerk)."""
    return _OS_REASONS.get(err.errno or 0, "系统拒绝了这个操作")


class Where(NamedTuple):
    """Where a problem is: a file, a 1-based line and column, and a field path."""

    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        # "file:line:column" in ASCII so editors and terminals can jump to it.
        place = ""
        if self.file:
            place = self.file
            if self.line:
                place += f":{self.line}"
                if self.column:
                    place += f":{self.column}"
        parts = [p for p in (place, self.field) if p]
        return "：".join(parts)


@dataclass(eq=False, repr=False)
class Problem:
    """One finding: where, what is wrong, and how to fix it.

    ``severity`` "错误" stops the run; "提醒" is printed and the run goes on.
    """

    where: Where
    message: str
    hint: str = ""
    severity: str = "错误"
    rule: str | None = None  # the check rule it belongs to, where it is one (rules.yaml)

    def __repr__(self) -> str:
        return f"Problem({self.format()!r})"

    def format(self) -> str:
        head = f"{self.where}：" if str(self.where) else ""
        text = f"{head}【{self.severity}】{self.message}"
        if self.hint:
            text += f"\n    修改建议：{self.hint}"
        return text


class DrafterError(Exception):
    """Base of every error a user can cause. ``exit_code`` is what the CLI exits with."""

    exit_code = 2

    def __init__(self, message: str, hint: str = "", where: Where | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.where = where or Where()

    def __reduce__(self):
        # sent whole from a template's child process (render/worker.py): every subclass's
        # state is its attributes, whatever its __init__ takes
        return (_restore, (type(self), self.args, self.__dict__))

    def problems(self) -> list[Problem]:
        return [Problem(self.where, self.message, self.hint)]

    def format(self) -> str:
        return "\n".join(p.format() for p in self.problems())


class FormError(DrafterError):
    """The input form has one or more problems; all of them are carried at once."""

    def __init__(self, problems: list[Problem]):
        errors = [p for p in problems if p.severity == "错误"]
        super().__init__(f"表单中有 {len(errors)} 处错误")
        self._problems = problems

    def problems(self) -> list[Problem]:
        return self._problems

    def format(self) -> str:
        errors = sum(p.severity == "错误" for p in self._problems)
        ordered = sorted(self._problems, key=lambda p: (p.where.file or "", p.where.line or 0, p.where.column or 0))
        body = "\n".join(p.format() for p in ordered)
        return f"{body}\n共 {errors} 处错误，请逐条修改后再运行。"


class TemplateError(DrafterError):
    """A template cannot be loaded or rendered."""

    # A mistake in the markup a template wrote may be the heading before it (a level
    # skipped): (output line, its text) of that heading, so it too is placed in the template.
    previous: tuple[int, str] | None = None


class TemplateProblems(TemplateError):
    """Every problem of one template data file (the phrase table), reported together so a
    clerk mends them in one pass."""

    def __init__(self, problems: list[Problem]):
        first = problems[0]
        super().__init__(first.message, first.hint, first.where)
        self._problems = problems

    def problems(self) -> list[Problem]:
        return self._problems

    def format(self) -> str:
        ordered = sorted(self._problems, key=lambda p: (p.where.file or "", p.where.line or 0, p.where.column or 0))
        body = "\n".join(p.format() for p in ordered)
        return body if len(ordered) == 1 else f"{body}\n共 {len(ordered)} 处错误，请逐条修改后再运行。"


class ConfigError(DrafterError):
    """The layout configuration (config.yaml) is wrong."""


class OutputError(DrafterError):
    """The output cannot be written."""


class InputFileError(DrafterError):
    """An input file is missing, unreadable or not what it should be."""


class Findings:
    """Problems gathered while working, raised together at the end."""

    def __init__(self, items: list[Problem] | None = None):
        self.items: list[Problem] = items if items is not None else []

    def add(self, where: Where, message: str, hint: str = "", severity: str = "错误", rule: str | None = None) -> None:
        self.items.append(Problem(where, message, hint, severity, rule))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "错误"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity != "错误"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise FormError(self.items)


def _restore(cls: type[DrafterError], args: tuple, state: dict) -> DrafterError:
    err = Exception.__new__(cls)
    Exception.__init__(err, *args)
    err.__dict__.update(state)
    return err
