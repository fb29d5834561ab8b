"""What a call does to data: the heart of the rules.

A call may reach the project's own code (its summary is applied), obtain platform data (a
source), hand data to a sink, talk HTTP to a host that is either, clean data (a sanitizer), or be
unknown, in which case its result carries whatever its receiver and arguments carried.
"""

from __future__ import annotations

import re

import libcst as cst

from devterms.engine import settings
from devterms.engine.protocols import Run
from devterms.engine.scope import Scope as Frame
from devterms.engine.sites import CallSite
from devterms.engine.steps import Step
from devterms.engine.storage import is_sql, selected_table, written_table
from devterms.engine.summaries import StoreWrite
from devterms.knowledge import parse_endpoint
from devterms.patterns import literal_key
from devterms.packtypes import Arg, Condition, Sanitizer, Sink, Source, Storage
from devterms.values import (HOLE, MAX_PATHS, NOTHING, Trace, Value, concat_text, container, interleave, join,
                             merge_traces, parent_folder, truncated)

_CALL_SUFFIX = re.compile(r"\('([^']*)'\)")
_FIELDS = re.compile(r"\{[^{}]*\}|%\([^()]*\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]")


def label(path: str) -> str:
    """A call path as people read it: ``boto3.client[rekognition].index_faces``."""
    return _CALL_SUFFIX.sub(r"[\1]", path).replace("()", "")


