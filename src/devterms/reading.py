"""Reading a project's files: the decoded text of each, and what it names, once per version.

Every file is read and screened (does it name a source, a scraper or a sink?) on every run, so
this is the part of the work that grows with the size of the tree. It is remembered per process
while a file's size and modification time stay the same (flake8 asks once per file, for the
whole project), and with ``jobs`` > 1 a large tree is read in worker processes.
"""

from __future__ import annotations

import io
import multiprocessing
import tokenize
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from devterms.knowledge import Knowledge

Progress = Callable[[str, int, int], None]  # (stage, done, total)
PARALLEL_FROM = 64  # fewer files than this are read faster than worker processes start
_CHUNK = 32


@dataclass(frozen=True, slots=True)
class ReadFile:
    """A file's text (None if it cannot be analysed), why not, and the trigger kinds it names."""

    text: str | None
    problem: tuple[int, str] | None  # (line, message) when text is None
    names: frozenset[str]

    @property
    def lines(self) -> int:
        return self.text.count("\n") + 1 if self.text is not None else 0


_memo: dict[tuple[Path, str], tuple[tuple[int, int], ReadFile]] = {}
_screened: dict[tuple[str, str], ReadFile] = {}
_worker_knowledge: Knowledge | None = None


def read_files(paths: Sequence[Path], knowledge: Knowledge, jobs: int = 1,
               progress: Progress | None = None) -> dict[Path, ReadFile]:
    """Each path's :class:`ReadFile`; unreadable files carry their problem instead of text."""
    found: dict[Path, ReadFile] = {}
    stale: list[tuple[Path, tuple[int, int]]] = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError as error:
            found[path] = ReadFile(None, (1, f"cannot read: {error.strerror or error}"), frozenset())
            continue
        signature = (stat.st_mtime_ns, stat.st_size)
        known = _memo.get((path, knowledge.pack.version))
        if known is not None and known[0] == signature:
            found[path] = known[1]
        else:
            stale.append((path, signature))
    for done, (path, read) in enumerate(_read_all([p for p, _ in stale], knowledge, jobs), 1):
        found[path] = read
        if progress is not None and (done % _CHUNK == 0 or done == len(stale)):
            progress("reading", done, len(stale))
    for path, signature in stale:
        _memo[(path, knowledge.pack.version)] = (signature, found[path])
    return found


def same_as_read(path: Path, text: str, knowledge: Knowledge) -> bool:
    """Whether ``text`` is what was last read from ``path`` (so it need not stand in for it)."""
    known = _memo.get((path, knowledge.pack.version))
    return known is not None and known[1].text == text


def screen_text(text: str, knowledge: Knowledge) -> ReadFile:
    """A text given in memory (an editor buffer, flake8's lines), checked like a file."""
    key = (text, knowledge.pack.version)
    found = _screened.get(key)
    if found is None:
        if len(_screened) > 1024:
            _screened.clear()
        found = _screened[key] = _screen(text, knowledge)
    return found


def _screen(text: str, knowledge: Knowledge) -> ReadFile:
    if "\0" in text:  # cheap to see, and never Python source
        line = text.count("\n", 0, text.index("\0")) + 1
        return ReadFile(None, (line, "cannot parse: the file contains NUL bytes"), frozenset())
    return ReadFile(text, None, knowledge.screen(text))


def _read_all(paths: list[Path], knowledge: Knowledge, jobs: int) -> Iterable[tuple[Path, ReadFile]]:
    if jobs <= 1 or len(paths) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return ((path, _read_one(path, knowledge)) for path in paths)
    global _worker_knowledge
    _worker_knowledge = knowledge  # inherited by the forked workers, not pickled
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        return list(zip(paths, pool.map(_read_in_worker, paths, chunksize=_CHUNK)))


def _read_in_worker(path: Path) -> ReadFile:
    assert _worker_knowledge is not None
    return _read_one(path, _worker_knowledge)


def _read_one(path: Path, knowledge: Knowledge) -> ReadFile:
    try:
        raw = path.read_bytes()
    except OSError as error:
        return ReadFile(None, (1, f"cannot read: {error.strerror or error}"), frozenset())
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        text = raw.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as error:
        return ReadFile(None, (1, f"cannot decode: {error}"), frozenset())
    return _screen(text.removeprefix("\ufeff"), knowledge)
