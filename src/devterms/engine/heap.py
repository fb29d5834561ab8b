"""The heap: everything that outlives one call.

*Heap* is the engine's name for module globals (``pkg.mod.NAME``), class attributes
(``pkg.mod.Class.NAME``) and instance attributes keyed by the instance's path
(``pkg.mod.Class().client``). It only grows (a store joins with what is there), which is what
lets the analysis reach a fixpoint (an imported name is rebound to what its module holds, which
only grows too); every read and every change is told to the tracker, so the
units that read a key run again when, and only when, it changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from devterms.engine.tracking import Tracker
from devterms.values import Value, join


class Heap:
    def __init__(self, tracker: Tracker) -> None:
        self._values: dict[str, Value] = {}
        self._fields: dict[str, list[str]] = {}  # owner path -> its keys, in order of first store
        self._tracker = tracker

    def get(self, key: str) -> Value | None:
        self._tracker.read(("heap", key))
        return self._values.get(key)

    def store(self, key: str, value: Value) -> None:
        old = self._values.get(key)
        new = value if old is None else join(old, value)
        if old is None or new.shape() != old.shape():
            self._values[key] = new
            self._tracker.changed(("heap", key))
        if old is None:
            owner = key.rpartition(".")[0]
            self._fields.setdefault(owner, []).append(key)
            self._tracker.changed(("fields", owner))

    def rebind(self, key: str, value: Value) -> None:
        """An imported name: it is what the module it comes from holds now, which replaces what
        it was before that module ran (a bare name then, so a join would lose the constant)."""
        old = self._values.get(key)
        if old is None:
            self.store(key, value)
        elif value.shape() != old.shape():
            self._values[key] = value
            self._tracker.changed(("heap", key))

    def fields(self, owner: str) -> list[Value]:
        """Everything stored on attributes of ``owner`` (an object handed over whole)."""
        return [v for v in (self.get(k) for k in self.keys_of(owner)) if v is not None]

    def keys_of(self, owner: str) -> list[str]:
        """The keys of ``owner``'s attributes (a module's globals, for ``from m import *``)."""
        self._tracker.read(("fields", owner))
        return list(self._fields.get(owner, ()))

    def items(self) -> Iterable[tuple[str, Value]]:
        """Every key and value, without recording a read (for the scheduler's own questions)."""
        return self._values.items()
