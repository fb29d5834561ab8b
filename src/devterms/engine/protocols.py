"""What the interpreter of one body needs of the analysis around it, so that it never depends
on the scheduler: :class:`devterms.engine.run.ProjectRun` implements :class:`Run`."""

from __future__ import annotations

from typing import Protocol

import libcst as cst

from devterms.engine.heap import Heap
from devterms.engine.meetings import Meetings
from devterms.engine.module import ModuleState
from devterms.engine.objects import ClassInfo, FunctionInfo
from devterms.engine.findings import Reporter
from devterms.engine.scope import Scope
from devterms.engine.sites import CallSite
from devterms.engine.storage import Persistence
from devterms.pack.index import Knowledge
from devterms.pack.types import RulePack
from devterms.values import Value


class Run(Protocol):
    pack: RulePack
    knowledge: Knowledge
    heap: Heap
    persistence: Persistence
    reporter: Reporter
    meetings: Meetings

    def tick(self) -> None: ...

    def resolve_module(self, dotted: str, module: ModuleState) -> str | None: ...

    def absolute(self, module: str, level: int, importer: ModuleState) -> str: ...

    def define_function(self, scope: Scope, node: cst.FunctionDef | cst.Lambda,
                        registered_by: list[str] | None = None) -> FunctionInfo: ...

    def define_class(self, scope: Scope, node: cst.ClassDef, bases: list[str]) -> ClassInfo: ...

    def deref(self, value: Value) -> Value: ...

    def load_attribute(self, scope: Scope, owner: Value, attr: str, node: cst.CSTNode) -> Value: ...

    def store_attribute(self, scope: Scope, owner: Value, attr: str, value: Value) -> None: ...

    def holds_fields(self, value: Value) -> bool: ...

    def fields(self, value: Value) -> Value: ...

    def call(self, scope: Scope, node: cst.Call) -> Value: ...

    def call_project(self, scope: Scope, site: CallSite, path: str) -> Value | None: ...

    def library_paths(self, path: str) -> list[str]: ...

    def model_of(self, value: Value) -> str | None: ...
