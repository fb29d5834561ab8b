"""Calls into the project's own code: which definition a call reaches, and applying its summary.

A call path may name a function, a class (its ``__init__`` runs on a new instance; a class
without one, such as a dataclass, stores its arguments as its declared fields), an instance
(``__call__``), or a method of an instance or class. Applying a summary replaces its parameter
traces with the caller's data (the call becomes a step of the flow), reports the pending flows
the caller's data completes, and performs the file and heap writes the summary recorded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from devterms.engine.binding import argument, bind_arguments, param_prefix
from devterms.engine.heap import Heap
from devterms.engine.objects import Definitions, FunctionInfo
from devterms.engine.scope import Scope
from devterms.engine.findings import Reporter
from devterms.engine.sites import CallSite
from devterms.engine.steps import Step
from devterms.engine.storage import Persistence
from devterms.engine.summaries import MAX_CONTEXTS, HeapWrite, StoreWrite, Summaries
from devterms.pack.types import RulePack
from devterms.values import Trace, Value, cap_paths, merge_traces

Loader = Callable[[CallSite, str], bool]  # loads the module a call path lives in, if it matters


class ProjectCalls:
    def __init__(self, pack: RulePack, definitions: Definitions, summaries: Summaries,
                 reporter: Reporter, persistence: Persistence, heap: Heap, load: Loader) -> None:
        self.pack = pack
        self.definitions = definitions
        self.summaries = summaries
        self.reporter = reporter
        self.persistence = persistence
        self.heap = heap
        self._load = load

    def call(self, scope: Scope, site: CallSite, path: str) -> Value | None:
        """Apply the project's own function, method or class that ``path`` names, if any."""
        result = self._call_known(scope, site, path)
        if result is None and self._load(site, path):
            result = self._call_known(scope, site, path)
        return result

    def _call_known(self, scope: Scope, site: CallSite, path: str) -> Value | None:
        definitions = self.definitions
        info = definitions.function(path)
        if info is not None:
            if info.kind == "classmethod" and info.class_path:
                return self.apply(scope, site, info, Value(frozenset({info.class_path})))
            return self.apply(scope, site, info, None)
        if definitions.class_named(path) is not None:
            instance = Value(frozenset({path + "()"}))
            init = definitions.method(path, "__init__")
            if init is not None:
                self.apply(scope, site, init, instance)
                return instance
            return self._init_fields(path, site)
        if path.endswith("()") and definitions.class_named(path[:-2]) is not None:  # an instance
            call = definitions.method(path[:-2], "__call__")
            return self.apply(scope, site, call, Value(frozenset({path}))) if call else None
        owner, dot, name = path.rpartition(".")
        if owner == "super()":
            return self._call_super(scope, site, name)
        if dot and owner.endswith("()"):
            method = definitions.method(owner[:-2], name)
            if method is not None:
                bound = None if method.kind == "staticmethod" else Value(frozenset({owner}))
                if method.kind == "classmethod":
                    bound = Value(frozenset({owner[:-2]}))
                return self.apply(scope, site, method, bound)
        return None

    def _call_super(self, scope: Scope, site: CallSite, name: str) -> Value | None:
        """``super().name(...)`` in a method: the first base defining ``name``, on the same ``self``."""
        function = scope.function
        if function is None or function.class_path is None or not function.params:
            return None
        owner = self.definitions.class_named(function.class_path)
        method = next((m for m in (self.definitions.method(b, name) for b in (owner.bases if owner else ()))
                       if m is not None), None)
        if method is None:
            return None
        bound = None if method.kind == "staticmethod" else scope.lookup(function.params[0].name)
        return self.apply(scope, site, method, bound)

    def _init_fields(self, class_path: str, site: CallSite) -> Value:
        """A class without ``__init__`` (a dataclass, a NamedTuple) stores its arguments as
        the fields its body declares: on the heap for its methods, and in the instance's parts
        so that reading a field of this instance does not see another instance's. A class built
        by a library's constructor (an ORM model's ``Column`` attributes, a pydantic model) takes
        its keywords as fields too."""
        definitions = self.definitions
        info = definitions.class_named(class_path)
        fields = info.fields if info is not None else []
        values = dict(zip(fields, site.positional))
        built_by_library = bool(definitions.library_bases(class_path))
        values.update((k, v) for k, v in site.keywords.items() if k in fields or built_by_library)
        for name, value in values.items():
            self.heap.store(f"{class_path}().{name}", Value(value.paths, value.concrete_traces, value.text))
        instance = frozenset({class_path + "()"})
        if not fields and not values:
            return Value(instance)
        return Value(instance, merge_traces(t for v in values.values() for t in v.traces), parts=tuple(values.items()))

    def apply(self, scope: Scope, site: CallSite, info: FunctionInfo, bound: Value | None) -> Value:
        binding = bind_arguments(info, site, bound)
        summary = self.summaries.summary_for(info, binding)
        joined = self.summaries.joined_away(info, binding)
        if joined:  # said where the arguments carry platform data (a caller's, if a parameter's)
            self.reporter.limit(scope.summary, scope.step(site.node, f"calls {info.short}()"),
                                Value(traces=merge_traces(t for v in binding.values() for t in v.traces)),
                                f"{info.short}() is called in more than {MAX_CONTEXTS} ways (summaries.MAX_CONTEXTS); "
                                f"what {', '.join(joined)} held here was joined with the others'")
        prefix = param_prefix(info)

        entries: dict[str, Step] = {}

        def entry(name: str) -> Step:
            step = entries.get(name)
            if step is None:
                step = entries[name] = scope.step(site.node, f"passed as `{name}` to {info.short}()")
            return step

        def rebased(trace: Trace) -> list[Trace]:
            """A trace of the callee's parameter, as the caller's data it stands for."""
            name = trace.origin[len(prefix):]
            return [trace.rebased(outer, (entry(name), *trace.steps))
                    for outer in argument(binding, name).traces if not outer.is_marker]

        def substitute(value: Value) -> Value:
            traces = []
            for trace in value.traces:
                if trace.origin.startswith(prefix):
                    traces.extend(rebased(trace))
                elif trace.is_param:
                    traces.append(trace)
                else:
                    traces.append(trace.extended((scope.step(site.node, f"returned by {info.short}()"),)))
            parts = None if value.parts is None else tuple((k, substitute(v)) for k, v in value.parts)
            return Value(value.paths, merge_traces(traces), value.text, parts)

        for pending in summary.pending:
            name = pending.param[len(prefix):]
            outers = argument(binding, name).traces
            if outers:
                after = (entry(name), *pending.steps)
                for outer in outers:
                    self.reporter.reached(scope.summary, pending, outer, after)
        for comparison in summary.comparisons.values():
            self.reporter.compared(scope.summary, comparison.sink, comparison.category, comparison.what,
                                   [[r for t in side for r in (rebased(t) if t.origin.startswith(prefix) else [t])]
                                    for side in comparison.sides])
        def written(write: HeapWrite | StoreWrite) -> list[Trace]:
            """The caller's data a write of the callee's parameter writes; the caller's own
            parameters passed on become writes of the caller, for its callers to apply."""
            name = write.param[len(prefix):]
            traces = [t.extended((entry(name), *write.steps)) for t in argument(binding, name).traces]
            for trace in traces:
                if trace.is_param and scope.summary is not None:
                    scope.summary.record(dataclasses.replace(write, param=trace.origin, steps=trace.steps))
            return [t for t in traces if not t.is_param]

        for store_write in summary.store_writes.values():
            self.persistence.store(store_write.store, store_write.name, written(store_write))
        for heap_write in summary.heap_writes.values():
            concrete = written(heap_write)
            if concrete:
                self.heap.store(heap_write.key, Value(traces=merge_traces(concrete)))
        if info.outer is not None:
            for name, value in summary.nonlocal_writes.items():
                info.outer.rebind_enclosed(name, substitute(value))
        return substitute(summary.ret)

    def default_binding(self, info: FunctionInfo) -> dict[str, Value]:
        """What a function's parameters hold when nobody in view calls it: ``self`` is an
        instance of its class; a registered callback's parameters receive platform data."""
        binding: dict[str, Value] = {}
        params = list(info.params)
        if info.class_path and info.binds_self and params:
            family = self.definitions.family(info.class_path)
            bound = family if info.kind == "classmethod" else [c + "()" for c in family]
            binding[params.pop(0).name] = Value(cap_paths(bound))  # past MAX_PATHS, said where called
        for param in params:  # nobody in view calls it: its defaults hold
            if param.name in info.defaults:
                binding[param.name] = info.defaults[param.name]
        if info.callback is not None:
            source = info.callback
            what = f"{info.short}() registered with {source.package or source.id}"
            step = Step(info.module, info.node, f"{self.pack.platforms[source.platform].name} data received by {what}", info.top)
            trace = Trace(f"source:{source.id}", source.platform, what, (step,), account="*" in source.account)
            binding.update({p.name: Value(traces=(trace,)) for p in params})
            self.reporter.collected(step, source, trace)
        return binding
