"""``devterms map``: the project's uses of platform data, and the uses its declaration lacks.

The same run as ``devterms check`` (one engine run, one cache entry) answers with findings and
uses; :mod:`devterms.mapping` groups them, :mod:`devterms.declaration` compares them with the
declared use, and a map formatter prints them. Exit status: 0, or 1 with ``--check`` when a use
is not declared (DT601) or a file could not be analysed; 2 for usage mistakes.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from devterms.declaration import FILE_NAME, Declaration, draft, find_declaration, undeclared
from devterms.discovery import files_under
from devterms.project import Outcome, Project, analyse, selection_for
from devterms.mapping import MapReport, build_map
from devterms.model import Finding, Use
from devterms.noqa import FileSuppressions
from devterms.errors import InputError
from devterms.sourcetext import SourceText

FORMATS = {
    "text": "one block per platform (default)",
    "json": "versioned JSON for scripts",
    "markdown": "tables to paste into an application or a DPIA",
    "html": "one self-contained page with a diagram of the flows",
}


def add_parser(commands: argparse._SubParsersAction,  # type: ignore[type-arg]
               common: Callable[[argparse.ArgumentParser], None]) -> None:
    parser = commands.add_parser(
        "map", help="list every use of platform data: sources, stores, destinations, purposes",
        description="Map every flow of platform data in the projects PATHs lie in, grouped by platform.")
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="files or folders to map (default: .); their whole projects are analysed")
    parser.add_argument("--format", choices=tuple(FORMATS), default="text",
                        help="map format: " + "; ".join(f"{k}: {v}" for k, v in FORMATS.items()))
    parser.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the map to FILE")
    parser.add_argument("--check", action="store_true",
                        help=f"report each use the declared use ({FILE_NAME} or [tool.devterms.use]) does not "
                             "name as DT601; exit 1 if there is one")
    parser.add_argument("--write-declaration", action="store_true",
                        help=f"draft {FILE_NAME} at each project root from the uses of today's code")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even with undeclared uses")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write .devterms_cache")
    parser.add_argument("--timeout", type=float, metavar="SECONDS", help="wall-clock bound of the run")
    parser.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                        help="processes reading and screening files (default 0: one per CPU)")
    common(parser)
    parser.set_defaults(run=run_map)


def run_map(args: argparse.Namespace) -> int:
    from devterms.cli import _emit, _writing, merged_pack, projects_of

    paths = [Path(p) for p in args.paths]
    for path in paths:
        if not path.exists():
            raise InputError(str(path), None, None, "does not exist")
    runs: list[tuple[Project, Outcome, None]] = []
    uses: list[Use] = []
    findings: list[Finding] = []
    flagged: list[Finding] = []
    declared: list[Declaration] = []
    failed = False
    own_hosts: list[str] = []
    for project, named in projects_of(paths, args.config, args.rules):
        outcome = analyse(project, selection_for(project), report_on=files_under(project.files, named),
                          display_base=Path.cwd(), jobs=args.jobs or os.cpu_count() or 1,
                          use_cache=not args.no_cache, timeout=args.timeout, inventory=True)
        runs.append((project, outcome, None))
        failed = failed or bool(outcome.diagnostics)
        for diagnostic in outcome.diagnostics:
            print(f"{diagnostic.path}:{diagnostic.line}: {diagnostic.code} {diagnostic.message}", file=sys.stderr)
        declaration = find_declaration(project.root, project.config.use, project.config.file, project.pack)
        if args.write_declaration:
            _write_draft(project, declaration, outcome.uses, outcome.findings, _writing)
        uses += outcome.uses
        findings += outcome.findings
        if declaration is not None:
            declared.append(declaration)
            own_hosts += declaration.own_hosts
            flagged += _unsuppressed(undeclared(declaration, outcome.uses, project.pack,
                                                project.pack.tool_rules["DT601"].severity))
    pack = merged_pack(runs)
    report = MapReport(build_map(pack, uses, findings, own_hosts), tuple(flagged),
                       _where(declared), bool(args.check))
    _emit(formatters()[args.format](report), args.output)
    if not args.check or args.exit_zero:
        return 0
    return 1 if flagged or failed else 0


def formatters() -> Mapping[str, Callable[[MapReport], str]]:
    from devterms.report import map_html, map_json, map_markdown, map_text

    return {"text": map_text.render, "json": map_json.render, "markdown": map_markdown.render,
            "html": map_html.render}


def _write_draft(project: Project, declaration: Declaration | None, uses: tuple[Use, ...],
                 findings: tuple[Finding, ...], writing: Callable[[Path, Callable[[], object]], None]) -> None:
    """Draft ``devterms-use.toml``; a declaration kept in pyproject.toml is not replaced."""
    target = project.root / FILE_NAME
    if declaration is not None and declaration.file != target:
        raise InputError(str(declaration.file), "[tool.devterms.use]", None,
                            f"already declares the use; remove it to draft {FILE_NAME}")
    own = declaration.own_hosts if declaration is not None else ()
    text = draft(build_map(project.pack, uses, findings, own), own)
    writing(target, lambda: target.write_text(text, encoding="utf-8"))
    print(f"devterms: wrote {target}", file=sys.stderr)


def _unsuppressed(found: list[Finding]) -> list[Finding]:
    """DT601 findings without a ``# noqa: DT601`` on their statement."""
    source = SourceText(Path.cwd(), None)
    per_file: dict[str, FileSuppressions] = {}
    kept = []
    for finding in found:
        if finding.path not in per_file:
            per_file[finding.path] = FileSuppressions(source.text(finding.path))
        if not per_file[finding.path].suppressed(finding.code, finding.line):
            kept.append(finding)
    return kept


def _where(declared: list[Declaration]) -> str | None:
    if not declared:
        return None
    return ", ".join(d.where for d in declared)
