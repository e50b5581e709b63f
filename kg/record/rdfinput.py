"""Read the reference files in ``data/reference/`` without letting them reach anywhere.

Reference data may be copied from elsewhere, so a file is read as data only: nothing it names is
fetched. Turtle and N-Triples are checked strictly (every IRI valid, errors with line and column);
RDF/XML may have no DOCTYPE and so no entities (checked with defusedxml before parsing); JSON-LD
may have no remote ``@context`` or ``@import`` (refused, not fetched); ``owl:imports`` is kept as
a statement and never followed. A file of any other type is refused by name, never skipped.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg import limits
from kg.errors import InputError

#: Suffix -> (rdflib format, name in messages).
READERS = {
    ".ttl": ("turtle", "Turtle"),
    ".nt": ("nt", "N-Triples"),
    ".jsonld": ("json-ld", "JSON-LD"),
    ".rdf": ("xml", "RDF/XML"),
    ".owl": ("xml", "RDF/XML"),
}


def reference_files(folder: Path) -> list[Path]:
    """The files of a reference folder, sorted; hidden files (editor leftovers) excepted."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def read_reference_files(folder: Path, graph: Graph | None = None) -> Graph:
    """Every file of ``folder`` into one graph; a file that cannot be read safely is refused."""
    graph = graph if graph is not None else Graph()
    for path in reference_files(folder):
        read_rdf_file(path, graph)
    return graph


def read_rdf_file(path: Path, graph: Graph | None = None) -> Graph:
    """One reference file, by its suffix, into ``graph``."""
    graph = graph if graph is not None else Graph()
    suffix = path.suffix.lower()
    if suffix not in READERS:
        known = ", ".join(sorted(READERS))
        raise InputError(
            f"{path}: not a reference file type ('{suffix or '(none)'}'); use {known} "
            "or move the file out of the reference folder"
        )
    fmt, name = READERS[suffix]
    limits.REFERENCE.check(limits.file_size(path), str(path))
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    if suffix in (".ttl", ".nt"):
        _check_strictly(raw, path, suffix, name)
    elif suffix == ".jsonld":
        _check_jsonld(raw, path)
    else:
        _check_xml(raw, path)
    try:
        graph.parse(data=raw, format=fmt, publicID=path.resolve().as_uri())
    except Exception as e:  # rdflib's parsers raise many kinds; all mean "cannot read this"
        reason = " ".join(str(e).split())[:200] or type(e).__name__
        raise InputError(f"{path}: {name} error: {reason}") from None
    return graph


def _check_strictly(raw: bytes, path: Path, suffix: str, name: str) -> None:
    """Oxigraph's parser checks every IRI and reports line and column exactly."""
    import pyoxigraph as ox

    fmt = ox.RdfFormat.TURTLE if suffix == ".ttl" else ox.RdfFormat.N_TRIPLES
    try:
        for _ in ox.parse(raw, format=fmt, base_iri=path.resolve().as_uri()):
            pass
    except SyntaxError as e:
        raise InputError(f"{path}: {name} syntax error: {str(e).splitlines()[0]}") from None
    except (ValueError, OSError) as e:
        raise InputError(f"{path}: {name} error: {str(e).splitlines()[0]}") from None


def _check_xml(raw: bytes, path: Path) -> None:
    """No DOCTYPE, so no entity can expand or reach a file or URL."""
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as safe_et
    from defusedxml import DefusedXmlException

    try:
        safe_et.fromstring(raw, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise InputError(
            f"{path}: RDF/XML with a DOCTYPE or entities is refused (they can read files or "
            "URLs); remove the DOCTYPE"
        ) from None
    except ParseError as e:
        raise InputError(f"{path}: RDF/XML syntax error: {e}") from None


def _check_jsonld(raw: bytes, path: Path) -> None:
    """Contexts must be inline: a URL in ``@context`` or ``@import`` would be fetched."""
    try:
        data = json.loads(raw)
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{path}:{e.lineno}:{e.colno}: JSON syntax error: {e.msg}") from None
    except RecursionError:
        raise InputError(f"{path}: JSON nested too deeply") from None
    remote = _remote_context(data)
    if remote is not None:
        raise InputError(
            f"{path}: JSON-LD context '{remote[:100]}' would be fetched from elsewhere; "
            "inline the context in the file"
        )


def _remote_context(data: Any) -> str | None:
    """The first context given by reference (a string), anywhere in the document."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("@context", "@import"):
                    for ctx in value if isinstance(value, list) else [value]:
                        if isinstance(ctx, str):
                            return ctx
                stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return None
