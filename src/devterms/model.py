"""The nouns every part of devterms shares: a hop of a flow, a finding, a diagnostic.

They are plain frozen values so that the engine can return them, the cache can store them and
each reporter can print them without knowing where they came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Hop:
    """One step of a flow: where it happened (file, 1-based line, 0-based column) and what."""

    path: str
    line: int
    column: int
    note: str


@dataclass(frozen=True, slots=True)
class Finding:
    """Platform data that reaches a sink, reported at ``path:line:column``.

    ``flow`` runs from the source to the sink; its last hop is the sink call itself, which may lie
    in another file than ``path`` when the finding is reported at the call that leads there.
    """

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: str
    platform: str
    sink_category: str
    clauses: tuple[str, ...]
    flow: tuple[Hop, ...]

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A file devterms could not analyse (``DT000``): unparsable, undecodable or over budget."""

    path: str
    line: int
    column: int
    message: str
    code: str = field(default="DT000")
