"""Send the public dataset to a remote triple store, one named graph at a time.

Each named graph is replaced whole with the SPARQL 1.1 Graph Store Protocol (``PUT``), or, when
no Graph Store endpoint is given or it refuses, with SPARQL 1.1 Update (``DROP`` then
``INSERT DATA`` in chunks). After a graph is written, its content hash goes into a manifest graph
on the remote (:data:`MANIFEST_GRAPH`); a later push skips every graph whose hash there equals
the local one, so an interrupted push resumes where it stopped and a second push changes
nothing. Graphs the manifest lists but the dataset no longer has are dropped. Transient failures
(connection errors, HTTP 429 and 5xx) are retried with exponential backoff; anything else stops
with one line naming the graph and what the server said.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import URIRef

from kg.errors import RemoteError
from kg.store import Store

MANIFEST_GRAPH = URIRef("https://w3id.org/appeals-kg/graph/push-manifest")
HASH_PREDICATE = URIRef("https://w3id.org/appeals-kg/ontology#contentSha256")
CHUNK_LINES = 2000  # triples per INSERT DATA request when falling back to SPARQL Update
TRANSIENT = {408, 429, 500, 502, 503, 504}


@dataclass
class PushResult:
    """What a push did."""

    pushed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    protocol: str = ""
    retries: int = 0


def graph_hash(ntriples: str) -> str:
    """Content hash of a graph: sorted N-Triples lines, blank-node labels ignored."""
    lines = sorted(re.sub(r"_:[A-Za-z0-9_.-]+", "_:b", ln) for ln in ntriples.splitlines() if ln)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


class Remote:
    """HTTP to one SPARQL endpoint (and optionally its Graph Store endpoint), with retries."""

    def __init__(
        self,
        endpoint: str,
        graph_store: str | None = None,
        user: str | None = None,
        password: str | None = None,
        retries: int = 4,
        backoff: float = 0.5,
        timeout: float = 120.0,
    ) -> None:
        for url, what in ((endpoint, "--endpoint"), (graph_store, "--graph-store")):
            if url is not None and urllib.parse.urlparse(url).scheme not in ("http", "https"):
                raise RemoteError(f"{what} {url}: give an http:// or https:// URL")
        self.endpoint = endpoint
        self.graph_store = graph_store
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.retried = 0
        handlers: list[urllib.request.BaseHandler] = []
        self._auth: str | None = None
        if user is not None:
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in (endpoint, graph_store):
                if url:
                    mgr.add_password(None, url, user, password or "")
            handlers += [
                urllib.request.HTTPDigestAuthHandler(mgr),
                urllib.request.HTTPBasicAuthHandler(mgr),
            ]
            token = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
            self._auth = f"Basic {token}"
        self._open = urllib.request.build_opener(*handlers).open

    def request(
        self, method: str, url: str, body: bytes | None, headers: dict[str, str], what: str
    ) -> bytes:
        """One HTTP request, retried on transient failures; RemoteError otherwise."""
        attempt = 0
        while True:
            req = urllib.request.Request(url, data=body, method=method, headers=headers)
            try:
                with self._open(req, timeout=self.timeout) as resp:
                    return resp.read()
            except urllib.error.HTTPError as e:
                detail = " ".join(e.read().decode("utf-8", "replace").split())[:200]
                if e.code not in TRANSIENT or attempt >= self.retries:
                    raise RemoteError(
                        f"{what}: {url} answered HTTP {e.code} {e.reason}"
                        + (f": {detail}" if detail else "")
                    ) from None
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as e:
                if attempt >= self.retries:
                    reason = getattr(e, "reason", e)
                    raise RemoteError(
                        f"{what}: cannot reach {url}: {reason} (after {attempt + 1} attempts)"
                    ) from None
            time.sleep(self.backoff * (2**attempt))
            attempt += 1
            self.retried += 1

    def select(self, query: str, what: str) -> list[dict[str, str]]:
        """A SELECT through the SPARQL protocol; rows of plain values."""
        body = urllib.parse.urlencode({"query": query}).encode()
        data = self.request(
            "POST",
            self.endpoint,
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json",
            },
            what,
        )
        try:
            doc = json.loads(data)
        except ValueError:
            raise RemoteError(f"{what}: {self.endpoint} did not answer SPARQL JSON") from None
        return [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]]

    def update(self, text: str, what: str) -> None:
        body = urllib.parse.urlencode({"update": text}).encode()
        self.request(
            "POST",
            self.endpoint,
            body,
            {"Content-Type": "application/x-www-form-urlencoded"},
            what,
        )

    def put_graph(self, graph: str, ntriples: str, what: str) -> None:
        assert self.graph_store is not None
        sep = "&" if "?" in self.graph_store else "?"
        url = f"{self.graph_store}{sep}{urllib.parse.urlencode({'graph': graph})}"
        self.request(
            "PUT",
            url,
            ntriples.encode("utf-8"),
            {"Content-Type": "application/n-triples"},
            what,
        )


def remote_hashes(remote: Remote) -> dict[str, str]:
    """Graph -> content hash, as the manifest on the remote records them."""
    rows = remote.select(
        f"SELECT ?g ?h WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ ?g <{HASH_PREDICATE}> ?h }} }}",
        "reading the push manifest",
    )
    return {r["g"]: r["h"] for r in rows if "g" in r and "h" in r}


def _set_hash(remote: Remote, graph: str, digest: str | None) -> None:
    text = f"DELETE WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ <{graph}> <{HASH_PREDICATE}> ?h }} }}"
    if digest is not None:
        text += (
            f" ; INSERT DATA {{ GRAPH <{MANIFEST_GRAPH}> "
            f'{{ <{graph}> <{HASH_PREDICATE}> "{digest}" }} }}'
        )
    remote.update(text, f"graph {graph}: recording its hash")


def _write_by_update(remote: Remote, graph: str, ntriples: str) -> None:
    remote.update(f"DROP SILENT GRAPH <{graph}>", f"graph {graph}: clearing it")
    lines = [ln for ln in ntriples.splitlines() if ln.strip()]
    # A blank node must not be split across requests (each would mint its own), and some
    # stores refuse blank nodes in INSERT DATA: those triples go together in one INSERT-WHERE.
    blank = [ln for ln in lines if "_:" in ln]
    plain = [ln for ln in lines if "_:" not in ln]
    chunks = [plain[i : i + CHUNK_LINES] for i in range(0, len(plain), CHUNK_LINES)]
    for chunk in chunks:
        body = "\n".join(chunk)
        remote.update(f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}", f"graph {graph}")
    if blank:
        body = "\n".join(blank)
        remote.update(f"INSERT {{ GRAPH <{graph}> {{\n{body}\n}} }} WHERE {{}}", f"graph {graph}")


def push_store(
    store: Store,
    remote: Remote,
    *,
    progress: Callable[[int, int, str, str], None] | None = None,
) -> PushResult:
    """Push every named graph of ``store`` to ``remote``; see the module docstring."""
    result = PushResult(protocol="graph-store" if remote.graph_store else "update")
    known = remote_hashes(remote)
    names = [str(g) for g in store.graph_names() if g != MANIFEST_GRAPH]
    total = len(names)
    for i, name in enumerate(names, 1):
        ntriples = store.dump("ntriples", URIRef(name)).decode("utf-8")
        digest = graph_hash(ntriples)
        if known.get(name) == digest:
            result.skipped.append(name)
            if progress:
                progress(i, total, name, "unchanged")
            continue
        if result.protocol == "graph-store":
            try:
                remote.put_graph(name, ntriples, f"graph {name}")
            except RemoteError as e:
                if not re.search(r"HTTP (404|405|415|501)\b", str(e)):
                    raise
                result.protocol = "update"  # no Graph Store Protocol there: SPARQL Update
        if result.protocol == "update":
            _write_by_update(remote, name, ntriples)
        _set_hash(remote, name, digest)
        result.pushed.append(name)
        if progress:
            progress(i, total, name, "pushed")
    for name in sorted(set(known) - set(names)):
        remote.update(f"DROP SILENT GRAPH <{name}>", f"graph {name}: dropping it")
        _set_hash(remote, name, None)
        result.dropped.append(name)
    result.retries = remote.retried
    return result
