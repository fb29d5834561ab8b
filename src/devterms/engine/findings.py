"""Where flows end: findings at sinks, or pending flows for the caller of a summary.

A finding sits at the sink call, one per (sink, rule, platform), holding every distinct path
that reaches it (CodeQL's and Semgrep's model). A flow whose data entered the current function
through a parameter is not a finding yet: it is recorded on the function's summary and becomes
one where a caller binds that parameter to platform data, still located at the sink, with the
caller's call as a step of the flow. Data that already went through a sink of the same rule on
its path (a face encoding then compared) is not reported again.

Findings are kept per unit of analysis (:mod:`devterms.engine.tracking`): a unit that runs again
replaces what it found before, and only the units still in use contribute to the answer.
Positions are computed only here, at the end, for the flows that are reported.

The same paths carry *uses* (:class:`~devterms.model.Use`): platform data stored, sent or
derived from, for the map. A use is a pending flow whose category starts with :data:`USE`;
it travels through summaries like any other and is recorded where it meets concrete data, but
it never becomes a finding. Every sink a flow reaches is also a use (what is derived from it).

Where an analysis limit made the engine drop something that could have carried a flow, the
place is recorded as a *limit* (:meth:`Reporter.limit`), kept per unit like findings, and
reported as a DT000 on the file: a limit never loses a finding without a word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from devterms.engine.steps import FlowRenderer, Step
from devterms.engine.summaries import KEPT, LIMIT, MAX_FLOWS, USE, Comparison, Pending, Summary
from devterms.engine.tracking import Tracker, Unit
from devterms.model import Diagnostic, Finding, Use
from devterms.pack.types import RulePack, Source
from devterms.values import Trace, Value, merge_traces


@dataclass(eq=False)
class _Draft:
    code: str
    platform: str
    sink_label: str
    sink: Step | None  # None: at the earliest of the flows' first steps (a collecting call)
    flows: dict[tuple[Step, ...], str] = field(default_factory=dict)  # steps -> source label


class Reporter:
    def __init__(self, pack: RulePack, tracker: Tracker) -> None:
        self.pack = pack
        self._tracker = tracker
        self._by_unit: dict[Unit, dict[tuple[object, ...], _Draft]] = {}
        self._uses_by_unit: dict[Unit, dict[tuple[object, ...], tuple[str, str, str, str, str, Step]]] = {}
        self._limits_by_unit: dict[Unit, dict[tuple[object, ...], tuple[Step, str]]] = {}
        tracker.on_run.append(self._forget)  # a unit that runs again replaces what it found

    def _forget(self, unit: Unit) -> None:
        self._by_unit.pop(unit, None)
        self._uses_by_unit.pop(unit, None)
        self._limits_by_unit.pop(unit, None)

    def limit(self, summary: Summary | None, at: Step, data: Value, what: str) -> None:
        """An analysis limit (``what`` names it) was reached at ``at`` with ``data`` at hand: said
        where the data is platform data (a limit reached on other data cannot lose a flow)."""
        self.sink(summary, at, LIMIT, what, data)

    def _limit(self, at: Step, what: str) -> None:
        unit = self._tracker.current
        if unit is not None:
            self._limits_by_unit.setdefault(unit, {}).setdefault((at.module.name, at.node, what), (at, what))

    def limits(self, units: Iterable[Unit]) -> list[Diagnostic]:
        """One DT000 per file where ``units`` reached a limit: the first place, and how many more."""
        found = {key: limit for unit in units for key, limit in self._limits_by_unit.get(unit, {}).items()}
        renderer = FlowRenderer(step for step, _ in found.values())
        by_file: dict[str, list[tuple[int, int, str]]] = {}
        for step, what in found.values():
            hop = renderer.hop(step)
            by_file.setdefault(hop.path, []).append((hop.line, hop.column, what))
        diagnostics = []
        for path, places in sorted(by_file.items()):
            line, column, what = min(places)
            more = f" (and {len(places) - 1} more places in this file)" if len(places) > 1 else ""
            diagnostics.append(Diagnostic(path, line, column, f"analysis limit reached: {what}{more}; "
                                                              "findings through here may be missing"))
        return diagnostics

    def use(self, summary: Summary | None, at: Step, kind: str, name: str, data: Value, detail: str = "") -> None:
        """``data`` is stored, sent or derived from at ``at`` (``kind``: store, send, derive):
        a use for the map, recorded where the data is concrete, never a finding."""
        self.sink(summary, at, f"{USE}{kind}:{detail}", name, data)

    def sink(self, summary: Summary | None, sink: Step, category: str, what: str, data: Value,
             other_than: str = "", account_only: bool = False) -> None:
        """``data`` reaches a sink of ``category`` (at ``sink``); ``other_than``: a platform whose
        own data does not count there; ``account_only``: only one named account's data counts."""
        target = Pending("", what, category, (sink,), sink, account_only=account_only, other_than=other_than)
        for trace in data.traces:
            self.reached(summary, target, trace, (sink,))

    def compared(self, summary: Summary | None, at: Step, category: str, what: str,
                 sides: list[list[Trace]]) -> None:
        """Values (each side's traces) compared at ``at``: a sink of ``category`` when they hold
        two or more platforms' data; while parameters of two sides may still make it so, a
        comparison for the callers (a value compared with a constant compares no one)."""
        sides = [[t for t in side if not t.is_marker] for side in sides]
        traces = [t for side in sides for t in side]
        platforms = {t.platform for t in traces if not t.is_param}
        if len(platforms) >= 2:
            self.sink(None, at, category, what, Value(traces=merge_traces(t for t in traces if not t.is_param)))
            return
        params = {t.origin for t in traces if t.is_param}
        if summary is None or not params or len(platforms) + len(params) < 2 or sum(1 for s in sides if s) < 2:
            return
        old = summary.comparisons.get(id(at.node))
        if old is not None and len(old.sides) == len(sides):
            sides = [[*before, *now] for before, now in zip(old.sides, sides)]
        summary.comparisons[id(at.node)] = Comparison(category, what, at, tuple(merge_traces(s) for s in sides))

    def reached(self, summary: Summary | None, pending: Pending, trace: Trace,
                after: tuple[Step, ...]) -> None:
        """``trace``'s data reaches ``pending``'s sink along its own steps and then ``after``."""
        if not pending.applies_to(trace):
            return
        if trace.is_param:
            if summary is not None:
                summary.add_pending(trace.origin, pending, trace.steps, after)
            return
        steps = trace.steps + after
        if pending.category == LIMIT:
            self._limit(pending.sink, pending.sink_label)
            return
        if pending.category.startswith(USE):
            kind, detail = pending.category[len(USE):].split(":", 1)
            self._use(kind, trace.platform, pending.sink_label, detail, trace.source, pending.sink)
            return
        if pending.category == KEPT:  # a helper's output kept what this data's meeting inferred
            inference = trace.inference
            if inference is None or inference.category in trace.reached:
                return
            pending = Pending("", inference.label, inference.category, (inference.meeting,), inference.meeting)
        self._use("derive", trace.platform, pending.category, pending.sink_label, trace.source, pending.sink)
        rule = self.pack.rule_for_category(pending.category)
        if rule is not None:
            self._draft(rule.code, trace, pending.sink_label, pending.sink, steps)

    def collection(self, at: Step, source: Source, trace: Trace) -> None:
        """Sources that are themselves violations (unofficial scrapers and clients) are reported
        where they collect: once per module and library, at the first call, the others as
        further flows."""
        self.collected(at, source, trace)
        rule = self.pack.rule_collecting(source.kind)
        if rule is not None:
            library = source.package or source.id
            self._draft(rule.code, trace, library, None, trace.steps, (at.module.name, library))

    def collected(self, at: Step, source: Source, trace: Trace) -> None:
        """A use for the map: ``source``'s data enters the program at ``at`` (a call, or a
        registered callback's parameters)."""
        self._use("source", trace.platform, trace.source, source.id, trace.source, at)

    def _draft(self, code: str, trace: Trace, sink_label: str, sink: Step | None, steps: tuple[Step, ...],
               where: tuple[object, ...] | None = None) -> None:
        unit = self._tracker.current
        if unit is None:
            return
        drafts = self._by_unit.setdefault(unit, {})
        key = (*(where or (sink.module.name, sink.node)), code, trace.platform)  # type: ignore[union-attr]
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = _Draft(code, trace.platform, sink_label, sink)
        if steps in draft.flows:
            return
        if len(draft.flows) >= 4 * MAX_FLOWS:  # a finding shows the shortest MAX_FLOWS: keep the shortest
            longest = max(draft.flows, key=len)
            if len(steps) >= len(longest):
                return
            del draft.flows[longest]
        draft.flows[steps] = trace.source

    def _use(self, kind: str, platform: str, name: str, detail: str, source: str, at: Step) -> None:
        unit = self._tracker.current
        if unit is not None and platform:
            key = (kind, platform, name, detail, source, at.module.name, at.node)
            self._uses_by_unit.setdefault(unit, {})[key] = (kind, platform, name, detail, source, at)

    def uses(self, units: Iterable[Unit]) -> list[Use]:
        """The uses of ``units`` (those still in use), located, one per call and what it does."""
        found = {key: use for unit in units for key, use in self._uses_by_unit.get(unit, {}).items()}
        renderer = FlowRenderer(use[-1] for use in found.values())
        located = set()
        for kind, platform, name, detail, source, at in found.values():
            hop = renderer.hop(at)
            located.add(Use(kind, platform, name, detail, source, hop.path, hop.line, hop.column))
        return sorted(located, key=Use.sort_key)

    def findings(self, units: Iterable[Unit]) -> list[Finding]:
        """The findings of ``units`` (those still in use), located, merged per sink, rule and platform."""
        merged: dict[tuple[object, ...], _Draft] = {}
        for unit in units:
            for key, draft in self._by_unit.get(unit, {}).items():
                into = merged.setdefault(key, _Draft(draft.code, draft.platform, draft.sink_label, draft.sink))
                for steps, source in draft.flows.items():
                    into.flows.setdefault(steps, source)
        renderer = FlowRenderer(s for d in merged.values() for s in (*(x for f in d.flows for x in f),
                                                                      *((d.sink,) if d.sink else ())))
        return sorted((self._finding(d, renderer) for d in merged.values()), key=Finding.sort_key)

    def _finding(self, draft: _Draft, renderer: FlowRenderer) -> Finding:
        rule = self.pack.rules[draft.code]
        located = {renderer.flow(steps): source for steps, source in draft.flows.items()}
        ordered = sorted(located, key=lambda flow: (len(flow), [(h.path, h.line, h.column) for h in flow]))
        primary = located[ordered[0]]
        platform = self.pack.platforms[draft.platform]
        message = rule.message.format_map(_Defaulting(platform=platform.name, source=primary, sink=draft.sink_label))
        clauses = tuple(c.id for c in self.pack.clauses_for(rule, draft.platform))
        if draft.sink is None:  # the earliest collecting call
            ordered.sort(key=lambda flow: (flow[0].line, flow[0].column))
            at = ordered[0][0]
        else:
            at = renderer.hop(draft.sink)
        return Finding(at.path, at.line, at.column, rule.code, message, rule.severity, draft.platform,
                       rule.sink_category, clauses, tuple(ordered[:MAX_FLOWS]), at.end_line, at.end_column)


class _Defaulting(dict):  # type: ignore[type-arg]
    """Leaves unknown ``{placeholders}`` of a rule's message as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
