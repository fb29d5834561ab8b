"""The ``[tool.devterms]`` table of pyproject.toml, read into one frozen value.

Configuration is written by people and silently ignoring a misspelt key would silently turn a
check off, so every unknown key or ill-typed value raises :class:`InputError` naming the file
and the key, exactly like a mistake in a rule pack.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from devterms.pack.patterns import PatternError, validate_host_pattern
from devterms.pack.types import SEVERITIES
from devterms.errors import InputError
from devterms.pack.schema import Entry

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

TABLE = "[tool.devterms]"
CODE_OR_PREFIX = re.compile(r"DT[0-9]{0,3}\Z")
PACK_SECTIONS = ("sources", "sinks", "sanitizers", "vocabularies")


@dataclass(frozen=True, slots=True)
class AllowedHost:
    """A destination the project declares harmless, with the reason a reviewer can check."""

    host: str
    justification: str


@dataclass(frozen=True)
class Config:
    """Everything ``[tool.devterms]`` can say; the defaults are what an absent table means."""

    file: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    rule_packs: tuple[Path, ...] = ()
    pack_entries: Mapping[str, tuple[Mapping[str, object], ...]] = field(default_factory=dict)
    severity: Mapping[str, str] = field(default_factory=dict)
    allow_hosts: tuple[AllowedHost, ...] = ()
    timeout: float | None = None          # seconds for the whole run (None: the default)
    max_file_bytes: int | None = None     # files larger are not read (None: the default)
    use: Mapping[str, Any] | None = None  # the declared use of platform data (devterms.declaration)

    def pack_extra(self) -> dict[str, list[Entry]]:
        """Fresh rule pack entries for ``load_pack(extra=...)``, located in the config file."""
        where = str(self.file) if self.file else "configuration"
        return {
            section: [Entry(where, f"tool.devterms.{section}", i, dict(raw)) for i, raw in enumerate(raws)]
            for section, raws in self.pack_entries.items()
        }


def load_config(root: Path, explicit: Path | None = None) -> Config:
    """Read ``explicit`` (a pyproject.toml or a file of bare devterms keys) or ``root/pyproject.toml``."""
    path = explicit if explicit is not None else root / "pyproject.toml"
    if explicit is None and not path.is_file():
        return Config()
    data = read_toml(path)
    tool = data.get("tool")
    table = tool.get("devterms") if isinstance(tool, dict) else None
    if table is None:
        table = data if explicit is not None and "tool" not in data else {}
    if not isinstance(table, dict):
        raise InputError(str(path), TABLE, None, "must be a table")
    return parse_table(table, path)


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            table: dict[str, Any] = tomllib.load(handle)
            return table
    except OSError as exc:
        raise InputError(str(path), None, None, f"cannot be read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), None, None, f"is not valid TOML: {exc}") from None


def parse_table(table: Mapping[str, Any], path: Path) -> Config:
    """Validate one devterms table; relative folders are taken from the file's directory."""
    file = str(path)
    if "allow-bare-noqa" in table:
        raise InputError(file, TABLE, "allow-bare-noqa", "was removed: a bare # noqa silences devterms as "
                            "it silences flake8 (one rule for both front ends); list codes instead")
    unknown = sorted(set(table) - set(_READERS))
    if unknown:
        raise InputError(file, TABLE, unknown[0],
                            f"is not a devterms setting; expected one of {', '.join(sorted(_READERS))}")
    values: dict[str, Any] = {"file": path}
    for key, value in table.items():
        attribute, reader = _READERS[key]
        values[attribute] = reader(_Key(file, key, path.parent), value)
    entries = {s: values.pop(s) for s in PACK_SECTIONS if s in values}
    return Config(**values, pack_entries=entries)


@dataclass(frozen=True, slots=True)
class _Key:
    """Where a value came from, to build errors and resolve relative paths."""

    file: str
    key: str
    base: Path

    def error(self, problem: str) -> InputError:
        return InputError(self.file, TABLE, self.key, problem)


def _strings(key: _Key, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise key.error("must be a list of non-empty strings")
    return tuple(value)


def _codes(key: _Key, value: object) -> tuple[str, ...]:
    codes = _strings(key, value)
    for code in codes:
        if not CODE_OR_PREFIX.match(code):
            raise key.error(f"{code!r} is not a devterms code or prefix (DT, DT1, DT101)")
    return codes


def _per_path_ignores(key: _Key, value: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise key.error("must be a table of glob = [codes]")
    return tuple((glob, _codes(key, codes)) for glob, codes in value.items())


def _folders(key: _Key, value: object) -> tuple[Path, ...]:
    """Folders inside the one holding the configuration: a cloned project's settings must not
    make devterms read (or walk) anything outside it."""
    base = key.base.resolve()
    folders = []
    for folder in _strings(key, value):
        resolved = (base / folder).resolve()
        if not resolved.is_relative_to(base):
            raise key.error(f"{folder!r} lies outside {base}; a project's rule packs live inside it "
                            "(pass other folders with --rules)")
        folders.append(resolved)
    return tuple(folders)


def _tables(key: _Key, value: object) -> tuple[Mapping[str, object], ...]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise key.error("must be an array of tables ([[tool.devterms." + key.key + "]])")
    return tuple(value)


def _severity(key: _Key, value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise key.error("must be a table of code = severity")
    for code, severity in value.items():
        if not re.fullmatch(r"DT[0-9]{3}", code):
            raise key.error(f"{code!r} is not a devterms code")
        if severity not in SEVERITIES:
            raise key.error(f"{code}: {severity!r} must be one of {', '.join(SEVERITIES)}")
    return dict(value)


def _allow_hosts(key: _Key, value: object) -> tuple[AllowedHost, ...]:
    allowed = []
    for table in _tables(key, value):
        if set(table) != {"host", "justification"}:
            raise key.error("each entry needs exactly host and justification")
        host, why = table["host"], table["justification"]
        if not isinstance(why, str) or not why.strip():
            raise key.error(f"{host!r}: justification must be a non-empty string")
        if not isinstance(host, str):
            raise key.error("host must be a string")
        try:
            validate_host_pattern(host)
        except PatternError as exc:
            raise key.error(str(exc)) from None
        allowed.append(AllowedHost(host, why.strip()))
    return tuple(allowed)


def _seconds(key: _Key, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise key.error("must be a positive number of seconds")
    return float(value)


def _use(key: _Key, value: object) -> Mapping[str, Any]:
    """Read as a whole by :mod:`devterms.declaration`, which knows the platforms."""
    if not isinstance(value, dict):
        raise key.error("must be a table ([tool.devterms.use], one [tool.devterms.use.<platform>] each)")
    return value


def _bytes(key: _Key, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise key.error("must be a positive whole number of bytes")
    return value


_READERS: dict[str, tuple[str, Callable[[_Key, Any], Any]]] = {
    "select": ("select", _codes),
    "ignore": ("ignore", _codes),
    "extend-select": ("extend_select", _codes),
    "per-path-ignores": ("per_path_ignores", _per_path_ignores),
    "exclude": ("exclude", _strings),
    "rule-packs": ("rule_packs", _folders),
    "sources": ("sources", _tables),
    "sinks": ("sinks", _tables),
    "sanitizers": ("sanitizers", _tables),
    "vocabularies": ("vocabularies", _tables),
    "severity": ("severity", _severity),
    "allow-hosts": ("allow_hosts", _allow_hosts),
    "timeout": ("timeout", _seconds),
    "max-file-bytes": ("max_file_bytes", _bytes),
    "use": ("use", _use),
}
