"""SHACL Core compiled to SPARQL and run in Oxigraph, set-based.

pyshacl walks every focus node in Python; on a corpus that costs about one pyshacl run per appeal.
Here each constraint of each shape becomes **one SPARQL query that finds all its violations at
once** -- the shape's targets joined with a pattern that matches exactly the failing focus and
value nodes -- and Oxigraph answers it over the store's union graph.

How a shape is compiled:

- targets (``sh:targetClass`` with ``rdfs:subClassOf*``, implicit class targets, ``sh:targetNode``,
  ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``) become a sub-select binding the focus node;
- a property shape's path becomes a SPARQL property path (predicate, ``^`` inverse, ``/``
  sequence, ``|`` alternative, ``*``/``+``/``?``);
- a component that judges one value node at a time (class, datatype, nodeKind, min/maxLength,
  pattern, in, languageIn, min/max Inclusive/Exclusive, node, not, and, or, xone) becomes a
  FILTER over the value nodes; a component that judges the focus node's set of values
  (min/maxCount, hasValue, uniqueLang, equals, disjoint, lessThan(OrEquals), qualified counts,
  closed) becomes a pattern over the focus node;
- "value conforms to shape S" (sh:node, sh:not, sh:and, sh:or, sh:xone, qualified value shapes)
  becomes ``NOT EXISTS`` of each of S's violation patterns, nested as deep as the shapes are;
- counts up to 3 are written as that many distinct values (no aggregate, so they also work inside
  ``NOT EXISTS``); larger counts use ``GROUP BY`` at the top level.

Oxigraph keeps literals in canonical form ("4.0"^^xsd:decimal as "4", "12"^^xsd:byte as
"12"^^xsd:integer): a value is reported in that form, and sh:datatype with a bounded integer type
(xsd:byte, xsd:int, ...) accepts an xsd:integer in its range, since the store cannot tell them
apart.

What it does not compile (recursive shapes, counts above 3 inside a nested shape, sh:closed on a
property shape, unknown path forms) raises :class:`Unsupported` for that shape;
:func:`validate_core` then checks that shape alone with pyshacl and says so in
:attr:`CoreRun.fallback`. SHACL-SPARQL constraints are left to :mod:`kg.check.shacl_sparql`.

``tests/test_core_sparql.py`` runs the W3C SHACL ``core/`` tests through this module and compares
its verdicts with one whole-graph pyshacl run on the project's shapes and data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from kg.check.shacl_sparql import copy_tree
from kg.errors import KgError
from kg.store import Store
from kg.store.store import MARKER

TRUE = Literal(True)

# Components this module compiles (the W3C suite's tests of these must pass).
COMPONENTS = tuple(
    SH[f"{name}ConstraintComponent"]
    for name in (
        "Class Datatype NodeKind MinCount MaxCount MinLength MaxLength Pattern In HasValue "
        "MinInclusive MaxInclusive MinExclusive MaxExclusive LanguageIn UniqueLang Equals "
        "Disjoint LessThan LessThanOrEquals Node Property Not And Or Xone Closed "
        "QualifiedMinCount QualifiedMaxCount"
    ).split()
)

# Datatypes whose lexical form Oxigraph can check by casting (an ill-formed literal fails).
CASTS = {
    XSD[n]
    for n in (
        "boolean double float decimal integer dateTime date time gYear gYearMonth duration "
        "dayTimeDuration yearMonthDuration"
    ).split()
}

# Integer types with a bounded value space: (min, max), None for unbounded.
INTEGER_RANGES = {
    XSD.byte: (-128, 127),
    XSD.short: (-32768, 32767),
    XSD.int: (-2147483648, 2147483647),
    XSD.long: (-9223372036854775808, 9223372036854775807),
    XSD.unsignedByte: (0, 255),
    XSD.unsignedShort: (0, 65535),
    XSD.unsignedInt: (0, 4294967295),
    XSD.unsignedLong: (0, 18446744073709551615),
    XSD.nonNegativeInteger: (0, None),
    XSD.positiveInteger: (1, None),
    XSD.nonPositiveInteger: (None, 0),
    XSD.negativeInteger: (None, -1),
}

NODE_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isIRI({v}) || isBlank({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}

SLOT = "?_slot"  # stands for the value node in a condition written once, used per value
PAIRWISE_MAX = 3  # counts up to this are written as distinct values, above it as aggregates
RESTRICT = "#restrict\n"  # where a restriction of the focus nodes goes in a target pattern


class Unsupported(Exception):
    """A shape this compiler cannot turn into SPARQL (it falls back to pyshacl)."""


@dataclass
class Check:
    """One compiled constraint: a pattern that binds ``focus`` (and ``value``, ``path``) for
    each violation, to be joined after the pattern that binds the focus nodes."""

    shape: Node
    component: URIRef
    focus: str
    pattern: str
    value: str | None = None
    path_var: str | None = None  # sh:closed reports the predicate as the path
    aggregate: bool = False  # the pattern needs the focus domain inside it (GROUP BY)
    counted: tuple[str, str, int, str] | None = None  # (value var, values pattern, n, op)
    expr: str | None = None  # a value check: the violation as an expression over the value
    values: str = ""  # a value check: the pattern binding the value from the focus node
    # a count or value check whose path cannot be of length zero (it binds the focus node from
    # triples only): a full run may test each node past a limit, or each failing value's focus
    # node, against the targets (Compiler.membership) instead of listing them
    direct: bool = False
    steps: str = ""  # a count or a value check of a property shape: its path, as SPARQL
    # "no value" of a full run, on a one-step path no other shape checks: the pattern whose
    # absence is the violation, read in one pass over the path's triples, joined by hash
    absent: str = ""
    # a value check of a full run on a one-step path no other shape checks: the path's values
    # are read first and each failing one's focus node tested against the targets (batch_query)
    by_values: bool = False


@dataclass
class CoreResult:
    """One validation result, as pyshacl reports it."""

    shape: Node
    component: URIRef
    focus: Node
    path: Node | None
    value: Node | None
    severity: URIRef
    messages: list[Literal]


@dataclass
class CoreRun:
    """What a run found, and which shapes went to pyshacl (shape -> reason)."""

    results: list[CoreResult] = field(default_factory=list)
    fallback: dict[Node, str] = field(default_factory=dict)
    queries: int = 0


def term(node: Node) -> str:
    """An RDF term as SPARQL text."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise Unsupported(f"a blank node ({node}) cannot be written into a query")


def _nonzero(path: str) -> bool:
    """Whether a SPARQL property path always has at least one step (no ``*`` or ``?``), so
    that matching it binds its subject from the data only."""
    return not re.search(r"[*?]", re.sub(r"<[^>]*>", "", path))


def _items(g: Graph, head: Node | None) -> list[Node]:
    if head is None:
        return []
    return list(Collection(g, head))


