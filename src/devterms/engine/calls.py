"""What a call does to data: the heart of the rules.

A call may reach the project's own code (its summary is applied), obtain platform data (a
source), hand data to a sink, talk HTTP to a host that is either, clean data (a sanitizer), or be
unknown, in which case its result carries whatever its receiver and arguments carried.
This module dispatches a call to those effects; evaluating what the call is handed
(:mod:`.arguments`), the files and tables it writes and reads (:mod:`.storage_effects`) and the
text it gives back (:mod:`.text_effects`) have modules of their own.
"""

from __future__ import annotations

import re

import libcst as cst

from devterms.engine import settings
from devterms.engine.arguments import call_site, hand_over_fields
from devterms.engine.protocols import Run
from devterms.engine.scope import Scope as Frame
from devterms.engine.sites import CallSite, label
from devterms.engine.storage_effects import StorageEffects
from devterms.engine.text_effects import built_text
from devterms.pack.index import parse_endpoint
from devterms.pack.types import Arg, Condition, Sanitizer, Sink, Source
from devterms.values import MAX_PATHS, NOTHING, Trace, Value, container, join, merge_traces, truncated


class CallHandler:
    def __init__(self, run: Run) -> None:
        self.run = run
        self.knowledge = run.knowledge
        self.storage = StorageEffects(run)

    def call(self, frame: Frame, node: cst.Call) -> Value:
        site = call_site(self.run, frame, node)
        if truncated(site.callee):  # said where platform data is at hand (a caller's, if a parameter's)
            at_hand = join(*(v.data_only() for v in (site.callee, site.receiver, site.starred, *site.arg_values)))
            self.run.reporter.limit(frame.summary, frame.step(node, "called"), at_hand,
                                    f"the callee stood for more than {MAX_PATHS} things (values.MAX_PATHS)")
        if site.positional and self.knowledge.binds_arguments(site.callee.paths):
            return self._partial(site)
        results: list[Value] = []
        reached_project = False
        for path in sorted(site.callee.paths):
            result = self.run.call_project(frame, site, path)
            if result is not None:
                reached_project = True
                results.append(result)
        if not reached_project:
            hand_over_fields(self.run, site)
            results.extend(self._callbacks(frame, site))
        paths = sorted({*site.callee.paths, *(a for p in site.callee.paths for a in self.run.library_paths(p))})
        method = node.func.attr.value if isinstance(node.func, cst.Attribute) else None
        sanitizer = next((s for s in (self.knowledge.sanitizer_for(p, method) for p in paths or [""]) if s), None)
        results.extend(self._meetings(frame, site, paths, method))
        self._derivations(frame, site, paths, method, sanitizer)
        self._outputs(frame, site, paths)
        for path in paths:
            for source in self.knowledge.sources_for(path):
                results.append(self._from_source(frame, site, source, label(path)))
            client = self.knowledge.http_client_for(path)
            if client is not None:
                fetched = self._http(frame, site, client.url, client.payload, label(path))
                if client.navigates and isinstance(node.func, cst.Attribute):
                    frame.taint_container(node.func.value, join(*fetched))  # the page now shows it
                results.extend(fetched)
        own = join(*results, site.callee.data_only())  # what the call returns, at least
        passed = [sink.category for path in paths for sink in self.knowledge.sinks_for(path)
                  if self._check_sink(frame, site, sink, label(path), own) and not sink.passes_on]
        if not reached_project:
            results.append(self._default_result(frame, site, sanitizer))
        result = join(*results)
        for category in passed:  # what comes out has been through this kind of sink
            result = result.passed(category)
        result = self.storage.apply(frame, site, paths, method, result)
        for setting in (s for path in paths for s in self.knowledge.settings_for(path)):
            if setting.kind == "declares-setting":
                settings.declare(frame, site, setting)
            elif setting.kind == "keeps-options":
                result = settings.kept(site, result, setting)
            elif setting.kind == "shares-settings":
                result = settings.shared(frame, site, result)
            else:
                result = settings.returned(site, result)
        self._mutate_receiver(frame, node, site)
        return result

    # ------------------------------------------------------------------ parts

    def _partial(self, site: CallSite) -> Value:
        """``functools.partial(f, *args)``: calling it later calls ``f`` with ``args`` first."""
        func, *bound = site.positional
        return Value(func.paths, join(*(v.data_only() for v in bound)).traces,
                     parts=(("partial", container([(str(i), v) for i, v in enumerate(bound)])),))

    def _callbacks(self, frame: Frame, site: CallSite) -> list[Value]:
        """Project functions handed to a call we do not know (``map``, executors, ``key=``):
        they are called with the other arguments' data, and their results flow back."""
        results = []
        for index, value in enumerate(site.arg_values):
            others = join(site.receiver.data_only(),
                          *(v.data_only() for i, v in enumerate(site.arg_values) if i != index))
            for path in sorted(value.paths):
                inner = CallSite(site.node, value, [others], {}, arg_values=[others])
                result = self.run.call_project(frame, inner, path)
                if result is not None:
                    results.append(result)
                for sink in self.knowledge.sinks_for(path):  # df.apply(geolocator.geocode)
                    if not sink.targets and sink.when is None and not sink.on_result:
                        self._report(frame, site.node, sink.category, label(path), others)
        return results

    def _sent(self, frame: Frame, site: CallSite, host: str, payload: Value, data: Value, what: str) -> None:
        """A use for the map: platform data sent to ``host`` ("?": not known) in the request's
        body, or in its URL when the host is known. A URL that is itself platform data (a
        photo's address) fetches the data, it sends none."""
        if payload.tainted or (data.tainted and host != "?"):
            self.run.reporter.use(frame.summary, frame.step(site.node, f"sent to {host}"), "send", host, data, what)

    def _derivations(self, frame: Frame, site: CallSite, paths: list[str], method: str | None,
                     sanitizer: Sanitizer | None) -> None:
        """Uses for the map: what the call derives from platform data (counts, sentiment)."""
        for derivation in self.knowledge.derivations_for(paths, method, sanitizer):
            data = self._values(site, derivation.args).data_only()
            if data.tainted:
                what = label(paths[0]) if paths else f".{method}()"
                self.run.reporter.use(frame.summary, frame.step(site.node, f"{derivation.category} by {what}"),
                                      "derive", derivation.category, data, what)

    def _from_source(self, frame: Frame, site: CallSite, source: Source, what: str) -> Value:
        platform = self.run.pack.platforms[source.platform].name
        step = frame.step(site.node, f"{platform} data from {what}")
        trace = Trace(f"source:{source.id}", source.platform, what, (step,), account=source.about_one_account(what))
        self.run.reporter.collection(step, source, trace)
        return Value(frozenset({p + site.key for p in site.callee.paths}), (trace,))

    def _http(self, frame: Frame, site: CallSite, url_arg: Arg, payload: tuple[Arg, ...],
              what: str) -> list[Value]:
        url = site.arg(url_arg)
        text = url.text if url is not None else None
        found = []
        source = self.knowledge.source_for_url(text)
        endpoint = parse_endpoint(text)
        host = endpoint.host if endpoint else "?"
        if source is not None:
            found.append(self._from_source(frame, site, source, f"{what} {endpoint.host if endpoint else ''}".strip()))
        data = join(site.args_data(payload), url.data_only() if url else NOTHING)
        sink = self.knowledge.sink_for_url(text)
        if sink is not None:
            self._report(frame, site.node, sink.category, f"{what} to {host}", data)
        if url is not None:
            self.run.meetings.probed(frame, site.node, url, source.platform if source else None, f"{what} to {host}")
        self.run.meetings.kept(frame, site.node, data, f"sent by {what} to {host}")
        self._sent(frame, site, host, site.args_data(payload), data, what)
        return found

    def _check_sink(self, frame: Frame, site: CallSite, sink: Sink, what: str, own: Value) -> bool:
        """Report the sink if platform data reaches it; whether it did."""
        if sink.targets and not any(self.knowledge.target_matches(sink, t.text)
                                    for t in (site.arg(a) for a in sink.targets) if t is not None):
            return False
        if sink.when is not None and not self._mentions(site.arg(sink.when.arg), sink.when):
            return False
        data = own.data_only() if sink.on_result else site.args_data(sink.args)
        return self._report(frame, site.node, sink.category, what, data, sink.account_only)

    def _report(self, frame: Frame, node: cst.Call, category: str, what: str, data: Value,
                account_only: bool = False) -> bool:
        if data.tainted:
            self.run.reporter.sink(frame.summary, frame.step(node, f"reaches {what}"), category, what, data,
                                   account_only=account_only)
        return data.tainted

    def _default_result(self, frame: Frame, site: CallSite, sanitizer: Sanitizer | None) -> Value:
        paths = frozenset(p + site.key for p in site.callee.paths)
        if any((b := self.knowledge.path_builder(p)) is not None and b.receiver for p in site.callee.paths):
            paths = site.receiver.paths  # Path.resolve(), joinpath(): a path of the same kind
        text = built_text(self.knowledge, site)
        if sanitizer is not None:  # a truth value still says what was inferred about a person
            kept = [t for v in site.arg_values for t in v.traces if sanitizer.truth and t.inference]
            return Value(paths, merge_traces(kept), text)
        args = join(*(v.data_only() for v in site.arg_values))
        if args.tainted:
            args = args.with_step(frame.step(site.node, f"passed to {frame.module.snippet(site.node.func)}()"))
        return Value(paths, join(site.callee.data_only(), args).traces, text)

    def _mentions(self, value: Value | None, condition: Condition) -> bool:
        """Whether the argument's text holds one of the words (``stem*`` matches as a prefix), or
        it holds a literal with terms of one of the condition's vocabularies."""
        if value is None:
            return condition.if_missing
        if condition.vocabularies and any(v.id in condition.vocabularies
                                          for v, _ in self.run.meetings.vocabularies_in(value, weak_alone=True)):
            return True
        words = set(re.findall(r"[a-z0-9_]+", (value.text or "").lower()))
        return any(word.startswith(w[:-1]) if w.endswith("*") else word == w
                   for word in words for w in condition.words)

    def _meetings(self, frame: Frame, site: CallSite, paths: list[str], method: str | None) -> list[Value]:
        """Where the call is a meeting point (a classifier, an LLM client, a regex, a model)."""
        meetings = self.run.meetings
        found = []
        entries = [(m, label(p)) for p in paths for m in self.knowledge.meetings_for(p)]
        entries += [(m, f".{method}()") for m in self.knowledge.meeting_methods.get(method or "", ())]
        for meeting, what in entries:
            if meeting.kind == "cross-platform":
                meetings.compared(frame, site.node, [site.receiver, *site.arg_values], what)  # left.merge(right)
            else:
                found.append(meetings.meet(frame, site.node, self._values(site, meeting.terms),
                                           self._values(site, meeting.data), what))
        return found

    def _values(self, site: CallSite, specs: tuple[Arg, ...]) -> Value:
        """The arguments ``specs`` names, or all of them and the receiver."""
        if not specs:
            return join(site.receiver, *site.arg_values)
        return join(*(v for v in (site.arg(s) for s in specs) if v is not None))

    def _outputs(self, frame: Frame, site: CallSite, paths: list[str]) -> None:
        """Alert channels and other outputs: an inference reaching one is kept about the person."""
        for path in paths:
            for output in self.knowledge.outputs_for(path):
                data = site.args_data(output.args)
                self.run.meetings.kept(frame, site.node, data, f"{output.kind} {label(path)}")
                if data.tainted:  # a use for the map: a destination reached through a service's SDK
                    step = frame.step(site.node, f"sent by {label(path)}")
                    self.run.reporter.use(frame.summary, step, "send", output.id, data, label(path))

    def _mutate_receiver(self, frame: Frame, node: cst.Call, site: CallSite) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in self.knowledge.fills_receiver:
            frame.taint_container(func.value, join(*(v.data_only() for v in site.arg_values)))
