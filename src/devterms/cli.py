"""The ``devterms`` command: ``check``, ``map`` (:mod:`devterms.cli_map`), ``rules`` and ``explain``.

A thin adapter: argparse in, :mod:`devterms.project` for the run, a formatter out. Exit status
is 0 when clean, 1 with findings (or files that could not be analysed), 2 for usage,
configuration and rule-pack mistakes, which are printed as one ``devterms: error:`` line.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import sys
import textwrap
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from devterms import __version__, cli_map
from devterms.baseline import new_findings, read_baseline, write_baseline
from devterms.config import CODE_OR_PREFIX, load_config
from devterms.discovery import display_path, explicit_files, files_under, find_root, is_excluded, resolved
from devterms.project import Outcome, Project, analyse, build_pack, open_project, selection_for
from devterms.reading import Progress
from devterms.changes import Changes
from devterms.report import Report, formatters
from devterms.report.text import statistics
from devterms.pack.types import Rule, RulePack
from devterms.ruledocs import pages
from devterms.pack.table import rule_table
from devterms.errors import InputError
from devterms.selection import Selection
from devterms.sourcetext import SourceText

_N = TypeVar("_N", int, float)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["lsp"]:  # the server parses its own options (--stdio, --debounce)
        from devterms.lsp import main as lsp_main

        return lsp_main(argv[1:])
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not hasattr(args, "run"):
            parser.print_help(sys.stderr)
            return 2
        return int(args.run(args))
    except InputError as exc:
        print(f"devterms: error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="devterms", description="Find social-platform data flowing into surveillance sinks.")
    parser.add_argument("--version", action="version", version=f"devterms {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    check = commands.add_parser("check", help="analyse a project and report findings",
                                description="Analyse the projects PATHs lie in; report the findings whose "
                                            "flow touches a PATH.")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                       help="files or folders to report on (default: .); their whole projects are analysed, "
                            "and a finding is reported when its sink or any step of its flow lies in a PATH")
    check.add_argument("--format", choices=tuple(FORMATS), default="text",
                       help="report format: " + "; ".join(f"{k}: {v}" for k, v in FORMATS.items()))
    check.add_argument("--output", "-o", type=Path, metavar="FILE",
                       help="write the report to FILE (its folder is created)")
    check.add_argument("--select", type=_codes, metavar="CODES",
                       help="report only these codes or prefixes (comma-separated; replaces the config's select)")
    check.add_argument("--ignore", type=_codes, default=(), metavar="CODES",
                       help="do not report these codes or prefixes (adds to the config's ignore)")
    check.add_argument("--extend-select", type=_codes, default=(), metavar="CODES",
                       help="also report these codes (name rules that are off by default in full: DT102)")
    check.add_argument("--show-suppressed", action="store_true", help="also show noqa-suppressed findings")
    check.add_argument("--baseline", type=Path, metavar="FILE", help="report only findings not in FILE")
    check.add_argument("--write-baseline", type=Path, metavar="FILE",
                       help="write every current finding to FILE (then report none of them)")
    check.add_argument("--changed-since", metavar="REF",
                       help="report only findings whose flow touches a file changed since the git "
                            "revision REF (committed or not); for pull requests")
    check.add_argument("--stdin-filename", type=Path, metavar="NAME",
                       help="read the code of file NAME from standard input (editors, pipes)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    check.add_argument("--fail-on", choices=SEVERITY_ORDER, default="note",
                       help="exit 1 only for findings of this severity or higher (default: note, any finding); "
                            "files that cannot be analysed always fail")
    check.add_argument("--quiet", "-q", action="store_true",
                       help="print the findings only: no summary line, no progress bar")
    check.add_argument("--statistics", action="store_true",
                       help="print how many findings each code has instead of the findings")
    check.add_argument("--rule-docs-url", type=_rule_docs_url, metavar="URL",
                       help="where each rule's page is published, with {code} for the rule's code "
                            "(https://example.org/devterms/rules/{code}.html); SARIF links each rule to it")
    check.add_argument("--no-cache", action="store_true", help="do not read or write .devterms_cache")
    check.add_argument("--timeout", type=_seconds, metavar="SECONDS",
                       help="wall-clock bound of the run (default: config `timeout`, else 600); "
                            "files left unanalysed get DT000")
    check.add_argument("-j", "--jobs", type=_jobs, default="0", metavar="N",
                       help="processes reading and screening files (default 0: one per CPU)")
    _pack_options(check)
    check.set_defaults(run=run_check)

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--markdown", action="store_true", help="print README.md's rule table")
    rules.add_argument("--docs", type=Path, metavar="DIR", help="write one documentation page per rule into DIR")
    rules.add_argument("--schema", action="store_true",
                       help="print the JSON Schema of a rule-pack file (shipped as rules/pack.schema.json)")
    _pack_options(rules)
    rules.set_defaults(run=run_rules)

    commands.add_parser("lsp", help="run the language server on stdin/stdout (needs devterms[lsp])")

    cli_map.add_parser(commands, _pack_options)

    explain = commands.add_parser("explain", help="describe a rule and the clauses it cites")
    explain.add_argument("code", type=str.upper, metavar="CODE", help="a rule's code, such as DT101")
    _pack_options(explain)
    explain.set_defaults(run=run_explain)
    return parser


def _pack_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, metavar="FILE", help="read settings from FILE")
    parser.add_argument("--rules", type=Path, action="append", default=[], metavar="DIR",
                        help="an extra rule pack folder (repeatable)")


FORMATS = {
    "text": "headline, flow and clause per finding (default)",
    "concise": "one line per finding",
    "json": "versioned JSON for scripts",
    "sarif": "SARIF 2.1.0 for code scanning",
    "html": "one self-contained page",
    "github": "GitHub Actions annotations",
    "gitlab": "GitLab Code Quality JSON",
    "junit": "JUnit XML test report",
}
SEVERITY_ORDER = ("note", "warning", "error")


def _codes(text: str) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in text.split(",") if c.strip())
    bad = [c for c in codes if not CODE_OR_PREFIX.match(c)]
    if bad:
        raise argparse.ArgumentTypeError(f"{bad[0]!r} is not a devterms code or prefix (DT1, DT101)")
    return codes


def _number(text: str, kind: Callable[[str], _N], allowed: Callable[[_N], bool], bound: str) -> _N:
    """``text`` read as ``kind``, which must be ``allowed`` (``bound`` says what is)."""
    try:
        value = kind(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not allowed(value):  # NaN is not allowed either: every comparison with it is false
        raise argparse.ArgumentTypeError(f"must be {bound}")
    return value


def _seconds(text: str) -> float:
    return _number(text, float, lambda seconds: seconds > 0, "more than 0")


def _rule_docs_url(text: str) -> str:
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise argparse.ArgumentTypeError(f"{text!r} is not an http(s) URL")
    try:
        text.format(code="DT101")
    except (KeyError, IndexError, ValueError):
        raise argparse.ArgumentTypeError(f"{text!r} may hold no placeholder but {{code}}") from None
    if "{code}" not in text:
        raise argparse.ArgumentTypeError(f"{text!r} has no {{code}} for the rule's code")
    return text


def _jobs(text: str) -> int:
    return _number(text, int, lambda jobs: jobs >= 0, "0 or more") or os.cpu_count() or 1


def run_check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    paths, overrides = _targets(args)
    cli_selection = Selection(args.select, args.extend_select, args.ignore)
    runs = []
    with _progress_bar(args.quiet) as progress:
        for project, named in projects_of(paths, args.config, args.rules):
            extra = [f for f in (*explicit_files(named), *overrides)
                     if f.is_relative_to(project.root) and not is_excluded(f, project.root, project.config.exclude)]
            report_on = files_under((*project.files, *extra), named)
            if args.changed_since:
                report_on &= Changes(args.changed_since, Path.cwd()).among(report_on)
            outcome = analyse(project, selection_for(project, cli_selection), report_on=report_on,
                              extra_files=extra, overrides=overrides, display_base=Path.cwd(), jobs=args.jobs,
                              use_cache=not args.no_cache, progress=progress, timeout=args.timeout)
            runs.append((project, outcome, report_on))
    source = SourceText(Path.cwd(), overrides)
    findings = [f for _, outcome, _ in runs for f in outcome.findings]
    if args.write_baseline:
        _writing(args.write_baseline, lambda: write_baseline(args.write_baseline, findings, source))
    for baseline in (args.baseline, args.write_baseline):
        if baseline:
            findings = new_findings(findings, read_baseline(baseline), source)
    diagnostics = tuple(d for _, outcome, _ in runs for d in outcome.diagnostics)
    here = resolved(Path.cwd())
    named_files = frozenset(display_path(resolved(f), here) for _, _, report_on in runs for f in report_on)
    report = Report(tuple(findings), diagnostics, merged_rules(runs), merged_pack(runs), source,
                    tuple(f for _, outcome, _ in runs for f in outcome.suppressed),
                    sum(outcome.files for _, outcome, _ in runs), time.perf_counter() - started,
                    args.show_suppressed, named_files, _colour(args), args.quiet,
                    Path(os.path.commonpath([project.root for project, _, _ in runs])), args.rule_docs_url)
    _emit(statistics(report) if args.statistics else formatters()[args.format](report), args.output)
    threshold = SEVERITY_ORDER.index(args.fail_on)
    failing = [f for f in findings if SEVERITY_ORDER.index(f.severity) >= threshold]
    return 0 if args.exit_zero or not (failing or diagnostics) else 1


def _targets(args: argparse.Namespace) -> tuple[list[Path], dict[Path, str]]:
    """The paths to report on, and code read from stdin for ``--stdin-filename``."""
    if args.stdin_filename is not None:
        if args.paths not in (["."], ["-"]):
            raise InputError("--stdin-filename", None, None, "names the one file to check; give no PATH")
        return [args.stdin_filename], {args.stdin_filename.resolve(): sys.stdin.read()}
    paths = [Path(p) for p in args.paths]
    for path in paths:
        if not path.exists():
            raise InputError(str(path), None, None, "does not exist")
    return paths, {}


def _colour(args: argparse.Namespace) -> bool:
    """Colour for a terminal: NO_COLOR turns it off, FORCE_COLOR on (https://no-color.org)."""
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR") or args.output is not None or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def projects_of(paths: Sequence[Path], config: Path | None, rules: Sequence[Path]) -> Iterator[tuple[Project, list[Path]]]:
    """Each project the paths lie in, with the paths it reports on, analysed and configured apart.

    A path belongs to the nearest project root above it; a named folder also reaches into the
    subprojects below it (a monorepo's packages, each with its own pyproject.toml).
    """
    pending: dict[Path, list[Path]] = {}
    roots: dict[Path, Path] = {}  # folder -> its project root: pre-commit names many files per folder
    for path in paths:
        full = resolved(path)
        folder = full if full.is_dir() else full.parent
        if folder not in roots:
            roots[folder] = find_root(folder)
        pending.setdefault(roots[folder], []).append(path)
    while pending:  # outer projects first: they hand their named folders down to subprojects
        root = min(pending, key=lambda r: len(r.parts))
        named = list(dict.fromkeys(pending.pop(root)))
        project = open_project(root, config, rules)
        folders = [resolved(p) for p in named if p.is_dir()]
        for sub in project.nested:
            if any(sub == f or f in sub.parents or sub in f.parents for f in folders):
                below = [f for f in folders if sub in f.parents or f == sub]
                pending.setdefault(sub, []).extend(below or [sub])
        yield project, [p for p in named if resolved(p) not in project.nested]


def merged_rules(runs: Sequence[tuple[Project, Outcome, object]]) -> dict[str, Rule]:
    return {code: rule for project, _, _ in runs for code, rule in project.rules.items()}


def merged_pack(runs: Sequence[tuple[Project, Outcome, object]]) -> RulePack:
    """One pack for the report: every run's clauses and platforms (subprojects may add packs)."""
    packs = [project.pack for project, _, _ in runs]
    return dataclasses.replace(
        packs[0], rules={c: r for p in packs for c, r in p.rules.items()},
        clauses={c: v for p in packs for c, v in p.clauses.items()},
        platforms={c: v for p in packs for c, v in p.platforms.items()},
        clause_gaps={g: v for p in packs for g, v in p.clause_gaps.items()},
    )


BAR_WIDTH = 30


def _emit(text: str, output: Path | None) -> None:
    """Write the report as UTF-8; a file name that is not UTF-8 (lone surrogates) is escaped."""
    data = text.encode("utf-8", "backslashreplace")
    if output is None:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
    else:
        _writing(output, lambda: output.write_bytes(data))


def _writing(target: Path, write: Callable[[], object]) -> None:
    """Write a report or baseline, creating its folder; failing to is a usage error (exit 2)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write()
    except OSError as exc:
        raise InputError(str(target), None, None, f"cannot be written: {exc.strerror or exc}") from None


@contextlib.contextmanager
def _progress_bar(quiet: bool = False) -> Iterator[Progress | None]:
    """A progress bar on stderr for people watching a terminal; none in CI, in a pipe or quiet."""
    if quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return

    def draw(stage: str, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        sys.stderr.write(f"\r\033[Kdevterms: {stage:<10} [{bar}] {done}/{total}")
        sys.stderr.flush()

    try:
        yield draw
    finally:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()


def _pack(args: argparse.Namespace) -> tuple[RulePack, dict[str, Rule]]:
    config = load_config(find_root(Path.cwd()), args.config)
    pack = build_pack(config, args.rules)
    return pack, {**pack.tool_rules, **pack.rules}


def run_rules(args: argparse.Namespace) -> int:
    if args.schema:
        from devterms.pack.jsonschema import schema_text

        sys.stdout.write(schema_text())
        return 0
    pack, rules = _pack(args)
    if args.markdown:
        print(rule_table(pack, rules.values()))
        return 0
    if args.docs:
        for name, page in pages(pack, rules.values()).items():
            target = args.docs / name
            _writing(target, lambda: target.write_text(page, encoding="utf-8"))
        return 0
    rows = [("CODE", "SEVERITY", "DEFAULT", "TITLE")] + [
        (r.code, r.severity, "on" if r.enabled else "off", r.title) for r in sorted(rules.values(), key=lambda r: r.code)
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[3])
    return 0


def run_explain(args: argparse.Namespace) -> int:
    pack, rules = _pack(args)
    rule = rules.get(args.code)
    if rule is None:
        raise InputError(args.code, None, None, "is not a rule; `devterms rules` lists them")
    print(explain_text(pack, rule), end="")
    return 0


def explain_text(pack: RulePack, rule: Rule) -> str:
    """Title, severity, description, every clause the rule cites, then each legal-process
    exception once, naming the clauses that share it (many clauses of one platform share one)."""
    state = "enabled" if rule.enabled else "disabled"
    lines = [f"{rule.code} {rule.name}: {rule.title}", f"severity: {rule.severity} ({state} by default)"]
    if rule.sink_category:
        lines.append(f"sink category: {rule.sink_category}")
    lines += ["", *textwrap.wrap(rule.description, 88), ""]
    if rule.clauses:
        lines.append("Clauses:")
    for cid in rule.clauses:
        clause = pack.clauses[cid]
        lines += [f"  {clause.id}", f"    platform: {pack.platforms[clause.platform].name}",
                  f"    document: {pack.document_title(clause)}",
                  f"    section:  {clause.section}", f"    url:      {clause.url}",
                  *textwrap.wrap(clause.summary, 84, initial_indent="    summary:  ", subsequent_indent="              "),
                  ""]
    exceptions = pack.legal_process(rule)
    if exceptions:
        lines.append("Legal-process exceptions:")
    for text, clauses in exceptions.items():
        lines += [*textwrap.wrap(", ".join(clauses), 84, initial_indent="  for: ", subsequent_indent="       "),
                  *textwrap.wrap(text, 84, initial_indent="    ", subsequent_indent="    "), ""]
    gaps = pack.gaps_for(rule)
    if gaps:
        lines.append("No clause (the terms were read and have none for this rule; the finding still stands):")
    for gap in gaps:
        lines += [f"  {gap.id}", f"    platform: {pack.platforms[gap.platform].name}"]
        lines += [f"    document: {d.title} {d.url}".rstrip() for d in pack.gap_documents(gap)]
        lines += [f"    read from: {url}" for url in gap.copies]
        lines += [f"    checked:  {gap.checked}",
                  *textwrap.wrap(gap.statement, 84, initial_indent="    statement: ", subsequent_indent="               "),
                  ""]
    from devterms.explanations import purpose_lines  # imports the engine (and libcst): explain only

    lines += purpose_lines(pack, rule)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
