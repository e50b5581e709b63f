"""SHACL-SPARQL constraints (``sh:sparql``), evaluated by Oxigraph.

pyshacl runs each SPARQL constraint once per focus node through rdflib's query engine, which on a
corpus-sized graph costs tens of milliseconds a node (most of ``kg validate``'s time). Here each
constraint runs set-based in Oxigraph: **one query over all its focus nodes**, the shape's targets
joined at the top of the constraint's WHERE group (``?this`` bound by a sub-select of the targets),
so the cost grows with the data, not with focus nodes times data (in a full run, a constraint
whose first pattern binds ``$this`` runs first and its rows' nodes are tested against the targets,
:func:`compile_set_based`). Where join semantics could differ
from SHACL's pre-binding (§5.2: ``$this`` inside a FILTER or BIND of a nested group, or a
sub-select that does not bind ``$this`` in a triple pattern of its own, aggregates or slices, or
sits in EXISTS), the constraint falls back to one query per focus node with the node's IRI
written into the query text, which is pre-binding by its definition. A sub-select that does bind
it gives the same rows joined as pre-bound; Oxigraph evaluates it on its own and joins it by a hash
table, which a shape can use to read a property of many nodes in one pass.

Supported: SPARQL constraints on node and property shapes with ``sh:targetClass`` (with
``rdfs:subClassOf*``), ``sh:targetNode``, ``sh:targetSubjectsOf`` and ``sh:targetObjectsOf``;
``$PATH`` for property shapes with a predicate path; ``sh:prefixes``/``sh:declare``;
``sh:message`` templates; ``sh:severity``; ``sh:deactivated``. Not supported (reported, never
silently passed): ``$currentShape``, ``$shapesGraph``, complex property paths in ``$PATH``,
sub-selects that do not project ``$this``, and SPARQL-based constraint components.
``tests/test_shacl_sparql.py`` runs the W3C SHACL test suite's SPARQL tests against both paths.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.check.dependencies import Untraceable, query_reads
from kg.errors import KgError
from kg.store import Store

UNSUPPORTED_VARS = ("$currentShape", "$shapesGraph", "?currentShape", "?shapesGraph")


@dataclass
class SparqlConstraint:
    """One ``sh:sparql`` constraint of one shape, ready to run."""

    shape: Node
    constraint: Node
    query: str
    messages: list[Literal]
    severity: URIRef
    path: URIRef | None


@dataclass
class SparqlResult:
    """One validation result of a SPARQL constraint."""

    shape: Node
    constraint: Node
    focus: Node
    path: Node | None
    value: Node | None
    message: str
    severity: URIRef


def _prefix_lines(shapes: Graph, constraint: Node) -> str:
    lines = []
    holders = list(shapes.objects(constraint, SH.prefixes))
    seen: set[Node] = set()
    while holders:  # sh:prefixes, and what those nodes owl:import
        holder = holders.pop()
        if holder in seen:
            continue
        seen.add(holder)
        holders.extend(shapes.objects(holder, OWL.imports))
        for decl in shapes.objects(holder, SH.declare):
            prefix, ns = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)
            if prefix is not None and ns is not None:
                lines.append(f"PREFIX {prefix}: <{ns}>")
    return "\n".join(sorted(set(lines)))


# SHACL §5.2.1: what a constraint query must not use, so that pre-binding stays well defined.
FORBIDDEN = (
    (re.compile(r"\bVALUES\b", re.I), "a VALUES clause"),
    (re.compile(r"\bMINUS\b", re.I), "a MINUS clause"),
    (re.compile(r"\bSERVICE\b", re.I), "a federated SERVICE"),
    (
        re.compile(r"(?i:\bAS)\s*[?$](this|PATH|currentShape|shapesGraph)\b"),
        "AS on a pre-bound variable",
    ),
)


def _check_syntax(text: str, shape: Node) -> None:
    code = re.sub(r'"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*', " ", text)
    for pattern, what in FORBIDDEN:
        if pattern.search(code):
            raise KgError(f"shape {shape}: a SPARQL constraint must not use {what}")


def _check_subselects(text: str, shape: Node) -> None:
    """§5.2.1: a sub-select must project every pre-bound variable it uses (``*`` does not)."""
    code = _mask(text)
    selects = list(re.finditer(r"\bSELECT\b([^{]*)\{", code, re.I))
    for m in selects[1:]:
        if not re.search(r"[?$]this\b", m.group(1)):
            raise KgError(f"shape {shape}: a sub-select in a SPARQL constraint must project $this")


def _is_path_iri(shapes: Graph, shape: Node) -> URIRef | None:
    path = shapes.value(shape, SH.path)
    return path if isinstance(path, URIRef) else None


def load_constraints(shapes: Graph) -> list[SparqlConstraint]:
    """Every active SPARQL constraint of the shapes graph."""
    out = []
    components = list(shapes.subjects(RDF.type, SH.ConstraintComponent))
    if components:
        raise KgError(
            f"constraint component {components[0]}: SPARQL-based constraint components are "
            "not supported"
        )
    for shape, constraint in shapes.subject_objects(SH.sparql):
        if shapes.value(constraint, SH.deactivated) == Literal(True):
            continue
        if shapes.value(shape, SH.deactivated) == Literal(True):
            continue
        select = shapes.value(constraint, SH.select)
        if select is None:
            raise KgError(f"shape {shape}: SPARQL constraint {constraint} has no sh:select")
        text = str(select)
        _check_syntax(text, shape)
        for var in UNSUPPORTED_VARS:
            if var in text:
                raise KgError(f"shape {shape}: {var} in a SPARQL constraint is not supported")
        _check_subselects(text, shape)
        path = _is_path_iri(shapes, shape)
        if "$PATH" in text:
            if path is None:
                raise KgError(f"shape {shape}: $PATH needs a predicate path (sh:path <iri>)")
            text = text.replace("$PATH", f"<{path}>")
        # $this and ?this are one variable in SPARQL; name it plainly for substitution.
        text = re.sub(r"\$(\w+)", r"?\1", text)
        query = _prefix_lines(shapes, constraint) + "\n" + text
        messages = list(shapes.objects(constraint, SH.message)) or list(
            shapes.objects(shape, SH.message)
        )
        severity = shapes.value(shape, SH.severity) or SH.Violation
        out.append(SparqlConstraint(shape, constraint, query, messages, severity, path))  # type: ignore[arg-type]
    return out


def focus_nodes(store: Store, shapes: Graph, shape: Node) -> list[Node]:
    """The focus nodes of a shape's targets in the data."""
    nodes: set[Node] = set()
    for node in shapes.objects(shape, SH.targetNode):
        nodes.add(node)
    classes = list(shapes.objects(shape, SH.targetClass))
    if (shape, RDF.type, RDFS.Class) in shapes:
        classes.append(shape)
    q_class = (
        "SELECT DISTINCT ?x ?c WHERE { ?x a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?c }"
    )
    for cls in classes:
        _, rows = store.query(q_class, {"c": cls})
        nodes.update(r[0] for r in rows)
    for pred in shapes.objects(shape, SH.targetSubjectsOf):
        _, rows = store.query("SELECT DISTINCT ?x ?p WHERE { ?x ?p ?o }", {"p": pred})
        nodes.update(r[0] for r in rows)
    for pred in shapes.objects(shape, SH.targetObjectsOf):
        _, rows = store.query("SELECT DISTINCT ?x ?p WHERE { ?s ?p ?x }", {"p": pred})
        nodes.update(r[0] for r in rows)
    return sorted(nodes, key=str)


