"""What library effects, meetings and reporting need of the code being interpreted: one frame.

:class:`devterms.engine.frame.Frame` implements :class:`Scope`.
"""

from __future__ import annotations

from typing import Protocol

import libcst as cst

from devterms.engine.module import ModuleState
from devterms.engine.objects import ClassInfo, Enclosing
from devterms.engine.steps import Step
from devterms.engine.summaries import Summary
from devterms.values import Value


class Scope(Enclosing, Protocol):
    """A body being run: what it is (module, qualified name, class) and what it can be asked."""

    module: ModuleState
    qualname: str
    class_info: ClassInfo | None
    summary: Summary | None  # the summary being computed, when interpreting a function body

    def eval(self, node: cst.BaseExpression) -> Value: ...

    def lookup(self, name: str) -> Value: ...

    def bind(self, name: str, value: Value) -> None: ...

    def step(self, node: cst.CSTNode, note: str) -> Step: ...

    def taint_container(self, target: cst.BaseExpression, value: Value) -> None: ...

    def replace_data(self, target: cst.BaseExpression, value: Value) -> None: ...
