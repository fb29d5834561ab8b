"""Finding a project's root and its Python files, without running anything.

Cross-file flows only show up when the whole project is analysed, even when a user (or
pre-commit) names a handful of changed files, so every front end first finds the root and lists
all of the project's files here; what the user named only decides where findings are reported.

The tree being listed may be hostile (linters run on untrusted pull requests), so listing never
runs git: a repository's own configuration can name commands (``core.fsmonitor``) that any git
command would run. ``.gitignore`` files (at every level) and ``.git/info/exclude`` are read with
pathspec's implementation of git's matching rules instead. Symbolic links are followed only
when they stay inside the root.
"""

from __future__ import annotations

import fnmatch
import functools
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from pathspec import GitIgnoreSpec

ROOT_MARKERS = ("pyproject.toml", "setup.cfg", ".git")
SKIPPED_DIRS = frozenset({
    "__pycache__", "node_modules", "site-packages", "dist-packages", "build", "dist",
    "venv", "htmlcov",
})
MAX_IGNORE_BYTES = 1 << 20  # a .gitignore larger than this is not a real one
# A folder with no project marker (a loose script in a home or temp folder) is listed this many
# levels deep only: its files and those of its immediate subfolders, never a whole home tree.
LOOSE_DEPTH = 1


def resolved(path: Path) -> Path:
    """``path`` absolute with every link resolved, once per process: a run meets each named file
    in several places (grouping by project, the files to report on, display paths), and flake8
    names every project file once per file it checks. Keyed by the absolute path, since the
    current folder can change between calls (the language server, tests)."""
    return _resolved(path if path.is_absolute() else Path.cwd() / path)


@functools.lru_cache(maxsize=65_536)
def _resolved(path: Path) -> Path:
    return path.resolve()


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding pyproject.toml, setup.cfg or .git.

    Falls back to ``start`` itself (its folder, for a file) so that a loose script still works;
    :func:`has_marker` tells the two apart.
    """
    start = resolved(start)
    here = start if start.is_dir() else start.parent
    for folder in (here, *here.parents):
        if any(_exists(folder / marker) for marker in ROOT_MARKERS):
            return folder
    return here


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a path longer than the system takes
        return False


def has_marker(root: Path) -> bool:
    """Whether ``root`` holds a project marker (else it is a loose folder, see :data:`LOOSE_DEPTH`)."""
    return any(_exists(root / marker) for marker in ROOT_MARKERS)


def project_files(root: Path, exclude: Sequence[str] = (), max_depth: int | None = None,
                  nested: list[Path] | None = None) -> list[Path]:
    """Absolute paths of the project's ``*.py`` files, sorted, honouring .gitignore and ``exclude``.

    ``max_depth`` bounds how many folder levels below ``root`` are listed (None: all). A folder
    below ``root`` holding a marker of its own is another project (a monorepo's subproject, with
    its own configuration): its files are not listed, and its folder is appended to ``nested``.
    """
    root = root.resolve()
    found = nested if nested is not None else []
    return sorted(path for path in _walk(root, max_depth, found) if not is_excluded(path, root, exclude))


def is_excluded(path: Path, root: Path, exclude: Sequence[str]) -> bool:
    """Whether a glob of ``exclude`` matches the root-relative path, one of its folders, or its name."""
    if not exclude:
        return False
    rel = display_path(path, root)
    parts = rel.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return any(
        fnmatch.fnmatchcase(candidate, pattern)
        for pattern in exclude
        for candidate in (*prefixes, parts[-1])
    )


def files_under(files: Iterable[Path], paths: Sequence[Path]) -> set[Path]:
    """The files that are one of ``paths`` or lie below one of them (which are folders).

    Linear in files and paths: each file's own path and folders are looked up in a set (pre-commit
    names every changed file, and a thousand named files must not cost a million comparisons).
    """
    targets = {resolved(p) for p in paths}
    return {f for f in files if f in targets or not targets.isdisjoint(f.parents)}


def explicit_files(paths: Sequence[Path]) -> list[Path]:
    """Files named directly on the command line, analysed even when discovery would skip them."""
    return [resolved(p) for p in paths if p.is_file()]


def inside(path: Path, root: Path) -> bool:
    """Whether ``path``, with every link resolved, lies in ``root`` (a resolved folder)."""
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError, ValueError):  # a link loop, a name too long
        return False


@functools.lru_cache(maxsize=65_536)
def display_path(path: Path, base: Path) -> str:
    """How a file is named in output and in the analysis' results: its POSIX path relative to
    ``base`` (both resolved) when it is below it, else its absolute POSIX path."""
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


class _Ignores:
    """The .gitignore files in force for one folder: each with the folder it sits in."""

    def __init__(self, specs: tuple[tuple[str, GitIgnoreSpec], ...] = ()) -> None:
        self.specs = specs

    def below(self, folder: Path, rel: str) -> _Ignores:
        spec = _read_spec(folder / ".gitignore")
        return _Ignores((*self.specs, (rel, spec))) if spec is not None else self

    def ignored(self, rel: str, is_dir: bool) -> bool:
        """git's answer: the deepest .gitignore with a matching pattern decides (a ``!`` re-includes)."""
        for base, spec in reversed(self.specs):
            local = rel[len(base) + 1:] if base else rel
            result = spec.check_file(local + "/" if is_dir else local)
            if result.include is not None:
                return result.include
        return False


def _read_spec(file: Path) -> GitIgnoreSpec | None:
    try:
        if file.is_symlink() or not file.is_file() or file.stat().st_size > MAX_IGNORE_BYTES:
            return None
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return GitIgnoreSpec.from_lines(lines) if lines else None


def _skipped_folder(folder: Path, name: str) -> bool:
    """Hidden, tool and virtual-environment folders, and those whose paths the system refuses
    (longer than PATH_MAX: nothing below them could be opened by its path either)."""
    if name.startswith(".") or name in SKIPPED_DIRS:
        return True
    try:
        return (folder / "pyvenv.cfg").exists()
    except OSError:
        return True


def _walk(root: Path, max_depth: int | None, nested: list[Path]) -> Iterator[Path]:
    """Every ``*.py`` file below ``root`` that git would not ignore, links kept inside ``root``."""
    exclude = _read_spec(root / ".git" / "info" / "exclude")
    top = _Ignores(((("", exclude),) if exclude else ())).below(root, "")
    stack: list[tuple[Path, str, _Ignores, int]] = [(root, "", top, 0)]
    while stack:
        folder, rel, ignores, depth = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            child_rel = f"{rel}/{entry.name}" if rel else entry.name
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_file = entry.is_file(follow_symlinks=True)
                linked = entry.is_symlink()
            except OSError:
                continue
            if is_dir:
                deep = max_depth is not None and depth >= max_depth
                if deep or _skipped_folder(path, entry.name) or ignores.ignored(child_rel, True):
                    continue
                if has_marker(path):
                    nested.append(path)
                else:
                    stack.append((path, child_rel, ignores.below(path, child_rel), depth + 1))
            elif entry.name.endswith(".py") and not ignores.ignored(child_rel, False):
                if is_file and (not linked or inside(path, root)):
                    yield path