def _render(template: str, row: dict[str, Node | None]) -> str:
    def sub(m: re.Match[str]) -> str:
        value = row.get(m.group(1))
        return "" if value is None else str(value)

    return re.sub(r"\{[?$](\w+)\}", sub, template)


def _where_body(query: str) -> tuple[str, str, str] | None:
    """(head, body, tail) of the outer WHERE group, or None if it cannot be found simply."""
    code = _mask(query)
    m = re.search(r"\bWHERE\s*\{", code, re.I) or re.search(r"\bSELECT\b[^{]*\{", code, re.I)
    if m is None:
        return None
    open_at = m.end() - 1
    depth = 0
    for i in range(open_at, len(code)):
        if code[i] == "{":
            depth += 1
        elif code[i] == "}":
            depth -= 1
            if depth == 0:
                return query[: open_at + 1], query[open_at + 1 : i], query[i:]
    return None


def _mask(text: str) -> str:
    """The text with strings, IRIs and comments blanked (same length), for scanning braces."""

    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(0))

    return re.sub(
        r'"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|<[A-Za-z][\w+.-]*:[^<>\s"{}]*>|#[^\n]*', blank, text
    )


def set_based_safe(query: str) -> bool:
    """Whether joining the targets with the WHERE group gives the same rows as pre-binding.

    It does when every use of ``?this`` outside EXISTS is at the top level of the WHERE group or
    in a triple pattern (which binds it the same way the join does); a nested FILTER or BIND
    would see ``?this`` unbound, and a sub-select has its own scope.
    """
    parts = _where_body(query)
    if parts is None:
        return False
    body = _mask(parts[1])
    # Aggregates, LIMIT and OFFSET would act across all focus nodes at once.
    outside = _mask(parts[0] + parts[2])
    if re.search(AGGREGATES, outside, re.I):
        return False
    return _group_safe(body, top=True)


