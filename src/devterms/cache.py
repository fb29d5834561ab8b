"""The on-disk cache of a project's analysis, shared by the CLI, flake8 workers and the editor.

An entry is keyed by everything the answer depends on: devterms' version, the rule pack's
version, the analysis budget, and the path and content hash of every file of the project. So a
stale entry is never read: any change makes a new key, and deleting the folder only costs time.
Entries are written atomically (temporary file, then rename), so parallel flake8 workers can
race without harm. Each entry carries an HMAC of its key and content, made with a secret kept
outside the project, so an edited entry (one that would hide a finding), or one copied from
another project, fails verification and is recomputed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from devterms import __version__
from devterms.model import Diagnostic, Finding, Hop

FOLDER_NAME = ".devterms_cache"
MAX_ENTRIES = 32


def project_key(pack_version: str, budget: float, files: Iterable[tuple[str, str]]) -> str:
    """``files`` are (display path, text) pairs."""
    digest = hashlib.sha256(f"{__version__}\0{pack_version}\0{budget}".encode())
    for display, text in sorted(files):
        digest.update(display.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(_text_digest(text))
    return digest.hexdigest()


_digests: dict[str, bytes] = {}


def _text_digest(text: str) -> bytes:
    """Each file's hash once per process (flake8 asks for the project key once per file)."""
    found = _digests.get(text)
    if found is None:
        if len(_digests) > 100_000:
            _digests.clear()
        found = _digests[text] = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    return found


def has(folder: Path, key: str) -> bool:
    return (folder / f"{key}.json").is_file()


def load(folder: Path, key: str) -> tuple[list[Finding], list[Diagnostic]] | None:
    try:
        stored = json.loads((folder / f"{key}.json").read_text("utf-8"))
        payload = stored["payload"]
        if not hmac.compare_digest(stored["mac"], _mac(key, payload)):
            return None
        data = json.loads(payload)
        findings = [_finding(f) for f in data["findings"]]
        diagnostics = [Diagnostic(**d) for d in data["diagnostics"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return findings, diagnostics


def save(folder: Path, key: str, findings: list[Finding], diagnostics: list[Diagnostic]) -> None:
    payload = json.dumps({"findings": [asdict(f) for f in findings],
                          "diagnostics": [asdict(d) for d in diagnostics]}, sort_keys=True)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ".gitignore").write_text("*\n")
        with tempfile.NamedTemporaryFile("w", dir=folder, suffix=".tmp", delete=False,
                                         encoding="utf-8") as handle:
            json.dump({"payload": payload, "mac": _mac(key, payload)}, handle)
        os.replace(handle.name, folder / f"{key}.json")
        _prune(folder)
    except OSError:
        return  # a read-only checkout still works, just without a cache


def _finding(raw: dict) -> Finding:  # type: ignore[type-arg]
    raw = dict(raw)
    raw["clauses"] = tuple(raw["clauses"])
    raw["flow"] = tuple(Hop(**hop) for hop in raw["flow"])
    return Finding(**raw)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[MAX_ENTRIES:]:
        old.unlink(missing_ok=True)


def _mac(key: str, payload: str) -> str:
    """Binds the payload to its key, so an entry cannot be replayed under another project's."""
    message = f"{key}\0{payload}".encode("utf-8")
    return hmac.new(_secret(), message, hashlib.sha256).hexdigest()


def _secret() -> bytes:
    """A per-user key outside any project (so a project file cannot forge an entry)."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "devterms"
    key_file = home / "cache-key"
    try:
        return bytes.fromhex(key_file.read_text().strip())
    except (OSError, ValueError):
        pass
    key = secrets.token_bytes(32)
    try:
        home.mkdir(parents=True, exist_ok=True)
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(key.hex())
    except FileExistsError:
        return bytes.fromhex(key_file.read_text().strip())
    except OSError:
        pass
    return key
