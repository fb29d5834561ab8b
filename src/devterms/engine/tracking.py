"""What each piece of analysis read, so that only the pieces whose inputs changed run again.

The analysis is split into *units*: the top level of a module (with the summaries of its
functions in their default binding) and the summary of one function in one calling context.
While a unit runs, every fact it reads from the shared state is recorded with the version the
fact had: a heap key, a definition, the files and tables, another unit's summary. Writing a
fact bumps its version when its value really changed, and marks the units that read it, and
the readers of their summaries in turn, as *suspect*. Only suspect units are checked again: a
unit whose recorded versions are all still current would compute the same thing, so it is not
run. This is what makes widening the analysis, and rounds after the first, cost only what
changed (the verify-then-reuse scheme of incremental compilers such as Salsa, with early cut-off
on unchanged results, driven by a reverse index so that unchanged units cost nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

Fact = Hashable  # ("heap", key), ("def", qualname), ("files",), ("summary", context key), ...


@dataclass(eq=False)
class Unit:
    """A piece of analysis and the facts (with their versions) its last run read.

    ``fact`` is the fact the unit's own result is known by (a summary's), if others read it.
    """

    name: str
    fact: Fact | None = None
    reads: dict[Fact, int] = field(default_factory=dict)
    runs: int = 0
    suspect: bool = False


class Tracker:
    def __init__(self) -> None:
        self._versions: dict[Fact, int] = {}
        self._readers: dict[Fact, set[Unit]] = {}
        self._producers: dict[Fact, Unit] = {}
        self._running: list[Unit] = []
        self.on_run: list[Callable[[Unit], None]] = []  # told when a unit runs afresh

    def produces(self, unit: Unit) -> None:
        """``unit``'s result is known as ``unit.fact``: a reader of it is suspect while it is."""
        if unit.fact is not None:
            self._producers[unit.fact] = unit

    def version(self, fact: Fact) -> int:
        return self._versions.get(fact, 0)

    def read(self, fact: Fact) -> None:
        """The running unit depends on ``fact`` (as it was when first read)."""
        if self._running:
            unit = self._running[-1]
            if fact not in unit.reads:
                unit.reads[fact] = self._versions.get(fact, 0)
                self._readers.setdefault(fact, set()).add(unit)
                producer = self._producers.get(fact)
                if producer is not None and producer.suspect and not unit.suspect:
                    self._suspect(unit)

    def changed(self, fact: Fact) -> None:
        self._versions[fact] = self._versions.get(fact, 0) + 1
        self._suspect_readers(fact)

    def _suspect_readers(self, fact: Fact) -> None:
        for unit in list(self._readers.get(fact, ())):
            if not unit.suspect:
                self._suspect(unit)

    def _suspect(self, unit: Unit) -> None:
        """Mark ``unit`` and everything reading its result, transitively (keeping the invariant
        that a suspect unit's readers are all suspect)."""
        pending = [unit]
        while pending:
            current = pending.pop()
            if current.suspect:
                continue
            current.suspect = True
            if current.fact is not None:
                pending.extend(u for u in self._readers.get(current.fact, ()) if not u.suspect)

    @contextmanager
    def running(self, unit: Unit) -> Iterator[None]:
        """Run ``unit`` afresh: what it read before no longer counts."""
        for fact in unit.reads:
            readers = self._readers.get(fact)
            if readers is not None:
                readers.discard(unit)
        unit.reads = {}
        unit.runs += 1
        for listener in self.on_run:
            listener(unit)
        unit.suspect = False
        self._running.append(unit)
        try:
            yield
        finally:
            self._running.pop()

    @property
    def current(self) -> Unit | None:
        return self._running[-1] if self._running else None

    def unchanged(self, fact: Fact, seen: int) -> bool:
        return self._versions.get(fact, 0) == seen
