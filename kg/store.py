"""Write graphs to disk: deterministic Turtle / TriG (and N-Triples, JSON-LD), atomically."""

from __future__ import annotations

import os
import tempfile
from enum import StrEnum
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.config import ONTOLOGY_NS
from kg.rdf.mapping import oxigraph_triples


class Format(StrEnum):
    TURTLE = "ttl"
    TRIG = "trig"
    NTRIPLES = "nt"
    JSONLD = "jsonld"


_OX_FORMAT = {
    Format.TURTLE: ox.RdfFormat.TURTLE,
    Format.TRIG: ox.RdfFormat.TRIG,
    Format.NTRIPLES: ox.RdfFormat.N_TRIPLES,
    Format.JSONLD: ox.RdfFormat.JSON_LD,
}
#: Vocabulary prefixes only: resource IRIs are written in full (percent-encoded names would
#: need backslash escapes as prefixed names).
PREFIXES = {
    "kg": ONTOLOGY_NS,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "owl": str(OWL),
}


def _key(triple: ox.Triple | ox.Quad) -> tuple[str, str, str]:
    return str(triple.subject), str(triple.predicate), str(triple.object)


def quads(dataset: Dataset) -> list[ox.Quad]:
    """Every quad of the dataset, one named graph per article."""
    return [
        quad
        for graph in dataset.graphs()
        if isinstance(graph.identifier, URIRef)
        for quad in graph_quads(graph, str(graph.identifier))
    ]


def graph_quads(graph: Graph, name: str) -> list[ox.Quad]:
    """The triples of an rdflib graph as pyoxigraph quads in the named graph ``name``.

    Raises:
        ValueError: the graph holds something that is no RDF triple.
    """
    graph_name = ox.NamedNode(name)
    return [ox.Quad(s, p, o, graph_name) for s, p, o in oxigraph_triples(graph)]


def serialise(dataset: Dataset, format: Format) -> bytes:
    """The dataset as RDF; TriG keeps a named graph per article, the others hold the union."""
    return serialise_quads(quads(dataset), format)


def serialise_quads(found: list[ox.Quad], format: Format) -> bytes:
    """Quads as RDF; TriG keeps a named graph per article, the others hold the union.

    Sorted, so two builds of the same articles give byte-identical files; written by
    pyoxigraph, which is fast enough for a corpus (rdflib's writer is not).
    """
    ordered = sorted(found, key=lambda q: (str(q.graph_name), *_key(q)))
    if format is Format.TRIG:
        data = ox.serialize(ordered, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    else:
        triples = sorted({q.triple for q in ordered}, key=_key)
        prefixes = PREFIXES if format is Format.TURTLE else None
        data = ox.serialize(triples, format=_OX_FORMAT[format], prefixes=prefixes)
    assert isinstance(data, bytes)
    return data


def is_store(path: Path) -> bool:
    """Whether ``path`` is a store folder of ``kg build --store`` (RocksDB's CURRENT is there)."""
    return path.is_dir() and (path / "CURRENT").is_file()


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder, then rename: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_graph(
    dataset: Dataset, out_dir: Path, *, formats: tuple[Format, ...] = (Format.TURTLE, Format.TRIG)
) -> list[Path]:
    """Write ``kg.<ext>`` for each format into ``out_dir``; returns the paths written.

    Raises:
        OSError: the folder cannot be written.
    """
    return write_quads(quads(dataset), out_dir, formats=formats)


def write_quads(
    found: list[ox.Quad],
    out_dir: Path,
    *,
    formats: tuple[Format, ...] = (Format.TURTLE, Format.TRIG),
) -> list[Path]:
    """Write ``kg.<ext>`` for each format into ``out_dir``; returns the paths written.

    Raises:
        OSError: the folder cannot be written.
    """
    written = []
    for format in formats:
        path = out_dir / f"kg.{format.value}"
        write_bytes_atomically(path, serialise_quads(found, format))
        written.append(path)
    return written
