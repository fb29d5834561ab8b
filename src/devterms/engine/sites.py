"""One call as the interpreter saw it: the callee, the receiver and the argument values; and
how a call path is written for people."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import libcst as cst

from devterms.pack.types import Arg
from devterms.values import NOTHING, Value, join

_CALL_SUFFIX = re.compile(r"\('([^']*)'\)")


def label(path: str) -> str:
    """A call path as people read it: ``boto3.client[rekognition].index_faces``."""
    return _CALL_SUFFIX.sub(r"[\1]", path).replace("()", "")



@dataclass
class CallSite:
    node: cst.Call
    callee: Value
    positional: list[Value]
    keywords: dict[str, Value]
    starred: Value = NOTHING
    key: str = "()"
    receiver: Value = NOTHING
    arg_values: list[Value] = field(default_factory=list)

    def arg(self, spec: Arg) -> Value | None:
        """The argument ``spec`` names; with a key, the element held under it (a dotted key
        goes down nested dicts: ``outtmpl.default``)."""
        value = self._arg(spec)
        for key in spec.key.split(".") if spec.key is not None else ():
            value = value.part(key) if value is not None else None
        return value

    def _arg(self, spec: Arg) -> Value | None:
        if spec.is_receiver:
            return self.receiver
        if spec.kw is not None and spec.kw in self.keywords:
            return self.keywords[spec.kw]
        if spec.pos is not None and spec.pos < len(self.positional):
            return self.positional[spec.pos]
        return self.starred if self.starred is not NOTHING else None

    def args_data(self, specs: tuple[Arg, ...]) -> Value:
        if not specs:
            return join(*(v.data_only() for v in self.arg_values))
        return join(*(v.data_only() for v in (self.arg(s) for s in specs) if v is not None))
