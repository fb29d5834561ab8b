"""``--changed-since REF``: which files differ from a git revision, without trusting the repository.

The repository may be hostile (a cloned pull request): its ``.git/config`` can name commands that
git runs while it looks at the working tree (``core.fsmonitor``, clean filters, external diff and
textconv drivers, hooks). So git is asked only what it can answer from its object store:
``rev-parse`` for names, ``diff-tree`` between two commits and ``ls-tree`` of HEAD, with the
system configuration ignored and the dangerous keys overridden besides. Working-tree changes are
found here instead, by hashing each candidate file as a git blob and comparing it with HEAD's
tree. git runs only in the repository the current folder is in; files outside it are never
reported as changed, and no other repository is ever opened.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

from devterms.errors import InputError

_SAFE = ("git", "--no-pager", "-c", "core.fsmonitor=", "-c", "core.hooksPath=/dev/null",
         "-c", "diff.external=", "-c", "core.pager=cat", "-c", "protocol.allow=never")
_TIMEOUT = 60


class Changes:
    """The files changed between ``ref`` and HEAD, plus HEAD's blobs for working-tree checks."""

    def __init__(self, ref: str, cwd: Path) -> None:
        if not ref or ref.startswith("-"):
            raise _error(f"{ref!r} is not a git revision")
        self.top = Path(_git(cwd, "rev-parse", "--show-toplevel").strip()).resolve()
        try:
            base = _git(cwd, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}").strip()
        except InputError:
            raise _error(f"{ref!r} is not a commit of the repository at {self.top}") from None
        head = _git(cwd, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").strip()
        names = _git(cwd, "diff-tree", "-r", "-z", "--name-only", "--no-renames", "--no-ext-diff",
                     "--no-textconv", base, head)
        self.committed = {self.top / name for name in names.split("\0") if name}
        self.head: dict[Path, str] = {}
        for entry in _git(cwd, "ls-tree", "-r", "-z", "--full-tree", head).split("\0"):
            meta, _, name = entry.partition("\t")
            if name:
                self.head[self.top / name] = meta.split()[-1]

    def among(self, files: Iterable[Path]) -> set[Path]:
        """The ``files`` (resolved paths) that differ from ``ref``: in commits since, or on disk."""
        changed = set()
        for file in files:
            if not file.is_relative_to(self.top):
                continue
            blob = self.head.get(file)
            if file in self.committed or blob is None or _blob_id(file, len(blob)) != blob:
                changed.add(file)
        return changed


def _blob_id(path: Path, digits: int) -> str | None:
    """The git object id of the file's content (SHA-1, or SHA-256 in a SHA-256 repository)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest = hashlib.sha256() if digits == 64 else hashlib.sha1()  # noqa: S324 - git's object ids
    digest.update(b"blob %d\0" % len(data) + data)
    return digest.hexdigest()


def _git(cwd: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0")
    try:
        done = subprocess.run([*_SAFE, *args], cwd=cwd, env=env, capture_output=True, timeout=_TIMEOUT,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise _error(f"git could not be run: {exc}") from None
    if done.returncode != 0:
        problem = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _error(problem[-1] if problem else f"git {args[0]} failed")
    return done.stdout.decode("utf-8", "surrogateescape")


def _error(problem: str) -> InputError:
    return InputError("--changed-since", None, None, problem)
