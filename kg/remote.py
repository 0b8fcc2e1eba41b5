"""Graphs on another machine: push to a SPARQL 1.1 Graph Store, query a SPARQL endpoint.

Plain HTTP with the standard library, so any store that speaks the W3C protocols works:
Oxigraph server (``http://HOST:PORT/store`` and ``/query``), Apache Jena Fuseki
(``/DATASET/data`` and ``/DATASET/sparql``), GraphDB, Virtuoso …
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import QueryError
from kg.query import QueryResult
from kg.sparql import bind_values

TIMEOUT_SECONDS = 60.0
#: Triples per request when the default graph is sent
DEFAULT_GRAPH_PART = 200_000


class RemoteError(QueryError):
    """A remote endpoint cannot be reached or refused a request."""


@dataclass(frozen=True, slots=True)
class PushReport:
    graphs: int
    triples: int


def push(quads: Iterable[ox.Quad], endpoint: str) -> PushReport:
    """Put each named graph of ``quads`` at a Graph Store Protocol endpoint (HTTP PUT, so
    pushing again replaces), then its default graph, the union the queries run on (PUT of
    the first part, POST of the rest).

    Raises:
        RemoteError: the endpoint cannot be reached or refuses a graph (status named).
    """
    graphs: dict[str, list[ox.Triple]] = {}
    union: list[ox.Triple] = []
    for quad in quads:
        if isinstance(quad.graph_name, ox.NamedNode):
            graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
        else:
            union.append(quad.triple)
    for name, triples in sorted(graphs.items()):
        _put(endpoint, {"graph": name}, triples, "PUT")
    for start in range(0, max(len(union), 1), DEFAULT_GRAPH_PART):
        part = union[start : start + DEFAULT_GRAPH_PART]
        _put(endpoint, {"default": ""}, part, "PUT" if start == 0 else "POST")
    return PushReport(len(graphs), sum(len(t) for t in graphs.values()))


def _put(endpoint: str, params: Mapping[str, str], triples: list[ox.Triple], method: str) -> None:
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    assert isinstance(body, bytes)
    headers = {"Content-Type": "application/n-triples"}
    url = _with_params(endpoint, params)
    _send(urllib.request.Request(url, data=body, method=method, headers=headers))


def remote_query(
    query: str, endpoint: str, bindings: Mapping[str, str] | None = None
) -> QueryResult:
    """Run a SELECT query at a SPARQL 1.1 Protocol endpoint; bindings go in as VALUES.

    The queries run on the endpoint's default graph, which ``push`` fills with the union of
    the article graphs, as ``kg query`` has it locally.

    Raises:
        RemoteError: the endpoint cannot be reached or refuses the query.
        QueryError: the answer is not SPARQL JSON results of a SELECT query.
    """
    data = urllib.parse.urlencode({"query": bind_values(query, bindings or {})}).encode()
    request = urllib.request.Request(
        endpoint,
        data=data,
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    try:
        document = json.loads(_send(request))
        variables = tuple(document["head"]["vars"])
        rows = tuple(
            tuple(_term(binding[v]) if v in binding else None for v in variables)
            for binding in document["results"]["bindings"]
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise QueryError(f"{endpoint}: not SPARQL JSON results of a SELECT query ({exc})") from exc
    return QueryResult(variables, rows)


def _term(cell: Mapping[str, str]) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in cell:
        return ox.Literal(value, language=cell["xml:lang"])
    if "datatype" in cell:
        return ox.Literal(value, datatype=ox.NamedNode(cell["datatype"]))
    return ox.Literal(value)


def _with_params(url: str, params: Mapping[str, str]) -> str:
    parts = urllib.parse.urlsplit(url)
    encoded = "&".join(
        urllib.parse.quote(k) + ("=" + urllib.parse.quote(v, safe="") if v else "")
        for k, v in params.items()
    )
    query = "&".join(q for q in (parts.query, encoded) if q)
    return urllib.parse.urlunsplit(parts._replace(query=query))


def _send(request: urllib.request.Request) -> bytes:
    where = f"{request.get_method()} {request.full_url}"
    if urllib.parse.urlsplit(request.full_url).scheme not in ("http", "https"):
        raise RemoteError(f"{request.full_url}: expected an http:// or https:// endpoint")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            body: bytes = response.read()
            return body
    except urllib.error.HTTPError as exc:
        detail = exc.read(500).decode("utf-8", "replace").strip()
        raise RemoteError(f"{where}: HTTP {exc.code} {exc.reason}: {detail}") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise RemoteError(f"{where}: cannot reach the endpoint ({reason})") from exc