AGGREGATES = r"\b(GROUP|HAVING|LIMIT|OFFSET|COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\b"
SUBSELECT = re.compile(r"\s*SELECT\b", re.I)


def _subselect_safe(text: str) -> bool:
    """Whether a sub-select (the text inside its braces, masked) gives, joined on ``?this``, the
    rows it gives with ``?this`` pre-bound: it projects ``?this``, binds it in a triple pattern
    of its own top-level group (so no row leaves it unbound, which would join with every focus
    node), and neither aggregates nor slices (which would act across all focus nodes at once);
    its groups are safe as the outer one's are. No sub-select nested in it."""
    m = re.match(r"\s*SELECT\b([^{]*)\{", text, re.I)
    if m is None or not re.search(r"(?<![\w(])\?this\b", re.sub(r"\([^)]*\)", " ", m.group(1))):
        return False
    if re.search(AGGREGATES + r"|\bORDER\b", text, re.I) or re.search(
        r"\bSELECT\b", text[m.end() :], re.I
    ):
        return False
    group = text[m.end() : text.rindex("}")]
    own = list(group)
    for start, end, _ in _blocks(group):
        own[start:end] = " " * (end - start)
    if not re.search(r"\?this\b", re.sub(r"\([^)]*\)", " ", "".join(own))):
        return False
    return _group_safe(group, top=True)


