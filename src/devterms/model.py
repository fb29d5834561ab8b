"""The nouns every part of devterms shares: a hop of a flow, a finding, a diagnostic.

They are plain frozen values so that the engine can return them, the cache can store them and
each reporter can print them without knowing where they came from.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Hop:
    """One step of a flow: where it happened (file, 1-based line, 0-based column) and what."""

    path: str
    line: int
    column: int
    note: str
    end_line: int = 0  # where the hop's code ends; 0 when not known
    end_column: int = 0


Flow = tuple[Hop, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """Platform data that reaches a sink, reported at the sink call ``path:line:column``.

    ``flows`` holds each distinct path from a source to the sink, the shortest first; a path
    runs from the source call to the sink call, through every step and every call that hands
    the data on (the entry calls).
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
    flows: tuple[Flow, ...]
    end_line: int = 0
    end_column: int = 0

    @property
    def flow(self) -> Flow:
        """The primary (shortest) flow."""
        return self.flows[0] if self.flows else ()

    def touches(self, paths: Container[str]) -> bool:
        """Whether the sink or a hop of one of the flows lies in one of ``paths``."""
        return self.path in paths or any(hop.path in paths for flow in self.flows for hop in flow)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)


@dataclass(frozen=True, slots=True)
class Use:
    """A use of platform data, for the map (``devterms map``); never a finding by itself.

    ``kind`` is ``source`` (``platform``'s data collected by the call ``name``), ``store``
    (written to ``name``: a file template, a table or a key; ``detail``: files, tables or
    cache), ``send`` (sent to the host ``name``) or ``derive`` (``name``: the category of what is
    derived, ``detail``: the call that derives it). ``source`` is the call the data came from;
    the use sits at ``path:line:column``, the call that does it.
    """

    kind: str
    platform: str
    name: str
    detail: str
    source: str
    path: str
    line: int
    column: int

    def sort_key(self) -> tuple[str, str, str, str, int, int, str, str]:
        return (self.platform, self.kind, self.name, self.path, self.line, self.column, self.detail, self.source)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A file devterms could not analyse (``DT000``): unparsable, undecodable or over budget."""

    path: str
    line: int
    column: int
    message: str
    code: str = field(default="DT000")
