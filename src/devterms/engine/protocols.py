"""The interfaces the interpreter is written against, so that it never depends on the scheduler.

:class:`Scope` is what library effects and reporting need of the code being interpreted (one
frame); :class:`Run` is what the interpreter of one body needs of the analysis around it. The
scheduler (:class:`devterms.engine.run.ProjectRun`) implements :class:`Run`;
:class:`devterms.engine.frame.Frame` implements :class:`Scope`.
"""

from __future__ import annotations

from typing import Protocol

import libcst as cst

from devterms.engine.heap import Heap
from devterms.engine.module import ModuleState
from devterms.engine.objects import ClassInfo, FunctionInfo
from devterms.engine.reporting import Reporter
from devterms.engine.sites import CallSite
from devterms.engine.steps import Step
from devterms.engine.storage import Persistence
from devterms.engine.summaries import Summary
from devterms.knowledge import Knowledge
from devterms.packtypes import RulePack
from devterms.values import Value


class Scope(Protocol):
    module: ModuleState
    top: int  # the top-level statement of the module the code being run belongs to
    qualname: str
    function: FunctionInfo | None
    class_info: ClassInfo | None
    summary: Summary | None  # the summary being computed, when interpreting a function body

    def eval(self, node: cst.BaseExpression) -> Value: ...

    def step(self, node: cst.CSTNode, note: str) -> Step: ...

    def taint_container(self, target: cst.BaseExpression, value: Value) -> None: ...


class Run(Protocol):
    pack: RulePack
    knowledge: Knowledge
    heap: Heap
    persistence: Persistence
    reporter: Reporter

    def tick(self) -> None: ...

    def resolve_module(self, dotted: str, module: ModuleState) -> str | None: ...

    def absolute(self, module: str, level: int, importer: ModuleState) -> str: ...

    def define_function(self, scope: Scope, node: cst.FunctionDef | cst.Lambda,
                        registered_by: list[str] | None = None) -> FunctionInfo: ...

    def define_class(self, scope: Scope, node: cst.ClassDef, bases: list[str]) -> ClassInfo: ...

    def deref(self, value: Value) -> Value: ...

    def load_attribute(self, scope: Scope, owner: Value, attr: str, node: cst.CSTNode) -> Value: ...

    def store_attribute(self, scope: Scope, owner: Value, attr: str, value: Value) -> None: ...

    def call(self, scope: Scope, node: cst.Call) -> Value: ...

    def call_project(self, scope: Scope, site: CallSite, path: str) -> Value | None: ...
