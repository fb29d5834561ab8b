"""The project as configured, and one run over it, shared by the CLI, flake8 and the editor.

The front ends do the same things around the engine: find the root, read the configuration,
build the rule pack, list the files, call :func:`checker.check_project`, then keep what the user
selected. Keeping that here leaves ``cli.py`` and ``flake8_plugin.py`` thin adapters.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from devterms import cache, checker
from devterms.checker import Limits
from devterms.config import Config, load_config
from devterms.discovery import LOOSE_DEPTH, display_path, find_root, has_marker, project_files, resolved
from devterms.errors import InputError
from devterms.model import Diagnostic, Finding, Use
from devterms.noqa import FileSuppressions
from devterms.reading import Progress
from devterms.pack.load import default_pack_dir, load_pack
from devterms.pack.types import Rule, RulePack
from devterms.selection import Selection, unknown_codes
from devterms.sourcetext import SourceText


@dataclass(frozen=True)
class Project:
    """``marked`` is False for a loose folder (no pyproject.toml, setup.cfg or .git): it is
    listed only :data:`~devterms.discovery.LOOSE_DEPTH` levels deep and gets no cache folder."""

    root: Path
    config: Config
    pack: RulePack
    files: tuple[Path, ...]
    marked: bool = True
    nested: tuple[Path, ...] = ()  # subprojects below the root, each with its own marker

    def relisted(self) -> Project:
        """The same project with its files listed again (files added or deleted meanwhile)."""
        files, nested = list_files(self.root, self.config, self.marked)
        return dataclasses.replace(self, files=files, nested=nested)

    @property
    def rules(self) -> dict[str, Rule]:
        """The pack's rules plus the codes the front end emits, by code."""
        return {**self.pack.tool_rules, **self.pack.rules}


@dataclass(frozen=True)
class Outcome:
    findings: tuple[Finding, ...]
    suppressed: tuple[Finding, ...]
    diagnostics: tuple[Diagnostic, ...]
    files: int
    lines: int
    uses: tuple[Use, ...] = ()  # with ``inventory``: what platform data is used for (the map)


def open_project(
    start: Path, config_file: Path | None = None, extra_rules: Sequence[Path] = ()
) -> Project:
    """Root, configuration, rule pack and files of the project that ``start`` lies in."""
    root = find_root(start)
    config = load_config(root, config_file)
    pack = build_pack(config, extra_rules)
    marked = has_marker(root)
    files, nested = list_files(root, config, marked)
    return Project(root, config, pack, files, marked, nested)


def list_files(root: Path, config: Config, marked: bool) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """The project's files and its nested subprojects' roots (a loose folder: only a shallow list)."""
    nested: list[Path] = []
    files = project_files(root, config.exclude, None if marked else LOOSE_DEPTH, nested)
    return tuple(files), tuple(nested)


def build_pack(config: Config, extra_rules: Sequence[Path] = ()) -> RulePack:
    """The default pack plus configured and command-line folders and entries, then overrides.

    The version (which keys every cache) is derived from the final pack: severity overrides and
    allowed hosts change answers, so they change the version too.
    """
    folders = [default_pack_dir(), *config.rule_packs, *(p.resolve() for p in extra_rules)]
    pack = load_pack(folders, extra=config.pack_extra())
    rules = dict(pack.rules)
    for code, severity in config.severity.items():
        if code not in rules:
            raise InputError(str(config.file), "[tool.devterms]", "severity", f"{code!r} is not a rule")
        rules[code] = dataclasses.replace(rules[code], severity=severity)
    allowed = tuple(a.host.lower() for a in config.allow_hosts)
    effective = repr((pack.version, sorted(config.severity.items()), allowed))
    version = hashlib.sha256(effective.encode()).hexdigest()[:16]
    return dataclasses.replace(pack, rules=rules, allowed_hosts=allowed, version=version)


def selection_for(project: Project, cli: Selection | None = None) -> Selection:
    """Config selection, with command-line --select replacing and --ignore/--extend-select adding.

    A code or prefix that names no rule (a typo such as DT999 would silently turn checking off)
    is a mistake: the configuration's are reported against its file, the command line's as such.
    """
    config = project.config
    own = Selection(config.select, config.extend_select, config.ignore, config.per_path_ignores)
    _known_codes(own, project, str(config.file or "configuration"))
    if cli is None:
        return own
    _known_codes(cli, project, "command line")
    return Selection(
        cli.select if cli.select is not None else config.select,
        config.extend_select + cli.extend_select,
        config.ignore + cli.ignore,
        config.per_path_ignores,
    )


