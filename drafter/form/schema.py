"""JSON Schema of the input form, generated from the same definition as validation.

Editors with a YAML language server (VS Code's YAML extension, for one) read it through
the ``# yaml-language-server: $schema=…`` line at the top of a form and offer completion
and hover help for every key, including each theme's figures.
"""

from __future__ import annotations

import json
from typing import Any

from drafter.form import spec as s
from drafter.model.catalogue import Catalogue, Theme

SCHEMA_NAME = "drafter-form.schema.json"


def _choices(node: s.Node) -> tuple[str, ...]:
    """The choices of a field the spec makes a Choice (主题)."""
    assert isinstance(node, s.Choice)
    return node.choices


def _figures(theme: Theme, help_text: str) -> dict[str, Any]:
    groups = {}
    for gname, group in theme.groups.items():
        props = {}
        for fname, fig in group.figures.items():
            props[fname] = {
                "type": ["number", "null"] if fig.decimal else ["integer", "null"],
                "minimum": 0,
                "description": f"{fig.about}（单位：{fig.unit}）",
            }
        rates = "；".join(f"{r.name} = {r.about}" for r in group.rates.values())
        groups[gname] = {
            "type": ["object", "null"],
            "additionalProperties": False,
            "properties": props,
            "description": group.about + (f"。自动计算的比率：{rates}" if rates else ""),
        }
    return {"type": ["object", "null"], "additionalProperties": False, "properties": groups, "description": help_text}


def node_schema(node: s.Node, cat: Catalogue) -> dict[str, Any]:
    out: dict[str, Any]
    if isinstance(node, s.Obj):
        out = {"type": "object", "additionalProperties": False, "properties": {k: node_schema(v, cat) for k, v in node.fields.items()}}
        required = [k for k, v in node.fields.items() if v.required]
        if required:
            out["required"] = required
        if "主题" in node.fields:  # a 成效 entry: figures depend on the chosen theme
            out["allOf"] = [
                {
                    "if": {"properties": {"主题": {"const": key}}, "required": ["主题"]},
                    "then": {
                        "properties": {
                            "数据": _figures(cat.themes[key], node.fields["数据"].help),
                            "上年数据": _figures(cat.themes[key], node.fields["上年数据"].help),
                        }
                    },
                }
                for key in _choices(node.fields["主题"])
            ]
    elif isinstance(node, s.Seq):
        out = {"type": "array", "items": node_schema(node.item, cat)}
        if node.min_items:
            out["minItems"] = node.min_items
    elif isinstance(node, s.Figures):
        if node.theme:
            return _figures(cat.themes[node.theme], node.help)
        out = {"type": ["object", "null"]}
    elif isinstance(node, s.Body):
        out = {"$ref": "#/definitions/正文"}
    elif isinstance(node, s.Integer):
        out = {"type": "integer"}
        if node.minimum is not None:
            out["minimum"] = node.minimum
        if node.maximum is not None:
            out["maximum"] = node.maximum
    elif isinstance(node, s.Date):
        out = {"type": "string", "format": "date"}
    elif isinstance(node, s.Boolean):
        out = {"type": "boolean", "default": node.default}
    elif isinstance(node, s.Choice):
        out = {"type": "string", "enum": list(node.choices)}
    else:
        out = {"type": ["string", "null"] if not node.required else "string"}
    if node.help:
        out["description"] = node.help
    return out


def form_schema(cat: Catalogue) -> dict[str, Any]:
    schema = node_schema(s.form_spec(cat), cat)
    section = {
        "type": "object",
        "additionalProperties": False,
        "required": ["标题"],
        "properties": {
            "标题": {"type": "string", "description": "这一节的标题（不写编号）"},
            "角色": {"type": "string", "enum": list(s.Body.ROLES), "description": "这一部分在报告中的作用"},
            "主题": {"type": "string", "enum": [*cat.themes, "未分类"], "description": "这一节的工作主题"},
            "内容": {"$ref": "#/definitions/正文"},
        },
    }
    body = {"type": "array", "items": {"anyOf": [{"type": "string"}, section]}, "description": s.form_spec(cat).fields["正文"].help}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "drafter 法治政府建设年度报告表单",
        "definitions": {"正文": body},
        **schema,
    }


def schema_text(cat: Catalogue) -> str:
    return json.dumps(form_schema(cat), ensure_ascii=False, indent=2) + "\n"
