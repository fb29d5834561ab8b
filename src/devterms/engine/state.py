"""The project-wide state of one analysis: code units, summaries, the heap and the findings.

*Heap* is the engine's name for everything that outlives one call: module globals
(``pkg.mod.NAME``), class attributes (``pkg.mod.Class.NAME``) and instance attributes keyed by
the instance's path (``pkg.mod.Class().client``). It only grows, which is what lets the project
fixpoint terminate: every round can only add to it, and a bounded number of rounds runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import libcst as cst

from devterms.model import Hop
from devterms.values import NOTHING, Value, join

if TYPE_CHECKING:
    from devterms.rulepack import Source
    from devterms.engine.frame import Frame
    from devterms.engine.module import ModuleState


@dataclass
class Param:
    name: str
    kind: str  # "positional" | "keyword" | "varargs" | "kwargs"


@dataclass
class FunctionInfo:
    """A function, method or lambda of the project, with what its definition site knew."""

    qualname: str
    node: cst.FunctionDef | cst.Lambda
    module: ModuleState
    params: list[Param]
    kind: str = "function"  # "function" | "method" | "staticmethod" | "classmethod" | "property"
    class_path: str | None = None
    defaults: dict[str, Value] = field(default_factory=dict)
    outer: Frame | None = None
    callback: Source | None = None  # registered so that its parameters receive platform data

    @property
    def short(self) -> str:
        """``fetch`` for a function, ``Scraper.fetch`` for a method."""
        return ".".join(self.qualname.split(".")[-2 if self.class_path else -1:])

    @property
    def binds_self(self) -> bool:
        return self.kind in ("method", "property", "classmethod")


@dataclass
class ClassInfo:
    qualname: str
    module: ModuleState
    bases: list[str]
    methods: dict[str, FunctionInfo] = field(default_factory=dict)
    fields: list[str] = field(default_factory=list)  # annotated names of the class body


@dataclass(frozen=True, slots=True)
class Pending:
    """Data entering through parameter ``param`` reaches a sink; reported where it is bound."""

    param: str
    sink_label: str
    category: str
    hops: tuple[Hop, ...]


@dataclass(frozen=True, slots=True)
class HeapWrite:
    """A parameter's data stored under ``key`` (applied with the caller's data)."""

    key: str
    param: str
    hops: tuple[Hop, ...]


@dataclass(frozen=True, slots=True)
class FileWrite:
    """A parameter's data written to the file ``template`` (applied with the caller's data)."""

    template: str
    param: str
    hops: tuple[Hop, ...]


@dataclass
class Summary:
    ret: Value = NOTHING
    pending: list[Pending] = field(default_factory=list)
    heap_writes: list[HeapWrite] = field(default_factory=list)
    file_writes: list[FileWrite] = field(default_factory=list)

    def fingerprint(self) -> tuple[object, ...]:
        return (
            self.ret.paths, tuple(t.origin for t in self.ret.traces), self.ret.text,
            tuple(sorted({(p.param, p.sink_label, p.category) for p in self.pending})),
            tuple(sorted({(w.key, w.param) for w in self.heap_writes})),
            tuple(sorted({(w.template, w.param) for w in self.file_writes})),
        )


ContextKey = tuple[str, tuple[tuple[str, frozenset[str], str | None], ...]]


class Heap:
    def __init__(self) -> None:
        self._values: dict[str, Value] = {}
        self.version = 0

    def get(self, key: str) -> Value | None:
        return self._values.get(key)

    def store(self, key: str, value: Value) -> None:
        old = self._values.get(key)
        new = value if old is None else join(old, value)
        if old is None or _shape(new) != _shape(old):
            self._values[key] = new
            self.version += 1

    def keys(self) -> Iterable[str]:
        return self._values.keys()


def _shape(value: Value) -> tuple[object, ...]:
    return (value.paths, tuple(t.origin for t in value.traces), value.text)
