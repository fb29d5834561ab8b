"""Steps of a flow as the engine records them, and the hops a report shows.

While analysing, a step is only the node it happened at and a note: computing positions costs
more than parsing, and most steps belong to flows that are never reported. When findings are
made, :class:`FlowRenderer` locates the steps of their flows (one position pass per module that
has any), merges steps on one line into one hop and shortens very long flows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import libcst as cst

from devterms.engine.positions import node_ranges
from devterms.model import Flow, Hop

if TYPE_CHECKING:
    from devterms.engine.module import ModuleState

MAX_HOPS = 16
MAX_NOTE = 160
SINK_NOTE = "reaches"


@dataclass(frozen=True, slots=True, eq=False)
class Step:
    """Something that happened to data at ``node`` of ``module``, inside its top-level
    statement number ``top`` (so that only the statements holding steps need locating)."""

    module: ModuleState
    node: cst.CSTNode
    note: str
    top: int


class FlowRenderer:
    """Turns steps into located hops; positions are computed once per module, on demand."""

    def __init__(self, steps: Iterable[Step]) -> None:
        """``steps``: every step that will be shown (they say which statements to locate)."""
        wanted: dict[str, tuple[ModuleState, set[int]]] = {}
        for step in steps:
            wanted.setdefault(step.module.name, (step.module, set()))[1].add(step.top)
        self._ranges = {name: node_ranges(module.tree, tops) for name, (module, tops) in wanted.items()}

    def hop(self, step: Step) -> Hop:
        ranges = self._ranges.get(step.module.name, {})
        start, end = ranges.get(step.node, ((1, 0), (1, 0)))
        translation = step.module.translation
        if translation is not None:  # legacy code: back to the file's own lines and columns
            start, end = translation.position(start), translation.position(end)
        (line, column), (end_line, end_column) = start, end
        return Hop(step.module.display, line, column, step.note, end_line, end_column)

    def flow(self, steps: Iterable[Step]) -> Flow:
        """Located hops, one per line (a sink always stands on its own), at most :data:`MAX_HOPS`
        (the first three and the last ones; the first of those says that some are not shown)."""
        hops: list[Hop] = []
        for step in steps:
            hop = self.hop(step)
            last = hops[-1] if hops else None
            if last is not None and (last.path, last.line) == (hop.path, hop.line) \
                    and not hop.note.startswith(SINK_NOTE):
                if hop.note and hop.note not in last.note and len(last.note) < MAX_NOTE:
                    hops[-1] = Hop(last.path, last.line, last.column, f"{last.note}; {hop.note}",
                                   last.end_line, last.end_column)
                continue
            hops.append(hop)
        if len(hops) > MAX_HOPS:  # keep where it started and where it arrived, and say so
            shown = hops[-(MAX_HOPS - 3):]
            first = shown[0]
            elided = f"(at least {len(hops) - MAX_HOPS} earlier steps not shown) {first.note}".rstrip()
            hops = [*hops[:3], Hop(first.path, first.line, first.column, elided, first.end_line, first.end_column),
                    *shown[1:]]
        return tuple(hops)
