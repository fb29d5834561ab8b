"""Reading a project's files: the decoded text of each, and what it names, once per version.

Every file is screened (does it name a source, a scraper or a sink?), so this is the part of the
work that grows with the size of the tree. A screen is remembered per process while a file's
status stays the same (flake8 asks once per file, for the whole project), and across processes
in an *index* the caller keeps in the signed cache (see :mod:`devterms.cache`): a file whose
status (modification and change time, size, inode) matches its index entry is not read at all,
and its text is read only if the analysis needs it. So a warm run on save reads no file. With
``jobs`` > 1 a large tree is read in worker processes.
"""

from __future__ import annotations

import functools
import hashlib
import io
import multiprocessing
import os
import re
import stat
import tokenize
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from devterms.pack.index import Knowledge

Progress = Callable[[str, int, int], None]  # (stage, done, total)
PARALLEL_FROM = 64  # fewer files than this are read faster than worker processes start
DEFAULT_MAX_FILE_BYTES = 5_000_000  # larger files are generated data, not code to analyse
_CHUNK = 32
NOQA = "noqa"  # besides the trigger kinds, a screen says whether a file holds the word (for DT001)
_NOQA = re.compile(NOQA, re.IGNORECASE)


Index = MutableMapping[str, list]  # type: ignore[type-arg]  # path -> [status..., digest, names, lines]


@dataclass(eq=False, slots=True)
class ReadFile:
    """A file's screen: the trigger kinds it names (and :data:`NOQA` if it holds a noqa comment,
    so that only those files are read to find unused ones), its line count and content digest, or why it
    cannot be analysed (``problem``); and its text, kept when the file was read, else read from
    ``source`` on first use (a screen taken from the index)."""

    problem: tuple[int, str] | None  # (line, message) when there is no text
    names: frozenset[str]
    lines: int = 0
    digest: bytes = b""
    kept: str | None = None
    source: tuple[Path, int] | None = None  # (path, max_bytes) to read the text from

    @property
    def text(self) -> str | None:
        if self.kept is None and self.problem is None and self.source is not None:
            text = _read_text(*self.source)
            self.kept = text if isinstance(text, str) else ""  # unreadable since: an empty module
        return self.kept


def _unreadable(line: int, problem: str) -> ReadFile:
    return ReadFile((line, problem), frozenset())


Status = tuple[int, ...]  # what says a file is unchanged: modification and change time, size, inode
_memo: dict[tuple[Path, str, int], tuple[Status, ReadFile]] = {}
_screened: dict[tuple[str, str], ReadFile] = {}
_worker_knowledge: Knowledge | None = None


def read_files(paths: Sequence[Path], knowledge: Knowledge, jobs: int = 1,
               progress: Progress | None = None,
               max_bytes: int = DEFAULT_MAX_FILE_BYTES, index: Index | None = None) -> dict[Path, ReadFile]:
    """Each path's :class:`ReadFile`; unreadable files carry their problem instead of text.

    Only regular files of at most ``max_bytes`` are read: a FIFO would block, a device
    (``/dev/zero``) never ends, and a huge file would exhaust memory. ``index`` (screens by
    path, for this pack and bound) is used for unchanged files and updated with the files read.
    """
    found: dict[Path, ReadFile] = {}
    stale: list[tuple[Path, Status]] = []
    for path in paths:
        try:
            info = path.stat()
        except OSError as error:
            found[path] = _unreadable(1, f"cannot read: {error.strerror or error}")
            continue
        status: Status = (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino)
        known = _memo.get((path, knowledge.pack.version, max_bytes))
        indexed = _from_index(index.get(str(path)), status, path, max_bytes) if index is not None else None
        if known is not None and known[0] == status:
            found[path] = known[1]
        elif indexed is not None:
            found[path] = indexed
            _memo[(path, knowledge.pack.version, max_bytes)] = (status, indexed)
        else:
            stale.append((path, status))
    for done, (path, read) in enumerate(_read_all([p for p, _ in stale], knowledge, jobs, max_bytes), 1):
        found[path] = read
        if progress is not None and (done % _CHUNK == 0 or done == len(stale)):
            progress("reading", done, len(stale))
    for path, status in stale:
        read = found[path]
        _memo[(path, knowledge.pack.version, max_bytes)] = (status, read)
        if index is not None and read.problem is None:
            index[str(path)] = [*status, read.digest.hex(), sorted(read.names), read.lines]
    return found


def _from_index(entry: list | None, status: Status, path: Path,  # type: ignore[type-arg]
                max_bytes: int) -> ReadFile | None:
    """The screen an index entry holds, if the file's status is still the one it was taken at."""
    if not isinstance(entry, list) or len(entry) != len(status) + 3 or tuple(entry[:len(status)]) != status:
        return None
    digest, names, lines = entry[len(status):]
    try:
        return ReadFile(None, frozenset(str(n) for n in names), int(lines), bytes.fromhex(digest), None,
                        (path, max_bytes))
    except (TypeError, ValueError):
        return None


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
        return _unreadable(line, "cannot parse: the file contains NUL bytes")
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    names = knowledge.screen(text)
    if _NOQA.search(text):  # a search, not a lower-cased copy of every file
        names |= {NOQA}
    return ReadFile(None, names, text.count("\n") + 1, digest, text)


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
    text = _read_text(path, max_bytes)
    return text if isinstance(text, ReadFile) else _screen(text, knowledge)


def _read_text(path: Path, max_bytes: int) -> str | ReadFile:
    """The decoded text of ``path``, or the unreadable :class:`ReadFile` that says why not."""
    try:
        raw = _read_regular(path, max_bytes)
    except OSError as error:
        return _unreadable(1, f"cannot read: {error.strerror or error}")
    except _Refused as refused:
        return _unreadable(1, str(refused))
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
        text = raw.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as error:
        return _unreadable(1, f"cannot decode: {error}")
    return text.removeprefix("\ufeff")


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
