"""Assignment: what binding a value to a target does, above the names layer.

A name is bound (a strong update); a tuple or list target unpacks, element by element when the
value's parts are known; an attribute is stored on the object (a project object keeps it in
that field); a subscript with a literal key keeps that key's value apart. A value assigned
inside an ``if`` whose test inferred something about platform data carries that inference.
Evaluating the right-hand side is the expression layer's job: :meth:`Assignment.eval` is
provided by :class:`~devterms.engine.expressions.Expressions`, which sits on this layer.
"""

from __future__ import annotations

import libcst as cst

from devterms.engine.names import Names
from devterms.values import HOLE, MAX_PARTS, NOTHING, Value, concat_text, join, merge_traces


class Assignment(Names):
    def eval(self, node: cst.BaseExpression) -> Value:
        raise NotImplementedError  # the expression layer above evaluates expressions

    def stmt_Assign(self, node: cst.Assign) -> None:
        pairs = _literal_pairs(node)
        if pairs is not None:  # a, b = x, y
            values = [self.eval(v) for _, v in pairs]
            for (target, _), value in zip(pairs, values):
                self.assign(target, value, node)
            return
        value = self.eval(node.value)
        for assigned in node.targets:
            self.assign(assigned.target, value, node)

    def stmt_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self.assign(node.target, self.eval(node.value), node)

    def stmt_AugAssign(self, node: cst.AugAssign) -> None:
        old, new = self.eval(node.target), self.eval(node.value)
        value = join(old, new)
        if isinstance(node.operator, cst.AddAssign):
            value = value.with_text(concat_text([old.text, new.text]))
        self.assign(node.target, value, node)

    def assign(self, target: cst.BaseExpression, value: Value, at: cst.CSTNode) -> None:
        value = self.guarded(value, self.guard)
        if isinstance(target, cst.Name):
            if value.traces:
                value = value.with_step(self.step(at, f"assigned to `{target.value}`"))
            self.bind(target.value, value)
        elif isinstance(target, (cst.Tuple, cst.List)):
            exact = value.parts is not None and len(value.parts) == len(target.elements) and not any(
                isinstance(e, cst.StarredElement) for e in target.elements)
            for i, item in enumerate(target.elements):
                part = value.part(str(i)) if exact else None
                self.assign(item.value, part if part is not None else element(value), at)
        elif isinstance(target, cst.StarredElement):
            self.assign(target.value, element(value), at)
        elif isinstance(target, cst.Attribute):
            owner = self.eval(target.value)
            self.run.store_attribute(self, owner, target.attr.value, value)
            if not self.run.holds_fields(owner):  # a project object keeps it in that field only
                self.taint_container(target.value, value)
        elif isinstance(target, cst.Subscript):
            keys = [self.eval(s.slice.value).text for s in target.slice if isinstance(s.slice, cst.Index)]
            if isinstance(target.value, cst.Name) and len(target.slice) == len(keys) == 1 \
                    and keys[0] is not None and HOLE not in keys[0]:
                self._store_key(target.value.value, keys[0], value)
            else:
                self.taint_container(target.value, value)

    def _store_key(self, name: str, key: str, value: Value) -> None:
        """``d["k"] = v``: ``d["k"]`` is ``v`` from now on, while ``d`` as a whole holds what
        it held and ``v``'s data (a message's ``To`` header, a config dict's entries)."""
        old = self.lookup(name)
        parts = tuple((k, v) for k, v in old.parts or () if k != key)
        kept = (*parts, (key, value)) if len(parts) < MAX_PARTS else None
        data = self.guarded(value, self.guard).data_only() if value.tainted else NOTHING
        self.bind(name, Value(old.paths, merge_traces((*old.traces, *data.traces)), old.text, kept))

    def replace_data(self, target: cst.BaseExpression, value: Value) -> None:
        """A cursor that ran a new query holds that query's rows only (for a local name; other
        targets can be shared, so they only gain the data)."""
        if isinstance(target, cst.Name):
            old = self.lookup(target.value)
            self.bind(target.value, Value(old.paths, value.traces, old.text))
        else:
            self.taint_container(target, value)

    def taint_container(self, target: cst.BaseExpression, value: Value) -> None:
        """``x[k] = v``, ``x.append(v)``: the container now holds ``v``'s data too."""
        if not value.tainted:
            return
        value = self.guarded(value, self.guard)
        if isinstance(target, cst.Name):
            self.bind(target.value, _filled(self.lookup(target.value), value))
        elif isinstance(target, (cst.Attribute, cst.Subscript)):
            owner_expr = target.value
            if isinstance(target, cst.Attribute):
                owner = self.eval(owner_expr)
                self.run.store_attribute(self, owner, target.attr.value, value.data_only())
                if self.run.holds_fields(owner):
                    return
            self.taint_container(owner_expr, value)

    def guarded(self, value: Value, guard: Value) -> Value:
        """Platform data chosen by a test that inferred something about it carries the inference."""
        return join(value, guard) if guard.traces and value.tainted else value


def _filled(container: Value, value: Value) -> Value:
    """A container that ``value``'s data went into by an unknown key: each element it keeps
    apart may hold the data now, but keeps its text (a message's ``To`` after ``set_content``)."""
    if container.parts is None:
        return join(container, value.data_only())
    parts = tuple((k, Value(v.paths, merge_traces((*v.traces, *value.traces)), v.text, v.parts))
                  for k, v in container.parts)
    return Value(container.paths, merge_traces((*container.traces, *value.traces)), container.text, parts)


def _literal_pairs(node: cst.Assign) -> list[tuple[cst.BaseExpression, cst.BaseExpression]] | None:
    if len(node.targets) != 1:
        return None
    target, value = node.targets[0].target, node.value
    if not isinstance(target, (cst.Tuple, cst.List)) or not isinstance(value, (cst.Tuple, cst.List)):
        return None
    if len(target.elements) != len(value.elements) or any(
        isinstance(e, cst.StarredElement) for e in (*target.elements, *value.elements)
    ):
        return None
    return [(t.value, v.value) for t, v in zip(target.elements, value.elements)]


def element(value: Value) -> Value:
    """What iterating or unpacking ``value`` gives: its data, and its text for file listings."""
    return Value(traces=value.traces, text=value.text)
