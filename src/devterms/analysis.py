"""Parse what can matter and run the engine over it, for :mod:`devterms.checker` when an
answer is in none of its caches; every problem on the way becomes a diagnostic on its file.

A module of its own so that a warm run never imports libcst or the engine.
"""

from __future__ import annotations

import time

from devterms.engine.module import ModuleState
from devterms.engine.run import BudgetExceeded, ProjectRun
from devterms.pack.index import Knowledge
from devterms.model import Diagnostic, Finding, Use
from devterms.parsing import Parsed, parse_source
from devterms.modules import ModuleGraph, SourceFile
from devterms.reading import Progress
from devterms.pack.types import RulePack


def run_engine(pack: RulePack, knowledge: Knowledge, sources: list[SourceFile], budget: int,
               deadline: tuple[float, float], modes: tuple[bool, bool],
               progress: Progress | None) -> tuple[list[Finding], list[Diagnostic], list[Use], bool, set[str]]:
    """Pre-screen, parse what can matter, run the engine; problems become diagnostics.

    The modules that name a source or a sink are analysed first; the engine loads other
    modules as flows reach them and widens to importers as platform things leave modules
    (see :mod:`devterms.engine.run`). ``prescreen=False`` analyses every module from the start.
    Past the ``deadline`` (monotonic time, timeout in seconds) no module is loaded or run any
    more, and each one left gets a DT000 naming the timeout; the last value says if that happened.
    ``modes``: (prescreen, inventory); with inventory, modules that only collect are analysed too.
    The last value names the files the engine read (by display path): of every other file only
    its name, its pre-screen and its import lines played a part, so a change elsewhere in those
    cannot change the answer (:mod:`devterms.checker` reuses it then).
    """
    prescreen, inventory = modes
    project = ModuleGraph(sources)
    diagnostics: list[Diagnostic] = []
    parsed: dict[str, ModuleState | None] = {}
    run = _TimedRun(pack, knowledge, project, budget, load=lambda name: parse(name), deadline=deadline[0])
    out_of_time = f"not analysed: the run timeout of {deadline[1]:g} s was reached (--timeout, timeout)"

    def parse(name: str) -> ModuleState | None:
        if name not in parsed:
            if run.out_of_time():
                diagnostics.append(Diagnostic(project.files[name].display, 1, 0, out_of_time))
                parsed[name] = None
                return None
            parsed[name] = _parse(project.files[name], diagnostics)
            if progress is not None:
                progress("analysing", len(parsed), len(project.files))
        return parsed[name]

    try:
        run.analyse(_named(project, inventory) if prescreen else set(project.files), widen=prescreen)
        cut_short: set[str] = set()
    except BudgetExceeded:  # out of time between two modules (in a deferred summary)
        if not run.timed_out:
            raise
        cut_short = set(run.modules) - set(run.failed) - run.unsettled
    for name, problem in sorted(run.failed.items()):
        why = out_of_time if name in run.stopped else problem
        diagnostics.append(Diagnostic(project.files[name].display, 1, 0, why))
    for name in sorted(cut_short):
        diagnostics.append(Diagnostic(project.files[name].display, 1, 0,
                                      out_of_time + "; findings through this module may be missing"))
    for name in sorted(run.unsettled):
        diagnostics.append(Diagnostic(project.files[name].display, 1, 0,
                                      "analysis did not settle; findings through this module may be missing"))
    diagnostics.extend(run.limits())
    read = {project.files[name].display for name in parsed}
    return run.findings(), diagnostics, run.uses() if inventory else [], run.timed_out, read  # uses are the map's: placing them costs a pass per module


class _TimedRun(ProjectRun):
    """The engine's run, stopped at a wall-clock deadline: a module running then is stopped as
    if out of budget (and said to be out of time), and no later module runs."""

    _EVERY = 64  # ticks between looks at the clock (a step can be slow: yt_dlp overran by 60 s at 4,096)

    def __init__(self, *args: object, deadline: float, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._deadline = deadline
        self._ticks = 0
        self.timed_out = False
        self._failed_in_time: frozenset[str] | None = None

    def out_of_time(self) -> bool:
        if not self.timed_out and time.monotonic() > self._deadline:
            self.timed_out = True
            self._failed_in_time = frozenset(self.failed)
        return self.timed_out

    @property
    def stopped(self) -> frozenset[str]:
        """Modules that failed because the time ran out, not for a reason of their own."""
        if self._failed_in_time is None:
            return frozenset()
        return frozenset(self.failed) - self._failed_in_time

    def tick(self) -> None:
        super().tick()
        self._ticks += 1
        if self.timed_out or (not self._ticks % self._EVERY and self.out_of_time()):
            raise BudgetExceeded


def _named(project: ModuleGraph, inventory: bool = False) -> set[str]:
    """Modules naming a source or a sink. A flow needs both somewhere in the project, so a
    project naming only one kind (a library mentioning ``.gov`` domains) has nothing to
    analyse, unless it calls an unofficial scraper, which is reported at the call itself.
    The map (``inventory``) follows every collection of platform data, so sources suffice."""
    def naming(kind: str) -> set[str]:
        return {n for n, f in project.files.items() if kind in f.names}

    scrapers = naming("scraper")
    sinks = naming("sink")
    sources = naming("source") | scrapers if sinks or inventory else set()
    if inventory:
        return sources | sinks if sources else scrapers
    return sources | sinks if sources and sinks else scrapers


def _parse(source: SourceFile, diagnostics: list[Diagnostic]) -> ModuleState | None:
    parsed = parse_source(source.text)
    if isinstance(parsed, Parsed):
        return ModuleState(source, parsed.tree, parsed.translation)
    line, column, problem = parsed
    diagnostics.append(Diagnostic(source.display, line, column, problem))
    return None
