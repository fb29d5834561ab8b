"""Function summaries: computed once per calling context, checked before reuse, applied at calls.

A summary says what a function does with what it is given: which parameters reach its return
value, which reach a sink (*pending* flows, reported where a caller binds the parameter to
platform data), and which it stores on the heap or writes to a file. Its parameters stand for
whatever a caller will pass; the *calling context* is what the arguments *are* (their call paths
and string templates), so a client object or a URL constant passed to a helper keeps its meaning.

Each summary is a unit of :mod:`devterms.engine.tracking`: before it is reused, the facts it
read are checked (summaries it used first, recursively) and it is computed again only if one of
them changed; a recomputed summary equal to the old one changes nothing for its callers. A
summary needed while it is being computed (recursion) is taken as it stands; its callers are
checked again once it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from devterms.engine.objects import FunctionInfo
from devterms.engine.steps import Step
from devterms.engine.tracking import Fact, Tracker, Unit
from devterms.values import NOTHING, Trace, Value, join

MAX_FLOWS = 8  # distinct paths kept per finding (the shortest first), and per pending flow of a summary
MAX_CONTEXTS = 8  # per function; further contexts share one whose arguments are the join of theirs
KEPT = "kept"  # the category of a pending flow into an output: what a caller inferred is kept there
LIMIT = "limit"  # the category of pending flows that say an analysis limit was reached on their data
USE = "use:"  # the category prefix of pending flows that are uses: "use:<kind>:<detail>"
MAX_NESTING = 64  # summaries computed inside one another before the innermost is taken as it stands


@dataclass(frozen=True, slots=True)
class Pending:
    """Data entering through parameter ``param`` reaches ``sink`` along ``steps``.

    ``account_only``: it counts only if the data is one named account's (an inference kept
    nowhere); ``other_than``: only if the data is not of that platform (a name probed on
    another platform's host).
    """

    param: str
    sink_label: str
    category: str
    steps: tuple[Step, ...]
    sink: Step
    account_only: bool = False
    other_than: str = ""

    def applies_to(self, trace: Trace) -> bool:
        if trace.is_marker or self.category in trace.reached:
            return False
        if trace.is_param:
            return True
        return (trace.account or not self.account_only) and trace.platform != self.other_than


@dataclass(frozen=True, slots=True)
class HeapWrite:
    """A parameter's data stored under ``key`` (applied with the caller's data)."""

    key: str
    param: str
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class StoreWrite:
    """A parameter's data written to a file (``store`` "files", ``name`` its template) or a
    table (``store`` "tables"), applied with the caller's data."""

    store: str
    name: str
    param: str
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Data compared at ``sink`` where some of it is still a parameter's: identity matching
    once the caller's data make it two platforms' (a helper comparing the two records it is
    handed). ``sides`` holds each compared value's data, parameters and concrete alike."""

    category: str
    what: str
    sink: Step
    sides: tuple[tuple[Trace, ...], ...]


