"""Widening: which modules join the analysis when platform things leave the ones in view.

A module joins when it imports one that lets platform data, a platform client or a platform
URL out (a function returns it, a global or attribute holds it). Once platform data is written
to disk, every importer of a module in view joins too (it may read the files back), and so do
modules whose text names a folder data was written to (a script that only copies the files on).
"""

from __future__ import annotations

import re

from devterms.engine.heap import Heap
from devterms.engine.objects import Definitions
from devterms.engine.storage import Persistence
from devterms.engine.summaries import Summaries
from devterms.pack.index import Knowledge
from devterms.modules import ModuleGraph
from devterms.values import Value


class Widening:
    """Decides which modules join; remembers the folder names already searched for."""

    def __init__(self, project: ModuleGraph, knowledge: Knowledge, definitions: Definitions, summaries: Summaries,
                 heap: Heap, persistence: Persistence) -> None:
        self.project = project
        self.knowledge = knowledge
        self.definitions = definitions
        self.summaries = summaries
        self.heap = heap
        self.persistence = persistence
        self._folders_looked_for: set[str] = set()  # folder names modules were searched for

    def importers_to_add(self, in_view: set[str], left_out: set[str]) -> set[str]:
        """Modules not yet in view that platform things leave towards, except ``left_out``."""
        callers = self.project.importers_of(self._exporting_modules(in_view)) - in_view
        if self.persistence.wrote_platform_data():  # a caller may read the files back
            callers |= self.project.importers_of(in_view) - in_view
            callers |= self._naming_folders(self.persistence.folder_names() - self._folders_looked_for) - in_view
        return {c for c in callers if c not in left_out}

    def _naming_folders(self, folders: set[str]) -> set[str]:
        """Modules whose text names one of ``folders``: a script that only copies or moves the
        files on (``shutil.copy``) names neither a source nor a sink, and imports nothing."""
        if not folders:
            return set()
        self._folders_looked_for |= folders
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(folders)) + r")\b")
        return {name for name, source in self.project.files.items() if pattern.search(source.text)}

    def _exporting_modules(self, in_view: set[str]) -> set[str]:
        modules = {self.definitions.owner_module(q) for q, ret in self.summaries.returned()
                   if self._leads_to_platform(ret)}
        for key, value in self.heap.items():
            if self._leads_to_platform(value):
                modules.update(m for m in in_view if key.startswith(m + "."))
        return {m for m in modules if m is not None}

    def _leads_to_platform(self, value: Value) -> bool:
        if value.concrete_traces or self.knowledge.names_endpoint(value.text):
            return True
        return any(self.knowledge.names_client(path) for path in value.paths)
