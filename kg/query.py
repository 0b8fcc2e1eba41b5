"""Run SPARQL over a build's output with pyoxigraph; bound values are data, never query text."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset

from kg.errors import QueryError
from kg.store import is_store

DATA_FILES = ("kg.trig", "kg.ttl", "kg.nt")
_FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
}


class ResultFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    TSV = "tsv"
    XML = "xml"


@dataclass(frozen=True, slots=True)
class QueryResult:
    variables: tuple[str, ...]
    rows: tuple[tuple[ox.NamedNode | ox.BlankNode | ox.Literal | None, ...], ...]


def data_file(path: Path) -> Path:
    """The RDF file a ``--data`` path stands for: a file, or kg.trig / kg.ttl in a build folder.

    Raises:
        QueryError: nothing usable is there.
    """
    if path.is_dir():
        for name in DATA_FILES:
            if (path / name).is_file():
                return path / name
        raise QueryError(f"{path}: no {', '.join(DATA_FILES)} in this folder; run `kg build` first")
    if not path.is_file():
        raise QueryError(f"{path}: no such file or folder")
    if path.suffix not in _FORMATS:
        raise QueryError(f"{path}: unknown RDF format; expected one of {', '.join(_FORMATS)}")
    return path


def load_store(path: Path) -> ox.Store:
    """The data at ``path``: a store folder (``kg build --store``) opened read-only, or an
    in-memory store holding an RDF file or a build folder's kg.trig / kg.ttl. Either way
    the default graph holds the union of the article graphs, each triple once.

    Raises:
        QueryError: the data is missing, does not parse, or the store cannot be opened.
    """
    if is_store(path):
        try:
            return ox.Store.read_only(str(path))
        except OSError as exc:
            raise QueryError(f"{path}: cannot open the store ({exc})") from exc
    file = data_file(path)
    store = ox.Store()
    try:
        store.bulk_load(path=str(file), format=_FORMATS[file.suffix])
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{file}: cannot load RDF ({exc})") from exc
    # queries run on the default graph: the union of the article graphs, each triple once
    store.bulk_extend([ox.Quad(*q.triple) for q in store if q.graph_name != ox.DefaultGraph()])
    return store


def open_dataset(path: Path) -> Dataset:
    """The data at ``path`` (as :func:`load_store` reads it) under rdflib's API, backed by
    Oxigraph through oxrdflib: ``.query`` runs in Oxigraph on the default graph, the union
    of the article graphs; ``.get_graph(article IRI)`` is one article. A store is read-only.

    Raises:
        QueryError: as :func:`load_store`.
    """
    return Dataset(store=OxigraphStore(store=load_store(path)))


def read_query(text_or_path: str) -> str:
    """A query given inline, or the text of a ``.rq`` file."""
    path = Path(text_or_path)
    if text_or_path.endswith(".rq") or (len(text_or_path) < 300 and path.is_file()):
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"{path}: cannot read query ({exc.strerror})") from exc
    return text_or_path


def run_query(query: str, store: ox.Store, bindings: dict[str, str] | None = None) -> QueryResult:
    """Run a SELECT query; each binding is substituted as a plain literal value.

    >>> store = ox.Store()
    >>> run_query('SELECT ?x WHERE {}', store, {"x": '"}; DROP ALL'}).rows[0][0].value
    '"}; DROP ALL'

    A binding for a variable the query does not mention is ignored (the same ``--bind city=…``
    serves every competency question, and ``entities.rq`` is not about one city).

    Raises:
        QueryError: the query does not parse, is not a SELECT query, or uses a bound variable
            without selecting it (pyoxigraph substitutes selected variables only).
    """
    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
        ox.Variable(name): ox.Literal(unicodedata.normalize("NFC", value))
        for name, value in (bindings or {}).items()
        if re.search(rf"[?$]{re.escape(name)}\b", query)
    }
    try:
        solutions = store.query(query, substitutions=substitutions)
    except SyntaxError as exc:
        raise QueryError(f"the query does not parse: {exc}") from exc
    except RuntimeError as exc:
        raise QueryError(
            f"{exc}: a bound variable must be selected (add it to SELECT, and to GROUP BY)"
        ) from exc
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError("only SELECT queries are supported by `kg query`")
    variables = tuple(v.value for v in solutions.variables)
    rows = tuple(tuple(solution[v] for v in variables) for solution in solutions)
    return QueryResult(variables, rows)


def format_result(result: QueryResult, format: ResultFormat) -> str:
    """SPARQL 1.1 results JSON / CSV / TSV / XML, or a plain table for a terminal."""
    if format is ResultFormat.JSON:
        bindings = [
            {
                var: _json_term(term)
                for var, term in zip(result.variables, row, strict=True)
                if term is not None
            }
            for row in result.rows
        ]
        document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
        return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if format is ResultFormat.CSV:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow(["" if t is None else t.value for t in row])
        return out.getvalue()
    if format is ResultFormat.TSV:
        lines = ["\t".join(f"?{v}" for v in result.variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    if format is ResultFormat.XML:
        return _xml(result)
    return _table(result)


def _xml(result: QueryResult) -> str:
    """SPARQL Query Results XML Format."""
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    out.append("<head>" + "".join(f'<variable name="{v}"/>' for v in result.variables) + "</head>")
    out.append("<results>")
    for row in result.rows:
        cells = []
        for var, term in zip(result.variables, row, strict=True):
            if term is None:
                continue
            if isinstance(term, ox.NamedNode):
                inner = f"<uri>{escape(term.value)}</uri>"
            elif isinstance(term, ox.BlankNode):
                inner = f"<bnode>{escape(term.value)}</bnode>"
            elif term.language:
                inner = f'<literal xml:lang="{term.language}">{escape(term.value)}</literal>'
            else:
                datatype = quoteattr(term.datatype.value)
                inner = f"<literal datatype={datatype}>{escape(term.value)}</literal>"
            cells.append(f'<binding name="{var}">{inner}</binding>')
        out.append("<result>" + "".join(cells) + "</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


def _json_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    cell = {"type": "literal", "value": term.value}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        cell["datatype"] = term.datatype.value
    return cell


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(result: QueryResult) -> str:
    cells = [[_short(t) for t in row] for row in result.rows]
    widths = [
        max([_width(v)] + [_width(r[i]) for r in cells]) for i, v in enumerate(result.variables)
    ]

    def line(values: list[str]) -> str:
        return "  ".join(
            v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)
        ).rstrip()

    out = [line(list(result.variables)), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"


def _short(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    if term is None:
        return ""
    value = term.value
    if isinstance(term, ox.NamedNode) and "#" in value:
        return value.rsplit("#", 1)[1]
    return value
