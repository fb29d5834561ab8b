"""The one entry point every front end calls: analyse a project, return findings.

Reading, decoding and parsing happen here, and so does turning every way a file can fail into
one :class:`~devterms.model.Diagnostic`: the engine below only ever sees parsed modules.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
import threading
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from devterms import cache
from devterms.discovery import display_path, resolved
from devterms.pack.index import Knowledge
from devterms.reading import DEFAULT_MAX_FILE_BYTES, NOQA, Progress, ReadFile, read_files, same_as_read, screen_text
from devterms.model import Diagnostic, Finding, Use
from devterms.modules import SourceFile, module_name
from devterms.pack.types import RulePack
from devterms.reuse import ShapeRecord, shape_record, still_answers

DEFAULT_BUDGET_STEPS = 1_000_000  # about 20 s of CPU on a slow module
DEFAULT_TIMEOUT_SECONDS = 600.0  # the whole run's wall clock
_STACK_BYTES = 256 * 1024 * 1024
_RECURSION_LIMIT = 60_000
_knowledge_cache: dict[str, Knowledge] = {}
# Per process: flake8 calls the plugin once per file, each time for the whole project, so the
# last results (by project key) are kept in memory between calls (texts: see devterms.reading).
_results: dict[str, tuple[list[Finding], list[Diagnostic], list[Use]]] = {}
# ... and the whole answer to the same question while no file changed (by size and mtime):
# flake8 asks it once per file of the project.
_recent: dict[tuple[object, ...], tuple[int, CheckResult]] = {}
_shapes: dict[str, ShapeRecord] = {}  # ... and what the last analysis of each project shape read
_MAX_RESULTS = 4
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds of the whole run: its wall-clock time, and the largest file it reads.

    Unlike the step budget these depend on the machine, so an answer that hit the timeout is
    never cached."""

    timeout: float = DEFAULT_TIMEOUT_SECONDS
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES


@dataclass(frozen=True, slots=True)
class CheckResult:
    findings: tuple[Finding, ...]
    diagnostics: tuple[Diagnostic, ...]
    files: int
    lines: int
    uses: tuple[Use, ...] = ()  # with ``inventory``: what the map shows
    suppressing: frozenset[str] = frozenset()  # the files holding a noqa comment (display paths)


def check_project(
    files: Sequence[Path],
    *,
    pack: RulePack,
    root: Path,
    report_on: Collection[Path] | None = None,
    overrides: Mapping[Path, str] | None = None,
    display_base: Path | None = None,
    jobs: int = 1,
    cache_dir: Path | None = None,
    budget: int = DEFAULT_BUDGET_STEPS,
    limits: Limits = Limits(),
    prescreen: bool = True,
    progress: Progress | None = None,
    inventory: bool = False,
) -> CheckResult:
    """Analyse ``files`` (paths of the project's Python files) as one project.

    Findings of every rule in ``pack`` are returned, enabled by default or not (filtering by
    select/ignore and ``noqa`` is the front end's job). Only findings whose sink or any hop of a
    flow lies in ``report_on`` (default: all ``files``), and diagnostics located there, are
    returned: a change to a source's file must show the flow it completes elsewhere. Every file
    contributes to cross-file flows. ``overrides`` gives in-memory text for files (an editor buffer, flake8's lines).
    Paths in the result are POSIX paths relative to ``display_base`` (default: the current
    directory) when below it, else absolute. ``budget`` bounds the steps of work spent per module,
    ``limits`` the run's time and the size of files read (files beyond them get a DT000).
    ``cache_dir`` keeps results on disk (see :mod:`devterms.cache`). ``jobs`` > 1 reads and
    screens a large tree in that many processes; the analysis of what can matter runs in one.
    ``prescreen=False`` parses every file (the tests use it to show the pre-screen never changes
    an answer). ``progress(stage, done, total)`` is told how reading and analysing advance.
    ``inventory`` also analyses the modules that collect platform data and send it nowhere
    suspicious, for the map (``devterms map``): the same run answers with findings and uses.
    """
    deadline = time.monotonic() + limits.timeout
    base = resolved(display_base or Path.cwd())
    knowledge = _knowledge_cache.get(pack.version) or _knowledge_cache.setdefault(pack.version, Knowledge(pack))
    paths = tuple(sorted({resolved(Path(f)) for f in files}))
    buffers = {p: t for p, t in ((resolved(Path(p)), t) for p, t in (overrides or {}).items())
               if not same_as_read(p, t, knowledge, limits.max_file_bytes)}  # flake8's copy of an unchanged file
    key = (paths, root, base, tuple(sorted((p, hash(t)) for p, t in buffers.items())),
           pack.version, budget, limits, prescreen, cache_dir, inventory)
    versions = _stat_fingerprint(paths)
    recent = _recent.get(key)
    if recent is None or recent[0] != versions:
        answer, timed_out = _whole_project(paths, buffers, pack, knowledge, root, base, jobs, cache_dir,
                                           budget, (deadline, limits), (prescreen, inventory), progress)
        _recent.clear()
        recent = (versions, answer)
        if not timed_out:
            _recent[key] = recent
    whole = recent[1]
    if report_on is None:
        return whole
    wanted = {display_path(resolved(Path(p)), base) for p in report_on}
    return dataclasses.replace(
        whole, findings=tuple(f for f in whole.findings if f.touches(wanted)),
        diagnostics=tuple(d for d in whole.diagnostics if d.path in wanted),
        uses=tuple(u for u in whole.uses if u.path in wanted))


