"""What calls that write and read files and tables do: the catalogue's storage entries.

A write keeps the data under the file's or table's name (:mod:`.storage`) and is a use for the
map; a read hands back what was written there; a SQL statement says both what it writes and
what it selects. A write of the function's own parameters goes into its summary, so that its
callers apply it with their data.
"""

from __future__ import annotations

import libcst as cst

from devterms.engine.protocols import Run
from devterms.engine.scope import Scope
from devterms.engine.sites import CallSite, label
from devterms.engine.steps import Step
from devterms.engine.storage import is_sql, selected_table, written_table
from devterms.engine.summaries import StoreWrite
from devterms.engine.text_effects import format_holes
from devterms.pack.types import Arg, Storage
from devterms.values import HOLE, NOTHING, Trace, Value, concat_text, join


class StorageEffects:
    """The storage half of a library call's effects (see :class:`~devterms.engine.calls.CallHandler`)."""

    def __init__(self, run: Run) -> None:
        self.run = run
        self.knowledge = run.knowledge

    def apply(self, frame: Scope, site: CallSite, paths: list[str], method: str | None, result: Value) -> Value:
        """What the call's storage entries make of ``result``, the call's value so far."""
        stored = [entry for path in paths for entry in self.knowledge.storage_for(path)]
        by_method = self.knowledge.storage_methods.get(method or "")
        if not stored and by_method is not None and self._names_table(by_method, site.arg(by_method.path[0])):
            stored = [by_method]  # a connection of unknown type: the SQL says what it does
        for entry in stored:
            result = self._apply_entry(frame, site, entry, result)
        return result

    def _apply_entry(self, frame: Scope, site: CallSite, entry: Storage, result: Value) -> Value:
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
                return spec, format_holes(value.text) if spec.key is not None else value.text
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

    def _stored(self, frame: Scope, site: CallSite, store: str, name: str, data: Value) -> None:
        """A use for the map: platform data written to ``name`` (empty: a name not known)."""
        if data.tainted and (name or store != "tables"):
            where = name.replace(HOLE, "*") or "?"
            step = frame.step(site.node, f"stored in {where}")
            self.run.reporter.use(frame.summary, step, "store", where, data, store)

    @staticmethod
    def _record_writes(frame: Scope, store: str, name: str, params: list[Trace]) -> None:
        """A write of the function's parameters, for its callers to apply with their data."""
        if frame.summary is not None:
            for trace in params:
                frame.summary.record(StoreWrite(store, name, trace.origin, trace.steps))


def _arg_node(node: cst.Call, spec: Arg) -> cst.BaseExpression | None:
    positional = [a for a in node.args if a.keyword is None and not a.star]
    for arg in node.args:
        if arg.keyword is not None and arg.keyword.value == spec.kw:
            return arg.value
    if spec.pos is not None and spec.pos < len(positional):
        return positional[spec.pos].value
    return None

