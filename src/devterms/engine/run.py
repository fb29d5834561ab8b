"""One analysis of a project: modules run in import order, round after round, to a fixpoint.

Each round executes every relevant module's top level, then summarises every function it
defines (parameters stand for whatever a caller will pass). Calls into the project apply the
callee's summary for the calling context (what the arguments *are*: their call paths and
string templates), so a client object or a URL constant passed to a helper keeps its meaning.
Rounds repeat while the heap or any summary still changes, at most :data:`MAX_ROUNDS` times;
a summary needed while it is being computed (recursion) uses the previous round's.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from devterms.engine.binding import bind_arguments, defaults_of, param_prefix
from devterms.engine.calls import CallHandler, CallSite
from devterms.engine.frame import Frame
from devterms.engine.module import ModuleState, function_kind, function_params
from devterms.engine.reporting import Reporter
from devterms.engine.storage import Persistence
from devterms.engine.state import (
    ClassInfo, ContextKey, FunctionInfo, Heap, HeapWrite, Summary,
)
from devterms.knowledge import Knowledge
from devterms.model import Finding, Hop
from devterms.project import Project
from devterms.rulepack import RulePack
from devterms.values import NOTHING, Trace, Value, join, merge_traces

MAX_ROUNDS = 4
MAX_CONTEXTS = 8
MAX_CALL_DEPTH = 24


class BudgetExceeded(Exception):
    """The per-module work budget ran out; the module gets a DT000 diagnostic instead.

    Work is counted in steps (statements and calls interpreted), not seconds, so the answer is
    the same on a busy machine as on an idle one and can be cached."""


class ProjectRun:
    def __init__(self, pack: RulePack, knowledge: Knowledge, project: Project,
                 modules: list[ModuleState], budget: int, explain: bool = True,
                 load: Callable[[str], ModuleState | None] | None = None) -> None:
        self.pack = pack
        self.knowledge = knowledge
        self.project = project
        self.modules = {m.name: m for m in modules}
        self._load = load  # parses another project module, when a call needs it
        self.explain = explain
        self.reporter = Reporter(pack, explain)
        for module in modules:
            module.explain = explain
        self.heap = Heap()
        self.persistence = Persistence()
        self.calls = CallHandler(self)
        self.functions: dict[str, FunctionInfo] = {}
        self._functions_of: dict[str, dict[str, FunctionInfo]] = {}  # by module
        self.classes: dict[str, ClassInfo] = {}
        self._summaries: dict[ContextKey, Summary] = {}
        self._previous: dict[ContextKey, Summary] = {}
        self._contexts: dict[str, set[ContextKey]] = {}
        self._in_progress: set[ContextKey] = set()
        self._borrowed: dict[ContextKey, tuple[object, ...]] = {}  # previous-round summaries used
        self._budget = budget
        self._steps_left = budget
        self.failed: dict[str, str] = {}

    # ------------------------------------------------------------ the fixpoint

    def analyse(self) -> list[Finding]:
        """Run rounds until nothing read during a round changed after it was read."""
        for _ in range(MAX_ROUNDS):
            versions = (self.heap.version, self.persistence.version)
            self.reporter.start_round()
            self._previous, self._summaries, self._contexts = self._summaries, {}, {}
            self._borrowed = {}
            for module in self._in_import_order():
                self._run_module(module)
            stale = any(
                self._summaries.get(key, Summary()).fingerprint() != used
                for key, used in self._borrowed.items()
            )
            if (self.heap.version, self.persistence.version) == versions and not stale:
                break
        return self.reporter.findings()

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
        if module.name in self.failed:
            return
        self._steps_left = self._budget
        try:
            Frame(self, module, module.name).run_block(module.tree.body)
            done: set[str] = set()
            while pending := [f for q, f in self._functions_of.get(module.name, {}).items() if q not in done]:
                for info in pending:  # summarising a function defines the ones nested in it
                    done.add(info.qualname)
                    self.summary_for(info, self.default_binding(info))
        except BudgetExceeded:
            self.failed[module.name] = f"analysis stopped at its budget of {self._budget:,} steps; skipped"
        except RecursionError:
            self.failed[module.name] = "nested too deeply to analyse; skipped"

    def exporting_modules(self) -> set[str]:
        """Modules offering importers something towards a flow: platform data, or a platform
        client or URL (``GRAPH = "https://graph.facebook..."``), returned by one of their
        functions or held by one of their globals or attributes (files: see
        :meth:`wrote_platform_data`)."""
        found = {key[0] for key, summary in self._summaries.items()
                 if self._leads_to_platform(summary.ret)}
        modules = {self.functions[q].module.name for q in found if q in self.functions}
        for key in self.heap.keys():
            value = self.heap.get(key)
            if value is not None and self._leads_to_platform(value):
                modules.update(m for m in self.modules if key.startswith(m + "."))
        return modules

    def wrote_platform_data(self) -> bool:
        return bool(self.persistence.files or self.persistence.tables)

    def _leads_to_platform(self, value: Value) -> bool:
        if value.concrete_traces or self.knowledge.names_endpoint(value.text):
            return True
        return any(self.knowledge.names_client(path) for path in value.paths)

    def tick(self) -> None:
        """One step of work (a statement or a call) in the module being run."""
        self._steps_left -= 1
        if self._steps_left < 0:
            raise BudgetExceeded

    # ------------------------------------------------------------ definitions

    def define_function(self, frame: Frame, node: cst.FunctionDef | cst.Lambda,
                        registered_by: list[str] | None = None) -> FunctionInfo:
        if isinstance(node, cst.Lambda):
            qualname = f"{frame.qualname}.{frame.module.lambda_name(node)}"
        else:
            qualname = f"{frame.qualname}.{node.name.value}"
        if frame.function is not None and not isinstance(node, cst.Lambda):
            qualname = f"{frame.qualname}.<locals>.{node.name.value}"
        in_class = frame.class_info is not None and isinstance(node, cst.FunctionDef)
        info = FunctionInfo(
            qualname, node, frame.module, function_params(node),
            kind=function_kind(node, in_class) if isinstance(node, cst.FunctionDef) else "function",
            class_path=frame.class_info.qualname if in_class and frame.class_info else None,
            outer=frame,
        )
        overridden = [f"{base}.{node.name.value}" for base in frame.class_info.bases] if (
            in_class and frame.class_info and isinstance(node, cst.FunctionDef)) else []
        info.callback = self.knowledge.callback_source([*(registered_by or []), *overridden])
        for param, _kind in defaults_of(node):
            info.defaults[param.name.value] = frame.eval(param.default)  # type: ignore[arg-type]
        self.functions[qualname] = info
        self._functions_of.setdefault(frame.module.name, {})[qualname] = info
        if in_class and frame.class_info is not None and isinstance(node, cst.FunctionDef):
            frame.class_info.methods[node.name.value] = info
        return info

    def define_class(self, frame: Frame, node: cst.ClassDef, bases: list[str]) -> ClassInfo:
        qualname = f"{frame.qualname}.{node.name.value}"
        fields = [s.body[0].target.value for s in _body_statements(node)
                  if isinstance(s, cst.SimpleStatementLine) and isinstance(s.body[0], cst.AnnAssign)
                  and isinstance(s.body[0].target, cst.Name)]
        info = ClassInfo(qualname, frame.module, bases, fields=fields)
        self.classes[qualname] = info
        return info

    def resolve_module(self, dotted: str, module: ModuleState) -> str | None:
        return self.project.resolve_module(dotted, module.source)

    def method(self, class_path: str, name: str, depth: int = 0) -> FunctionInfo | None:
        info = self.classes.get(class_path)
        if info is None or depth > 16:
            return None
        if name in info.methods:
            return info.methods[name]
        for base in info.bases:
            found = self.method(base, name, depth + 1)
            if found is not None:
                return found
        return None

    # ------------------------------------------------------------ attributes

    def deref(self, value: Value) -> Value:
        """What an imported name holds, once the module defining it has run."""
        stored = [s for s in (self.heap.get(p) for p in value.paths) if s is not None]
        return join(*stored) if stored else value

    def load_attribute(self, frame: Frame, owner: Value, attr: str, node: cst.CSTNode) -> Value:
        """``owner.attr``: what the heap holds for it (module global, class or instance
        attribute, property), carrying the owner's data too."""
        part = owner.part(attr)
        if part is not None:  # a field of an instance built in view
            return part
        keys = set()
        found = []
        for path in owner.paths:
            prop = self.method(path[:-2], attr) if path.endswith("()") else None
            if prop is not None and prop.kind == "property":
                site = CallSite(node, Value(frozenset({path})), [], {})  # type: ignore[arg-type]
                found.append(self._apply(frame, site, prop, Value(frozenset({path}))))
                continue
            keys.add(f"{path}.{attr}")
            stored = None if owner.parts is not None else self.heap.get(f"{path}.{attr}")
            if stored is None and path.endswith("()"):
                stored = self.heap.get(f"{path[:-2]}.{attr}")  # a class attribute or default
            if stored is not None:
                found.append(stored)
        held = join(*found)
        return Value(frozenset(keys) | held.paths, merge_traces((*held.traces, *owner.traces)),
                     held.text)

    def store_attribute(self, frame: Frame, owner: Value, attr: str, value: Value) -> None:
        for path in owner.paths:
            key = f"{path}.{attr}"
            concrete = Value(value.paths, value.concrete_traces, value.text)
            if concrete != NOTHING:
                self.heap.store(key, concrete)
            if frame.summary is not None and frame.function is not None:
                prefix = param_prefix(frame.function)
                for trace in value.traces:
                    if trace.origin.startswith(prefix):
                        frame.summary.heap_writes.append(HeapWrite(key, trace.origin, trace.hops))

    # ------------------------------------------------------------ calls

    def call_project(self, frame: Frame, site: CallSite, path: str) -> Value | None:
        """Apply the project's own function, method or class that ``path`` names, if any."""
        result = self._call_known(frame, site, path)
        if result is None and self._load_for(site, path):
            result = self._call_known(frame, site, path)
        return result

    def _load_for(self, site: CallSite, path: str) -> bool:
        """Load the project module ``path`` lives in, if it is not loaded yet and the call
        hands it platform data: a module no flow enters cannot change an answer."""
        if self._load is None or not any(v.traces for v in (site.callee, *site.arg_values)):
            return False
        parts = path.replace("()", "").split(".")
        for end in range(len(parts) - 1, 0, -1):
            name = ".".join(parts[:end])
            if name in self.modules:
                return False
            if name in self.project.files:
                module = self._load(name)
                if module is None:
                    return False
                module.explain = self.explain
                self.modules[name] = module
                Frame(self, module, module.name).run_block(module.tree.body)
                return True
        return False

    def _call_known(self, frame: Frame, site: CallSite, path: str) -> Value | None:
        if path in self.functions:
            info = self.functions[path]
            if info.kind == "classmethod" and info.class_path:
                return self._apply(frame, site, info, Value(frozenset({info.class_path})))
            return self._apply(frame, site, info, None)
        if path in self.classes:
            instance = Value(frozenset({path + "()"}))
            init = self.method(path, "__init__")
            if init is not None:
                self._apply(frame, site, init, instance)
                return instance
            return self._init_fields(path, site)
        if path.endswith("()") and path[:-2] in self.classes:  # calling an instance
            call = self.method(path[:-2], "__call__")
            return self._apply(frame, site, call, Value(frozenset({path}))) if call else None
        owner, dot, name = path.rpartition(".")
        if dot and owner.endswith("()"):
            info = self.method(owner[:-2], name)
            if info is not None:
                bound = None if info.kind == "staticmethod" else Value(frozenset({owner}))
                if info.kind == "classmethod":
                    bound = Value(frozenset({owner[:-2]}))
                return self._apply(frame, site, info, bound)
            if name == "__call__" or owner[:-2] in self.classes:
                return None
        return None

    def _init_fields(self, class_path: str, site: CallSite) -> Value:
        """A class without ``__init__`` (a dataclass, a NamedTuple) stores its arguments as
        the fields its body declares: on the heap for its methods, and in the instance's parts
        so that reading a field of this instance does not see another instance's."""
        fields = self.classes[class_path].fields
        values = dict(zip(fields, site.positional))
        values.update((k, v) for k, v in site.keywords.items() if k in fields)
        for name, value in values.items():
            self.heap.store(f"{class_path}().{name}", Value(value.paths, value.concrete_traces, value.text))
        instance = frozenset({class_path + "()"})
        if not fields:
            return Value(instance)
        return Value(instance, parts=tuple(values.items()))

    def _apply(self, frame: Frame, site: CallSite, info: FunctionInfo, bound: Value | None) -> Value:
        binding = bind_arguments(info, site, bound)
        summary = self.summary_for(info, binding)
        prefix = param_prefix(info)

        def entry(name: str) -> Hop:
            return frame.module.hop(site.node, f"passed as `{name}` to {info.short}()")

        def substitute(value: Value) -> Value:
            traces = []
            for trace in value.traces:
                if trace.origin.startswith(prefix):
                    name = trace.origin[len(prefix):]
                    for outer in binding.get(name, NOTHING).traces:
                        traces.append(outer.extended((entry(name), *trace.hops)))
                elif trace.is_param:
                    traces.append(trace)
                else:
                    hop = frame.module.hop(site.node, f"returned by {info.short}()")
                    traces.append(trace.extended((hop,)))
            parts = None if value.parts is None else tuple((k, substitute(v)) for k, v in value.parts)
            return Value(value.paths, merge_traces(traces), value.text, parts)

        for pending in summary.pending:
            name = pending.param[len(prefix):]
            for outer in binding.get(name, NOTHING).traces:
                flow = outer.hops + (entry(name),) + pending.hops
                self.reporter.reached(frame, site.node, pending.category, pending.sink_label, outer, flow)
        for file_write in summary.file_writes:
            name = file_write.param[len(prefix):]
            data = binding.get(name, NOTHING)
            self.persistence.store_traces(file_write.template, [
                t.extended((entry(name), *file_write.hops)) for t in data.concrete_traces])
        for write in summary.heap_writes:
            name = write.param[len(prefix):]
            data = binding.get(name, NOTHING)
            traces_in = [t.extended((entry(name), *write.hops)) for t in data.concrete_traces]
            if traces_in:
                self.heap.store(write.key, Value(traces=merge_traces(traces_in)))
        return substitute(summary.ret)

    def default_binding(self, info: FunctionInfo) -> dict[str, Value]:
        binding: dict[str, Value] = {}
        params = list(info.params)
        if info.class_path and info.binds_self and params:
            bound = info.class_path if info.kind == "classmethod" else info.class_path + "()"
            binding[params.pop(0).name] = Value(frozenset({bound}))
        if info.callback is not None:
            source = info.callback
            what = f"{info.short}() registered with {source.package or source.id}"
            hop = info.module.hop(info.node, f"{self.pack.platforms[source.platform].name} data received by {what}")
            trace = Trace(f"source:{source.id}", source.platform, what, (hop,))
            binding.update({p.name: Value(traces=(trace,)) for p in params})
        return binding

    def summary_for(self, info: FunctionInfo, binding: dict[str, Value]) -> Summary:
        context = tuple(sorted(
            (name, v.paths, v.text) for name, v in binding.items() if v.paths or v.text
        ))
        if info.callback is not None:  # registered callbacks are seeded with platform data
            context += tuple(sorted((n, frozenset(t.origin for t in v.traces), None)
                                    for n, v in binding.items() if v.traces))
        key: ContextKey = (info.qualname, context)
        contexts = self._contexts.setdefault(info.qualname, set())
        if key not in contexts and len(contexts) >= MAX_CONTEXTS:
            key, binding = (info.qualname, ()), {}
        if key in self._summaries:
            return self._summaries[key]
        if key in self._in_progress or len(self._in_progress) > MAX_CALL_DEPTH:
            borrowed = self._previous.get(key, Summary())  # recursion: last round's answer
            self._borrowed.setdefault(key, borrowed.fingerprint())
            return borrowed
        contexts.add(key)
        self._in_progress.add(key)
        summary = Summary()
        env = {}
        prefix = param_prefix(info)
        for param in info.params:
            known = binding.get(param.name, NOTHING)
            symbolic = Trace(prefix + param.name, "", "", ())
            seeded = known.concrete_traces if info.callback is not None else ()
            env[param.name] = Value(known.paths, merge_traces((symbolic, *seeded)), known.text)
        body = Frame(self, info.module, info.qualname, function=info, summary=summary, env=env,
                     parent=info.outer)
        try:
            if isinstance(info.node, cst.Lambda):
                summary.ret = body.eval(info.node.body)
            else:
                body.run_block(body.body_of(info.node.body))
        finally:
            self._in_progress.discard(key)
        self._summaries[key] = summary
        return summary


def _body_statements(node: cst.ClassDef) -> list[cst.CSTNode]:
    body = node.body
    return list(body.body) if isinstance(body, cst.IndentedBlock) else []