def _known_codes(selection: Selection, project: Project, where: str) -> None:
    unknown = unknown_codes(selection.codes, project.rules)
    if unknown:
        raise InputError(where, None, None, f"unknown codes {', '.join(unknown)}; `devterms rules` lists them")


def analyse(
    project: Project,
    selection: Selection,
    *,
    report_on: Collection[Path] | None = None,
    extra_files: Sequence[Path] = (),
    overrides: Mapping[Path, str] | None = None,
    display_base: Path | None = None,
    jobs: int = 1,
    use_cache: bool = True,
    apply_noqa: bool = True,
    progress: Progress | None = None,
    timeout: float | None = None,
    inventory: bool = False,
) -> Outcome:
    """Run the engine over the whole project and keep what ``selection`` and noqa let through.

    ``timeout`` (seconds for the run) overrides the configuration's, which overrides the default.
    ``inventory``: the same run also answers with the uses of platform data, for the map.
    """
    base = (display_base or Path.cwd()).resolve()
    files = tuple(dict.fromkeys((*project.files, *extra_files)))
    defaults, config = Limits(), project.config
    limits = Limits(timeout or config.timeout or defaults.timeout,
                    config.max_file_bytes or defaults.max_file_bytes)
    result = checker.check_project(
        files, pack=project.pack, root=project.root, report_on=report_on, overrides=overrides,
        display_base=base, jobs=jobs,
        cache_dir=project.root / cache.FOLDER_NAME if use_cache and project.marked else None,
        progress=progress, limits=limits, inventory=inventory,
    )
    source = SourceText(base, overrides)
    enabled = selection.enabled_codes({c: r.enabled for c, r in project.rules.items()})

    def wanted(code: str, path: str) -> bool:
        return code in enabled and not selection.ignored_at(code, _root_relative(project.root, source, path))

    findings = [_with_severity(f, project.pack) for f in result.findings if wanted(f.code, f.path)]
    suppressed: list[Finding] = []
    if apply_noqa:
        targets = [display_path(resolved(p), base) for p in (report_on if report_on is not None else files)]
        findings, suppressed, unused = _apply_noqa(findings, targets, result.suppressing, source, project, enabled)
        findings += [f for f in unused if wanted(f.code, f.path)]
    diagnostics = tuple(d for d in result.diagnostics if wanted(d.code, d.path))
    return Outcome(
        tuple(sorted(findings, key=Finding.sort_key)), tuple(sorted(suppressed, key=Finding.sort_key)),
        diagnostics, result.files, result.lines, result.uses if inventory else (),
    )


def _with_severity(finding: Finding, pack: RulePack) -> Finding:
    rule = pack.rules.get(finding.code)
    if rule is None or rule.severity == finding.severity:
        return finding
    return dataclasses.replace(finding, severity=rule.severity)


def _apply_noqa(
    findings: list[Finding], targets: Sequence[str], holding_noqa: Collection[str], source: SourceText,
    project: Project, enabled: Collection[str],
) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """Split findings into kept and suppressed, and turn dead noqa codes of the ``targets`` into
    DT001 findings; only the files ``holding_noqa`` (their screen saw the word) are read."""
    per_file: dict[str, FileSuppressions] = {}
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        if finding.path not in holding_noqa:
            kept.append(finding)
            continue
        if finding.path not in per_file:
            per_file[finding.path] = FileSuppressions(source.text(finding.path))
        is_quiet = per_file[finding.path].suppressed(finding.code, finding.line)
        (suppressed if is_quiet else kept).append(finding)
    unused = []
    for path in (t for t in targets if t in holding_noqa):
        comments = per_file.get(path) or FileSuppressions(source.text(path))
        for comment, code in comments.unused(enabled, project.rules):
            unused.append(unused_noqa_finding(project.pack, path, comment.line, comment.column, code))
    return kept, suppressed, unused


def unused_noqa_finding(pack: RulePack, path: str, line: int, column: int, code: str) -> Finding:
    rule = pack.tool_rules["DT001"]
    return Finding(path, line, column, "DT001", rule.message.format(code=code), rule.severity,
                   "", "", (), ())


def _root_relative(root: Path, source: SourceText, path: str) -> str:
    return display_path(resolved(source.resolve(path)), root)
