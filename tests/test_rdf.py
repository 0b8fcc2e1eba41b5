"""The RDF the seed article becomes: ontology terms only, evidence everywhere, deterministic."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.cli import main
from kg.config import ONTOLOGY_NS, BuildConfig
from kg.pipeline import build_article
from kg.rdf.generate_vocab import VOCAB_PATH, render_vocab
from kg.rdf.iris import article_iri, entity_iri
from kg.rdf.mapping import oxigraph_triples
from kg.rdf.vocab import KG
from kg.records import EntityType

from .conftest import CASES, SEED

STANDARD = (str(RDF), str(RDFS), str(OWL), str(XSD))


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(BuildConfig().ontology_path, format="turtle")


@pytest.fixture(scope="module")
def seed_graph(seed_build: Path) -> Graph:
    return Graph().parse(seed_build / "kg.ttl", format="turtle")


def test_rdf_vocab_module_matches_the_ontology() -> None:
    assert VOCAB_PATH.read_text(encoding="utf-8") == render_vocab(BuildConfig().ontology_path), (
        "kg/rdf/vocab.py is stale: run python -m kg.rdf.generate_vocab"
    )


def test_rdf_vocab_namespace_is_closed() -> None:
    with pytest.raises(AttributeError):
        _ = KG.NoSuchTerm


def test_rdf_every_ontology_term_has_labels_and_a_comment(ontology: Graph) -> None:
    missing = []
    for term in set(ontology.subjects(RDF.type, None)):
        if not (isinstance(term, URIRef) and str(term).startswith(ONTOLOGY_NS)):
            continue
        langs = {o.language for o in ontology.objects(term, RDFS.label) if isinstance(o, Literal)}
        if not {"zh", "en"} <= langs or (term, RDFS.comment, None) not in ontology:
            missing.append(str(term))
    assert missing == []


def test_rdf_every_class_and_property_used_is_declared(seed_graph: Graph, ontology: Graph) -> None:
    declared = set(ontology.subjects(RDF.type, None))
    used = set(seed_graph.predicates()) | set(seed_graph.objects(None, RDF.type))
    undeclared = {t for t in used if t not in declared and not str(t).startswith(STANDARD)}
    assert undeclared == set()


def test_rdf_turtle_and_trig_parse_back_to_the_same_triples(seed_build: Path) -> None:
    turtle = Graph().parse(seed_build / "kg.ttl", format="turtle")
    dataset = Dataset().parse(
        data=(seed_build / "kg.trig").read_text(encoding="utf-8"), format="trig"
    )
    union = Graph()
    for graph in dataset.graphs():
        for triple in graph:
            union.add(triple)
    assert len(turtle) > 1000
    assert isomorphic(turtle, union)


def test_rdf_trig_holds_one_named_graph_per_article(seed_build: Path) -> None:
    dataset = Dataset().parse(
        data=(seed_build / "kg.trig").read_text(encoding="utf-8"), format="trig"
    )
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == {"https://w3id.org/kg-cnip/id/article/zhengzhou-2023-01-16"}


def test_rdf_every_statement_quotes_its_evidence_from_the_article(seed_graph: Graph) -> None:
    text = (Path(__file__).parent.parent / "data/articles/zhengzhou-2023-01-16.txt").read_text(
        encoding="utf-8"
    )
    statements = set(seed_graph.subjects(KG.evidence, None))
    assert len(statements) > 100
    for statement in statements:
        span = seed_graph.value(statement, KG.evidence)
        begin = int(seed_graph.value(span, KG.beginIndex))
        end = int(seed_graph.value(span, KG.endIndex))
        assert str(seed_graph.value(span, KG.quote)) == text[begin:end]
        assert (statement, KG.rule, None) in seed_graph


def test_rdf_figures_are_decimals_with_units_and_periods(seed_graph: Graph) -> None:
    rows = {
        (
            str(seed_graph.value(o, KG.value)),
            str(seed_graph.value(o, KG.unit)),
            str(seed_graph.value(o, KG.period)),
        )
        for o in seed_graph.subjects(RDF.type, KG.Observation)
    }
    assert ("3029.5", "亿元", "2019") in rows
    values = list(seed_graph.objects(None, KG.value))
    assert all(v.datatype == XSD.decimal for v in values)


def test_rdf_article_metadata_is_in_the_graph(seed_graph: Graph) -> None:
    article = URIRef("https://w3id.org/kg-cnip/id/article/zhengzhou-2023-01-16")
    assert str(seed_graph.value(article, KG.datePublished)) == "2023-01-16"
    authors = {str(seed_graph.value(a, RDFS.label)) for a in seed_graph.objects(article, KG.author)}
    editors = {str(seed_graph.value(e, RDFS.label)) for e in seed_graph.objects(article, KG.editor)}
    assert authors == {"贾永标"}
    assert editors == {"钱艳红", "黄瑞月", "黄念念"}
    publisher = seed_graph.value(article, KG.publisher)
    assert str(seed_graph.value(publisher, RDFS.label)) == "大河财立方"


def test_rdf_two_builds_are_byte_identical(tmp_path: Path) -> None:
    articles = Path(__file__).parent.parent / "data" / "articles"
    for name in ("a", "b"):
        assert main(["build", str(articles), "--out", str(tmp_path / name), "--no-html"]) == 0
    for file in ("kg.ttl", "kg.trig"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()


def test_rdf_committed_seed_graph_is_what_the_builder_makes(seed_build: Path) -> None:
    committed = Path(__file__).parent.parent / "data" / "graph" / "kg.ttl"
    fresh = Graph().parse(seed_build / "kg.ttl", format="turtle")
    assert isomorphic(Graph().parse(committed, format="turtle"), fresh), (
        "data/graph/kg.ttl is stale: run kg build data/articles --out data/graph --no-html"
    )


@settings(max_examples=300, deadline=None)
@given(name=st.text(min_size=1, max_size=40), kind=st.sampled_from(list(EntityType)))
def test_iris_minted_from_any_name_are_valid_and_distinct(name: str, kind: EntityType) -> None:
    iri = entity_iri(kind, f"name:{name}")
    ox.NamedNode(str(iri))  # raises on an invalid IRI
    assert str(iri).startswith("https://w3id.org/kg-cnip/id/")
    assert unquote(str(iri).rsplit("/", 1)[1]) == name
    for article in (name, f"{name}-x"):
        ox.NamedNode(str(article_iri(article)))


@pytest.mark.parametrize(
    "article", [SEED, *sorted(CASES.glob("*/article.txt"))], ids=lambda p: p.parent.name
)
def test_rdf_pyoxigraph_triples_are_those_of_the_rdflib_graph(article: Path) -> None:
    """to_rdf's graph keeps the pyoxigraph terms it was made of (validate and the store take
    them) and makes rdflib terms when read; both must be the same triples, and a changed
    graph must hand over its changes."""
    _, graph = build_article(article)
    made = set(oxigraph_triples(graph))
    read = Graph()
    for triple in graph:
        read.add(triple)
    assert made == set(oxigraph_triples(read))
    assert len(graph) == len(made)
    subject = next(iter(graph.subjects()))
    graph.add((subject, RDFS.comment, Literal("added")))
    added = (ox.NamedNode(str(subject)), ox.NamedNode(str(RDFS.comment)), ox.Literal("added"))
    assert set(oxigraph_triples(graph)) == made | {added}
