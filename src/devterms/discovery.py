"""Finding a project's root and its Python files.

Cross-file flows only show up when the whole project is analysed, even when a user (or
pre-commit) names a handful of changed files, so every front end first finds the root and lists
all of the project's files here; what the user named only decides where findings are reported.
"""

from __future__ import annotations

import fnmatch
import os
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

ROOT_MARKERS = ("pyproject.toml", "setup.cfg", ".git")
SKIPPED_DIRS = frozenset({
    "__pycache__", "node_modules", "site-packages", "dist-packages", "build", "dist",
    "venv", "htmlcov",
})


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding pyproject.toml, setup.cfg or .git.

    Falls back to ``start`` itself (its folder, for a file) so that a loose script still works.
    """
    start = start.resolve()
    here = start if start.is_dir() else start.parent
    for folder in (here, *here.parents):
        if any((folder / marker).exists() for marker in ROOT_MARKERS):
            return folder
    return here


def project_files(root: Path, exclude: Sequence[str] = ()) -> list[Path]:
    """Absolute paths of the project's ``*.py`` files, sorted, honouring .gitignore and ``exclude``."""
    listed = _git_files(root)
    candidates = listed if listed is not None else _walk(root, _gitignore_patterns(root))
    return sorted(
        path for path in candidates
        if not _in_skipped_dir(path, root) and not is_excluded(path, root, exclude)
    )


def is_excluded(path: Path, root: Path, exclude: Sequence[str]) -> bool:
    """Whether a glob of ``exclude`` matches the root-relative path, one of its folders, or its name."""
    if not exclude:
        return False
    rel = _relative(path, root)
    parts = rel.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return any(
        fnmatch.fnmatchcase(candidate, pattern)
        for pattern in exclude
        for candidate in (*prefixes, parts[-1])
    )


def files_under(files: Iterable[Path], paths: Sequence[Path]) -> set[Path]:
    """The files that are one of ``paths`` or lie below one of them (which are folders)."""
    targets = [p.resolve() for p in paths]
    return {f for f in files if any(f == t or t in f.parents for t in targets)}


def explicit_files(paths: Sequence[Path]) -> list[Path]:
    """Files named directly on the command line, analysed even when discovery would skip them."""
    return [p.resolve() for p in paths if p.is_file()]


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _in_skipped_dir(path: Path, root: Path) -> bool:
    try:
        folders = path.relative_to(root).parts[:-1]
    except ValueError:
        return False
    current = root
    for name in folders:
        current = current / name
        if name.startswith(".") or name in SKIPPED_DIRS or (current / "pyvenv.cfg").exists():
            return True
    return False


def _git_files(root: Path) -> list[Path] | None:
    """Tracked and untracked-but-not-ignored files, as git sees them; None outside a work tree."""
    try:
        done = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.py"],
            cwd=root, capture_output=True, check=False, timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    names = {name for name in done.stdout.decode("utf-8", "surrogateescape").split("\0") if name}
    paths = (root / name for name in sorted(names))
    return [p for p in paths if p.is_file()]


def _gitignore_patterns(root: Path) -> list[str]:
    """The plain patterns of ``root/.gitignore`` (negations are not supported and are dropped)."""
    try:
        text = (root / ".gitignore").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith(("#", "!"))]


def _ignored(rel: str, is_dir: bool, patterns: Sequence[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    for pattern in patterns:
        if pattern.endswith("/"):
            if not is_dir:
                continue
            pattern = pattern.rstrip("/")
        if "/" in pattern:
            if fnmatch.fnmatchcase(rel, pattern.lstrip("/")):
                return True
        elif fnmatch.fnmatchcase(name, pattern):
            return True
    return False


def _walk(root: Path, patterns: Sequence[str]) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        base = Path(folder)
        rel_base = _relative(base, root)
        prefix = "" if rel_base == "." else rel_base + "/"
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".") and d not in SKIPPED_DIRS
            and not (base / d / "pyvenv.cfg").exists()
            and not _ignored(prefix + d, True, patterns)
        )
        for name in sorted(files):
            if name.endswith(".py") and not _ignored(prefix + name, False, patterns):
                yield base / name
