"""Where flows end: findings at sinks, or pending flows for the caller of a summary.

A flow whose data entered the current function through a parameter is not a finding yet: it is
recorded on the function's summary and reported where a caller binds that parameter to
platform data. A flow of concrete platform data becomes a finding at once, located at the
sink call (or at the call that hands the data to the function holding the sink).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from devterms.engine.state import Pending
from devterms.model import Finding, Hop
from devterms.rulepack import RulePack, Source
from devterms.values import Trace, Value

if TYPE_CHECKING:
    from devterms.engine.frame import Frame


class Reporter:
    def __init__(self, pack: RulePack, explain: bool) -> None:
        self.pack = pack
        self.explain = explain  # False: only learn whether there is anything to report
        self.found_any = False
        self._found: dict[tuple[str, int, int, str, str], Finding] = {}

    def start_round(self) -> None:
        self._found = {}

    def findings(self) -> list[Finding]:
        return sorted(self._found.values(), key=Finding.sort_key)

    def sink(self, frame: Frame, node: cst.CSTNode, category: str, what: str, data: Value) -> None:
        """``data`` reaches a sink of ``category`` at ``node``."""
        sink_hop = frame.module.hop(node, f"reaches {what}")
        for trace in data.traces:
            self.reached(frame, node, category, what, trace, trace.hops + (sink_hop,))

    def reached(self, frame: Frame, node: cst.CSTNode, category: str, what: str,
                trace: Trace, flow: tuple[Hop, ...]) -> None:
        if trace.is_param:
            if frame.summary is not None:
                frame.summary.pending.append(Pending(trace.origin, what, category, flow))
            return
        rule = self.pack.rule_for_category(category)
        if rule is not None:
            self._emit(frame, node, rule.code, trace, what, flow)

    def collection(self, frame: Frame, node: cst.CSTNode, source: Source, trace: Trace) -> None:
        """Sources that are themselves violations (unofficial scrapers) report at collection."""
        if source.kind != "scraper":
            return
        rule = self.pack.rule_for_category("scraping")
        if rule is not None:
            self._emit(frame, node, rule.code, trace, trace.source, trace.hops)

    def _emit(self, frame: Frame, node: cst.CSTNode, code: str, trace: Trace, what: str,
              flow: tuple[Hop, ...]) -> None:
        self.found_any = True
        if not self.explain:
            return
        rule = self.pack.rules[code]
        platform = self.pack.platforms[trace.platform]
        line, column = frame.module.position(node)
        message = rule.message.format_map(
            _Defaulting(platform=platform.name, source=trace.source, sink=what))
        clauses = tuple(c.id for c in self.pack.clauses_for(rule, trace.platform))
        finding = Finding(frame.module.display, line, column, rule.code, message, rule.severity,
                          trace.platform, rule.sink_category, clauses, (flow,))
        key = (finding.path, finding.line, finding.column, finding.code, finding.platform)
        old = self._found.get(key)
        if old is None or len(finding.flow) < len(old.flow):  # one per place; the shortest flow
            self._found[key] = finding


class _Defaulting(dict):  # type: ignore[type-arg]
    """Leaves unknown ``{placeholders}`` of a rule's message as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
