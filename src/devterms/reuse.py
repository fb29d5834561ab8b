"""When the last analysis of a project still answers after some of its files changed.

The engine reads only the modules that can matter (those naming a source or a sink, the ones
a flow reaches, and the importers it widens to); of every other file only its name, what the
pre-screen found in it and its import lines play a part (see :mod:`devterms.analysis`). So an
answer still holds when the files are the same, every file's pre-screen is the same (the
project's *shape*, :func:`devterms.cache.shape_key`), the files the engine read are unchanged,
and each other changed file imports what it did. That is the common edit in a large project:
a file that has nothing to do with platform data, changed in an editor or a commit.

A *shape record* remembers, for one shape, the answer's key, every file's content digest, the
files the engine read and the imports of the others.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from devterms.modules import ModuleGraph, SourceFile

ShapeRecord = dict[str, object]


def shape_record(answer: str, sources: Sequence[SourceFile], digests: Mapping[str, bytes],
                 read: Collection[str]) -> ShapeRecord:
    """What :func:`still_answers` needs to know of an analysis that read the files ``read``
    (display paths); the others' ``imports`` were found by the analysis' module graph."""
    return {"answer": answer, "files": {d: digest.hex() for d, digest in digests.items()},
            "read": sorted(read),
            "imports": {s.display: sorted(s.imports) for s in sources if s.display not in read}}


def still_answers(record: ShapeRecord | None, sources: Sequence[SourceFile],
                  digests: Mapping[str, bytes]) -> str | None:
    """The key of the answer ``record`` names, if no change since makes a difference to it."""
    if record is None:
        return None
    files, read, imports, answer = (record.get(k) for k in ("files", "read", "imports", "answer"))
    if not (isinstance(files, dict) and isinstance(read, list) and isinstance(imports, dict)
            and isinstance(answer, str)) or set(files) != set(digests):
        return None
    changed = [s for s in sources if files[s.display] != digests[s.display].hex()]
    if not changed or set(read).intersection(s.display for s in changed):
        return None
    graph = ModuleGraph(sources, scan=False)  # names the modules as the analysis did
    for source in changed:
        if sorted(graph.scan_imports(source)) != imports.get(source.display):
            return None
    return answer
