"""One parsed module (its syntax tree and its names), and what syntax alone says of functions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import libcst as cst

from devterms.legacy import Translation
from devterms.modules import SourceFile

MAX_SNIPPET = 48


@dataclass
class Param:
    name: str
    kind: str  # "positional" | "keyword" | "varargs" | "kwargs"


class ModuleState:
    def __init__(self, source: SourceFile, tree: cst.Module, translation: Translation | None = None) -> None:
        self.source = source
        self.name = source.name
        self.display = source.display
        self.tree = tree
        self.translation = translation  # legacy code: the tree is of this text, not the file's
        self._lambdas: dict[cst.Lambda, int] = {}

    @property
    def file(self) -> str:
        """What ``__file__`` names: the module's file below the project root, as a relative path
        (so paths built from it meet the ones the project writes relative to its root)."""
        folder = self.source.package.replace(".", "/")
        return f"{folder}/{self.source.path.name}" if folder else self.source.path.name

    def lambda_name(self, node: cst.Lambda) -> str:
        """A stable name for a lambda: its rank in the module, without computing positions."""
        return f"<lambda{self._lambdas.setdefault(node, len(self._lambdas) + 1)}>"


    def snippet(self, node: cst.CSTNode) -> str:
        """A short one-line rendering of ``node`` for flow notes (dotted names without codegen)."""
        code = _dotted_name(node) or " ".join(self.tree.code_for_node(node).split())
        return code if len(code) <= MAX_SNIPPET else code[: MAX_SNIPPET - 1] + "…"


def _dotted_name(node: cst.CSTNode) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        owner = _dotted_name(node.value)
        return f"{owner}.{node.attr.value}" if owner else None
    return None


def parameters(params: cst.Parameters) -> Iterator[tuple[cst.Param, str]]:
    """Every parameter with its kind, in binding order."""
    for p in params.posonly_params:
        yield p, "positional"
    for p in params.params:
        yield p, "positional"
    if isinstance(params.star_arg, cst.Param):
        yield params.star_arg, "varargs"
    for p in params.kwonly_params:
        yield p, "keyword"
    if params.star_kwarg is not None:
        yield params.star_kwarg, "kwargs"


def decorator_names(node: cst.FunctionDef) -> set[str]:
    names = set()
    for decorator in node.decorators:
        expr = decorator.decorator
        if isinstance(expr, cst.Call):
            expr = expr.func
        if isinstance(expr, cst.Attribute):
            names.add(expr.attr.value)
        elif isinstance(expr, cst.Name):
            names.add(expr.value)
    return names


def function_params(node: cst.FunctionDef | cst.Lambda) -> list[Param]:
    return [Param(p.name.value, kind) for p, kind in parameters(node.params)]


def function_kind(node: cst.FunctionDef, in_class: bool) -> str:
    if not in_class:
        return "function"
    names = decorator_names(node)
    for kind in ("staticmethod", "classmethod", "property"):
        if kind in names:
            return kind
    return "method"
