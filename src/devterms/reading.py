"""Reading a project's files: the decoded text of each, and what it names, once per version.

Every file is read and screened (does it name a source, a scraper or a sink?) on every run, so
this is the part of the work that grows with the size of the tree. It is remembered per process
while a file's size and modification time stay the same (flake8 asks once per file, for the
whole project), and with ``jobs`` > 1 a large tree is read in worker processes.
"""

from __future__ import annotations

import functools
import io
import multiprocessing
import os
import stat
import tokenize
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from devterms.knowledge import Knowledge

Progress = Callable[[str, int, int], None]  # (stage, done, total)
PARALLEL_FROM = 64  # fewer files than this are read faster than worker processes start
DEFAULT_MAX_FILE_BYTES = 5_000_000  # larger files are generated data, not code to analyse
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


_memo: dict[tuple[Path, str, int], tuple[tuple[int, int], ReadFile]] = {}
_screened: dict[tuple[str, str], ReadFile] = {}
_worker_knowledge: Knowledge | None = None


def read_files(paths: Sequence[Path], knowledge: Knowledge, jobs: int = 1,
               progress: Progress | None = None,
               max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> dict[Path, ReadFile]:
    """Each path's :class:`ReadFile`; unreadable files carry their problem instead of text.

    Only regular files of at most ``max_bytes`` are read: a FIFO would block, a device
    (``/dev/zero``) never ends, and a huge file would exhaust memory.
    """
    found: dict[Path, ReadFile] = {}
    stale: list[tuple[Path, tuple[int, int]]] = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError as error:
            found[path] = ReadFile(None, (1, f"cannot read: {error.strerror or error}"), frozenset())
            continue
        signature = (stat.st_mtime_ns, stat.st_size)
        known = _memo.get((path, knowledge.pack.version, max_bytes))
        if known is not None and known[0] == signature:
            found[path] = known[1]
        else:
            stale.append((path, signature))
    for done, (path, read) in enumerate(_read_all([p for p, _ in stale], knowledge, jobs, max_bytes), 1):
        found[path] = read
        if progress is not None and (done % _CHUNK == 0 or done == len(stale)):
            progress("reading", done, len(stale))
    for path, signature in stale:
        _memo[(path, knowledge.pack.version, max_bytes)] = (signature, found[path])
    return found


def same_as_read(path: Path, text: str, knowledge: Knowledge, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> bool:
    """Whether ``text`` is what was last read from ``path`` (so it need not stand in for it)."""
    known = _memo.get((path, knowledge.pack.version, max_bytes))
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


def _read_all(paths: list[Path], knowledge: Knowledge, jobs: int,
              max_bytes: int) -> Iterable[tuple[Path, ReadFile]]:
    if jobs <= 1 or len(paths) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return ((path, _read_one(path, knowledge, max_bytes)) for path in paths)
    global _worker_knowledge
    _worker_knowledge = knowledge  # inherited by the forked workers, not pickled
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        read = functools.partial(_read_in_worker, max_bytes=max_bytes)
        return list(zip(paths, pool.map(read, paths, chunksize=_CHUNK)))


def _read_in_worker(path: Path, max_bytes: int) -> ReadFile:
    assert _worker_knowledge is not None
    return _read_one(path, _worker_knowledge, max_bytes)


def _read_one(path: Path, knowledge: Knowledge, max_bytes: int) -> ReadFile:
    try:
        raw = _read_regular(path, max_bytes)
    except OSError as error:
        return ReadFile(None, (1, f"cannot read: {error.strerror or error}"), frozenset())
    except _Refused as refused:
        return ReadFile(None, (1, str(refused)), frozenset())
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        text = raw.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as error:
        return ReadFile(None, (1, f"cannot decode: {error}"), frozenset())
    return _screen(text.removeprefix("\ufeff"), knowledge)


class _Refused(Exception):
    """A file that is not read, and the bound that says why."""


def _read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes`` (checked on the open
    file, and opened without blocking, so that a FIFO or a file swapped for one cannot hang)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _Refused("not a regular file (a FIFO, a device or a socket); not read")
        if info.st_size > max_bytes:
            raise _Refused(f"{info.st_size:,} bytes, beyond the bound max-file-bytes = {max_bytes:,}; not read")
        raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:  # it grew while being read
        raise _Refused(f"more than {max_bytes:,} bytes, beyond the bound max-file-bytes; not read")
    return raw
