"""Attributes and imported names: what the heap holds for ``owner.attr``.

An attribute of something with a call path is looked up on the heap: a module global
(``pkg.mod.NAME``), a class attribute, or an instance attribute (``pkg.mod.Class().client``,
falling back to the class's). A property is a call of its getter. The owner's own data comes
along (an attribute of a platform response is platform data too).

Objects of the project's own classes are field-sensitive: what is stored on one attribute is
read back from that attribute only (``config.Near`` does not hold what ``config.Username``
was given). Such an object handed whole to a library call (``asdict(p)``, ``json.dumps(vars(p))``,
``p.model_dump()``) hands over every field: :meth:`Attributes.fields`.
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

    def holds_fields(self, value: Value) -> bool:
        """Whether the value is an object of a project class, whose fields the heap keeps."""
        return any(p.endswith("()") and self.definitions.class_named(p[:-2]) is not None for p in value.paths)

    def fields(self, value: Value) -> Value:
        """Every field of the project objects the value may be (its parts when built in view)."""
        if value.parts is not None:
            return join(*(v for _, v in value.parts))
        return join(*(f for p in sorted(value.paths) if p.endswith("()")
                      and self.definitions.class_named(p[:-2]) is not None for f in self.heap.fields(p)))

    def load(self, scope: Scope, owner: Value, attr: str, node: cst.CSTNode) -> Value:
        part = owner.part(attr)
        if part is not None:  # a field of an instance built in view
            return part
        if attr == "__dict__":
            return join(owner.data_only(), self.fields(owner).data_only())
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
            if stored is None and path.endswith("()"):  # a class attribute or default, by the MRO
                stored = next((s for s in (self.heap.get(f"{c}.{attr}") for c in self.definitions.mro(path[:-2]))
                               if s is not None), None)
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
                        scope.summary.record(HeapWrite(key, trace.origin, trace.steps))