class Compiler:
    """Turns the shapes of one shapes graph into :class:`Check` patterns."""

    def __init__(
        self, shapes: Graph, subclasses: Callable[[Node], list[Node]] | None = None
    ) -> None:
        self.g = shapes
        self._n = 0
        self.subclasses = subclasses
        self.nested = 0  # > 0 while compiling "conforms to" expressions

    def is_instance(self, x: str, cls: Node) -> str:
        """A group pattern: ``x`` has rdf:type ``cls`` or a subclass of it."""
        if self.subclasses is None:
            return f"{x} a/<{RDFS.subClassOf}>* {term(cls)}"
        t = self.var("t")
        types = " ".join(term(c) for c in self.subclasses(cls))
        return f"VALUES {t} {{ {types} }} {x} a {t} ."

    def var(self, base: str) -> str:
        self._n += 1
        return f"?{base}{self._n}"

    # --- shapes and targets ---------------------------------------------------------------
    def deactivated(self, shape: Node) -> bool:
        return self.g.value(shape, SH.deactivated) == TRUE

    def severity(self, shape: Node) -> URIRef:
        sev = self.g.value(shape, SH.severity)
        return sev if isinstance(sev, URIRef) else SH.Violation

    def target_shapes(self) -> list[Node]:
        """Shapes with targets, in a stable order."""
        found: set[Node] = set()
        for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
            found.update(self.g.subjects(p, None))
        for kind in (SH.NodeShape, SH.PropertyShape):
            for s in self.g.subjects(RDF.type, kind):
                if (s, RDF.type, RDFS.Class) in self.g:
                    found.add(s)
        return sorted(found, key=lambda n: (isinstance(n, BNode), str(n)))

    def _target_patterns(self, shape: Node, f: str, *, test: bool) -> list[str]:
        """One pattern per kind of target of the shape: each binds ``f`` to focus nodes, or
        with ``test`` matches when the node already bound to ``f`` is one."""
        alts = []
        nodes = sorted(self.g.objects(shape, SH.targetNode))
        if nodes and test:
            alts.append("FILTER(" + " || ".join(f"sameTerm({f}, {term(n)})" for n in nodes) + ")")
        elif nodes:
            alts.append(f"VALUES {f} {{ " + " ".join(term(n) for n in nodes) + " }")
        classes = set(self.g.objects(shape, SH.targetClass))
        if (shape, RDF.type, RDFS.Class) in self.g:
            classes.add(shape)
        for cls in sorted(classes):
            if self.subclasses is not None:
                alts.append(self.is_instance(f, cls))
            elif test:
                alts.append(f"{f} a ?_t . ?_t <{RDFS.subClassOf}>* {term(cls)} .")
            else:
                alts.append(f"?_t <{RDFS.subClassOf}>* {term(cls)} . {f} a ?_t .")
        for p in sorted(self.g.objects(shape, SH.targetSubjectsOf)):
            alts.append(f"{f} {term(p)} ?_o .")
        for p in sorted(self.g.objects(shape, SH.targetObjectsOf)):
            alts.append(f"?_s {term(p)} {f} .")
        return alts

    def targets(self, shape: Node, f: str, restrict: str = "") -> str | None:
        """A sub-select binding ``f`` to the shape's focus nodes (None: no target);
        ``restrict`` (a pattern binding ``f``) limits them, evaluated first."""
        alts = self._target_patterns(shape, f, test=False)
        if not alts:
            return None
        union = " UNION ".join("{ " + a + " }" for a in alts)
        return f"{{ SELECT DISTINCT {f} WHERE {{ {restrict} {union} }} }}"

    def membership(self, shape: Node, f: str) -> str:
        """A group pattern that matches when the node bound to ``f`` is a focus node of the
        shape's targets (empty: no target), for ``EXISTS``: a test per node, where
        :meth:`targets` lists every focus node."""
        return " UNION ".join("{ " + a + " }" for a in self._target_patterns(shape, f, test=True))

    # --- paths ----------------------------------------------------------------------------
    def path(self, node: Node) -> str:
        """A SHACL property path as a SPARQL property path."""
        g = self.g
        if isinstance(node, URIRef):
            return term(node)
        if (node, RDF.first, None) in g:
            parts = _items(g, node)
            if len(parts) < 2:
                raise Unsupported("a sequence path needs at least two members")
            return "(" + " / ".join(self.path(p) for p in parts) + ")"
        for pred, fmt in (
            (SH.inversePath, "^({})"),
            (SH.zeroOrMorePath, "({})*"),
            (SH.oneOrMorePath, "({})+"),
            (SH.zeroOrOnePath, "({})?"),
        ):
            inner = g.value(node, pred)
            if inner is not None:
                return fmt.format(self.path(inner))
        alt = g.value(node, SH.alternativePath)
        if alt is not None:
            parts = _items(g, alt)
            if len(parts) < 2:
                raise Unsupported("an alternative path needs at least two members")
            return "(" + " | ".join(self.path(p) for p in parts) + ")"
        raise Unsupported(f"unknown path form {node}")

    # --- checks ---------------------------------------------------------------------------
    def checks(self, shape: Node, f: str, stack: tuple[Node, ...] = ()) -> list[Check]:
        """Every violation pattern of ``shape`` for focus nodes bound to ``f``, nested
        property shapes included (reported as their own shapes)."""
        if self.deactivated(shape):
            return []
        if shape in stack:
            raise Unsupported(f"recursive shape {shape}")
        stack = (*stack, shape)
        g = self.g
        path_node = g.value(shape, SH.path)
        out: list[Check] = []
        if path_node is not None:
            v = self.var("v")
            values = f"{f} {self.path(path_node)} {v} ."
        else:
            v, values = f, ""

        direct = path_node is not None and _nonzero(self.path(path_node))
        steps = self.path(path_node) if path_node is not None else ""

        def value_check(component: URIRef, expr: str) -> None:
            out.append(
                Check(
                    shape,
                    component,
                    f,
                    f"{values} FILTER({expr})",
                    value=v,
                    expr=expr,
                    values=values,
                    direct=direct,
                    steps=steps,
                )
            )

        for cls in g.objects(shape, SH["class"]):
            value_check(
                SH.ClassConstraintComponent,
                f"NOT EXISTS {{ {self.is_instance(v, cls)} }}",
            )
        for dt in g.objects(shape, SH.datatype):
            value_check(SH.DatatypeConstraintComponent, f"!({self._datatype_ok(v, dt)})")
        for kind in g.objects(shape, SH.nodeKind):
            if kind not in NODE_KINDS:
                raise Unsupported(f"unknown node kind {kind}")
            value_check(SH.NodeKindConstraintComponent, "!" + NODE_KINDS[kind].format(v=v))
        for n in g.objects(shape, SH.minLength):
            value_check(
                SH.MinLengthConstraintComponent, f"isBlank({v}) || STRLEN(STR({v})) < {int(n)}"
            )
        for n in g.objects(shape, SH.maxLength):
            value_check(
                SH.MaxLengthConstraintComponent, f"isBlank({v}) || STRLEN(STR({v})) > {int(n)}"
            )
        for pat in g.objects(shape, SH.pattern):
            flags = g.value(shape, SH.flags)
            args = f"STR({v}), {Literal(str(pat)).n3()}"
            if flags is not None:
                args += f", {Literal(str(flags)).n3()}"
            value_check(SH.PatternConstraintComponent, f"isBlank({v}) || !REGEX({args})")
        for lst in g.objects(shape, SH["in"]):
            members = _items(g, lst)
            expr = " || ".join(f"sameTerm({v}, {term(m)})" for m in members) or "false"
            value_check(SH.InConstraintComponent, f"!({expr})")
        for lst in g.objects(shape, SH.languageIn):
            langs = [str(x) for x in _items(g, lst)]
            ok = " || ".join(f"langMatches(lang({v}), {Literal(x).n3()})" for x in langs)
            value_check(SH.LanguageInConstraintComponent, f"!isLiteral({v}) || !({ok or 'false'})")
        for pred, op, comp in (
            (SH.minInclusive, ">=", SH.MinInclusiveConstraintComponent),
            (SH.maxInclusive, "<=", SH.MaxInclusiveConstraintComponent),
            (SH.minExclusive, ">", SH.MinExclusiveConstraintComponent),
            (SH.maxExclusive, "<", SH.MaxExclusiveConstraintComponent),
        ):
            for bound in g.objects(shape, pred):
                value_check(comp, f"!COALESCE({v} {op} {term(bound)}, false)")
        for other in g.objects(shape, SH.node):
            value_check(SH.NodeConstraintComponent, f"!({self.conforms(v, other, stack)})")
        for other in g.objects(shape, SH["not"]):
            value_check(SH.NotConstraintComponent, self.conforms(v, other, stack))
        for lst in g.objects(shape, SH["and"]):
            parts = [self.conforms(v, s, stack) for s in _items(g, lst)]
            value_check(SH.AndConstraintComponent, f"!({' && '.join(parts) or 'true'})")
        for lst in g.objects(shape, SH["or"]):
            parts = [self.conforms(v, s, stack) for s in _items(g, lst)]
            value_check(SH.OrConstraintComponent, f"!({' || '.join(parts) or 'false'})")
        for lst in g.objects(shape, SH.xone):
            parts = [f"IF({self.conforms(v, s, stack)}, 1, 0)" for s in _items(g, lst)]
            value_check(SH.XoneConstraintComponent, f"({' + '.join(parts) or '0'}) != 1")

        for h in g.objects(shape, SH.hasValue):
            if path_node is None:
                out.append(
                    Check(
                        shape,
                        SH.HasValueConstraintComponent,
                        f,
                        f"FILTER(!sameTerm({f}, {term(h)}))",
                    )
                )
            else:
                out.append(
                    Check(
                        shape,
                        SH.HasValueConstraintComponent,
                        f,
                        f"FILTER NOT EXISTS {{ {f} {self.path(path_node)} {term(h)} }}",
                    )
                )
        if path_node is not None:
            p = self.path(path_node)
            for n in g.objects(shape, SH.minCount):
                if int(n) > 0:
                    out.append(
                        self._count(shape, SH.MinCountConstraintComponent, f, p, int(n), "<")
                    )
            for n in g.objects(shape, SH.maxCount):
                out.append(self._count(shape, SH.MaxCountConstraintComponent, f, p, int(n), ">"))
            if g.value(shape, SH.uniqueLang) == TRUE:
                a, b = self.var("l"), self.var("l")
                out.append(
                    Check(
                        shape,
                        SH.UniqueLangConstraintComponent,
                        f,
                        f"{f} {p} {a} . {f} {p} {b} . FILTER(!sameTerm({a}, {b}) && "
                        f'lang({a}) != "" && LCASE(lang({a})) = LCASE(lang({b})))',
                    )
                )
            self._qualified(shape, f, p, stack, out)
        for other in g.objects(shape, SH.equals):
            w = self.var("w")
            out.append(
                Check(
                    shape,
                    SH.EqualsConstraintComponent,
                    f,
                    f"{values} FILTER NOT EXISTS {{ {f} {term(other)} {v} }}",
                    value=v,
                )
            )
            back = (
                f"FILTER NOT EXISTS {{ {f} {self.path(path_node)} {w} }}"
                if path_node is not None
                else f"FILTER(!sameTerm({w}, {f}))"
            )
            out.append(
                Check(
                    shape,
                    SH.EqualsConstraintComponent,
                    f,
                    f"{f} {term(other)} {w} . {back}",
                    value=w,
                )
            )
        for other in g.objects(shape, SH.disjoint):
            out.append(
                Check(
                    shape,
                    SH.DisjointConstraintComponent,
                    f,
                    f"{values} {f} {term(other)} {v} .",
                    value=v,
                )
            )
        for pred, op, comp in (
            (SH.lessThan, "<", SH.LessThanConstraintComponent),
            (SH.lessThanOrEquals, "<=", SH.LessThanOrEqualsConstraintComponent),
        ):
            for other in g.objects(shape, pred):
                if path_node is None:
                    raise Unsupported(f"{pred} on a node shape")
                w = self.var("w")
                out.append(
                    Check(
                        shape,
                        comp,
                        f,
                        f"{values} {f} {term(other)} {w} . FILTER(!COALESCE({v} {op} {w}, false))",
                        value=v,
                    )
                )
        if g.value(shape, SH.closed) == TRUE:
            if path_node is not None:
                raise Unsupported("sh:closed on a property shape")
            allowed = {g.value(ps, SH.path) for ps in g.objects(shape, SH.property)} | set(
                _items(g, g.value(shape, SH.ignoredProperties))
            )
            iris = sorted(a for a in allowed if isinstance(a, URIRef))
            cp, co = self.var("cp"), self.var("co")
            keep = f"FILTER(!({cp} IN ({', '.join(term(i) for i in iris)})))" if iris else ""
            out.append(
                Check(
                    shape,
                    SH.ClosedConstraintComponent,
                    f,
                    f"{f} {cp} {co} . {keep}",
                    value=co,
                    path_var=cp,
                )
            )
        for ps in g.objects(shape, SH.property):
            if path_node is None:
                out.extend(self.checks(ps, f, stack))
            else:
                for c in self.checks(ps, v, stack):
                    c.pattern = f"{values} {c.pattern}"
                    out.append(c)
        return out

    def _datatype_ok(self, v: str, dt: Node) -> str:
        if not isinstance(dt, URIRef):
            raise Unsupported(f"datatype {dt} is not an IRI")
        ok = f"isLiteral({v}) && sameTerm(datatype({v}), {term(dt)})"
        if dt == RDF.langString:
            return f'{ok} && lang({v}) != ""'
        if dt == XSD.string:
            return f'{ok} && lang({v}) = ""'
        if dt in CASTS:
            return f"{ok} && COALESCE(isLiteral({term(dt)}(STR({v}))), false)"
        if dt in INTEGER_RANGES:
            # Oxigraph stores a valid "12"^^xsd:byte as "12"^^xsd:integer: an integer in range
            # is accepted (an ill-formed one keeps its datatype and fails the cast).
            low, high = INTEGER_RANGES[dt]
            n = f"<{XSD.integer}>(STR({v}))"
            ok = (
                f"isLiteral({v}) && (sameTerm(datatype({v}), {term(dt)}) || "
                f"sameTerm(datatype({v}), <{XSD.integer}>))"
            )
            tests = [f"isLiteral({n})"]
            tests += [f"{n} >= {low}"] if low is not None else []
            tests += [f"{n} <= {high}"] if high is not None else []
            return f"{ok} && COALESCE({' && '.join(tests)}, false)"
        return ok

    def _count(self, shape: Node, comp: URIRef, f: str, p: str, n: int, op: str) -> Check:
        """min (op ``<``) or max (op ``>``) count of distinct values of path ``p``."""
        return self._counted(shape, comp, f, p, n, op, None)

    def _counted(
        self, shape: Node, comp: URIRef, f: str, p: str, n: int, op: str, cond: str | None
    ) -> Check:
        """Violation when the number of distinct values (meeting ``cond``, an expression over
        the variable ``SLOT``) is below ``n`` (op ``<``) or above it (op ``>``)."""
        k = n if op == "<" else n + 1
        if k == 0:
            return Check(shape, comp, f, "FILTER(false)")
        if k <= PAIRWISE_MAX and self.nested:
            vs = [self.var("c") for _ in range(k)]
            parts = []
            for i, x in enumerate(vs):  # each value filtered as soon as it is bound
                conds = [f"!sameTerm({a}, {x})" for a in vs[:i]]
                if cond:
                    conds.append(cond.replace(SLOT, x))
                parts.append(f"{f} {p} {x} ." + (f" FILTER({' && '.join(conds)})" if conds else ""))
            group = " ".join(parts)
            pattern = f"FILTER NOT EXISTS {{ {group} }}" if op == "<" else group
            return Check(shape, comp, f, pattern)
        x = "?_cnt"  # the same for every count of a shape, so that they share one query
        inner = f"{f} {p} {x} ." + (f" FILTER({cond.replace(SLOT, x)})" if cond else "")
        return Check(
            shape,
            comp,
            f,
            "",
            aggregate=True,
            counted=(x, inner, n, op),
            direct=_nonzero(p),
            steps=p,
        )

    def _qualified(
        self, shape: Node, f: str, p: str, stack: tuple[Node, ...], out: list[Check]
    ) -> None:
        g = self.g
        q = g.value(shape, SH.qualifiedValueShape)
        if q is None:
            return
        cond = self.conforms(SLOT, q, stack)
        if g.value(shape, SH.qualifiedValueShapesDisjoint) == TRUE:
            siblings = {
                s
                for parent in g.subjects(SH.property, shape)
                for ps in g.objects(parent, SH.property)
                for s in g.objects(ps, SH.qualifiedValueShape)
            } - {q}
            for s in sorted(siblings, key=str):
                cond += " && !(" + self.conforms(SLOT, s, stack) + ")"
        for pred, op, comp in (
            (SH.qualifiedMinCount, "<", SH.QualifiedMinCountConstraintComponent),
            (SH.qualifiedMaxCount, ">", SH.QualifiedMaxCountConstraintComponent),
        ):
            for n in g.objects(shape, pred):
                if op == "<" and int(n) == 0:
                    continue
                out.append(self._counted(shape, comp, f, p, int(n), op, cond))

    def conforms(self, x: str, shape: Node, stack: tuple[Node, ...]) -> str:
        """A SPARQL expression: the node bound to ``x`` conforms to ``shape``."""
        parts = []
        self.nested += 1
        try:
            checks = self.checks(shape, x, stack)
        finally:
            self.nested -= 1
        for c in checks:
            if c.aggregate:
                raise Unsupported("a count above 3 inside a nested shape")
            if c.expr is not None and not c.values:  # as a FILTER would: an error is no violation
                parts.append(f"COALESCE(!({c.expr}), true)")
            else:
                parts.append(f"NOT EXISTS {{ {c.pattern} }}")
        return "(" + (" && ".join(parts) or "true") + ")"