def _blocks(text: str) -> list[tuple[int, int, bool]]:
    """The brace blocks directly inside ``text``: (start, end, is an EXISTS block)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "{":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                exists = re.search(r"\bEXISTS\s*$", text[:start], re.I) is not None
                out.append((start, i + 1, exists))
    return out


def _group_safe(text: str, *, top: bool) -> bool:
    """A group is safe when ``?this`` in its FILTER/BIND expressions and EXISTS blocks is bound
    by the join: at the top level, or in a group whose own triple patterns bind it."""
    blocks = _blocks(text)
    own = list(text)
    for start, end, _ in blocks:
        own[start:end] = " " * (end - start)
    own_text = "".join(own)
    in_expr, in_pattern, parens = False, False, 0
    for i, ch in enumerate(own_text):
        if ch == "(":
            parens += 1
        elif ch == ")":
            parens -= 1
        elif ch == "?" and re.match(r"\?this\b", own_text[i:]):
            if parens > 0:
                in_expr = True
            else:
                in_pattern = True
    bound = top or in_pattern
    if in_expr and not bound:
        return False
    for start, end, exists in blocks:
        inner = text[start + 1 : end - 1]
        if exists:
            # Pre-binding reaches into a sub-select of EXISTS in ways engines differ on.
            if re.search(r"\bSELECT\b", inner, re.I):
                return False
            if not bound and re.search(r"\?this\b", inner):
                return False
        elif SUBSELECT.match(inner):
            if not _subselect_safe(inner):
                return False
        elif not _group_safe(inner, top=False):
            return False
    return True


def _targets(shapes: Graph, shape: Node) -> tuple[list, list, list, list]:
    """The shape's target nodes (IRIs and literals), classes (the shape itself when it is an
    ``rdfs:Class``), ``targetSubjectsOf`` and ``targetObjectsOf`` predicates, each sorted."""
    nodes = [n for n in shapes.objects(shape, SH.targetNode) if not isinstance(n, BNode)]
    classes = set(shapes.objects(shape, SH.targetClass))
    if (shape, RDF.type, RDFS.Class) in shapes:
        classes.add(shape)
    return (
        sorted(nodes),
        sorted(classes),
        sorted(shapes.objects(shape, SH.targetSubjectsOf)),
        sorted(shapes.objects(shape, SH.targetObjectsOf)),
    )


def target_pattern(shapes: Graph, shape: Node, restrict: str = "") -> str | None:
    """A SPARQL group binding ``?this`` to the shape's focus nodes (None: no target);
    ``restrict`` (a pattern binding ``?this``) limits them."""
    alternatives = []
    nodes, classes, subjects_of, objects_of = _targets(shapes, shape)
    if nodes:
        alternatives.append("VALUES ?this { " + " ".join(_term(n) for n in nodes) + " }")
    for cls in classes:
        alternatives.append(f"?_type <{RDFS.subClassOf}>* {_term(cls)} . ?this a ?_type .")
    for pred in subjects_of:
        alternatives.append(f"?this {_term(pred)} ?_o .")
    for pred in objects_of:
        alternatives.append(f"?_s {_term(pred)} ?this .")
    if not alternatives:
        return None
    union = " UNION ".join("{ " + a + " }" for a in alternatives)
    return "{ SELECT DISTINCT ?this WHERE { " + restrict + " " + union + " } }"


def target_membership(shapes: Graph, shape: Node) -> str | None:
    """A group that matches when the node bound to ``?this`` is a focus node of the shape's
    targets (None: no target), for ``EXISTS``: a test of one node, where
    :func:`target_pattern` lists every focus node."""
    alternatives = []
    nodes, classes, subjects_of, objects_of = _targets(shapes, shape)
    if nodes:
        tests = " || ".join(f"sameTerm(?this, {_term(n)})" for n in nodes)
        alternatives.append(f"FILTER ({tests})")
    for cls in classes:
        alternatives.append(
            f"?this a ?_member_type . ?_member_type <{RDFS.subClassOf}>* {_term(cls)} ."
        )
    for pred in subjects_of:
        alternatives.append(f"?this {_term(pred)} ?_member_o .")
    for pred in objects_of:
        alternatives.append(f"?_member_s {_term(pred)} ?this .")
    if not alternatives:
        return None
    return " UNION ".join("{ " + a + " }" for a in alternatives)


def binds_this_first(body: str) -> bool:
    """Whether the first element of a group (its text) is a triple pattern with ``?this`` as
    its subject: every row of the group then binds ``?this`` before any BIND or OPTIONAL sees
    it, as the targets joined at its top bound it. (A UNION whose branches each start so binds
    it too, but run alone the events' constraints that start so began from every appeal or
    every dated event: 2.7 -> 8.0 and 0.2 -> 1.4 s of CPU at 3,000 appeals.)"""
    return re.match(r"\s*\?this\s", _mask(body)) is not None


def _term(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise KgError(f"cannot write {node!r} into a query")


def compile_set_based(
    query: str, targets: str, restrict: str = "", member: str | None = None
) -> str | None:
    """The constraint query run over every focus node at once, or None when not safe.

    ``member`` (:func:`target_membership`, a run over every focus node): where the first
    element of the WHERE group binds ``?this`` in every row (:func:`binds_this_first`), the
    group runs first, in a sub-select, and only its rows' nodes are tested against the targets
    (``FILTER EXISTS``), the same rows as the targets joined: no table of every focus node is
    built (the evidence spans' targets, every span, at 3,000 appeals: 2.14 -> 1.33 s of CPU
    for ``quoteLength``). Else the targets are joined at the top of the group.

    ``restrict`` (a ``VALUES ?this`` block) is written at the top of the WHERE group as well as
    inside ``targets``: joined there it only filters (every row binds ``?this`` through the
    targets), but it lets Oxigraph start the constraint's own patterns from those nodes. Inside
    the targets' sub-select alone it did not: a constraint over 100 events of a 10,000-appeal
    store read every event's date and appeal first (139 s against 0.1 s)."""
    if not set_based_safe(query):
        return None
    head, body, tail = _where_body(query)  # type: ignore[misc]
    # the group's own variables are in scope of the test: none may be one of its names
    if member and not restrict and binds_this_first(body) and "?_member_" not in body:
        return f"{head}\n{{ SELECT * WHERE {{ {body} }} }}\nFILTER EXISTS {{ {member} }}\n{tail}"
    if restrict:
        # A sub-select is evaluated on its own before the join: limited to the same nodes, it
        # does not read the whole store for a few of them.
        code = _mask(body)
        for m in reversed(list(re.finditer(r"\bSELECT\b[^{]*\{", code, re.I))):
            body = f"{body[: m.end()]} {restrict} {body[m.end() :]}"
        body = binds_last(body)
    return f"{head}\n{restrict}\n{targets}\n{body}{tail}"


