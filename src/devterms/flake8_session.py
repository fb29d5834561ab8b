"""One flake8 run's view of the projects its files lie in: the project-wide work, done once.

flake8 calls the plugin once per file. Finding the root, listing, reading and analysing the
project happen on the first call for that project (or before flake8 forks its ``-j`` workers, see
:func:`prepare`) and are kept for the process; each call then only picks what touches its file.
Only a file whose text differs from the disk (code on stdin, an editor's buffer) is analysed
again, with its text standing in. A file on disk that is not one of the project's (in ``build/``,
``.venv/``, an excluded folder) is analysed on its own: it is not part of the project's flows.
"""

from __future__ import annotations

import dataclasses
import tokenize
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from devterms.discovery import display_path, files_under, find_root
from devterms.project import Outcome, Project, analyse, open_project, selection_for
from devterms.model import Finding
from devterms.errors import InputError
from devterms.selection import Selection


@dataclass(frozen=True)
class Settings:
    config_file: Path | None
    extra_rules: tuple[Path, ...]
    use_cache: bool
    selected: Callable[[str], bool]  # flake8's decision for a code
    checked: tuple[Path, ...] = ()  # the paths flake8 was given (resolved)


@dataclass
class _Session:
    project: Project
    selection: Selection
    known: frozenset[Path]
    whole: Outcome | None = None


_sessions: dict[tuple[Path, Settings], _Session] = {}


def prepare(settings: Settings) -> None:
    """Analyse the projects of the paths flake8 was given, before it forks its workers."""
    for root in dict.fromkeys(find_root(p) for p in settings.checked if p.exists()):
        try:
            _whole(_session(root, settings), settings)
        except InputError:
            pass  # reported on each file by violations()


def violations(filename: str, text: str, settings: Settings) -> Iterator[tuple[int, int, str]]:
    """(line, column, "DTnnn message") for one file flake8 checks."""
    path = Path(filename).resolve()
    try:
        session = _session(find_root(path), settings)
        outcome = _outcome(session, path, text, settings)
    except InputError as exc:
        yield 1, 0, f"DT000 devterms configuration error: {exc}"
        return
    here = display_path(path, session.project.root)
    for finding in outcome.findings:
        if finding.path == here:
            yield finding.line, finding.column, flake8_message(finding)
        elif finding.touches({here}) and not _checked(session.project.root / finding.path, settings.checked):
            hop = next(h for flow in finding.flows for h in flow if h.path == here)
            yield hop.line, hop.column, flake8_message(finding)
    for diagnostic in outcome.diagnostics:
        if diagnostic.path == here:
            yield diagnostic.line, diagnostic.column, f"{diagnostic.code} {diagnostic.message}"


def flake8_message(finding: Finding) -> str:
    """``DT101 message``, plus ``(from a.py:3 via b.py:9 to c.py:20)`` when the flow crosses files.

    ``via`` names the hops where the flow enters another file, to keep the line short.
    """
    text = f"{finding.code} {finding.message}"
    if len(finding.flow) < 2 or all(hop.path == finding.path for hop in finding.flow):
        return text
    first, *middle, last = finding.flow
    entries, previous = [], first.path
    for hop in middle:
        if hop.path != previous:
            entries.append(f"{hop.path}:{hop.line}")
        previous = hop.path
    via = f" via {', '.join(entries)}" if entries else ""
    return f"{text} (from {first.path}:{first.line}{via} to {last.path}:{last.line})"


def _session(root: Path, settings: Settings) -> _Session:
    key = (root, settings)
    if key not in _sessions:
        project = open_project(root, settings.config_file, settings.extra_rules)
        own = selection_for(project)
        codes = tuple(code for code in project.rules if settings.selected(code))
        selection = Selection(codes, (), own.ignore, own.per_path_ignores)
        _sessions[key] = _Session(project, selection, frozenset(project.files))
    return _sessions[key]


def _whole(session: _Session, settings: Settings) -> Outcome:
    if session.whole is None:
        project = session.project
        checked = files_under(project.files, settings.checked) if settings.checked else None
        session.whole = analyse(project, session.selection, report_on=checked, display_base=project.root,
                                use_cache=settings.use_cache)
    return session.whole


def _outcome(session: _Session, path: Path, text: str, settings: Settings) -> Outcome:
    project = session.project
    if path not in session.known and path.exists():  # in build/, .venv/, excluded: not the project's
        alone = dataclasses.replace(project, files=(path,))
        return analyse(alone, session.selection, overrides={path: text}, display_base=project.root,
                       use_cache=False)
    if _same_as_disk(path, text):
        return _whole(session, settings)
    return analyse(project, session.selection, report_on={path}, extra_files=(path,), overrides={path: text},
                   display_base=project.root, use_cache=settings.use_cache)  # an edited buffer, or stdin


def _same_as_disk(path: Path, text: str) -> bool:
    """Whether flake8's text is the file's (flake8 reads files with ``tokenize.open`` too)."""
    try:
        with tokenize.open(path) as handle:
            return handle.read() == text
    except (OSError, SyntaxError, UnicodeDecodeError):
        return False


def _checked(file: Path, checked: Sequence[Path]) -> bool:
    """Whether flake8 checks ``file`` in this run too (it was named, or lies in a named folder)."""
    targets = set(checked)
    file = file.resolve()
    return file in targets or not targets.isdisjoint(file.parents)
