"""Branches and loops: statements whose bodies may run or not, or run again.

The branches of ``if``/``try``/``match`` run on copies of the environment that are joined
afterwards; loop bodies run until the environment stops changing (at most :data:`LOOP_ROUNDS`
times). The platform-data inferences an ``if`` test makes are the guard of what its branches
assign. This layer sits on :class:`~devterms.engine.expressions.Expressions` (tests, iterables
and subjects are expressions); :meth:`statement` is the frame's, which dispatches every kind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import libcst as cst

from devterms.engine.assignment import element
from devterms.engine.expressions import Expressions, inferences
from devterms.values import Value, join

LOOP_ROUNDS = 3


class Branches(Expressions):
    def run_block(self, body: Sequence[cst.CSTNode]) -> None:
        for statement in body:
            self.run.tick()
            self.statement(statement)

    def body_of(self, node: cst.CSTNode) -> Sequence[cst.CSTNode]:
        if isinstance(node, (cst.IndentedBlock, cst.SimpleStatementSuite)):
            return node.body
        if isinstance(node, (cst.Else, cst.Finally)):
            return self.body_of(node.body)
        return [node]

    def stmt_If(self, node: cst.If) -> None:
        test = inferences(self.eval(node.test))
        branches = [self.body_of(node.body)]
        if isinstance(node.orelse, cst.If):
            branches.append([node.orelse])
        elif node.orelse is not None:
            branches.append(self.body_of(node.orelse))
        else:
            branches.append([])
        outer = self.guard
        self.guard = join(outer, test)
        try:
            self.run_branches(branches)
        finally:
            self.guard = outer

    def stmt_For(self, node: cst.For) -> None:
        items = element(self.eval(node.iter))
        self.loop(lambda: self.assign(node.target, items, node), self.body_of(node.body))
        if node.orelse is not None:
            self.run_block(self.body_of(node.orelse))

    def stmt_While(self, node: cst.While) -> None:
        self.loop(lambda: self.eval(node.test), self.body_of(node.body))
        if node.orelse is not None:
            self.run_block(self.body_of(node.orelse))

    def stmt_Try(self, node: cst.Try | cst.TryStar) -> None:
        before = dict(self.env)
        self.run_block(self.body_of(node.body))
        if node.orelse is not None:
            self.run_block(self.body_of(node.orelse))
        outcomes = [self.env]
        for handler in node.handlers:  # an exception may come at any point of the body
            self.env = _join_envs([before, outcomes[0]])
            self.run_block(self.body_of(handler.body))
            outcomes.append(self.env)
        self.env = _join_envs(outcomes)
        if node.finalbody is not None:
            self.run_block(self.body_of(node.finalbody))

    stmt_TryStar = stmt_Try

    def stmt_Match(self, node: cst.Match) -> None:
        subject = self.eval(node.subject).data_only()
        branches = []
        for case in node.cases:
            captured = [n.value for n in _walk_names(case.pattern)]
            branches.append((captured, list(self.body_of(case.body))))
        before = dict(self.env)
        results = []
        for captured, body in branches:
            self.env = dict(before)
            for name in captured:
                self.bind(name, subject)
            self.run_block(body)
            results.append(self.env)
        self.env = _join_envs([before, *results])

    def run_branches(self, branches: Sequence[Sequence[cst.CSTNode]]) -> None:
        before = dict(self.env)
        results = []
        for body in branches:
            self.env = dict(before)
            self.run_block(body)
            results.append(self.env)
        self.env = _join_envs(results)

    def loop(self, head: Callable[[], object], body: Sequence[cst.CSTNode]) -> None:
        for _ in range(LOOP_ROUNDS):
            before = dict(self.env)
            head()
            self.run_block(body)
            self.env = _join_envs([before, self.env])
            if _env_shape(self.env) == _env_shape(before):
                break


def _walk_names(node: cst.CSTNode) -> list[cst.Name]:
    found = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, cst.MatchAs) and current.name is not None:
            found.append(current.name)
        elif isinstance(current, cst.MatchStar) and current.name is not None:
            found.append(current.name)
        stack.extend(current.children)
    return found


def _join_envs(envs: Sequence[dict[str, Value]]) -> dict[str, Value]:
    merged: dict[str, Value] = {}
    for env in envs:
        for name, value in env.items():
            merged[name] = join(merged[name], value) if name in merged else value
    return merged


def _env_shape(env: dict[str, Value]) -> dict[str, tuple[object, ...]]:
    return {k: v.shape() for k, v in env.items()}
