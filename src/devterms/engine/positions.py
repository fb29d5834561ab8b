"""Where nodes are in the source: one lean code-generation pass, only for modules that need it.

libcst computes positions by regenerating the code while a metadata visitor walks the tree,
which costs about twice the parse. Only the nodes on a reported flow need a position, so this
module regenerates the code once with a code-generation state that tracks line and column and
records each node's syntactic range exactly as libcst's ``PositionProvider`` does (a test checks
they agree on every node), without the visitor: about a third of the cost.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from types import TracebackType

import libcst as cst
from libcst._nodes.internal import CodegenState

Point = tuple[int, int]  # 1-based line, 0-based column
Range = tuple[Point, Point]


class _Recording:
    """The context manager libcst's nodes open around their syntactic extent."""

    __slots__ = ("state", "node", "start_node", "end_node", "start")

    def __init__(self, state: _PositionState, node: cst.CSTNode, start_node: cst.CSTNode | None,
                 end_node: cst.CSTNode | None) -> None:
        self.state, self.node, self.start_node, self.end_node = state, node, start_node, end_node
        self.start: Point = (0, 0)

    def __enter__(self) -> None:
        self.start = (self.state.line, self.state.column)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        ranges = self.state.ranges
        start = ranges[self.start_node][0] if self.start_node is not None else self.start
        end = ranges[self.end_node][1] if self.end_node is not None else (self.state.line, self.state.column)
        ranges[self.node] = (start, end)


class _PositionState(CodegenState):
    """Generates the module's code while tracking where every node starts and ends."""

    def __init__(self, default_indent: str, default_newline: str) -> None:
        super().__init__(default_indent=default_indent, default_newline=default_newline)
        self.line = 1
        self.column = 0
        self.ranges: dict[cst.CSTNode, Range] = {}
        self._starts: dict[cst.CSTNode, Point] = {}

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self.add_token(token)

    def add_token(self, value: str) -> None:  # the code itself is not kept, only where it is
        newlines = value.count("\n")
        if "\r" in value:  # a lone \r (old Mac line endings) ends a line for Python and editors too
            newlines += value.count("\r") - value.count("\r\n")
        if newlines:
            self.line += newlines
            self.column = len(value) - max(value.rfind("\n"), value.rfind("\r")) - 1
        else:
            self.column += len(value)

    def before_codegen(self, node: cst.CSTNode) -> None:
        self._starts[node] = (self.line, self.column)

    def after_codegen(self, node: cst.CSTNode) -> None:
        if node not in self.ranges:  # nodes without a syntactic extent: their whole code
            self.ranges[node] = (self._starts[node], (self.line, self.column))

    def record_syntactic_position(  # type: ignore[override]
            self, node: cst.CSTNode, *, start_node: cst.CSTNode | None = None,
            end_node: cst.CSTNode | None = None) -> _Recording:
        return _Recording(self, node, start_node, end_node)


def node_ranges(module: cst.Module, tops: Collection[int] | None = None) -> Mapping[cst.CSTNode, Range]:
    """The syntactic range of every node of ``module`` (with ``tops``: of every node in those
    top-level statements, by index; the others are only generated to count their lines)."""
    state = _PositionState(module.default_indent, module.default_newline)
    for line in module.header:
        line._codegen(state)
    for index, statement in enumerate(module.body):
        if tops is None or index in tops:
            statement._codegen(state)
        else:
            plain = CodegenState(default_indent=module.default_indent, default_newline=module.default_newline)
            statement._codegen(plain)
            state.add_token("".join(plain.tokens))
    return state.ranges
