"""Write graphs to disk: deterministic Turtle / TriG (and N-Triples, JSON-LD), atomically."""

from __future__ import annotations

import os
import tempfile
from enum import StrEnum
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.config import ONTOLOGY_NS, RESOURCE_NS


class Format(StrEnum):
    TURTLE = "ttl"
    TRIG = "trig"
    NTRIPLES = "nt"
    JSONLD = "jsonld"


_RDFLIB_FORMAT = {Format.TURTLE: "turtle", Format.TRIG: "trig", Format.NTRIPLES: "nt",
                  Format.JSONLD: "json-ld"}  # fmt: skip


def union_graph(dataset: Dataset) -> Graph:
    """All articles' triples in one graph (the default graph of kg.ttl)."""
    graph = Graph()
    for context in dataset.graphs():
        for triple in context:
            graph.add(triple)
    _bind(graph)
    return graph


def _bind(graph: Graph | Dataset) -> None:
    for prefix, namespace in (("kg", ONTOLOGY_NS), ("kgr", RESOURCE_NS), ("rdf", str(RDF)),
                              ("rdfs", str(RDFS)), ("skos", str(SKOS)), ("xsd", str(XSD)),
                              ("owl", str(OWL))):  # fmt: skip
        graph.bind(prefix, namespace, override=True, replace=True)


def write_text_atomically(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, then rename: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def serialise(dataset: Dataset, format: Format) -> str:
    """The dataset as text; TriG keeps a named graph per article, the others the union."""
    if format is Format.TRIG:
        _bind(dataset)
        return dataset.serialize(format="trig")
    graph = union_graph(dataset)
    if format is Format.NTRIPLES:
        return "".join(sorted(graph.serialize(format="nt").splitlines(keepends=True)))
    return graph.serialize(format=_RDFLIB_FORMAT[format])


def write_graph(
    dataset: Dataset, out_dir: Path, *, formats: tuple[Format, ...] = (Format.TURTLE, Format.TRIG)
) -> list[Path]:
    """Write ``kg.<ext>`` for each format into ``out_dir``; returns the paths written.

    Raises:
        OSError: the folder cannot be written.
    """
    written = []
    for format in formats:
        path = out_dir / f"kg.{format.value}"
        write_text_atomically(path, serialise(dataset, format))
        written.append(path)
    return written