class CallHandler:
    def __init__(self, run: Run) -> None:
        self.run = run
        self.knowledge = run.knowledge

    def call(self, frame: Frame, node: cst.Call) -> Value:
        site = self._site(frame, node)
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
            self._hand_over_fields(site)
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
        stored = [entry for path in paths for entry in self.knowledge.storage_for(path)]
        by_method = self.knowledge.storage_methods.get(method or "")
        if not stored and by_method is not None and self._names_table(by_method, site.arg(by_method.path[0])):
            stored = [by_method]  # a connection of unknown type: the SQL says what it does
        for entry in stored:
            result = self._storage(frame, site, entry, result)
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

    def _site(self, frame: Frame, node: cst.Call) -> CallSite:
        if isinstance(node.func, cst.Attribute):  # the receiver once: chains stay linear
            receiver = frame.eval(node.func.value)
            callee = self.run.load_attribute(frame, receiver, node.func.attr.value, node.func)
        else:
            receiver, callee = NOTHING, frame.eval(node.func)
        site = CallSite(node, callee, [], {}, receiver=receiver)
        for arg in node.args:
            value = frame.eval(arg.value)
            site.arg_values.append(value)
            if arg.star:
                site.starred = join(site.starred, value)
            elif arg.keyword is not None:
                site.keywords[arg.keyword.value] = value
            else:
                site.positional.append(value)
        bound = callee.part("partial")
        if bound is not None and bound.parts is not None:
            site.positional[:0] = [v for _, v in bound.parts]
        self._read_back(frame, site)
        first = node.args[0] if node.args else None
        if first is not None and not first.star and first.keyword is None:
            text = site.positional[0].text if site.positional else None
            factory = any(not p.rsplit(".", 1)[-1][:1].isupper() for p in callee.paths)
            if factory and text is not None and HOLE not in text and isinstance(first.value, cst.SimpleString):
                site.key = f"({literal_key(text)})" if literal_key(text) else "()"
        return site

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

    def _hand_over_fields(self, site: CallSite) -> None:
        """Project objects given to a library call (``asdict(p)``, ``p.model_dump()``,
        ``requests.post(json=p)``) give it every field they hold."""
        def whole(value: Value) -> Value:
            return join(value, self.run.fields(value).data_only()) if self.run.holds_fields(value) else value

        site.receiver = whole(site.receiver)
        site.callee = join(site.callee, site.receiver.data_only()) if site.receiver.tainted else site.callee
        site.positional = [whole(v) for v in site.positional]
        site.keywords = {k: whole(v) for k, v in site.keywords.items()}
        site.starred = whole(site.starred)
        site.arg_values = [*site.positional, *site.keywords.values(), site.starred]

    def _read_back(self, frame: Frame, site: CallSite) -> None:
        """An argument or receiver that names a file holding platform data carries that data."""
        persisted = self.run.persistence
        if not persisted.holds_files():
            return

        def load(value: Value) -> Value:
            traces = persisted.read_file(value.text, lambda note: frame.step(site.node, note))
            if not traces:
                return value
            # joined, yet still naming the file (a join would drop the text: it differs from the read's)
            return Value(value.paths, merge_traces((*value.traces, *traces)), value.text, value.parts)

        site.receiver = load(site.receiver)
        site.positional = [load(v) for v in site.positional]
        site.keywords = {k: load(v) for k, v in site.keywords.items()}
        site.arg_values = [*site.positional, *site.keywords.values(), site.starred]

    def _storage(self, frame: Frame, site: CallSite, entry: Storage, result: Value) -> Value:
        """Files and tables: remember what is written, hand back what is read."""
        persisted = self.run.persistence
        spec, template = self._where(site, entry)
        def step(note: str) -> Step:
            return frame.step(site.node, note)

        if entry.store == "tables" and entry.kind == "reader":  # a table read by name
            return join(result, Value(traces=persisted.read_table(template, step)))
        if entry.kind == "opener":
            return join(result, Value(traces=persisted.read_file(template, step))).with_text(template)
        if entry.kind == "reader":
            return join(result, Value(traces=persisted.read_file(template, step)))
        if entry.kind == "lister":
            listed = template.replace("*", HOLE) if template and "*" in template else (
                concat_text([template, "/", None]) if template else None)
            return result.with_text(listed)
        data = site.args_data(entry.data) if entry.data or entry.table == "model" else NOTHING
        self.run.meetings.kept(frame, site.node, data, f"stored by {label(next(iter(sorted(site.callee.paths)), ''))}")
        if entry.store == "tables":
            table = persisted.write_table(written_table(template) if entry.kind == "sql" else template, data, step)
            self._record_writes(frame, "tables", *table)
            self._stored(frame, site, entry.store, table[0], data)
            if entry.kind != "sql":
                return result
            read = persisted.read_table(selected_table(template), step)
            if template is None or not is_sql(template):
                return join(result, Value(traces=read))
            # The statement says what comes back: the table's data, not what a cursor held before.
            if entry.data and isinstance(site.node.func, cst.Attribute):
                frame.replace_data(site.node.func.value, Value(traces=read))
            return Value(result.paths, read)
        if entry.kind == "downloader":
            data = join(data, result.data_only())
        written = persisted.write_file(template, data, step)
        self._record_writes(frame, "files", *written)
        self._stored(frame, site, entry.store, written[0], data)
        if data.tainted:
            func = site.node.func
            handle = (func.value if isinstance(func, cst.Attribute) else None) if spec.is_receiver \
                else _arg_node(site.node, spec)
            if isinstance(handle, (cst.Name, cst.Attribute)):
                frame.taint_container(handle, data)  # a handle or temp file now holds the data
        if entry.kind == "downloader" and template is not None:
            return result.with_text(concat_text([template, "/", None]))
        return result

    def _where(self, site: CallSite, entry: Storage) -> tuple[Arg, str | None]:
        """The argument naming the file or table, and its name: the first of ``entry.path`` the
        call has with a known text (an option's ``{placeholders}`` and ``%(fields)s`` are unknown
        parts), or for an ORM entry the first that is a model of the project (its class path)."""
        for spec in entry.path:
            value = site.arg(spec)
            if value is None:
                continue
            if entry.table == "model":
                model = self.run.model_of(value)
                if model is not None:
                    return spec, model
            elif value.text is not None:
                return spec, _format_holes(value.text) if spec.key is not None else value.text
        return entry.path[-1], None

    def _names_table(self, entry: Storage, value: Value | None) -> bool:
        """Whether a call matched by method name says which table it uses: a statement naming one
        (``execute``), a known name (``to_sql``) or a model of the project (``session.add(user)``)."""
        if value is None:
            return False
        if entry.table == "model":
            return self.run.model_of(value) is not None
        if value.text is None:
            return False
        return is_sql(value.text) if entry.kind == "sql" else HOLE not in value.text

    def _stored(self, frame: Frame, site: CallSite, store: str, name: str, data: Value) -> None:
        """A use for the map: platform data written to ``name`` (empty: a name not known)."""
        if data.tainted and (name or store != "tables"):
            where = name.replace(HOLE, "*") or "?"
            step = frame.step(site.node, f"stored in {where}")
            self.run.reporter.use(frame.summary, step, "store", where, data, store)

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

    @staticmethod
    def _record_writes(frame: Frame, store: str, name: str, params: list[Trace]) -> None:
        """A write of the function's parameters, for its callers to apply with their data."""
        if frame.summary is not None:
            for trace in params:
                frame.summary.record(StoreWrite(store, name, trace.origin, trace.steps))

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
        text = self._built_text(site)
        if sanitizer is not None:  # a truth value still says what was inferred about a person
            kept = [t for v in site.arg_values for t in v.traces if sanitizer.truth and t.inference]
            return Value(paths, merge_traces(kept), text)
        args = join(*(v.data_only() for v in site.arg_values))
        if args.tainted:
            args = args.with_step(frame.step(site.node, f"passed to {frame.module.snippet(site.node.func)}()"))
        return Value(paths, join(site.callee.data_only(), args).traces, text)

    def _built_text(self, site: CallSite) -> str | None:
        """The string a path/URL builder or ``str.format`` call returns, as a template."""
        func = site.node.func
        if isinstance(func, cst.Attribute) and func.attr.value == "format" and site.receiver.text:
            return concat_text([_format_holes(site.receiver.text)])
        if isinstance(func, cst.Attribute) and func.attr.value == "join" and site.receiver.text \
                is not None and len(site.positional) == 1 and site.positional[0].parts:
            elements = [v.text for _, v in site.positional[0].parts]
            return concat_text(interleave(elements, site.receiver.text))
        method = func.attr.value if isinstance(func, cst.Attribute) else None
        for path in site.callee.paths or ([""] if method else []):
            lookup = self.knowledge.default_returner(path, method)
            default = site.arg(lookup.default) if lookup is not None and lookup.default is not None else None
            if default is not None and default.text is not None:
                return default.text
        for path in site.callee.paths:
            builder = self.knowledge.path_builder(path)
            if builder is not None and builder.kind == "names-current-folder":
                return ""
            if builder is not None and builder.kind == "builds-statement":
                table = site.receiver if builder.receiver else site.arg(builder.name) if builder.name else None
                name = table.text if table is not None else None
                return f"{builder.statement} {name}".strip() if name and HOLE not in name else None
            if builder is not None and builder.folder is not None:  # a fresh temporary file's name
                folder = site.arg(builder.folder)
                return concat_text([folder.text if folder is not None else None, "/", None])
            if builder is None or not (site.positional or builder.receiver):
                continue
            if builder.kind == "takes-folder":
                return parent_folder(site.positional[0].text if site.positional else site.receiver.text)
            separator = builder.separator
            parts: list[str | None] = [site.receiver.text] if builder.receiver and site.receiver.text != "" else []
            for i, value in enumerate(site.positional):
                text = value.text
                if i and _names_below(text, site.positional[0].text):
                    parts = []  # os.walk/glob already gave a full path below the folder
                elif i and text is not None and text.endswith("/" + HOLE):
                    text = HOLE  # a name listed in another folder, joined onto this one (a copy)
                if text != "":  # os.path.join("", "a") is "a" (the current folder)
                    parts.extend(([separator] if parts else []) + [text])
            return concat_text(parts) if parts else ""
        return None

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


def _arg_node(node: cst.Call, spec: Arg) -> cst.BaseExpression | None:
    positional = [a for a in node.args if a.keyword is None and not a.star]
    for arg in node.args:
        if arg.keyword is not None and arg.keyword.value == spec.kw:
            return arg.value
    if spec.pos is not None and spec.pos < len(positional):
        return positional[spec.pos].value
    return None


def _names_below(text: str | None, folder: str | None) -> bool:
    if not text or not folder:
        return False
    prefix = folder.split(HOLE, 1)[0].rstrip("/")
    return bool(prefix) and text.startswith(prefix + "/")


def _format_holes(text: str) -> str:
    """``str.format`` fields and printf-style ``%(name)s`` fields as unknown parts."""
    return _FIELDS.sub(HOLE, text)