def _whole_project(paths: tuple[Path, ...], buffers: Mapping[Path, str], pack: RulePack,
                   knowledge: Knowledge, root: Path, base: Path, jobs: int,
                   cache_dir: Path | None, budget: int, bounds: tuple[float, Limits], modes: tuple[bool, bool],
                   progress: Progress | None) -> tuple[CheckResult, bool]:
    """Every finding and diagnostic of the project, from the caches when they have it, and
    whether the run timeout cut the analysis short (such an answer is not cached)."""
    deadline, limits = bounds
    prescreen, inventory = modes
    unreadable: list[Diagnostic] = []  # reading problems: cheap, found again on every call
    sources: list[SourceFile] = []
    index_name = cache.index_key(pack.version, limits.max_file_bytes)
    index = (cache.load_record(cache_dir, index_name) or {}) if cache_dir is not None else None
    before = dict(index or {})
    read = read_files([p for p in paths if p not in buffers], knowledge, jobs, progress, limits.max_file_bytes,
                      index)
    if cache_dir is not None and index is not None and index != before and len(index) <= cache.MAX_INDEX_ENTRIES:
        cache.save_record(cache_dir, index_name, index)
    read.update((p, screen_text(buffers[p], knowledge)) for p in paths if p in buffers)
    digests: dict[str, bytes] = {}
    for path in paths:
        display, found = display_path(path, base), read[path]
        if found.problem is not None:
            line, problem = found.problem
            unreadable.append(Diagnostic(display, line, 0, problem))
            continue
        name, is_package = _module_name(path, root)
        sources.append(SourceFile(path, name, display, _text_of(found), is_package, found.names))
        digests[display] = found.digest
    mode = f"{pack.version}:{prescreen}:{'map' if inventory else 'check'}"  # the map's run is a run of its own
    key = cache.project_key(mode, budget, digests.items())
    shape = cache.shape_key(mode, budget, ((s.display, s.names) for s in sources))
    remembered = _results.get(key)
    cached = remembered or _stored_answer(key, cache_dir)
    reused = None if cached is not None else still_answers(
        _shapes.get(shape) or (cache.load_record(cache_dir, shape) if cache_dir is not None else None), sources, digests)
    if reused is not None:
        cached = _results.get(reused) or _stored_answer(reused, cache_dir)
    timed_out = False
    if cached is not None:
        findings, unanalysable, uses = cached
    else:
        findings, unanalysable, uses, timed_out, read_by_engine = _run_deep(
            lambda: _analysis().run_engine(pack, knowledge, sources, budget, (deadline, limits.timeout), modes,
                                           progress))
        if not timed_out:
            _remember_shape(shape, shape_record(key, sources, digests, read_by_engine), cache_dir)
    if timed_out:
        pass  # a machine-dependent answer: neither remembered nor cached
    elif cache_dir is not None and (cached is None or remembered is not None or reused is not None) \
            and not cache.has(cache_dir, key):
        cache.save(cache_dir, key, findings, unanalysable, uses)
    if not timed_out:
        if len(_results) >= _MAX_RESULTS:
            _results.pop(next(iter(_results)))
        _results[key] = (findings, unanalysable, uses)
    diagnostics = sorted((*unreadable, *unanalysable), key=lambda d: (d.path, d.line))
    suppressing = frozenset(s.display for s in sources if NOQA in s.names)
    return CheckResult(tuple(findings), tuple(diagnostics), len(sources), sum(read[p].lines for p in paths),
                       tuple(uses), suppressing), timed_out


def _stored_answer(key: str, cache_dir: Path | None) -> tuple[list[Finding], list[Diagnostic], list[Use]] | None:
    return cache.load(cache_dir, key) if cache_dir is not None else None


def _remember_shape(shape: str, record: ShapeRecord, cache_dir: Path | None) -> None:
    if len(_shapes) >= _MAX_RESULTS:
        _shapes.pop(next(iter(_shapes)))
    _shapes[shape] = record
    if cache_dir is not None:
        cache.save_record(cache_dir, shape, record)


def _analysis() -> ModuleType:
    """The parser and the engine, imported when an answer is not in a cache: libcst alone takes
    about 0.4 s to import, more than a warm run of a 1,200-file project (a save in an editor)."""
    from devterms import analysis

    return analysis


def _text_of(found: ReadFile) -> Callable[[], str]:
    """The text of a file that has one (read now, or when first needed)."""
    return lambda: found.text or ""


def _stat_fingerprint(paths: Sequence[Path]) -> int:
    """Changes when any file's size or modification time does (a stat costs microseconds)."""
    versions = []
    for path in paths:
        try:
            stat = path.stat()
            versions.append((stat.st_mtime_ns, stat.st_size))
        except OSError:
            versions.append((-1, -1))
    return hash(tuple(versions))


@functools.lru_cache(maxsize=65_536)
def _module_name(path: Path, root: Path) -> tuple[str, bool]:
    return module_name(path, root)


def _run_deep(work: Callable[[], T]) -> T:
    """Run ``work`` on a thread with a deep stack: real code nests deeper than CPython's default."""
    result: list[T] = []
    errors: list[BaseException] = []

    def target() -> None:
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old, _RECURSION_LIMIT))
        try:
            result.append(work())
        except BaseException as error:  # noqa: BLE001 - re-raised on the calling thread
            errors.append(error)
        finally:
            sys.setrecursionlimit(old)

    old_size = threading.stack_size()
    threading.stack_size(_STACK_BYTES)
    try:
        thread = threading.Thread(target=target, name="devterms-analysis")
        thread.start()
    finally:
        threading.stack_size(old_size)
    thread.join()
    if errors:
        raise errors[0]
    return result[0]


__all__ = ["CheckResult", "Limits", "check_project"]