# --- running -------------------------------------------------------------------------------


@dataclass
class CompiledShape:
    """A shape with targets: its focus pattern and its checks (or why it could not compile)."""

    shape: Node
    targets: str
    checks: list[Check]
    focus: str
    member: str = ""  # the targets as a test of one node (Compiler.membership)
    union: str = ""  # the target patterns as one group, each binding the focus node alone


def store_subclasses(store: Store, *, union: bool = True) -> Callable[[Node], list[Node]]:
    """A class and its subclasses in the store's data (rdfs:subClassOf*), looked up once each:
    written into the queries, they spare Oxigraph a property path per value node."""
    memo: dict[Node, list[Node]] = {}

    def lookup(cls: Node) -> list[Node]:
        if cls not in memo:
            _, rows = store.query(
                f"SELECT DISTINCT ?t WHERE {{ ?t <{RDFS.subClassOf}>* {term(cls)} }}", union=union
            )
            found = {r[0] for r in rows if isinstance(r[0], URIRef)} | {cls}
            memo[cls] = sorted(found, key=str)
        return memo[cls]

    return lookup


def compile_shapes(
    shapes: Graph, subclasses: Callable[[Node], list[Node]] | None = None
) -> tuple[list[CompiledShape], dict[Node, str]]:
    """Every shape with targets compiled, and those that could not be (shape -> reason);
    ``subclasses`` (see :func:`store_subclasses`) writes class hierarchies into the queries."""
    comp = Compiler(shapes, subclasses)
    out, failed = [], {}
    for shape in comp.target_shapes():
        if comp.deactivated(shape):
            continue
        f = "?this"
        try:
            targets = comp.targets(shape, f, RESTRICT)
            checks = comp.checks(shape, f)
        except Unsupported as e:
            failed[shape] = str(e)
            continue
        if targets is not None and checks:
            union = " UNION ".join(
                "{ " + a + " }" for a in comp._target_patterns(shape, f, test=False)
            )
            out.append(CompiledShape(shape, targets, checks, f, comp.membership(shape, f), union))
    return out, failed