def _closing(code: str, at: int) -> int:
    """The place after the bracket that closes the one opening at ``at`` (masked text)."""
    pair = {"(": ")", "{": "}"}[code[at]]
    depth = 0
    for i in range(at, len(code)):
        if code[i] == code[at]:
            depth += 1
        elif code[i] == pair:
            depth -= 1
            if depth == 0:
                return i + 1
    raise ValueError("unbalanced brackets")


def _top_clauses(code: str, keyword: str) -> list[tuple[int, int]]:
    """Spans of the group's own ``BIND (...)`` or ``FILTER ...`` clauses (masked text): those
    outside every nested group and bracket."""
    spans = []
    depth = 0
    i = 0
    while i < len(code):
        ch = code[i]
        if ch in "{(":
            depth += 1
        elif ch in "})":
            depth -= 1
        elif (
            depth == 0
            and (m := re.match(rf"\b{keyword}\b\s*", code[i:], re.I))
            and (i == 0 or not (code[i - 1].isalnum() or code[i - 1] in "_?$:"))
        ):
            j = i + m.end()
            if keyword == "FILTER" and (e := re.match(r"(NOT\s+)?EXISTS\s*", code[j:], re.I)):
                j += e.end()
            elif keyword == "FILTER" and (f := re.match(r"[A-Za-z_][\w:]*\s*", code[j:])):
                j += f.end()  # a function call: regex(...), bound(...)
            if j < len(code) and code[j] in "({":
                end = _closing(code, j)
                spans.append((i, end))
                i = end
                continue
        i += 1
    return spans


def binds_last(body: str) -> str:
    """The WHERE group's own BIND clauses moved to its end, in their order, where that gives
    the same rows: each binds a variable that no other part of the group names but its own
    BINDs and FILTERs (a FILTER holds for the whole group wherever it stands, and a BIND at
    the end still sees every variable the group binds). Oxigraph keeps a BIND where it stands,
    and a pattern after it is then joined with every row the store has for it, not with the
    rows before: a run limited to a few focus nodes (``restrict``) read every event's appeals
    (at 100,000 appeals, EventShape's ``notAfterAppeal`` took 113 s for 1,000 events, 0.3 s
    with its BINDs last). The group as it is where a BIND cannot move."""
    try:
        code = _mask(body)
        binds = _top_clauses(code, "BIND")
        filters = _top_clauses(code, "FILTER")
    except ValueError:
        return body
    if not binds:
        return body
    rest = list(code)
    for start, end in binds + filters:
        rest[start:end] = " " * (end - start)
    others = "".join(rest)
    for start, end in binds:
        m = re.search(r"\bAS\s*[?$](\w+)\s*\)\s*$", code[start:end], re.I)
        if m is None or re.search(rf"[?$]{m.group(1)}\b", others):
            return body
    kept, last = [], 0
    for start, end in binds:
        kept.append(body[last:start])
        last = end
    kept.append(body[last:])
    moved = "\n".join(body[start:end] for start, end in binds)
    return "".join(kept).rstrip() + "\n" + moved + "\n"


def _results(
    c: SparqlConstraint, variables: list[str], rows: list, focus: Node | None
) -> list[SparqlResult]:
    out = []
    for values in rows:
        row = dict(zip(variables, values, strict=True))
        if row.get("failure") == Literal(True):
            raise KgError(f"shape {c.shape}: constraint {c.constraint} reported a failure")
        this = focus if focus is not None else row.get("this")
        if this is None:
            continue
        path = row.get("path") or c.path
        value = row.get("value") if "value" in row else None
        if value is None and c.path is None:
            value = this
        text = str(c.messages[0]) if c.messages else ""
        row["this"] = this
        out.append(
            SparqlResult(c.shape, c.constraint, this, path, value, _render(text, row), c.severity)
        )
    return out


def _with_this_projected(query: str) -> str:
    """Make sure ``?this`` is projected (SELECT * keeps it; a list may leave it out)."""
    m = re.search(r"\bSELECT\s+(DISTINCT\s+|REDUCED\s+)?", query, re.I)
    if m is None or re.match(r"\*", query[m.end() :]):
        return query
    projection = query[m.end() : query.index("WHERE", m.end())] if "WHERE" in query else ""
    if re.search(r"[?$]this\b", projection):
        return query
    return query[: m.end()] + "?this " + query[m.end() :]


