"""The scheduler: one analysis of a project, run to a fixpoint, widened as flows leave modules.

Every module in view is a unit (:mod:`devterms.engine.tracking`): its top level runs, then the
summary of each function it defines, in the default binding. A pass runs the units that have
never run or whose recorded reads changed, in import order; passes repeat until one runs
nothing. Then, if platform data, a platform client or a platform URL leaves a module (returned
by a function, held by a global or attribute), the modules importing it join, and so do the
importers of every module in view once platform data is written to disk; passes continue with
them, reusing everything already computed. Another project module is also loaded on the spot
when a call hands it platform data.

This class implements :class:`devterms.engine.protocols.Run` for the interpreter by delegating
to the parts that do the work: definitions (:mod:`.objects`, :mod:`.defining`), attributes,
project calls, summaries, library effects (:mod:`.calls`), files and tables (:mod:`.storage`),
findings (:mod:`.findings`); which modules join is :mod:`.widening`'s answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import libcst as cst

from devterms.engine.attributes import Attributes
from devterms.engine.binding import parameter_env
from devterms.engine.calling import ProjectCalls
from devterms.engine.calls import CallHandler
from devterms.engine.defining import define_class, define_function
from devterms.engine.frame import Frame
from devterms.engine.heap import Heap
from devterms.engine.meetings import Meetings
from devterms.engine.module import ModuleState
from devterms.engine.objects import ClassInfo, Definitions, FunctionInfo
from devterms.engine.scope import Scope
from devterms.engine.findings import Reporter
from devterms.engine.sites import CallSite
from devterms.engine.storage import Persistence
from devterms.engine.summaries import Summaries, Summary
from devterms.engine.tracking import Tracker, Unit
from devterms.engine.widening import Widening
from devterms.pack.index import Knowledge
from devterms.model import Diagnostic, Finding, Use
from devterms.pack.types import RulePack
from devterms.modules import ModuleGraph
from devterms.values import Value, parent_folder

MAX_RUNS = 12  # runs of one module before it is taken as settled (and said so)


class BudgetExceeded(Exception):
    """The per-module work budget ran out; the module gets a DT000 diagnostic instead.

    Work is counted in steps (statements and calls interpreted), not seconds, so the answer is
    the same on a busy machine as on an idle one and can be cached."""


class ProjectRun:
    def __init__(self, pack: RulePack, knowledge: Knowledge, project: ModuleGraph, budget: int,
                 load: Callable[[str], ModuleState | None]) -> None:
        self.pack = pack
        self.knowledge = knowledge
        self.project = project
        self._parse = load  # parses a project module (None: it cannot be analysed)
        self._budget = budget
        self._steps_left = budget
        self.tracker = Tracker()
        self.heap = Heap(self.tracker)
        self.persistence = Persistence(self.tracker)
        self.definitions = Definitions(self.tracker, frozenset(n.split(".", 1)[0] for n in project.files))
        self.reporter = Reporter(pack, self.tracker)
        self.meetings = Meetings(pack, knowledge, self.reporter)
        self.summaries = Summaries(self.tracker, self._interpret)
        self.project_calls = ProjectCalls(pack, self.definitions, self.summaries, self.reporter,
                                          self.persistence, self.heap, self._load_for)
        self.attributes = Attributes(self.heap, self.definitions, self.project_calls)
        self.library = CallHandler(self)
        self.widening = Widening(project, knowledge, self.definitions, self.summaries, self.heap, self.persistence)
        self.modules: dict[str, ModuleState] = {}
        self._units: dict[str, Unit] = {}
        self.failed: dict[str, str] = {}  # module -> why it was not analysed
        self.unsettled: set[str] = set()
        self._unloadable: set[str] = set()  # modules that could not be parsed (or were not, out of time)

    # ------------------------------------------------------------ the fixpoint

    def analyse(self, names: Iterable[str], widen: bool = True) -> None:
        """Analyse ``names`` (and what flows reach) until nothing read changes any more."""
        for name in sorted(names):
            self._add(name)
        while True:
            ran = self.summaries.compute_deferred(lambda info, work: self._within_budget(info.module.name, work))
            for module in self._in_import_order():
                unit = self._units[module.name]
                if module.name in self.failed or module.name in self.unsettled:
                    continue
                if unit.runs == 0 or not self._current(module.name, unit):
                    if unit.runs >= MAX_RUNS:
                        self.unsettled.add(module.name)
                        continue
                    self._run_module(module)
                    ran = True
            if ran:
                continue
            joining = self.widening.importers_to_add(set(self.modules), {*self.failed, *self._unloadable}) \
                if widen else set()
            if not joining:
                return
            for name in sorted(joining):
                self._add(name)

    def findings(self) -> list[Finding]:
        """The findings of every unit still in use, located (positions are computed here)."""
        failed = {self.modules[n].display for n in self.failed}
        found = self.reporter.findings(self._live_units())
        return [f for f in found if f.path not in failed]

    def limits(self) -> list[Diagnostic]:
        """DT000 diagnostics for the analysis limits reached (one per file)."""
        failed = {self.modules[n].display for n in self.failed}
        return [d for d in self.reporter.limits(self._live_units()) if d.path not in failed]

    def uses(self) -> list[Use]:
        """What platform data is collected, stored, sent and derived, for the map."""
        failed = {self.modules[n].display for n in self.failed}
        return [u for u in self.reporter.uses(self._live_units()) if u.path not in failed]

    def _live_units(self) -> list[Unit]:
        live: dict[int, Unit] = {}
        stack = [self._units[n] for n in self.modules if n not in self.failed]
        while stack:
            unit = stack.pop()
            if id(unit) in live:
                continue
            live[id(unit)] = unit
            for fact in unit.reads:
                used = self.summaries.unit_of(fact)
                if used is not None:
                    stack.append(used)
        return list(live.values())

    def _current(self, module: str, unit: Unit) -> bool:
        """Whether ``unit`` is current; checking it recomputes summaries, within the module's budget."""
        answer = [True]
        self._within_budget(module, lambda: answer.__setitem__(0, self.summaries.current(unit)))
        return answer[0] or module in self.failed

    def _add(self, name: str) -> ModuleState | None:
        if name in self.modules or name not in self.project.files:
            return self.modules.get(name)
        if name in self._unloadable:
            return None
        module = self._parse(name)
        if module is None:
            self._unloadable.add(name)
            return None
        self.modules[name] = module
        self._units[name] = Unit(f"module {name}")
        return module

    def _in_import_order(self) -> list[ModuleState]:
        ordered: list[ModuleState] = []
        seen: set[str] = set()

        def visit(name: str) -> None:
            if name in seen or name not in self.modules:
                return
            seen.add(name)
            for dependency in sorted(self.modules[name].source.imports):
                visit(dependency)
            ordered.append(self.modules[name])

        for name in sorted(self.modules):
            visit(name)
        return ordered

    def _run_module(self, module: ModuleState) -> None:
        def work() -> None:
            with self.tracker.running(self._units[module.name]):
                Frame(self, module, module.name).run_module()
                done: set[str] = set()
                while pending := [f for f in self.definitions.functions_of(module.name) if f.qualname not in done]:
                    for info in pending:  # summarising a function defines the ones nested in it
                        done.add(info.qualname)
                        self.summaries.summary_for(info, self.project_calls.default_binding(info))

        self._within_budget(module.name, work)

    def _within_budget(self, module: str, work: Callable[[], None]) -> None:
        """Do ``work`` of ``module`` with a fresh budget; running out of it fails that module."""
        saved, self._steps_left = self._steps_left, self._budget
        try:
            work()
        except BudgetExceeded:
            self.failed[module] = f"analysis stopped at its budget of {self._budget:,} steps; skipped"
        except RecursionError:
            self.failed[module] = "nested too deeply to analyse; skipped"
        finally:
            self._steps_left = saved

    def _interpret(self, info: FunctionInfo, binding: dict[str, Value], summary: Summary) -> None:
        """Run a function body with its parameters standing for what callers pass."""
        env = parameter_env(info, binding)
        body = Frame(self, info.module, info.qualname, function=info, summary=summary, env=env,
                     parent=info.outer)
        if isinstance(info.node, cst.Lambda):
            summary.ret = body.eval(info.node.body)
        else:
            body.run_block(body.body_of(info.node.body))


    def _load_for(self, site: CallSite, path: str) -> bool:
        """Load the project module ``path`` lives in, if it is not loaded yet and the call
        hands it platform data: a module no flow enters cannot change an answer."""
        if not any(v.traces for v in (site.callee, *site.arg_values)):
            return False
        parts = path.replace("()", "").split(".")
        for end in range(len(parts) - 1, 0, -1):
            name = ".".join(parts[:end])
            if name in self.modules:
                return False
            if name in self.project.files:
                return self._load_module(name)
        return False

    def _load_module(self, name: str) -> bool:
        """Parse and run the project module ``name`` now; whether it could be loaded."""
        module = self._add(name)
        if module is None:
            return False
        self._run_module(module)
        return True

    # ------------------------------------------------------------ the Run protocol

    def tick(self) -> None:
        """One step of work (a statement or a call) in the module being run."""
        self._steps_left -= 1
        if self._steps_left < 0:
            raise BudgetExceeded

    def resolve_module(self, dotted: str, module: ModuleState) -> str | None:
        return self.project.resolve_module(dotted, module.source)

    def absolute(self, module: str, level: int, importer: ModuleState) -> str:
        return self.project.absolute(module, level, importer.source)

    def define_function(self, scope: Scope, node: cst.FunctionDef | cst.Lambda,
                        registered_by: list[str] | None = None) -> FunctionInfo:
        return define_function(self.knowledge, self.definitions, scope, node, registered_by)

    def define_class(self, scope: Scope, node: cst.ClassDef, bases: list[str]) -> ClassInfo:
        return define_class(self.definitions, scope, node, bases)

    def deref(self, value: Value) -> Value:
        """What an imported name holds. A constant (an UPPER_CASE name, as PEP 8 spells them)
        of a module the pre-screen left out is loaded now: a settings module naming only folders
        and options decides where data is written and read."""
        for path in value.paths:
            module, _, name = path.rpartition(".")
            if name.isupper() and module not in self.modules and module in self.project.files:
                self._load_module(module)
        return self.attributes.deref(value)

    def load_attribute(self, scope: Scope, owner: Value, attr: str, node: cst.CSTNode) -> Value:
        value = self.attributes.load(scope, owner, attr, node)
        if owner.text is not None and attr in self.knowledge.folder_attributes and any(
                (b := self.knowledge.path_builder(f"{p}.{attr}")) is not None and b.kind == "takes-folder"
                for p in owner.paths):
            return Value(owner.paths, value.traces, parent_folder(owner.text))  # Path(__file__).parent: a Path
        return value

    def store_attribute(self, scope: Scope, owner: Value, attr: str, value: Value) -> None:
        self.attributes.store(scope, owner, attr, value)

    def holds_fields(self, value: Value) -> bool:
        return self.attributes.holds_fields(value)

    def fields(self, value: Value) -> Value:
        return self.attributes.fields(value)

    def call(self, scope: Scope, node: cst.Call) -> Value:
        return self.library.call(scope, node)

    def call_project(self, scope: Scope, site: CallSite, path: str) -> Value | None:
        return self.project_calls.call(scope, site, path)

    def library_paths(self, path: str) -> list[str]:
        return self.definitions.library_paths(path)

    def model_of(self, value: Value) -> str | None:
        return self.definitions.model_of(value)