def check_query(c: CompiledShape, check: Check, restrict: str = "") -> str:
    """The SELECT that finds every violation of one check; ``restrict`` is a pattern binding
    ``?this`` to the focus nodes to check (empty: every focus node of the targets)."""
    domain = c.targets.replace(RESTRICT, restrict)
    head = list(dict.fromkeys([check.focus] + [x for x in (check.value, check.path_var) if x]))
    if check.counted is not None:
        x, inner, n, op = check.counted
        counts = _counts(c, x, inner, [(n, op)], restrict, check.direct, steps=check.steps)
        return f"SELECT {c.focus} WHERE {{ {counts} FILTER(?_n {op} {n}) }}"
    return f"SELECT DISTINCT {' '.join(head)} WHERE {{ {domain} {check.pattern} }}"


def _counts(
    c: CompiledShape,
    x: str,
    inner: str,
    limits: list[tuple[int, str]],
    restrict: str,
    direct: bool = False,
    zero: bool = True,
    steps: str = "",
) -> str:
    """A group binding each focus node to ``?_n``, its number of distinct values ``x`` of
    ``inner``, where that number may break one of ``limits`` ((n, op): a violation when
    ``?_n op n``). Over every focus node, the values are counted without the targets (one pass
    over the path's triples, only nodes with a value grouped) and joined to them after, and the
    focus nodes with no value are the targets less those with one (``MINUS``): counting inside
    an ``OPTIONAL`` joined to the targets grouped every focus node, 2.6 s of CPU a count at
    10,000 appeals against 1.7 s. Limited by ``restrict`` to a few nodes, the targets come
    first, as they are few."""
    domain = c.targets.replace(RESTRICT, restrict)
    f = c.focus
    if restrict:
        return (
            f"{{ SELECT {f} (COUNT(DISTINCT {x}) AS ?_n) "
            f"WHERE {{ {domain} OPTIONAL {{ {inner} }} }} GROUP BY {f} }}"
        )
    parts = []
    if zero and any(op == "<" for _, op in limits):  # a node with no value breaks a minimum
        parts.append(f"{{ {domain} MINUS {{ {inner} }} BIND(0 AS ?_n) }}")
    if any(op == ">" or n > 1 for n, op in limits):
        tests = " || ".join(f"?_n {op} {n}" for n, op in limits)
        # The counted nodes past a limit are few: each is tested against the targets, rather
        # than every focus node listed and joined (``direct``: the path binds the focus node
        # from the data, so a counted node is a node with a value).
        if direct and c.member and (not steps or _one_step(steps)):
            parts.append(
                f"{{ {{ SELECT {f} (COUNT(DISTINCT {x}) AS ?_n) WHERE {{ {inner} }} "
                f"GROUP BY {f} }} FILTER({tests}) FILTER EXISTS {{ {c.member} }} }}"
            )
        else:  # a longer path from every subject of its first step costs more than the targets
            parts.append(
                f"{{ {{ SELECT {f} (COUNT(DISTINCT {x}) AS ?_n) WHERE {{ {domain} {inner} }} "
                f"GROUP BY {f} }} FILTER({tests}) }}"
            )
    return " UNION ".join(parts) if len(parts) > 1 else parts[0]