@dataclass
class Summary:
    ret: Value = NOTHING
    pending: list[Pending] = field(default_factory=list)
    heap_writes: dict[tuple[str, str], HeapWrite] = field(default_factory=dict)  # by key and parameter
    store_writes: dict[tuple[str, str, str], StoreWrite] = field(default_factory=dict)
    nonlocal_writes: dict[str, Value] = field(default_factory=dict)  # names of the enclosing function
    comparisons: dict[int, Comparison] = field(default_factory=dict)  # by the comparing node
    _held: dict[tuple[object, ...], int] = field(default_factory=dict)  # pending flows per key of _bound

    def add_pending(self, param: str, like: Pending, steps: tuple[Step, ...], after: tuple[Step, ...]) -> None:
        """Record that ``param``'s data reaches ``like``'s sink along ``steps`` and then ``after``
        (the path is built only if kept: most applications add nothing new). At most
        :data:`MAX_FLOWS` paths per sink, parameter and kind of flow (a finding shows no more);
        one for a use or a kept inference (they show one), and for a limit one per file (its
        DT000 is one per file). Without this bound every call level multiplied them: yt-dlp and
        gallery-dl ran out of memory, and applying the summaries took most of the time."""
        key, most = _bound(param, like)
        held = self._held.get(key, 0)
        if held < most:
            self._held[key] = held + 1
            self.pending.append(Pending(param, like.sink_label, like.category, steps + after, like.sink,
                                        like.account_only, like.other_than))

    def fingerprint(self) -> tuple[object, ...]:
        return (
            self.ret.shape(),
            tuple(sorted({(p.param, p.sink_label, p.category) for p in self.pending})),
            tuple(sorted(self.heap_writes)),
            tuple(sorted(self.store_writes)),
            tuple(sorted((k, v.shape()) for k, v in self.nonlocal_writes.items())),
            tuple(sorted((c.what, tuple(tuple(sorted(t.origin for t in side)) for side in c.sides))
                         for c in self.comparisons.values())),
        )


    def record(self, write: HeapWrite | StoreWrite) -> None:
        """Remember a write of a parameter's data, once (the first path that made it)."""
        if isinstance(write, HeapWrite):
            self.heap_writes.setdefault((write.key, write.param), write)
        else:
            self.store_writes.setdefault((write.store, write.name, write.param), write)


def _bound(param: str, pending: Pending) -> tuple[tuple[object, ...], int]:
    """What pending flows :meth:`Summary.add_pending` counts together (by the sink's node: a
    loop's body runs more than once, each time with new steps), and how many of them it keeps."""
    if pending.category == LIMIT:
        return (LIMIT, param, pending.sink.module.name), 1
    key = (id(pending.sink.node), param, pending.category, pending.sink_label, pending.account_only,
           pending.other_than)
    return key, 1 if pending.category == KEPT or pending.category.startswith(USE) else MAX_FLOWS


ContextKey = tuple[str, tuple[object, ...]]
Interpret = Callable[[FunctionInfo, dict[str, Value], Summary], None]


@dataclass(eq=False)
class _Entry:
    info: FunctionInfo
    binding: dict[str, Value]
    unit: Unit
    summary: Summary = field(default_factory=Summary)
    fingerprint: tuple[object, ...] = field(default_factory=lambda: Summary().fingerprint())
    computed: bool = False
    busy: bool = False  # being computed or checked


