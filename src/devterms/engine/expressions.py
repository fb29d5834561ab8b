"""The expressions layer of the interpreter: what each kind of expression evaluates to.

:class:`Expressions` sits on :class:`~devterms.engine.assignment.Assignment` (a walrus and a
comprehension's loop variables assign) and is itself a complete
:class:`~devterms.engine.scope.Scope`, which is what library effects, meetings and attribute
access are handed. Node types without a handler evaluate their child expressions and join
them, which over-approximates the flow; ``DEVTERMS_STRICT=1`` (set by the test suite) turns
that fallback into an error so no construct is ignored by accident.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

import libcst as cst

from devterms.engine.assignment import Assignment, element
from devterms.values import HOLE, NOTHING, Trace, Value, concat_text, container, interleave, join, merge_traces

STRICT = os.environ.get("DEVTERMS_STRICT") == "1"
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXoeEgGca%]")


class UnknownNode(Exception):
    """Raised in strict mode for a syntax node the interpreter has no handler for."""


class Expressions(Assignment):
    def statement(self, node: cst.CSTNode) -> None:
        raise NotImplementedError  # the frame at the top dispatches statements (see visit_children)

    def eval(self, node: cst.BaseExpression) -> Value:
        handler: Callable[[cst.BaseExpression], Value] | None = getattr(self, "expr_" + type(node).__name__, None)
        if handler is None:
            return self.unknown(node)
        return handler(node)

    def unknown(self, node: cst.CSTNode) -> Value:
        """An expression or statement without a handler: evaluate what it contains."""
        if STRICT:
            raise UnknownNode(type(node).__name__)
        return self.visit_children(node)

    def visit_children(self, node: cst.CSTNode) -> Value:
        values = []
        for child in node.children:
            if isinstance(child, cst.BaseExpression):
                values.append(self.eval(child))
            elif isinstance(child, (cst.BaseSmallStatement, cst.BaseCompoundStatement)):
                self.statement(child)
            elif child.children:  # brackets, keywords, arguments, whitespace: look inside
                values.append(self.visit_children(child))
        return join(*values)

    def expr_Name(self, node: cst.Name) -> Value:
        if node.value in ("True", "False", "None"):
            return NOTHING
        return self.lookup(node.value)

    def expr_Attribute(self, node: cst.Attribute) -> Value:
        return self.run.load_attribute(self, self.eval(node.value), node.attr.value, node)

    def expr_Call(self, node: cst.Call) -> Value:
        self.run.tick()
        return self.run.call(self, node)

    def expr_Subscript(self, node: cst.Subscript) -> Value:
        keys = []
        for subscript in node.slice:
            if isinstance(subscript.slice, cst.Index):
                index = subscript.slice.value
                keys.append(index.value if isinstance(index, cst.Integer) else self.eval(index).text)
        base = self.eval(node.value)
        if len(keys) == 1 and keys[0] is not None:
            part = base.part(keys[0])
            if part is not None:
                return part
        return base.data_only()

    def expr_SimpleString(self, node: cst.SimpleString) -> Value:
        try:
            value = node.evaluated_value
        except Exception:  # noqa: BLE001 - odd escapes in old code: the text is just unknown
            return NOTHING
        text = value.decode("latin-1") if isinstance(value, bytes) else value
        return Value(traces=self.run.meetings.literal(self, node, text), text=text.replace(HOLE, "")[:512])

    def expr_ConcatenatedString(self, node: cst.ConcatenatedString) -> Value:
        left, right = self.eval(node.left), self.eval(node.right)
        return join(left, right).with_text(concat_text([left.text, right.text]))

    def expr_FormattedString(self, node: cst.FormattedString) -> Value:
        texts: list[str | None] = []
        values = []
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                texts.append(part.value)
                values.append(Value(traces=self.run.meetings.literal(self, part, part.value)))
            elif isinstance(part, cst.FormattedStringExpression):
                value = self.eval(part.expression)
                values.append(value.data_only())
                texts.append(value.text)
        return join(*values).with_text(concat_text(texts))

    def expr_TemplatedString(self, node: cst.CSTNode) -> Value:
        """A t-string builds a Template object, not a string: only its data is kept."""
        return self.visit_children(node).data_only()

    def expr_BinaryOperation(self, node: cst.BinaryOperation) -> Value:
        left, right = self.eval(node.left), self.eval(node.right)
        data = join(left.data_only(), right.data_only())
        if isinstance(node.operator, cst.BitAnd):  # set intersection
            data = join(data, self._met(node, left, right, "a set intersection"))
        if isinstance(node.operator, cst.Add):
            return data.with_text(concat_text([left.text, right.text]))
        if isinstance(node.operator, cst.Modulo) and left.text is not None:
            return data.with_text(concat_text([_PERCENT_FIELD.sub(HOLE, left.text)]))
        if isinstance(node.operator, cst.Divide) and (left.text is not None or left.paths):
            text = concat_text([left.text, "/", right.text]) if left.text != "" else right.text  # cwd() / "x"
            return Value(left.paths, data.traces, text)
        return data

    def expr_UnaryOperation(self, node: cst.UnaryOperation) -> Value:
        value = self.eval(node.expression)
        return NOTHING if isinstance(node.operator, cst.Not) else value.data_only()

    def expr_BooleanOperation(self, node: cst.BooleanOperation) -> Value:
        return join(self.eval(node.left), self.eval(node.right))

    def expr_Comparison(self, node: cst.Comparison) -> Value:
        """A boolean identifies no one, but a test of platform data against vocabulary is an
        inference about it, and a comparison of two platforms' data is identity matching."""
        left = self.eval(node.left)
        found = []
        for comparison in node.comparisons:
            right = self.eval(comparison.comparator)
            if isinstance(comparison.operator, (cst.In, cst.NotIn)):
                found.append(self._met(node, left, right, "a keyword test"))
            elif isinstance(comparison.operator, (cst.Equal, cst.NotEqual)):
                found.append(self._met(node, left, right, "a comparison"))
                self.run.meetings.compared(self, node, [left, right], "a comparison of identifiers")
            left = right
        return join(*found)

    def _met(self, node: cst.CSTNode, one: Value, other: Value, what: str) -> Value:
        meetings = self.run.meetings
        return join(meetings.meet(self, node, one, other, what), meetings.meet(self, node, other, one, what))

    def expr_IfExp(self, node: cst.IfExp) -> Value:
        self.eval(node.test)
        return join(self.eval(node.body), self.eval(node.orelse))

    def expr_Await(self, node: cst.Await) -> Value:
        return self.eval(node.expression)

    def expr_Yield(self, node: cst.Yield) -> Value:
        if isinstance(node.value, cst.From):
            self.returns(self.eval(node.value.item).data_only())
        elif node.value is not None:
            self.returns(self.eval(node.value))
        return NOTHING

    def expr_NamedExpr(self, node: cst.NamedExpr) -> Value:
        value = self.eval(node.value)
        self.assign(node.target, value, node)
        return value

    def expr_Lambda(self, node: cst.Lambda) -> Value:
        return Value(frozenset({self.run.define_function(self, node).qualname}))

    def expr_List(self, node: cst.List | cst.Tuple | cst.Set) -> Value:
        values = [self.eval(e.value) for e in node.elements]
        texts = [v.text for v in values]
        text = concat_text(interleave(texts, ",")) if any(t is not None for t in texts) else None
        table = self.run.meetings.table(self, node, texts)
        if isinstance(node, cst.Set) or any(isinstance(e, cst.StarredElement) for e in node.elements):
            return _with_markers(Value(traces=join(*(v.data_only() for v in values)).traces, text=text), table)
        return _with_markers(container([(str(i), v) for i, v in enumerate(values)], text), table)

    expr_Tuple = expr_Set = expr_List

    def expr_Dict(self, node: cst.Dict) -> Value:
        parts: list[tuple[str, Value]] | None = []
        values = []
        for item in node.elements:
            value = self.eval(item.value)
            values.append(value.data_only())
            if isinstance(item, cst.DictElement):
                key = self.eval(item.key)
                values.append(key.data_only())
                if parts is not None and key.text is not None and not key.tainted:
                    parts.append((key.text, value))
                    continue
            parts = None  # a computed key or ** unpacking: keep only the union
        if parts is not None and values:
            found = container(parts)
            return _with_markers(found, self.run.meetings.table(self, node, [v.text for _, v in parts]))
        return join(*values)

    def expr_ListComp(self, node: cst.ListComp | cst.SetComp | cst.GeneratorExp) -> Value:
        saved = dict(self.env)
        guard = self.comprehension(node.for_in)
        value = self.guarded(self.whole(self.eval(node.elt)), guard)
        self.env = saved
        return value

    expr_SetComp = expr_GeneratorExp = expr_ListComp

    def expr_StarredDictComp(self, node: cst.CSTNode) -> Value:
        saved = dict(self.env)
        guard = self.comprehension(node.for_in)  # type: ignore[attr-defined]
        value = self.guarded(self.eval(node.value).data_only(), guard)  # type: ignore[attr-defined]
        self.env = saved
        return value

    def expr_DictComp(self, node: cst.DictComp) -> Value:
        saved = dict(self.env)
        guard = self.comprehension(node.for_in)
        value = join(self.eval(node.key).data_only(), self.whole(self.eval(node.value)))
        self.env = saved
        return self.guarded(value, guard)

    def comprehension(self, clause: cst.CompFor) -> Value:
        """Bind the loop targets; the inferences its conditions make about the elements."""
        self.assign(clause.target, element(self.eval(clause.iter)), clause)
        guards = [inferences(self.eval(condition.test)) for condition in clause.ifs]
        if clause.inner_for_in is not None:
            guards.append(self.comprehension(clause.inner_for_in))
        return join(*guards)

    def whole(self, value: Value) -> Value:
        """The data of a value put into a container: a project object's fields come along."""
        if self.run.holds_fields(value):
            return join(value.data_only(), self.run.fields(value).data_only())
        return value.data_only()

    def expr_StarredElement(self, node: cst.StarredElement) -> Value:
        return self.eval(node.value)

    def expr_Integer(self, node: cst.BaseExpression) -> Value:
        return NOTHING

    expr_Float = expr_Imaginary = expr_Ellipsis = expr_Integer


def inferences(value: Value) -> Value:
    """The inferred part of a test's value (``if religion_terms & words:``)."""
    found = tuple(t for t in value.traces if t.inference is not None)
    return Value(traces=found) if found else NOTHING


def _with_markers(value: Value, markers: tuple[Trace, ...]) -> Value:
    return Value(value.paths, merge_traces((*value.traces, *markers)), value.text, value.parts) if markers else value