def _messages(shapes: Graph, shape: Node) -> list[Literal]:
    return sorted((m for m in shapes.objects(shape, SH.message) if isinstance(m, Literal)), key=str)


def _split(c: CompiledShape, check: Check, full: bool) -> bool:
    """Whether a count of a run over every focus node is split in two: the focus nodes with
    no value (a minimum broken) found with the shape's other tests of bare focus nodes, one
    pass over the targets for all of them, and the counted nodes past a limit on their own."""
    return full and check.counted is not None and check.focus == c.focus


def _batches(
    c: CompiledShape,
    full: bool = False,
    shared: frozenset[int] = frozenset(),
    own: frozenset[str] = frozenset(),
) -> list[list[Check]]:
    """Checks that one query answers together: the value checks of one shape (one pass over
    its values), the counts of one shape over the same values; every other check alone.

    ``full`` (a run over every focus node, no restriction): the tests that need every focus
    node listed -- the node shape's own value checks and "no value at all" for each minimum
    count of its property shapes -- share one query, one pass over the targets; a count
    then only looks for the nodes whose values are past a limit (:func:`_split`). The checks
    in ``shared`` (ids) are left out: a query shared with other shapes answers them
    (:func:`_jobs`); a split count's "no value" test stays here. Where its path is one step in
    ``own`` (no other shape checks it, so its subjects are mostly this shape's focus nodes),
    "no value" is a hash join with one pass over the path's triples (``Check.absent``), not a
    lookup per focus node (a longer path read from every subject of its first step cost more:
    the events' and involvements' paths to their case, 2.0 -> 2.9 and 2.5 -> 6.1 s at 3,000
    appeals); a value check on such a path reads its values first (``Check.by_values``)."""
    groups: dict[tuple, list[Check]] = {}
    for check in c.checks:
        if id(check) in shared and check.counted is None:
            continue
        if _split(c, check, full):
            x, inner, n, op = check.counted  # type: ignore[misc]
            if op == "<":
                none = replace(
                    check,
                    counted=None,
                    aggregate=False,
                    expr=f"NOT EXISTS {{ {inner} }}",
                    values="",
                    value=None,
                    direct=False,
                    absent=inner if check.steps in own and _one_step(check.steps) else "",
                )
                groups.setdefault(("bare", c.shape), []).append(none)
            if (op == "<" and n <= 1) or id(check) in shared:
                continue  # one value or more: no other way to break this minimum
            key: tuple = ("count", check.shape, x, inner)
        elif full and check.expr is not None and not check.values and check.focus == c.focus:
            key = ("bare", c.shape)
        elif full and check.expr is not None and _own_values(c, check, own):
            check = replace(check, by_values=True)
            key = ("own", check.shape, check.values, check.value)
        elif check.expr is not None:
            key = ("value", check.shape, check.values, check.value)
        elif check.counted is not None:
            key = ("count", check.shape, check.counted[0], check.counted[1])
        else:
            key = ("one", id(check))
        groups.setdefault(key, []).append(check)
    return list(groups.values())


def _one_step(path: str) -> bool:
    """Whether a SPARQL property path is a predicate or its inverse (no sequence, alternative
    or repetition): its triples are one pass over one predicate."""
    return re.fullmatch(r"\^?\(?<[^>]*>\)?", path) is not None


def _own_values(c: CompiledShape, check: Check, own: frozenset[str]) -> bool:
    """Whether a value check of a full run reads its path's values first (``Check.by_values``):
    a one-step path only this shape checks (so its subjects are mostly the shape's focus nodes)
    of one of the node shape's own property shapes, whose focus node can be tested alone."""
    return (
        check.direct
        and bool(c.member)
        and check.focus == c.focus
        and check.steps in own
        and _one_step(check.steps)
    )