def _substitute(query: str, focus: URIRef) -> str:
    """Pre-binding by its definition: the focus node's IRI written where ``?this`` stands."""
    parts = _where_body(query)
    if parts is None:
        raise KgError(f"cannot find the WHERE group of: {query.strip()[:80]}")
    head, body, tail = parts
    code = _mask(body)
    out, last = [], 0
    pattern = r"\bBOUND\s*\(\s*\?this\s*\)|(?<=SELECT)(\s+(?:DISTINCT\s+)?[^{]*?)\?this\b|\?this\b"
    for m in re.finditer(pattern, code, re.I):
        out.append(body[last : m.start()])
        if m.group(0).upper().startswith("BOUND"):
            out.append("(true)")  # a pre-bound variable is bound
        elif m.group(1) is not None:  # a sub-select's projection
            out.append(f"{body[m.start(1) : m.end(1)]}(<{focus}> AS ?this)")
        else:
            out.append(f"<{focus}>")
        last = m.end()
    out.append(body[last:])
    # The projection keeps ?this (left unbound); the focus node is known to the caller.
    return head + "".join(out) + tail


def _run(store: Store, c: SparqlConstraint, text: str, union: bool = True) -> Any:
    try:
        return store.query(text, union=union)
    except KgError as e:
        raise KgError(f"shape {c.shape}: constraint {c.constraint}: {e}") from None


# Named graphs of a part of the store (a full run of a constraint read in parts, below); a
# store with no more graphs than this is read whole.
PART_GRAPHS = 1000
# Triples of each predicate a constraint reads from which it is read in parts: below it, the
# tables it joins are small
PART_NODES = 100_000


def _read_pattern(query: str) -> str | None:
    """A group of alternatives matching every triple a constraint reads, each binding
    ``?this``: its reads must all be triples at ``$this`` itself (the star of a span's offsets),
    each with a named predicate. None where they are not (a chain of steps, an untraceable read)."""
    try:
        reads = query_reads(query)
    except Untraceable:
        return None
    if not reads or any(r.chain or r.predicate is None for r in reads):
        return None
    forms = sorted(
        f"{{ ?_r <{r.predicate}> ?this }}" if r.inverse else f"{{ ?this <{r.predicate}> ?_r }}"
        for r in reads
    )
    return " UNION ".join(forms)


def _graph_parts(store: Store, size: int | None = None) -> list[list[URIRef]]:
    """The store's named graphs in parts of ``size`` (default :data:`PART_GRAPHS`); none where
    one part holds them all, or where the default graph itself holds triples (a query's
    dataset could not name them)."""
    size = size or PART_GRAPHS
    names = store.graph_names()
    if len(names) <= size or store.query("ASK { ?s ?p ?o }", union=False):
        return []
    return [names[i : i + size] for i in range(0, len(names), size)]


def _with_dataset(query: str, clauses: str) -> str:
    """The query with dataset clauses (``FROM ...``) before its outer WHERE group."""
    head, body, tail = _where_body(query)  # type: ignore[misc]
    code = _mask(head)
    m = re.search(r"\bWHERE\s*\{\s*$", code, re.I) or re.search(r"\{\s*$", code)
    assert m is not None
    return f"{head[: m.start()]} {clauses} {head[m.start() :]}{body}{tail}"


