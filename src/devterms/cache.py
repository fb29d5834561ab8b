"""The on-disk cache of a project's analysis, shared by the CLI, flake8 workers and the editor.

An entry is keyed by everything the answer depends on: devterms' version, the rule pack's
version, the analysis budget, and the path and content hash of every file of the project. So a
stale entry is never read: any change makes a new key, and deleting the folder only costs time.

The cache folder lies inside a tree that may be hostile (a cloned pull request), so nothing in
it is trusted: a folder that is a symbolic link is not used; files are opened without following
links, only regular files of a bounded size are read, and entries are written atomically
(a fresh temporary file, then a rename that replaces a planted link instead of writing through
it). Each entry carries an HMAC of its key and content, made with a per-user secret kept
outside any project, so an edited entry (one that would hide a finding), or one copied from
another project, fails verification and is recomputed. A key file that is empty, short or not
hex (a full disk, an edit) is replaced by a new random key rather than used.

Besides the answers, the folder keeps a *screen index* per pack version (:func:`load_record`):
each file's status, content digest and pre-screen result, signed the same way, so that a run
on an unchanged tree reads no file (see :mod:`devterms.reading`). And it keeps each project
*shape*'s last analysis (:func:`shape_key`): which files the engine read, and the import lines
of the others. A change to a file the engine did not read, leaving its pre-screen and imports as
they were, cannot change the answer, so :mod:`devterms.checker` reuses it without an analysis.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import stat
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from devterms import __version__
from devterms.model import Diagnostic, Finding, Hop, Use

FOLDER_NAME = ".devterms_cache"
MAX_ENTRIES = 32
MAX_ENTRY_BYTES = 64 << 20
MAX_INDEX_ENTRIES = 200_000  # files in the screen index (a bigger tree reads its files each run)
KEY_BYTES = 32
INDEX_FORMAT = 2  # what a screen records (2: whether the file holds a noqa comment)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


def project_key(pack_version: str, budget: int, files: Iterable[tuple[str, bytes]]) -> str:
    """``files`` are (display path, SHA-256 of the text) pairs."""
    digest = hashlib.sha256(f"{__version__}\0{pack_version}\0{budget}".encode())
    for display, text_digest in sorted(files):
        digest.update(display.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(text_digest)
    return digest.hexdigest()


def index_key(pack_version: str, max_bytes: int) -> str:
    """The name of the screen index (see :mod:`devterms.reading`) for one pack and size bound."""
    named = f"{__version__}\0{INDEX_FORMAT}\0{pack_version}\0{max_bytes}"
    return "index-" + hashlib.sha256(named.encode()).hexdigest()[:32]


def shape_key(pack_version: str, budget: int, files: Iterable[tuple[str, Iterable[str]]]) -> str:
    """The name of a project's *shape* (see :func:`load_record`): ``files`` are (display path,
    what its pre-screen names) pairs, so a file added, removed or newly naming a source or a
    sink makes a new shape."""
    digest = hashlib.sha256(f"shape\0{__version__}\0{pack_version}\0{budget}".encode())
    for display, names in sorted((d, sorted(n)) for d, n in files):
        digest.update("\0".join([display, *names, ""]).encode("utf-8", "surrogatepass") + b"\n")
    return "shape-" + digest.hexdigest()[:32]


def load_record(folder: Path, key: str) -> dict[str, Any] | None:
    """The screen index or project shape stored under ``key``, if intact (a forged or edited
    one is ignored)."""
    payload = _load_payload(folder, key)
    try:
        record = json.loads(payload) if payload is not None else None
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def save_record(folder: Path, key: str, record: Mapping[str, Any]) -> None:
    _save_payload(folder, key, json.dumps(record, sort_keys=True))


def has(folder: Path, key: str) -> bool:
    with _opened(folder, create=False) as handle:
        return handle is not None and _regular_size(handle, f"{key}.json") is not None


def load(folder: Path, key: str) -> tuple[list[Finding], list[Diagnostic], list[Use]] | None:
    """The findings, diagnostics and uses (for the map) stored under ``key``, if intact."""
    payload = _load_payload(folder, key)
    if payload is None:
        return None
    try:
        data = json.loads(payload)
        findings = [_finding(f) for f in data["findings"]]
        diagnostics = [Diagnostic(**d) for d in data["diagnostics"]]
        uses = [Use(**u) for u in data.get("uses", [])]
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return findings, diagnostics, uses


def save(folder: Path, key: str, findings: list[Finding], diagnostics: list[Diagnostic],
         uses: list[Use] | None = None) -> None:
    _save_payload(folder, key, json.dumps({"findings": [asdict(f) for f in findings],
                                           "diagnostics": [asdict(d) for d in diagnostics],
                                           "uses": [asdict(u) for u in uses or ()]}, sort_keys=True))


def _load_payload(folder: Path, key: str) -> str | None:
    """The payload stored under ``key``, if its HMAC verifies."""
    with _opened(folder, create=False) as handle:
        raw = _read_regular(handle, f"{key}.json") if handle is not None else None
    if raw is None:
        return None
    try:
        stored = json.loads(raw.decode("utf-8"))
        payload = stored["payload"]
        if not isinstance(payload, str) or not hmac.compare_digest(stored["mac"], _mac(key, payload)):
            return None
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return payload


def _save_payload(folder: Path, key: str, payload: str) -> None:
    entry = json.dumps({"payload": payload, "mac": _mac(key, payload)}).encode("utf-8")
    with _opened(folder, create=True) as handle:
        if handle is None:
            return  # a read-only checkout, or a folder that is a link: no cache, same answers
        try:
            _create_once(handle, ".gitignore", b"*\n")
            _write_atomically(handle, f"{key}.json", entry)
            _prune(handle)
        except OSError:
            return


def _finding(raw: dict) -> Finding:  # type: ignore[type-arg]
    raw = dict(raw)
    raw["clauses"] = tuple(raw["clauses"])
    raw["flows"] = tuple(tuple(Hop(**hop) for hop in flow) for flow in raw["flows"])
    return Finding(**raw)


# ------------------------------------------------------------------ files in a hostile folder

@contextmanager
def _opened(folder: Path, create: bool) -> Iterator[int | None]:
    """A descriptor of ``folder`` opened without following a link, or None if unusable."""
    if create:
        try:
            folder.mkdir(exist_ok=True)
        except OSError:
            yield None
            return
    try:
        fd = os.open(folder, os.O_RDONLY | _DIRECTORY | _NOFOLLOW)
    except OSError:
        yield None
        return
    try:
        yield fd if stat.S_ISDIR(os.fstat(fd).st_mode) else None
    finally:
        os.close(fd)


def _regular_size(folder_fd: int, name: str) -> int | None:
    try:
        info = os.stat(name, dir_fd=folder_fd, follow_symlinks=False)
    except OSError:
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _read_regular(folder_fd: int, name: str, limit: int = MAX_ENTRY_BYTES) -> bytes | None:
    """The bytes of a regular file of at most ``limit`` bytes; never a link, FIFO or device."""
    try:
        fd = os.open(name, os.O_RDONLY | _NOFOLLOW | _NONBLOCK, dir_fd=folder_fd)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(limit + 1)[:limit]
    except OSError:
        return None
    finally:
        os.close(fd)


def _create_once(folder_fd: int, name: str, data: bytes) -> None:
    try:
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644, dir_fd=folder_fd)
    except FileExistsError:
        return
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _write_atomically(folder_fd: int, name: str, data: bytes, mode: int = 0o644) -> None:
    """A new file under a random name, then renamed over ``name`` (a planted link is replaced)."""
    temporary = f".{secrets.token_hex(8)}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, mode, dir_fd=folder_fd)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, name, src_dir_fd=folder_fd, dst_dir_fd=folder_fd)
    except OSError:
        try:
            os.unlink(temporary, dir_fd=folder_fd)
        except OSError:
            pass
        raise


def _prune(folder_fd: int) -> None:
    """Keep the newest :data:`MAX_ENTRIES` answers and the newest two screen indexes; only
    regular files are ever removed."""
    entries: dict[bool, list[tuple[int, str]]] = {True: [], False: []}
    with os.scandir(folder_fd) as listing:
        for item in listing:
            if item.name.endswith(".json") and item.is_file(follow_symlinks=False):
                kind = entries[item.name.startswith("index-")]
                kind.append((item.stat(follow_symlinks=False).st_mtime_ns, item.name))
    stale = sorted(entries[False], reverse=True)[MAX_ENTRIES:] + sorted(entries[True], reverse=True)[2:]
    for _, name in stale:
        try:
            os.unlink(name, dir_fd=folder_fd)
        except OSError:
            pass


# ------------------------------------------------------------------ the per-user key

def _mac(key: str, payload: str) -> str:
    """Binds the payload to its key, so an entry cannot be replayed under another project's."""
    message = f"{key}\0{payload}".encode("utf-8")
    return hmac.new(_secret(), message, hashlib.sha256).hexdigest()


_keys: dict[Path, bytes] = {}  # by key folder, read once per process


def _secret() -> bytes:
    """A per-user key outside any project (so a project file cannot forge an entry).

    Only a key of exactly :data:`KEY_BYTES` random bytes (hex) is used; anything else is
    replaced. When no key can be stored, this process uses a random one of its own, so its
    entries are simply never read again by another process.
    """
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "devterms"
    if home in _keys:
        return _keys[home]
    key = None
    try:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        pass
    with _opened(home, create=False) as handle:
        if handle is not None:
            key = _valid_key(_read_regular(handle, "cache-key", limit=4 * KEY_BYTES))
            if key is None:
                key = secrets.token_bytes(KEY_BYTES)
                try:
                    _write_atomically(handle, "cache-key", key.hex().encode(), mode=0o600)
                except OSError:
                    pass
    _keys[home] = key or secrets.token_bytes(KEY_BYTES)
    return _keys[home]


def _valid_key(raw: bytes | None) -> bytes | None:
    if raw is None:
        return None
    text = raw.strip()
    if len(text) != 2 * KEY_BYTES:
        return None
    try:
        return bytes.fromhex(text.decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return None
