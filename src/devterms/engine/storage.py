"""Flows through files and SQL tables.

Files are named by string templates (see :mod:`devterms.values`). A read matches a write when
one template can spell the other (``avatars/\\0.jpg`` and ``avatars/alice.jpg``), or when the
read names the folder the write went into (``DeepFace.find(db_path="avatars")``, a listing of
``avatars``). Two different constant names never match. A template whose folder is unknown
(``os.path.join(tempfile.gettempdir(), "pic.jpg")``) matches only the very same template:
guessing more there would tie every write to every read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from devterms.engine.steps import Step
from devterms.engine.tracking import Tracker
from devterms.values import HOLE, Trace, Value, merge_traces

_TABLE_WRITE = re.compile(r"\b(?:insert(?:\s+or\s+\w+)?\s+into|replace\s+into|update)\s+[\"'`\[]?([\w.]+)", re.I)
_TABLE_READ = re.compile(r"\bselect\b.*?\bfrom\s+[\"'`\[]?([\w.]+)", re.I | re.S)
_AGGREGATES_ONLY = re.compile(  # SELECT COUNT(*), AVG(x) AS m FROM ...: numbers, not people
    r"\s*select\s+(?:(?:count|sum|avg|min|max|total)\s*\([^()]*\)(?:\s+as\s+\w+)?\s*,?\s*)+from\b", re.I)


At = Callable[[str], Step]  # makes the step of the call at hand, with a note


def is_sql(text: str) -> bool:
    """Whether the text is a statement that writes or reads a named table."""
    return bool(_TABLE_WRITE.search(text) or _TABLE_READ.search(text))


def written_table(statement: str | None) -> str | None:
    """The table an INSERT, REPLACE or UPDATE statement writes."""
    written = _TABLE_WRITE.search(statement or "")
    return written.group(1) if written else None


def selected_table(statement: str | None) -> str | None:
    """The table a SELECT reads people's rows from (not one that only counts or averages)."""
    read = _TABLE_READ.search(statement or "")
    return read.group(1) if read and not _AGGREGATES_ONLY.match(statement or "") else None


def normalise(template: str | None) -> str | None:
    """A trackable file template, or None when too little of it is known."""
    if not template or len(template.replace(HOLE, "")) < 4:
        return None
    text = template.replace("\\", "/")
    while "//" in text:
        text = text.replace("//", "/")
    text = text.removeprefix("./")
    return text.rstrip("/") or None


def folder_of(template: str) -> str:
    constant = template.split(HOLE, 1)[0]
    return constant.rsplit("/", 1)[0] if "/" in constant else ""


def _spells(pattern: str, text: str) -> bool:
    regex = "[^/]*".join(re.escape(part) for part in pattern.split(HOLE))
    return re.fullmatch(regex, text, re.S) is not None


def same_file(read: str, written: str) -> bool:
    """Whether a read of ``read`` sees a write to ``written``: the same file, the folder it went
    into, or a file inside it (a copy or move into a folder, ``shutil.move(tmp, "incoming")``)."""
    if read.startswith(HOLE) or written.startswith(HOLE):
        return read == written
    if read == written or _spells(read, written) or _spells(written, read):
        return True
    return (read == folder_of(written) and read != "") or written == folder_of(read)


def shown(template: str) -> str:
    return template.replace(HOLE, "*")


@dataclass
class Persistence:
    """Platform data at rest: files by template, tables by name.

    Reads and changes are told to the tracker (as the facts ``("files",)`` and ``("tables",)``),
    so code reading files runs again when platform data is written to one.
    """

    tracker: Tracker
    files: dict[str, tuple[Trace, ...]] = field(default_factory=dict)
    tables: dict[str, tuple[Trace, ...]] = field(default_factory=dict)

    def write_file(self, template: str | None, data: Value, at: At) -> tuple[str, list[Trace]]:
        """Store the concrete data; return the file's name and the parameter traces, with the
        write as last hop, for the caller of the function being summarised to apply."""
        name = normalise(template)
        if name is None or not data.traces:
            return "", []
        step = at(f"written to {shown(name)}")
        self.store("files", name, [t.extended((step,)) for t in data.concrete_traces])
        return name, [t.extended((step,)) for t in data.traces if t.is_param]

    def store(self, store: str, name: str, traces: list[Trace]) -> None:
        """Platform data written to the file or table ``name`` (``store``: "files" or "tables")."""
        if traces:
            self._store(self.files if store == "files" else self.tables, name, traces, (store,))

    def holds_files(self) -> bool:
        """Whether any file holds platform data (a read: the answer may change later)."""
        self.tracker.read(("files",))
        return bool(self.files)

    def read_file(self, template: str | None, at: At) -> tuple[Trace, ...]:
        name = normalise(template) if self.holds_files() else None
        if name is None:
            return ()
        found: list[Trace] = []
        for written, traces in self.files.items():
            if same_file(name, written):
                step = at(f"read back from {shown(written)}")
                found.extend(t.extended((step,)) for t in traces)
        return merge_traces(found)

    def write_table(self, table: str | None, data: Value, at: At) -> tuple[str, list[Trace]]:
        """Record tainted data written into ``table``; return the table and the parameter
        traces (a helper inserting the rows it is given), as :meth:`write_file` does."""
        if not table or not data.traces:
            return "", []
        table = table.lower()
        step = at(f"stored in table {table}")
        self.store("tables", table, [t.extended((step,)) for t in data.concrete_traces])
        return table, [t.extended((step,)) for t in data.traces if t.is_param]

    def read_table(self, table: str | None, at: At) -> tuple[Trace, ...]:
        """What a read of ``table`` gets back, if it holds platform data."""
        if not table:
            return ()
        self.tracker.read(("tables",))
        name = table.lower()
        if name not in self.tables:
            return ()
        step = at(f"selected from table {name}")
        return merge_traces(t.extended((step,)) for t in self.tables[name])

    def wrote_platform_data(self) -> bool:
        return bool(self.files or self.tables)

    def folder_names(self) -> set[str]:
        """The last whole name in each file written (``incoming`` of ``data/incoming/\0``, a file's
        own name when it is all known), without recording a read (for the scheduler)."""
        names = {(t if HOLE not in t else folder_of(t)).rpartition("/")[2] for t in self.files}
        return {n for n in names if len(n) >= 3}

    def _store(self, where: dict[str, tuple[Trace, ...]], key: str, traces: list[Trace],
               fact: tuple[str]) -> None:
        old = where.get(key, ())
        new = merge_traces([*old, *traces])
        if {(t.origin, t.reached) for t in new} != {(t.origin, t.reached) for t in old}:
            where[key] = new
            self.tracker.changed(fact)