def _count(store: Store, c: SparqlConstraint, text: str, union: bool) -> int:
    _, rows = _run(store, c, text, union)
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def _split_nodes(
    store: Store, c: SparqlConstraint, pattern: str, parts: list[list[URIRef]]
) -> set[Node] | None:
    """The nodes whose triples the constraint reads are stated in graphs of two parts or
    more; None where a predicate it reads has no more than :data:`PART_NODES` triples (its
    tables are then small: a charge's type, not every type). Counted first (the distinct nodes
    of each part summed against those of every graph: equal when no node is in two parts, one
    scan each); where they differ, each part's nodes whose triples there are fewer than in
    every graph, one lookup each."""
    for form in pattern.split(" UNION "):  # each read counted, no table of its nodes
        if _count(store, c, f"SELECT (COUNT(*) AS ?n) WHERE {form}", True) <= PART_NODES:
            return None
    text = f"SELECT (COUNT(DISTINCT ?this) AS ?n) WHERE {{ {pattern} }}"
    every = _count(store, c, text, True)
    counted = 0
    for graphs in parts:
        within = " ".join(f"FROM {_term(g)}" for g in graphs)
        text = f"SELECT (COUNT(DISTINCT ?this) AS ?n) {within} WHERE {{ {pattern} }}"
        counted += _count(store, c, text, False)
    if counted == every:
        return set()
    found: set[Node] = set()
    everywhere = pattern.replace("?_r", "?_r2")
    for graphs in parts:
        within = " ".join(f"FROM NAMED {_term(g)}" for g in graphs)
        text = (
            f"SELECT ?this {within} WHERE {{ {{ SELECT ?this (COUNT(*) AS ?_n) WHERE "
            f"{{ GRAPH ?_g {{ {pattern} }} }} GROUP BY ?this }} {everywhere} }} "
            "GROUP BY ?this ?_n HAVING (COUNT(*) != ?_n)"
        )
        _, rows = _run(store, c, text)
        found.update(r[0] for r in rows)
    return found


def _run_in_parts(
    store: Store,
    shapes: Graph,
    c: SparqlConstraint,
    parts: list[list[URIRef]],
    pattern: str,
    member: str,
) -> tuple[list[SparqlResult], int] | None:
    """A full run of a constraint that reads only triples at ``$this`` and whose first pattern
    binds it (:func:`binds_this_first`), one part of the store's graphs at a time: each part's
    query has those graphs as its default graph (``FROM``), so that the tables it joins hold
    that part, not the store. A node whose read triples all sit in one part has there the rows
    it has over every graph; the others (:func:`_split_nodes`) are checked again over every
    graph, limited to them. The rows' nodes are then tested against the shape's targets over
    every graph. (results, split nodes); None where a node is blank (it cannot be named)."""
    split = _split_nodes(store, c, pattern, parts)
    if split is None or any(not isinstance(n, URIRef) for n in split):
        return None
    kept: list[tuple[list[str], tuple]] = []
    for graphs in parts:
        within = " ".join(f"FROM {_term(g)}" for g in graphs)
        variables, rows = _run(
            store, c, _with_this_projected(_with_dataset(c.query, within)), False
        )
        at = variables.index("this")
        for row in rows:
            if row[at] in split:
                continue
            if not isinstance(row[at], URIRef):
                return None
            kept.append((variables, row))
    candidates = sorted({row[variables.index("this")] for variables, row in kept}, key=str)
    members: set[Node] = set()
    for i in range(0, len(candidates), 1000):
        values = " ".join(_term(n) for n in candidates[i : i + 1000])
        text = f"SELECT ?this WHERE {{ VALUES ?this {{ {values} }} FILTER EXISTS {{ {member} }} }}"
        members.update(r[0] for r in _run(store, c, text)[1])
    out: list[SparqlResult] = []
    for variables, row in kept:
        if row[variables.index("this")] in members:
            out.extend(_results(c, variables, [row], None))
    if split:
        restrict = "VALUES ?this { " + " ".join(_term(n) for n in sorted(split, key=str)) + " }"
        targets = target_pattern(shapes, c.shape, restrict)
        compiled = compile_set_based(c.query, targets or "", restrict)
        assert compiled is not None
        variables, rows = _run(store, c, _with_this_projected(compiled))
        out.extend(_results(c, variables, rows, None))
    return out, len(split)