def batch_query(
    c: CompiledShape, batch: list[Check], restrict: str = "", graphs: tuple[Node, ...] = ()
) -> str:
    """One SELECT for a batch: a flag per check (?_e0, ?_e1, ...) or the count (?_n).

    ``graphs`` (a full run's batch with "no value" hash joins, :class:`Part`): only the focus
    nodes stated in those graphs, and the hash joins read those graphs only, so that their
    tables hold a part of the store; a node found with no value there is looked up in every
    graph (its value may be stated in another one) before it is reported."""
    first = batch[0]
    if len(batch) == 1 and first.expr is None and not _split(c, first, not restrict):
        return check_query(c, first, restrict)
    domain = c.targets.replace(RESTRICT, restrict)
    if first.counted is not None:
        x, inner, _, _ = first.counted
        limits = [(k.counted[2], k.counted[3]) for k in batch if k.counted]
        tests = " || ".join(f"?_n {op} {n}" for n, op in limits)
        zero = not _split(c, first, not restrict)
        counts = _counts(c, x, inner, limits, restrict, first.direct, zero, first.steps)
        return f"SELECT {c.focus} ?_n WHERE {{ {counts} FILTER({tests}) }}"
    # "no value" where the path is the shape's own: the nodes with a value read in one pass
    # and joined by hash (a sub-select), 4 lookups per evidence span cost more at 3,000 appeals
    f = c.focus
    # a part: FROM NAMED makes GRAPH ?_g read those graphs, one index range each (the default
    # graph stays the union of all); a VALUES list of them was joined to every graph's triples
    within = " ".join(f"FROM NAMED {term(g)}" for g in graphs) if not restrict else ""
    if within and any(k.absent for k in batch):
        domain = f"{{ SELECT DISTINCT {f} WHERE {{ GRAPH ?_g {{ {c.union} }} }} }}"
    else:
        within = ""

    def read(pattern: str) -> str:
        return f"GRAPH ?_g {{ {pattern} }}" if within else pattern

    joins = " ".join(
        f"OPTIONAL {{ SELECT DISTINCT {f} (true AS ?_h{i}) WHERE {{ {read(k.absent)} }} }}"
        for i, k in enumerate(batch)
        if k.absent and not restrict
    )
    # in a part, a node with no value in its graphs is a candidate (?_cI), looked up in every
    # graph once the candidates are found: in the same group, Oxigraph ran the lookup per node
    lacks = "_c" if within else "_e"
    binds = " ".join(
        f"BIND(!BOUND(?_h{i}) AS ?{lacks}{i})"
        if k.absent and not restrict
        else f"BIND(COALESCE({k.expr}, false) AS ?_e{i})"
        for i, k in enumerate(batch)
    )
    flags = " ".join(f"?_e{i}" for i in range(len(batch)))
    head = " ".join(dict.fromkeys([first.focus, first.value or first.focus]))
    test = " || ".join(f"?_e{i}" for i in range(len(batch)))
    if first.by_values and not restrict:
        # the failing values found in a sub-select, then each one's focus node tested: with the
        # test in the same FILTER, Oxigraph ran the EXISTS for every value (3,000 appeals, the
        # spans' oa:exact: 3.8 s of CPU, against 1.5 s so and 2.4 s listing the targets first)
        return (
            f"SELECT {head} {flags} WHERE {{ {{ SELECT DISTINCT {head} {flags} WHERE {{ "
            f"{first.values} {binds} FILTER({test}) }} }} FILTER EXISTS {{ {c.member} }} }}"
        )
    if joins:
        # Oxigraph keeps each row of a hash join's table as wide as the variables numbered up
        # to its own (the outer query's flags and targets come first): in a sub-select that
        # projects only the focus node and the joins' flags, a row holds two to five terms
        held = " ".join(f"?_h{i}" for i, k in enumerate(batch) if k.absent)
        if within:
            marks = [f"?{lacks if k.absent else '_e'}{i}" for i, k in enumerate(batch)]
            confirm = " ".join(
                f"BIND((?_c{i} && NOT EXISTS {{ {k.absent} }}) AS ?_e{i})"
                for i, k in enumerate(batch)
                if k.absent
            )
            found = (
                f"SELECT {f} {' '.join(marks)} WHERE {{ {{ SELECT {f} {held} WHERE {{ {domain} "
                f"{joins} }} }} {first.values} {binds} FILTER({' || '.join(marks)}) }}"
            )
            return (
                f"SELECT DISTINCT {head} {flags} {within} WHERE {{ {{ {found} }} {confirm} "
                f"FILTER({test}) }}"
            )
        return (
            f"SELECT DISTINCT {head} {flags} {within} WHERE {{ {{ SELECT {f} {held} WHERE "
            f"{{ {domain} {joins} }} }} {first.values} {binds} FILTER({test}) }}"
        )
    return (
        f"SELECT DISTINCT {head} {flags} WHERE {{ {domain} {first.values} {binds} FILTER({test}) }}"
    )


# A SPARQL string literal, an IRI or a variable: variables are renamed outside the first two.
_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>'
    r"|\?[A-Za-z_][A-Za-z0-9_]*"
)


def _canonical(text: str, focus: str) -> tuple[str, dict[str, str]]:
    """``text`` with every variable but ``focus`` renamed ``?_g0``, ``?_g1``, ... in order of
    first appearance, and the renaming: checks of different shapes compiled from the same
    constraint on the same property differ only in their variables' numbers."""
    names: dict[str, str] = {}

    def rename(m: re.Match[str]) -> str:
        tok = m.group(0)
        if not tok.startswith("?") or tok == focus:
            return tok
        return names.setdefault(tok, f"?_g{len(names)}")

    return _TOKEN.sub(rename, text), names


@dataclass
class Shared:
    """Checks of several shapes that test the same values of the same property: one query finds
    the failing values (or the nodes past a count) in one pass over the property's triples, and
    tests each one's focus node against each shape's targets (``?_m0``, ``?_m1``, ...), where
    each shape's own query listed its focus nodes and read the property again. ``pattern`` and
    ``expr`` (or ``counted``) are in the canonical variables of :func:`_canonical`."""

    members: list[tuple[CompiledShape, Check]]
    focus: str
    pattern: str  # binds the focus node (and ``value``) to each failing value / counted value
    value: str | None = None  # value checks: the value variable
    counted: str | None = None  # counts: the counted variable

    def query(self) -> str:
        flags = " ".join(
            f"BIND(EXISTS {{ {c.member} }} AS ?_m{i})" for i, (c, _) in enumerate(self.members)
        )
        any_member = " || ".join(f"?_m{i}" for i in range(len(self.members)))
        heads = " ".join(f"?_m{i}" for i in range(len(self.members)))
        f = self.focus
        if self.counted is not None:
            limits = sorted({(k.counted[2], k.counted[3]) for _, k in self.members if k.counted})
            tests = " || ".join(f"?_n {op} {n}" for n, op in limits)
            inner = (
                f"{{ SELECT {f} (COUNT(DISTINCT {self.counted}) AS ?_n) "
                f"WHERE {{ {self.pattern} }} GROUP BY {f} }} FILTER({tests})"
            )
            return f"SELECT {f} ?_n {heads} WHERE {{ {inner} {flags} FILTER({any_member}) }}"
        inner = f"{{ SELECT DISTINCT {f} {self.value} WHERE {{ {self.pattern} }} }}"
        return f"SELECT {f} {self.value} {heads} WHERE {{ {inner} {flags} FILTER({any_member}) }}"


@dataclass
class Part:
    """A full run's batch with "no value" hash joins, over the focus nodes stated in some of
    the store's graphs (:func:`batch_query`): its tables hold that part of the store, not all
    of it. A node stated in several parts is found in each; the run keeps one result."""

    shape: CompiledShape
    batch: list[Check]
    graphs: tuple[Node, ...]


# Graphs of a part: at 10,000 appeals, the hash joins of the evidence spans' four "no value"
# tests over the whole store held about a gigabyte
PART_GRAPHS = 1000
# Focus nodes (target matches) from which a shape's "no value" hash joins are read in parts:
# below it, the tables are small and a part's reading of each graph costs more than it saves
PART_NODES = 100_000


def graph_parts(
    store: Store, compiled: Iterable[CompiledShape], size: int | None = None
) -> dict[Node, list[tuple[Node, ...]]]:
    """For each shape with a minimum count and more than :data:`PART_NODES` target matches,
    the store's named graphs in parts of ``size`` (default :data:`PART_GRAPHS`); none where
    one part would hold them all (a query over every graph is then the same)."""
    size = size or PART_GRAPHS
    names = store.graph_names()
    if len(names) <= size:
        return {}
    parts = [tuple(names[i : i + size]) for i in range(0, len(names), size)]
    out: dict[Node, list[tuple[Node, ...]]] = {}
    for c in compiled:
        if not c.union or not any(k.counted and k.counted[3] == "<" for k in c.checks):
            continue
        # every match counted, not each node once: no table of them
        _, rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {c.union} }}")
        if rows and int(rows[0][0]) > PART_NODES:
            out[c.shape] = parts
    return out


