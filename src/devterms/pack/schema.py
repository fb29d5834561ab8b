"""Reading untrusted YAML entries with errors that name the file, the entry and the key.

Used by the rule pack loader and the configuration loader alike: both read mappings written by
people, and both must say exactly where a mistake is rather than fail somewhere downstream.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from pathlib import Path

import yaml

from devterms.errors import InputError

# libyaml's safe loader when PyYAML was built with it (ten times faster), else the pure one:
# either refuses tags that would build Python objects.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_IDENTIFIER = re.compile(r"[a-z0-9][a-z0-9_.\-]*\Z")
_CODE = re.compile(r"DT[0-9]{3}\Z")


class RulePackError(InputError):
    """A mistake in a rule pack's files (YAML, an entry, a key)."""


class Entry:
    """One mapping from a YAML list, read key by key; :meth:`finish` rejects unread keys."""

    def __init__(self, file: str, section: str, index: int, raw: Mapping[str, object]) -> None:
        self.file, self.section, self.index, self.raw = file, section, index, raw
        self.used: set[str] = set()
        self.required: set[str] = set()  # the keys read as required (see devterms.pack.jsonschema)

    @property
    def label(self) -> str:
        name = self.raw.get("id") or self.raw.get("code")
        return f"{self.section}[{self.index}]" + (f" ({name})" if isinstance(name, str) else "")

    def error(self, key: str | None, problem: str) -> RulePackError:
        return RulePackError(self.file, self.label, key, problem)

    def _get(self, key: str, required: bool) -> object:
        self.used.add(key)
        if required:
            self.required.add(key)
        value = self.raw.get(key)
        if value is None and required:
            raise self.error(key, "is required")
        return value

    def text(self, key: str) -> str:
        """A required non-empty string."""
        value = self.optional_text(key, required=True)
        assert value is not None
        return value

    def optional_text(self, key: str, required: bool = False) -> str | None:
        value = self._get(key, required)
        if value is not None and not (isinstance(value, str) and value.strip()):
            raise self.error(key, "must be a non-empty string")
        return value

    def identifier(self, key: str) -> str:
        value = self.text(key)
        if not _IDENTIFIER.match(value):
            raise self.error(key, f"{value!r} must be lower-case letters, digits, '-', '_' or '.'")
        return value

    def code(self, key: str) -> str:
        value = self.text(key)
        if not _CODE.match(value):
            raise self.error(key, f"{value!r} must be DT followed by three digits")
        return value

    def choice(self, key: str, allowed: tuple[str, ...], default: str | None = None) -> str:
        value = self.text(key) if default is None else self.optional_text(key) or default
        if value not in allowed:
            raise self.error(key, f"{value!r} must be one of {', '.join(allowed)}")
        return value

    def ref(self, key: str, known: Container[str]) -> str:
        value = self.text(key)
        if value not in known:
            raise self.error(key, f"names unknown {key} {value!r}")
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self._get(key, required=False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(key, "must be true or false")
        return value

    def items(self, key: str, required: bool = False, empty: bool = False) -> list[object]:
        """A list; ``required``: the key must be there, non-empty unless ``empty`` allows ``[]``."""
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list) or (required and not value and not empty):
            raise self.error(key, "must be a non-empty list" if required and not empty else "must be a list")
        return value

    def str_list(self, key: str, required: bool = False, empty: bool = False) -> tuple[str, ...]:
        values = self.items(key, required, empty)
        if not all(isinstance(v, str) and v for v in values):
            raise self.error(key, "must be a list of non-empty strings")
        return tuple(values)  # type: ignore[arg-type]

    def finish(self) -> None:
        unknown = sorted(set(self.raw) - self.used)
        if unknown:
            raise self.error(unknown[0], f"is not a known key of {self.section} entries")


def load_yaml_file(path: Path, raw: bytes) -> dict[str, list[Entry]]:
    """Parse one rule file with the safe loader into entries grouped by section."""
    file = str(path)
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, UnicodeDecodeError, ValueError) as exc:  # ValueError: a date like 2026-13-01
        raise RulePackError(file, None, None, f"is not valid YAML: {exc}".splitlines()[0]) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RulePackError(file, None, None, "must be a mapping of sections to lists")
    sections: dict[str, list[Entry]] = {}
    for section, entries in data.items():
        if not isinstance(entries, list):
            raise RulePackError(file, str(section), None, "must be a list of entries")
        for index, raw_entry in enumerate(entries):
            if not isinstance(raw_entry, dict):
                raise RulePackError(file, f"{section}[{index}]", None, "must be a mapping")
        sections[str(section)] = [Entry(file, str(section), i, e) for i, e in enumerate(entries)]
    return sections
