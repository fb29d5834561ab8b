"""The one kind of error a user's input can cause: devterms names what was wrong and exits 2.

A rule pack, a configuration file, a baseline, a declaration of use or a command-line argument
can be wrong; each such mistake is an :class:`InputError` naming the file (or option), the entry
and the key, as precisely as is known. Rule-pack mistakes are :class:`devterms.pack.schema.RulePackError`,
a kind of it.
"""

from __future__ import annotations


class InputError(Exception):
    """A mistake in something the user gave devterms, located as precisely as possible."""

    def __init__(self, file: str, entry: str | None, key: str | None, problem: str) -> None:
        self.file, self.entry, self.key, self.problem = file, entry, key, problem
        where = file + "".join(f": {part}" for part in (entry, key) if part)
        super().__init__(f"{where}: {problem}")