def _share_key(c: CompiledShape, check: Check) -> tuple[str, str, str] | None:
    """What a check of a full run shares with other shapes' (None: nothing): a value check of
    one of the node shape's own property shapes, or the past-a-limit part of a split count, on a
    path that binds the focus node from the data (so that a failing value's focus node can be
    tested against the targets), keyed by its pattern in canonical variables."""
    if not c.member or not check.direct or check.focus != c.focus:
        return None
    if check.counted is not None:
        x, inner, n, op = check.counted
        if not _split(c, check, True) or (op == "<" and n <= 1):
            return None
        text, names = _canonical(inner, c.focus)
        return ("count", text, names[x])
    if check.expr is not None and check.values and check.value:
        text, names = _canonical(f"{check.values} FILTER({check.expr})", c.focus)
        return ("value", text, names[check.value])
    return None


Job = tuple[CompiledShape, list[Check]] | Shared | Part


def _jobs(
    compiled: Iterable[CompiledShape],
    full: bool,
    parts: dict[Node, list[tuple[Node, ...]]] | None = None,
) -> list[Job]:
    """The queries of a run: each shape's batches (:func:`_batches`) and, in a full run, one
    :class:`Shared` query for each check that two shapes or more make on the same values.
    With ``parts`` (:func:`graph_parts`), a full run's "no value" hash joins of a shape listed
    there are one :class:`Part` query for each part of the store's graphs."""
    compiled = list(compiled)
    groups: dict[tuple[str, str, str], list[tuple[CompiledShape, Check]]] = {}
    if full:
        for c in compiled:
            for check in c.checks:
                key = _share_key(c, check)
                if key is not None:
                    groups.setdefault(key, []).append((c, check))
    shared: list[Shared] = []
    ids: set[int] = set()
    for (kind, text, var), members in groups.items():
        if len({id(c) for c, _ in members}) < 2:
            continue
        ids.update(id(k) for _, k in members)
        focus = members[0][0].focus
        if kind == "count":
            shared.append(Shared(members, focus, text, counted=var))
        else:
            shared.append(Shared(members, focus, text, value=var))
    counters: dict[str, set[int]] = {}
    for c in compiled:
        for check in c.checks:
            if check.steps:
                counters.setdefault(check.steps, set()).add(id(c))
    own = frozenset(p for p, cs in counters.items() if len(cs) == 1) if full else frozenset()
    jobs: list[Job] = []
    for c in compiled:
        for batch in _batches(c, full, frozenset(ids), own):
            absent = [k for k in batch if k.absent]
            shape_parts = (parts or {}).get(c.shape)
            if not (full and shape_parts and c.union and absent):
                jobs.append((c, batch))
                continue
            # the hash joins in parts; the batch's other tests of each focus node in one query
            # over every graph, which meets the nodes in the order of the store's indexes (in
            # parts, graph by graph, the same lookups cost 2.4 times as much at 3,000 appeals)
            jobs.extend(Part(c, absent, graphs) for graphs in shape_parts)
            rest = [k for k in batch if not k.absent]
            if rest:
                jobs.append((c, rest))
    return jobs + shared  # type: ignore[operator]


def _shared_results(store: Store, shapes: Graph, job: Shared, union: bool) -> list[CoreResult]:
    checks = [check for _, check in job.members]
    try:
        variables, rows = store.query(job.query(), union=union)
    except KgError as e:
        raise KgError(f"shape {checks[0].shape}: {checks[0].component}: {e}") from None
    return _results(shapes, checks, variables, rows, shared=job)


def _hit(check: Check, index: int, row: dict[str, Node | None]) -> bool:
    if check.counted is not None and "_n" in row:
        n = row.get("_n")
        if not isinstance(n, Literal):
            return False
        count, limit = int(n), check.counted[2]
        return count < limit if check.counted[3] == "<" else count > limit
    if check.expr is not None and len(row) > 0 and f"_e{index}" in row:
        return row[f"_e{index}"] == TRUE
    return True


def _batch_results(
    store: Store,
    shapes: Graph,
    c: CompiledShape,
    batch: list[Check],
    restrict: str,
    union: bool,
    graphs: tuple[Node, ...] = (),
) -> list[CoreResult]:
    text = batch_query(c, batch, restrict, graphs)
    try:
        variables, rows = store.query(text, union=union)
    except KgError as e:
        raise KgError(f"shape {batch[0].shape}: {batch[0].component}: {e}") from None
    return _results(shapes, batch, variables, rows)


def _results(
    shapes: Graph,
    checks: list[Check],
    variables: list[str],
    rows: list[list[Node | None]],
    shared: Shared | None = None,
) -> list[CoreResult]:
    """The results of one query's rows for each of its checks: a batch's check ``i`` by its
    flag ``?_ei`` or the count, a shared query's member ``i`` by ``?_mi`` (and the count)."""
    comp = Compiler(shapes)
    table = [dict(zip(variables, row, strict=True)) for row in rows]
    out = []
    for index, check in enumerate(checks):
        path = shapes.value(check.shape, SH.path)
        severity = comp.severity(check.shape)
        messages = _messages(shapes, check.shape)
        focus = (shared.focus if shared else check.focus)[1:]
        value = shared.value if shared else check.value
        for r in table:
            if shared is not None and r.get(f"_m{index}") != TRUE:
                continue
            if not _hit(check, -1 if shared else index, r):
                continue
            out.append(
                CoreResult(
                    shape=check.shape,
                    component=check.component,
                    focus=r[focus],  # type: ignore[arg-type]
                    path=r[check.path_var[1:]] if check.path_var else path,
                    value=r[value[1:]] if value else None,
                    severity=severity,
                    messages=messages,
                )
            )
    return out


# What a worker process needs, set before the fork: (store path, shapes, jobs, restrict, union).
_WORK: dict[str, Any] = {}


def _run_job(store: Store, shapes: Graph, job: Job, restrict: str, union: bool) -> list[CoreResult]:
    if isinstance(job, Shared):
        return _shared_results(store, shapes, job, union)
    if isinstance(job, Part):
        return _batch_results(store, shapes, job.shape, job.batch, restrict, union, job.graphs)
    c, batch = job
    return _batch_results(store, shapes, c, batch, restrict, union)


def _work(index: int) -> tuple[int, list[CoreResult]]:
    if "store" not in _WORK:
        _WORK["store"] = Store.open(_WORK["path"])  # its own read-only handle
    job = _WORK["jobs"][index]
    return index, _run_job(_WORK["store"], _WORK["shapes"], job, _WORK["restrict"], _WORK["union"])


