"""Parse report markup (what templates produce) into the Report tree.

The markup is line based; blank lines are ignored and every other line is one paragraph:

    @标题 示例县人民政府关于2025年度法治政府建设情况的报告
    @主送 县委、县人大常委会：
    开头段落……
    # 一级标题                    (no number: the typesetter numbers 一、（一）1.（1）)
    ## 二级标题
    ### 小标题句。正文接在同一行    (a heading sentence ending in 。 with text after it
                                   is a run-in heading)
    @署名 示例县人民政府
    @日期 2026年2月6日
    @盖章                          (use the seal layout for the signature block)
    @附注 此件公开发布
    \\#开头的正文                   (a leading backslash makes the line plain text)

A number typed after the #'s (一、 （一） 1. （1）) is dropped, so numbering is always
the typesetter's and never has gaps or restarts.
"""

from __future__ import annotations

import re

from drafter.errors import TemplateError, Where
from drafter.report import Report, TreeBuilder
from drafter.typography import normalize

_HEADING = re.compile(r"^(#{1,4})\s*(.*)$")
_TYPED_NUMBER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）][、]?|\d+[.．、](?!\d)|[（(]\d+[)）][、]?)\s*")
_DIRECTIVES = {"标题", "主送", "署名", "日期", "盖章", "附注"}


def split_run_in(text: str) -> tuple[str, str]:
    """'加强审查。全年审查…' → ('加强审查。', '全年审查…'); ('标题', '') when not run in."""
    cut = text.find("。")
    if 0 < cut < len(text) - 1:
        return text[: cut + 1], text[cut + 1:].lstrip()
    return text, ""


def parse_markup(text: str, source: str = "<模板输出>") -> Report:
    report = Report()
    tree = TreeBuilder(report)
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        where = Where(source, lineno)
        if line.startswith("\\"):
            tree.paragraph(normalize(line[1:].strip()))
            continue
        if line.startswith("@"):
            name, _, value = line[1:].partition(" ")
            value = normalize(value.strip())
            if name not in _DIRECTIVES:
                raise TemplateError(f"模板输出了不认识的指令“@{name}”。",
                                    "可用的指令：" + "、".join("@" + d for d in _DIRECTIVES) +
                                    "；若这是正文，请在行首加反斜杠“\\”。", where)
            if name == "盖章":
                report.sealed = True
            elif not value:
                raise TemplateError(f"指令“@{name}”后面没有内容。", "请在指令后空一格写上内容。", where)
            elif name == "标题":
                report.title = value
            elif name == "主送":
                report.addressee = value if value.endswith("：") else value.rstrip(":") + "："
            elif name == "署名":
                report.signature = value
            elif name == "日期":
                report.date = value
            else:
                report.notes.append(value if value.startswith("（") else f"（{value}）")
            continue
        m = _HEADING.match(line)
        if m:
            level = len(m.group(1))
            body = normalize(_TYPED_NUMBER.sub("", m.group(2), count=1).strip())
            if not body:
                raise TemplateError("标题行“#”后面没有文字。", "请检查模板：没有内容时整行都不要输出。", where)
            parent_level = tree.depth
            if level > parent_level + 1:
                raise TemplateError(f"{level} 级标题前面缺少 {parent_level + 1} 级标题。",
                                    "标题层级要逐级展开：# 下面是 ##，## 下面是 ###。", where)
            heading, rest = split_run_in(body)
            if not rest:
                heading = heading if level > 1 else heading.rstrip("。")
            tree.heading(level, heading, rest)
            continue
        tree.paragraph(normalize(line))
    return report
