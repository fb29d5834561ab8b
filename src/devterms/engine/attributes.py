"""Attributes and imported names: what the heap holds for ``owner.attr``.

An attribute of something with a call path is looked up on the heap: a module global
(``pkg.mod.NAME``), a class attribute, or an instance attribute (``pkg.mod.Class().client``,
falling back to the class's). A property is a call of its getter. The owner's own data comes
along (an attribute of a platform response is platform data too).
"""

from __future__ import annotations

import libcst as cst

from devterms.engine.binding import param_prefix
from devterms.engine.calling import ProjectCalls
from devterms.engine.heap import Heap
from devterms.engine.objects import Definitions
from devterms.engine.scope import Scope
from devterms.engine.sites import CallSite
from devterms.engine.summaries import HeapWrite
from devterms.values import NOTHING, Value, join, merge_traces


class Attributes:
    def __init__(self, heap: Heap, definitions: Definitions, calls: ProjectCalls) -> None:
        self.heap = heap
        self.definitions = definitions
        self.calls = calls

    def deref(self, value: Value) -> Value:
        """What an imported name holds, once the module defining it has run."""
        stored = [s for s in (self.heap.get(p) for p in value.paths) if s is not None]
        return join(*stored) if stored else value

    def load(self, scope: Scope, owner: Value, attr: str, node: cst.CSTNode) -> Value:
        part = owner.part(attr)
        if part is not None:  # a field of an instance built in view
            return part
        keys = set()
        found = []
        for path in owner.paths:
            getter = self.definitions.method(path[:-2], attr) if path.endswith("()") else None
            if getter is not None and getter.kind == "property":
                site = CallSite(node, Value(frozenset({path})), [], {})  # type: ignore[arg-type]
                found.append(self.calls.apply(scope, site, getter, Value(frozenset({path}))))
                continue
            keys.add(f"{path}.{attr}")
            stored = None if owner.parts is not None else self.heap.get(f"{path}.{attr}")
            if stored is None and path.endswith("()"):
                stored = self.heap.get(f"{path[:-2]}.{attr}")  # a class attribute or default
            if stored is not None:
                found.append(stored)
        held = join(*found)
        return Value(frozenset(keys) | held.paths, merge_traces((*held.traces, *owner.traces)), held.text)

    def store(self, scope: Scope, owner: Value, attr: str, value: Value) -> None:
        for path in owner.paths:
            key = f"{path}.{attr}"
            concrete = Value(value.paths, value.concrete_traces, value.text)
            if concrete != NOTHING:
                self.heap.store(key, concrete)
            if scope.summary is not None and scope.function is not None:
                prefix = param_prefix(scope.function)
                for trace in value.traces:
                    if trace.origin.startswith(prefix):
                        scope.summary.heap_writes.append(HeapWrite(key, trace.origin, trace.steps))