def run_compiled(
    store: Store,
    shapes: Graph,
    compiled: Iterable[CompiledShape],
    *,
    union: bool = True,
    restrict: str = "",
    workers: int = 1,
    parts: dict[Node, list[tuple[Node, ...]]] | None = None,
) -> Iterator[CoreResult]:
    """Run every check, batched (:func:`batch_query`); ``restrict`` is a pattern binding
    ``?this`` to the focus nodes to check (empty: all). With ``workers`` > 1 and a store on
    disk, the queries are shared among that many processes, each with a read-only handle."""
    compiled = list(compiled)
    if restrict:
        found: dict[str, list[Node]] = {}  # shapes with the same targets look them up once
        compiled = [r for r in (resolved(store, c, restrict, union, found) for c in compiled) if r]
    if parts is None and union and not restrict:
        parts = graph_parts(store, compiled)
    jobs = _jobs(compiled, not restrict, parts)
    seen: set[tuple] = set()  # a node stated in two parts of the graphs is found in each

    def once(job: Job, results: list[CoreResult]) -> Iterator[CoreResult]:
        if not isinstance(job, Part):
            yield from results
            return
        for r in results:
            key = (r.shape, r.component, r.focus, r.path, r.value)
            if key not in seen:
                seen.add(key)
                yield r

    path = Path(store.path) if store.path is not None else None
    if workers > 1 and path is not None and (path / MARKER).exists() and len(jobs) > 1:
        from kg.check.forked import run_all

        _WORK.clear()
        _WORK.update(path=path, shapes=shapes, jobs=jobs, restrict=restrict, union=union)

        def here(index: int) -> tuple[int, list[CoreResult]]:
            return index, _run_job(store, shapes, jobs[index], restrict, union)

        try:
            for _, (index, results) in run_all(_work, range(len(jobs)), workers, here=here):
                yield from once(jobs[index], results)
        finally:
            _WORK.clear()
        return
    for job in jobs:
        yield from once(job, _run_job(store, shapes, job, restrict, union))


def resolved(
    store: Store,
    c: CompiledShape,
    restrict: str,
    union: bool,
    found: dict[str, list[Node]] | None = None,
) -> CompiledShape | None:
    """``c`` for a run limited by ``restrict``, its targets looked up first and written into
    the queries as a ``VALUES`` list (None: no focus node is left); ``found`` keeps the nodes
    of each targets pattern looked up. Joined as a sub-select, the targets are a table
    Oxigraph builds before the checks' own patterns, which it then read over the whole store
    and joined by hash: at 100,000 appeals a check of 1,000 events' comments took 1.8 s of CPU
    so, 0.05 s with the nodes listed first."""
    domain = c.targets.replace(RESTRICT, restrict)
    key = _canonical(domain, c.focus)[0]  # the same targets, whatever their variables' numbers
    nodes = None if found is None else found.get(key)
    if nodes is None:
        _, rows = store.query(f"SELECT * WHERE {domain}", union=union)
        nodes = sorted({row[0] for row in rows if row[0] is not None}, key=str)
        if found is not None:
            found[key] = nodes
    if not nodes:
        return None
    listed = f"VALUES {c.focus} {{ {' '.join(term(n) for n in nodes)} }}"
    return replace(c, targets=listed)


def count_queries(
    compiled: Iterable[CompiledShape],
    full: bool = True,
    parts: dict[Node, list[tuple[Node, ...]]] | None = None,
) -> int:
    """How many queries a run sends (``full``: over every focus node; ``parts``: as
    :func:`graph_parts` gives them); a limited run's count holds each shape's lookup of its
    focus nodes (:func:`resolved`), and is the most it sends."""
    compiled = list(compiled)
    return len(_jobs(compiled, full, parts)) + (0 if full else len(compiled))


__all__ = [
    "COMPONENTS",
    "CompiledShape",
    "CoreResult",
    "CoreRun",
    "Unsupported",
    "check_query",
    "compile_shapes",
    "run_compiled",
]


def _without_other_targets(shapes: Graph, keep: Node) -> Graph:
    """The shapes graph with the targets of every shape but ``keep`` removed."""
    target_preds = {SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf}
    g = Graph()
    for s, p, o in shapes:
        if s != keep and (p in target_preds or (p == RDF.type and o == RDFS.Class)):
            continue
        g.add((s, p, o))
    return g


def _pyshacl_results(data: Graph, shapes: Graph, shape: Node) -> list[CoreResult]:
    """pyshacl's results for one shape (the fallback for a shape that does not compile)."""
    from pyshacl import validate as shacl_validate

    from kg.check.shacl_sparql import without_sparql

    _, report, _ = shacl_validate(
        data,
        shacl_graph=without_sparql(_without_other_targets(shapes, shape)),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    if not isinstance(report, Graph):
        raise KgError(f"shape {shape}: could not run SHACL: {report}")
    out = []
    for rep in report.subjects(RDF.type, SH.ValidationReport):
        for res in report.objects(rep, SH.result):
            path = report.value(res, SH.resultPath)
            if isinstance(path, BNode):  # pyshacl copies the path; point at the shape's own
                path = shapes.value(report.value(res, SH.sourceShape), SH.path)
            out.append(
                CoreResult(
                    shape=report.value(res, SH.sourceShape),  # type: ignore[arg-type]
                    component=report.value(res, SH.sourceConstraintComponent),  # type: ignore[arg-type]
                    focus=report.value(res, SH.focusNode),  # type: ignore[arg-type]
                    path=path,
                    value=report.value(res, SH.value),
                    severity=report.value(res, SH.resultSeverity),  # type: ignore[arg-type]
                    messages=sorted(report.objects(res, SH.resultMessage), key=str),  # type: ignore[arg-type]
                )
            )
    return out


def validate_core(
    store: Store,
    shapes: Graph,
    *,
    union: bool = True,
    restrict: str = "",
    data: Graph | None = None,
    workers: int = 1,
) -> CoreRun:
    """SHACL Core over the store: every compiled shape in Oxigraph, the others through pyshacl
    (over ``data``, or the store's union graph read into rdflib)."""
    compiled, failed = compile_shapes(shapes, store_subclasses(store, union=union))
    parts = graph_parts(store, compiled) if union and not restrict else {}
    run = CoreRun(fallback=dict(failed), queries=count_queries(compiled, True, parts))
    run.results.extend(
        run_compiled(
            store, shapes, compiled, union=union, restrict=restrict, workers=workers, parts=parts
        )
    )
    if failed:
        if data is None:
            data = store.to_graph()
        for shape in failed:
            run.results.extend(_pyshacl_results(data, shapes, shape))
    return run


def add_core_to_report(report: Graph, results: Iterable[CoreResult], shapes: Graph) -> bool:
    """Add results to a SHACL report graph; returns whether none is a violation. A complex
    path is copied from the shapes graph, as pyshacl does."""
    root = report.value(predicate=RDF.type, object=SH.ValidationReport)
    if root is None:
        root = BNode()
        report.add((root, RDF.type, SH.ValidationReport))
    conforms = True
    seen: set[tuple] = set()
    for r in results:
        key = (r.shape, r.component, r.focus, r.path, r.value, r.severity)
        if key in seen:
            continue
        seen.add(key)
        node = BNode()
        report.add((root, SH.result, node))
        report.add((node, RDF.type, SH.ValidationResult))
        report.add((node, SH.focusNode, r.focus))
        report.add((node, SH.resultSeverity, r.severity))
        report.add((node, SH.sourceShape, r.shape))
        report.add((node, SH.sourceConstraintComponent, r.component))
        if r.path is not None:
            report.add((node, SH.resultPath, r.path))
            if isinstance(r.path, BNode):
                copy_tree(shapes, r.path, report)
        if isinstance(r.shape, BNode):
            copy_tree(shapes, r.shape, report)
        if r.value is not None:
            report.add((node, SH.value, r.value))
        for m in r.messages:
            report.add((node, SH.resultMessage, m))
        if r.severity == SH.Violation:
            conforms = False
    return conforms
