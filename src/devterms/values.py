"""What the engine knows about an expression: what it is, where its data came from, its text.

A :class:`Value` joins three small facts. ``paths`` are call paths naming what the object is
(``tweepy.Client()``, ``requests``, a project function ``pkg.mod.fetch``); ``traces`` say which
platform data it carries and how that data got here; ``text`` is a string template of its
constant value, if it has one, where :data:`HOLE` stands for an unknown part
(``f"https://api.x.com/2/users/{uid}"`` is ``"https://api.x.com/2/users/\\0"``).

``parts`` keeps the elements of a tuple, list or dict literal apart (keys ``"0"``, ``"1"``... or
the dict's string keys) for as long as the container is not mutated, so that
``followers, reference = load()`` or ``config["reference"]`` do not inherit their siblings' data.

A trace's ``origin`` is either a concrete source (``source:<id>``) or a parameter of the
function being summarised (``param:<name>``); the latter is replaced by the caller's data when the
summary is applied. ``reached`` names the sink categories the data has already passed through on
this path: the result of a face encoder that is then compared is one flow, reported once, at
the encoder. Everything here is immutable so values can be shared and compared cheaply.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from devterms.engine.steps import Step

HOLE = "\0"
MAX_PATHS = 8  # things one expression may be; past it, the shortest are kept and TRUNCATED added
TRUNCATED = "<more>"  # a path no pattern matches, standing for the paths dropped (a DT000 where called)
TRACES_PER_KIND = 4  # concrete origins kept per platform and kind of trace; parameters are all kept
MAX_STEPS = 64  # per trace, while analysing; flows are shortened further when shown
MAX_TEXT = 512
MAX_PARTS = 16


MARKERS = ("vocab:", "mark:")  # origins of traces that mark constants, not platform data


@dataclass(frozen=True, slots=True, eq=False)
class Inference:
    """What a meeting inferred about the data: reported at the meeting once it is kept."""

    category: str
    vocabulary: str
    meeting: Step
    label: str  # what met what, for the finding's message


@dataclass(frozen=True, slots=True)
class Trace:
    """Where a value's data came from and how it got here.

    A *marker* trace (origin ``vocab:<id>...`` or ``mark:<what>``) carries no platform data: it
    marks a constant (vocabulary in a literal, a table of other sites' URLs) so that the
    constant can be recognised where it meets platform data. ``account`` says the data is one
    named account's own; ``inference`` what a meeting inferred from it.
    """

    origin: str
    platform: str
    source: str
    steps: tuple[Step, ...]
    reached: frozenset[str] = frozenset()
    account: bool = False
    inference: Inference | None = None

    @property
    def is_param(self) -> bool:
        return self.origin.startswith("param:")

    @property
    def is_marker(self) -> bool:
        return self.origin.startswith(MARKERS)

    @property
    def param(self) -> str:
        return self.origin[len("param:"):]

    @property
    def key(self) -> tuple[str, object]:
        """Traces with one key are one: the same origin, and the same inference if any."""
        return (self.origin, id(self.inference.meeting.node) if self.inference else None)

    def extended(self, steps: Iterable[Step]) -> Trace:
        """This trace with ``steps`` appended (the first and the latest kept when it grows long)."""
        if self.is_marker:
            return self  # a marker points at its constant only
        combined = self.steps + tuple(steps)
        if len(combined) > MAX_STEPS:
            combined = combined[:3] + combined[-(MAX_STEPS - 3):]
        return Trace(self.origin, self.platform, self.source, combined, self.reached, self.account,
                     self.inference)

    def passed(self, category: str) -> Trace:
        """This trace, having gone through a sink of ``category``."""
        if category in self.reached:
            return self
        return Trace(self.origin, self.platform, self.source, self.steps, self.reached | {category},
                     self.account, self.inference)

    def inferred(self, inference: Inference, steps: Iterable[Step]) -> Trace:
        return Trace(self.origin, self.platform, self.source, self.steps + tuple(steps), self.reached,
                     self.account, inference)

    def rebased(self, outer: Trace, steps: Iterable[Step]) -> Trace:
        """This parameter trace of a summary with the caller's ``outer`` data in its place."""
        inference = self.inference or outer.inference
        return Trace(outer.origin, outer.platform, outer.source, outer.steps, outer.reached | self.reached,
                     outer.account, inference).extended(steps)


@dataclass(frozen=True, slots=True)
class Value:
    paths: frozenset[str] = field(default_factory=frozenset)
    traces: tuple[Trace, ...] = ()
    text: str | None = None
    parts: tuple[tuple[str, Value], ...] | None = None

    @property
    def tainted(self) -> bool:
        """Whether it carries platform data (markers of constants do not count)."""
        return any(not t.is_marker for t in self.traces)

    @property
    def markers(self) -> tuple[Trace, ...]:
        return tuple(t for t in self.traces if t.is_marker)

    @property
    def concrete_traces(self) -> tuple[Trace, ...]:
        return tuple(t for t in self.traces if not t.is_param)

    def with_step(self, step: Step) -> Value:
        if not self.traces:
            return self
        parts = None if self.parts is None else tuple((k, v.with_step(step)) for k, v in self.parts)
        return Value(self.paths, tuple(t.extended((step,)) for t in self.traces), self.text, parts)

    def part(self, key: str) -> Value | None:
        """The element stored under ``key``, if this is an unmutated literal container."""
        if self.parts is None:
            return None
        return dict(self.parts).get(key)

    def passed(self, category: str) -> Value:
        """This value, its data having gone through a sink of ``category``."""
        if not self.traces:
            return self
        parts = None if self.parts is None else tuple((k, v.passed(category)) for k, v in self.parts)
        return Value(self.paths, tuple(t.passed(category) for t in self.traces), self.text, parts)

    def data_only(self) -> Value:
        """The data this value carries, without what it is (for results of unknown calls)."""
        return Value(traces=self.traces) if self.traces else NOTHING

    def with_text(self, text: str | None) -> Value:
        return Value(self.paths, self.traces, _cap_text(text), self.parts)

    def constant_parts(self) -> tuple[tuple[str, tuple[object, ...]], ...]:
        """What a literal container's elements are without the data they carry (a config dict's
        URLs and folders): part of a callee's calling context."""
        if self.parts is None:
            return ()
        return tuple((k, (v.paths, v.text, frozenset(t.origin for t in v.markers))) for k, v in self.parts)

    def shape(self) -> tuple[object, ...]:
        """What the analysis can tell apart (the steps of a trace are only its explanation)."""
        return (self.paths, tuple((t.key, t.reached) for t in self.traces), self.text)


NOTHING = Value()


def join(*values: Value) -> Value:
    """The least value that over-approximates all of ``values`` (used at merges and unions)."""
    present = [v for v in values if v is not NOTHING and v != NOTHING]
    if not present:
        return NOTHING
    if len(present) == 1:
        return present[0]
    first = present[0]
    if all(v == first for v in present):
        return first
    paths = cap_paths(p for v in present for p in v.paths)
    traces = merge_traces(t for v in present for t in v.traces)
    texts = {v.text for v in present}
    text = texts.pop() if len(texts) == 1 else None
    parts = {v.parts for v in present}
    return Value(paths, traces, text, parts.pop() if len(parts) == 1 else None)


def container(parts: list[tuple[str, Value]], text: str | None = None) -> Value:
    """A literal tuple, list or dict: its data is all of its elements', each kept apart."""
    traces = merge_traces(t for _, v in parts for t in v.traces)
    kept = tuple(parts) if len(parts) <= MAX_PARTS else None
    return Value(traces=traces, text=_cap_text(text), parts=kept)


def merge_traces(traces: Iterable[Trace]) -> tuple[Trace, ...]:
    """One trace per origin (the first seen, so flows stay short).

    Two paths of one origin keep only the sink categories both passed (a path that has not yet
    been through a face encoder can still reach one). Every parameter is kept, and
    :data:`TRACES_PER_KIND` concrete origins of each kind: traces of one platform that are
    alike in what they can still be reported for (whether one account's, the sinks passed, the
    inference). A finding is made per sink, rule and platform, so a further origin of the same
    kind could only add another path to a finding that is made anyway.
    """
    seen: dict[tuple[str, object], Trace] = {}
    for trace in traces:
        key = trace.key
        old = seen.get(key)
        if old is None:
            seen[key] = trace
        elif not trace.reached >= old.reached:
            seen[key] = Trace(old.origin, old.platform, old.source, old.steps, old.reached & trace.reached,
                              old.account, old.inference)
    ordered = sorted(seen.values(), key=lambda t: (t.is_param, t.key[0], t.key[1] is not None))
    per_kind: dict[tuple[object, ...], int] = {}
    kept = []
    for trace in ordered:
        if not trace.is_param:
            kind = (trace.platform, trace.account, trace.reached, trace.key[1])
            per_kind[kind] = per_kind.get(kind, 0) + 1
            if per_kind[kind] > TRACES_PER_KIND:
                continue
        kept.append(trace)
    return tuple(kept)


def concat_text(parts: Iterable[str | None]) -> str | None:
    """Concatenate string templates; an unknown part becomes a hole."""
    out = []
    for part in parts:
        out.append(HOLE if part is None else part)
    text = "".join(out)
    while HOLE + HOLE in text:
        text = text.replace(HOLE + HOLE, HOLE)
    return None if text == HOLE else _cap_text(text)


def parent_folder(text: str | None) -> str | None:
    """``os.path.dirname``: the folder a path names (``""``, the current one, for a bare name)."""
    return None if text is None else text.rstrip("/").rpartition("/")[0]


def interleave(parts: list[str | None], separator: str) -> list[str | None]:
    """``[a, sep, b, sep, c]``: a collection of strings as one template (``a,b,\0``)."""
    out: list[str | None] = []
    for i, part in enumerate(parts):
        out.extend(([separator] if i else []) + [part])
    return out


def cap_paths(paths: Iterable[str]) -> frozenset[str]:
    """At most :data:`MAX_PATHS` paths: past it the shortest, and :data:`TRUNCATED`."""
    unique = set(paths)
    if len(unique) <= MAX_PATHS:
        return frozenset(unique)
    kept = sorted((p for p in unique if not p.startswith(TRUNCATED)), key=lambda p: (len(p), p))
    return frozenset((*kept[:MAX_PATHS - 1], TRUNCATED))


def truncated(value: Value) -> bool:
    """Whether ``value`` stood for more things than :data:`MAX_PATHS` (or is a part of one that did)."""
    return any(p.startswith(TRUNCATED) for p in value.paths)


def _cap_text(text: str | None) -> str | None:
    if text is None or len(text) <= MAX_TEXT:
        return text
    return text[:MAX_TEXT] + HOLE
