"""The flake8 adapter, in the shape of flake8's own pyflakes plugin.

flake8 hands over one file at a time, but flows cross files, so each file is checked as part of
its whole project (found from the file's path) with flake8's copy of the file's text standing in
for the disk; only findings located in this file are yielded. The project's discovery and rule
pack are cached per process, and the engine's on-disk cache spares re-analysing other files.
flake8 applies ``# noqa`` and ``--select``/``--ignore`` itself.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

from devterms import __version__
from devterms.frontend import Project, analyse, open_project, selection_for
from devterms.discovery import find_root
from devterms.model import Finding
from devterms.schema import RulePackError

Violation = tuple[int, int, str, type]


class DevtermsChecker:
    name = "devterms"
    version = __version__

    config_file: ClassVar[Path | None] = None
    extra_rules: ClassVar[tuple[Path, ...]] = ()
    use_cache: ClassVar[bool] = True

    def __init__(self, tree: ast.AST, filename: str, lines: Sequence[str]) -> None:
        self.filename = filename
        self.lines = lines

    @classmethod
    def add_options(cls, manager: Any) -> None:
        manager.add_option("--devterms-config", parse_from_config=True, normalize_paths=True,
                           default=None, help="devterms settings file (default: pyproject.toml)")
        manager.add_option("--devterms-rules", parse_from_config=True, normalize_paths=True,
                           comma_separated_list=True, default=[], help="extra devterms rule pack folders")
        manager.add_option("--devterms-no-cache", parse_from_config=True, action="store_true",
                           default=False, help="do not use devterms' on-disk analysis cache")

    @classmethod
    def parse_options(cls, options: Any) -> None:
        cls.config_file = Path(options.devterms_config) if options.devterms_config else None
        cls.extra_rules = tuple(Path(p) for p in options.devterms_rules or ())
        cls.use_cache = not options.devterms_no_cache

    def run(self) -> Iterator[Violation]:
        path = Path(self.filename).resolve()
        try:
            project = _project(find_root(path), self.config_file, self.extra_rules)
            outcome = analyse(
                project, selection_for(project.config), report_on={path}, extra_files=(path,),
                overrides={path: "".join(self.lines)}, display_base=project.root,
                use_cache=self.use_cache, apply_noqa=False,
            )
        except RulePackError as exc:
            yield 1, 0, f"DT000 devterms configuration error: {exc}", type(self)
            return
        for finding in outcome.findings:
            yield finding.line, finding.column, flake8_message(finding), type(self)
        for diagnostic in outcome.diagnostics:
            yield diagnostic.line, diagnostic.column, f"{diagnostic.code} {diagnostic.message}", type(self)


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


@functools.lru_cache(maxsize=8)
def _project(root: Path, config_file: Path | None, extra_rules: tuple[Path, ...]) -> Project:
    return open_project(root, config_file, extra_rules)