class Summaries:
    """The summaries of one analysis, by calling context."""

    def __init__(self, tracker: Tracker, interpret: Interpret) -> None:
        self._tracker = tracker
        self._interpret = interpret
        self._entries: dict[ContextKey, _Entry] = {}
        self._contexts: dict[str, set[ContextKey]] = {}
        self._widened: dict[str, dict[str, Value]] = {}
        self._nesting = 0
        self._deferred: list[_Entry] = []

    def summary_for(self, info: FunctionInfo, binding: dict[str, Value]) -> Summary:
        key, binding = self._context(info, binding)
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = _Entry(info, binding, Unit(f"summary {info.qualname}", ("summary", key)))
            self._tracker.produces(entry.unit)
            self._compute(entry)
        elif not entry.busy and (entry.unit.suspect or not entry.computed):
            entry.info = info
            if _shapes(entry.binding) != _shapes(binding) or not self._still_valid(entry):
                entry.binding = binding
                self._compute(entry)
        self._tracker.read(("summary", key))
        return entry.summary

    def current(self, unit: Unit) -> bool:
        """Whether every fact ``unit`` read is as it was (the summaries it used checked first,
        and computed again where their own reads changed). A unit nobody suspects is current."""
        if not unit.suspect:
            return True
        for fact, seen in list(unit.reads.items()):
            if isinstance(fact, tuple) and fact[0] == "summary":
                used = self._entries.get(fact[1])
                if used is not None and not used.busy and used.unit.suspect:
                    self.summary_for(used.info, used.binding)
            if not self._tracker.unchanged(fact, seen):
                return False
        unit.suspect = False
        return True

    def compute_deferred(self, guard: Callable[[FunctionInfo, Callable[[], None]], None]) -> bool:
        """Compute the summaries that were needed too deep inside others, each through ``guard``
        (the scheduler's budget for the function's module); whether there were any."""
        done = bool(self._deferred)
        while self._deferred:
            entry = self._deferred.pop()
            if not entry.computed or entry.unit.suspect:
                guard(entry.info, lambda: self._compute(entry))  # noqa: B023 - called at once
        return done

    def unit_of(self, fact: Fact) -> Unit | None:
        entry = self._entries.get(fact[1]) if isinstance(fact, tuple) and fact[0] == "summary" else None
        return entry.unit if entry is not None else None

    def returned(self) -> list[tuple[str, Value]]:
        """(qualname, return value) of every summary computed, for the scheduler's widening."""
        return [(e.info.qualname, e.summary.ret) for e in self._entries.values()]

    # ------------------------------------------------------------------ internals

    def joined_away(self, info: FunctionInfo, binding: dict[str, Value]) -> list[str]:
        """The arguments whose constant text or call paths the shared context of a function
        called in more than :data:`MAX_CONTEXTS` ways does not keep (the summary never saw them)."""
        widened = self._widened.get(info.qualname)
        if widened is None or self._key(info, binding) in self._contexts.get(info.qualname, ()):
            return []  # the common case costs one lookup: the key is built only past MAX_CONTEXTS
        kept = {name: widened.get(name, NOTHING) for name in binding}
        return sorted(name for name, value in binding.items()
                      if (value.text and kept[name].text != value.text) or not value.paths <= kept[name].paths)

    def _key(self, info: FunctionInfo, binding: dict[str, Value]) -> ContextKey:
        context: tuple[object, ...] = tuple(sorted(
            (name, v.paths, v.text, frozenset(t.origin for t in v.markers), v.constant_parts())
            for name, v in binding.items() if v.paths or v.text or v.markers or v.parts))
        if info.callback is not None:  # registered callbacks are seeded with platform data
            context += tuple(sorted((n, frozenset(t.origin for t in v.traces), None)
                                    for n, v in binding.items() if v.traces))
        context += info.closure()
        return (info.qualname, context)

    def _context(self, info: FunctionInfo, binding: dict[str, Value]) -> tuple[ContextKey, dict[str, Value]]:
        """The calling context: what the arguments are; past :data:`MAX_CONTEXTS`, one joined one."""
        key = self._key(info, binding)
        contexts = self._contexts.setdefault(info.qualname, set())
        if key in contexts or len(contexts) < MAX_CONTEXTS:
            contexts.add(key)
            return key, binding
        widened = self._widened.setdefault(info.qualname, {})
        for name, value in binding.items():
            widened[name] = join(widened.get(name, NOTHING), value)
        return (info.qualname, ("*",)), dict(widened)

    def _still_valid(self, entry: _Entry) -> bool:
        entry.busy = True
        try:
            return entry.computed and self.current(entry.unit)
        finally:
            entry.busy = False

    def _compute(self, entry: _Entry) -> None:
        if self._nesting >= MAX_NESTING:
            self._deferred.append(entry)  # the scheduler computes it; its readers are told then
            return
        entry.busy = True
        self._nesting += 1
        summary = Summary()
        try:
            with self._tracker.running(entry.unit):
                self._tracker.read(("def", entry.info.qualname))
                self._interpret(entry.info, entry.binding, summary)
        finally:
            self._nesting -= 1
            entry.busy = False
        entry.summary = summary
        entry.computed = True
        fingerprint = summary.fingerprint()
        if fingerprint != entry.fingerprint:
            entry.fingerprint = fingerprint
            self._tracker.changed(entry.unit.fact)


def _shapes(binding: dict[str, Value]) -> dict[str, tuple[object, ...]]:
    return {k: v.shape() for k, v in binding.items()}