def run_constraints(
    store: Store,
    shapes: Graph,
    *,
    mode: str = "auto",
    only: dict[tuple[Node, Node], set[Node] | None] | None = None,
    timings: list[dict[str, Any]] | None = None,
) -> list[SparqlResult]:
    """Evaluate every SPARQL constraint over the store's union graph.

    ``mode`` is ``auto`` (set-based where safe, else per focus node), or ``per-node`` to force
    one query per focus node (the reference the set-based path is tested against). ``only``
    limits the run: (shape, constraint) -> the focus nodes to check (None: all of them); a
    constraint it does not name is not run. ``timings``, when given, gets one entry per
    constraint run: its shape, the focus nodes it was limited to (None: all), seconds, results.
    """
    results: list[SparqlResult] = []
    parts: list[list[URIRef]] | None = None  # the store's graphs in parts, looked up once
    looked_up: dict[str, list[Node]] = {}  # a limited run's focus nodes, by targets pattern
    for c in load_constraints(shapes):
        started, before = time.perf_counter(), len(results)
        nodes: set[Node] | None = None
        if only is not None:
            if (c.shape, c.constraint) not in only:
                continue
            nodes = only[(c.shape, c.constraint)]
            if nodes is not None and not nodes:
                continue
        restrict = ""
        if nodes is not None:
            restrict = "VALUES ?this { " + " ".join(_term(n) for n in sorted(nodes, key=str)) + " }"
        targets = target_pattern(shapes, c.shape, restrict)
        if targets is None:
            continue
        if restrict:
            # the focus nodes looked up first and listed: joined as a sub-select, the targets
            # made Oxigraph read the constraint's patterns over the whole store (1,000 events
            # of 100,000 appeals: 1.8 s of CPU, 0.05 s with the nodes listed); constraints
            # with the same targets and nodes look them up once
            found = looked_up.get(targets)
            if found is None:
                rows = _run(store, c, f"SELECT * WHERE {targets}")[1]
                found = looked_up[targets] = sorted({r[0] for r in rows}, key=str)
            if not found:
                continue
            restrict, targets = "VALUES ?this { " + " ".join(_term(n) for n in found) + " }", ""
        member = None if restrict else target_membership(shapes, c.shape)
        compiled = compile_set_based(c.query, targets, restrict, member) if mode == "auto" else None
        in_parts = None
        if compiled is not None and member and f"FILTER EXISTS {{ {member} }}" in compiled:
            pattern = _read_pattern(c.query)
            if pattern is not None:
                if parts is None:
                    parts = _graph_parts(store)
                if parts:
                    in_parts = _run_in_parts(store, shapes, c, parts, pattern, member)
        if in_parts is not None:
            results.extend(in_parts[0])
        elif compiled is not None:
            variables, rows = _run(store, c, _with_this_projected(compiled))
            results.extend(_results(c, variables, rows, None))
        else:
            for focus in focus_nodes(store, shapes, c.shape):
                if not isinstance(focus, URIRef) or (nodes is not None and focus not in nodes):
                    continue  # a blank or literal focus node cannot be written into the query
                variables, rows = _run(store, c, _substitute(c.query, focus))
                results.extend(_results(c, variables, rows, focus))
        if timings is not None:
            timings.append(
                {
                    "step": "sparql",
                    "shape": str(c.shape),
                    "constraint": str(c.constraint),
                    "focus": None if nodes is None else len(nodes),
                    "seconds": round(time.perf_counter() - started, 4),
                    "results": len(results) - before,
                    **({"parts": len(parts), "split": in_parts[1]} if in_parts and parts else {}),
                }
            )
    return results


def copy_tree(src: Graph, node: Node, dst: Graph) -> None:
    """Copy ``node``'s triples from ``src`` to ``dst``, following blank-node objects: a result,
    a complex path or an anonymous shape, whole."""
    todo, done = [node], set()
    while todo:
        n = todo.pop()
        if n in done:
            continue
        done.add(n)
        for p, o in src.predicate_objects(n):
            dst.add((n, p, o))
            if isinstance(o, BNode):
                todo.append(o)


def add_to_report(report: Graph, results: list[SparqlResult], messages: bool = True) -> None:
    """Add results to a SHACL report graph (one sh:ValidationReport node expected)."""
    root = report.value(predicate=RDF.type, object=SH.ValidationReport)
    if root is None:
        root = BNode()
        report.add((root, RDF.type, SH.ValidationReport))
    for r in results:
        node = BNode()
        report.add((root, SH.result, node))
        report.add((node, RDF.type, SH.ValidationResult))
        report.add((node, SH.focusNode, r.focus))
        report.add((node, SH.resultSeverity, r.severity))
        report.add((node, SH.sourceShape, r.shape))
        report.add((node, SH.sourceConstraint, r.constraint))
        report.add((node, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
        if r.path is not None:
            report.add((node, SH.resultPath, r.path))
        if r.value is not None:
            report.add((node, SH.value, r.value))
        if messages and r.message:
            report.add((node, SH.resultMessage, Literal(r.message)))
    if any(r.severity == SH.Violation for r in results):
        report.set((root, SH.conforms, Literal(False)))


def without_sparql(shapes: Graph) -> Graph:
    """A copy of the shapes graph without its sh:sparql links (left to this module)."""
    g = Graph()
    for t in shapes:
        if t[1] != SH.sparql:
            g.add(t)
    return g
