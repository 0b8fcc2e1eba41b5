"""SHACL validation: built graphs conform to shapes.ttl; broken graphs are reported in words."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pyshacl_turbo
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from kg.cli import main
from kg.config import RESOURCE_NS
from kg.errors import KgError, ValidationError
from kg.pipeline import build_article
from kg.rdf.vocab import KG
from kg.validate import (
    Severity,
    ValidationReport,
    Violation,
    _ontology_facts,
    _shapes,
    _violations,
    drop_broken_statements,
    format_report,
    validate,
    validate_path,
)

from .conftest import CASES

CASE_ARTICLES = sorted(CASES.glob("*/article.txt"))


@pytest.fixture(scope="module")
def seed_graph(seed_build: Path) -> Graph:
    return Graph().parse(seed_build / "kg.ttl", format="turtle")


def _only(report: ValidationReport, focus: Node, path: Node) -> Violation:
    """The one violation about ``focus`` and ``path``; the report text if there is none."""
    found = [v for v in report.violations if v.focus == focus and v.path == path]
    assert len(found) >= 1, format_report(report)
    return found[0]


def _cut(graph: Graph, start: Node) -> Graph:
    """``start`` and every resource it reaches: a small graph that keeps each node whole.

    Broken copies of this validate in milliseconds instead of a second per test.
    """
    small, todo, seen = Graph(), [start], set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for p, o in graph.predicate_objects(node):
            small.add((node, p, o))
            if isinstance(o, URIRef) and str(o).startswith(RESOURCE_NS):
                todo.append(o)
    return small


def _first(graph: Graph, cls: URIRef) -> URIRef:
    node = min(graph.subjects(RDF.type, cls))
    assert isinstance(node, URIRef)
    return node


# ---------------------------------------------------------------------- built graphs conform
def test_validate_seed_build_conforms(seed_build: Path) -> None:
    report = validate_path(seed_build)
    assert report.conforms, format_report(report)
    assert report.violations == (), format_report(report)


def test_validate_seed_trig_is_checked_as_the_union_of_its_graphs(seed_build: Path) -> None:
    report = validate_path(seed_build / "kg.trig")
    assert report.conforms, format_report(report)


@pytest.mark.parametrize("article", CASE_ARTICLES, ids=lambda p: p.parent.name)
def test_validate_case_article_graph_conforms(article: Path) -> None:
    _, graph = build_article(article)
    report = validate(graph)
    assert report.conforms, format_report(report)


def test_validate_dataset_is_checked_as_the_union_of_its_graphs(
    observation: tuple[URIRef, Graph],
) -> None:
    node, small = observation
    span = small.value(node, KG.evidence)
    dataset = Dataset()
    statements, spans = (
        dataset.graph(URIRef("urn:g:statements")),
        dataset.graph(URIRef("urn:g:spans")),
    )
    for s, p, o in small:
        (spans if s == span else statements).add((s, p, o))
    assert validate(dataset).conforms
    assert not validate(statements).conforms  # the evidence span is in the other graph


def test_validate_leaves_the_graph_unchanged(seed_graph: Graph) -> None:
    before = len(seed_graph)
    validate(seed_graph)
    assert len(seed_graph) == before


# ---------------------------------------------------------------------- broken graphs
@pytest.fixture(scope="module")
def observation(seed_graph: Graph) -> tuple[URIRef, Graph]:
    node = _first(seed_graph, KG.Observation)
    small = _cut(seed_graph, node)
    report = validate(small)
    assert report.conforms and report.violations == (), format_report(report)
    return node, small


@pytest.fixture(scope="module")
def award(seed_graph: Graph) -> tuple[URIRef, Graph]:
    node = _first(seed_graph, KG.DesignationAward)
    small = _cut(seed_graph, node)
    assert validate(small).conforms
    return node, small


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def test_validate_observation_without_value_is_named(observation: tuple[URIRef, Graph]) -> None:
    node, small = observation
    broken = _copy(small)
    broken.remove((node, KG.value, None))
    report = validate(broken)
    assert not report.conforms
    v = _only(report, node, KG.value)
    assert v.constraint == "MinCount" and v.severity is Severity.VIOLATION
    assert "exactly one kg:value" in v.message


def test_validate_statement_without_evidence_is_named(award: tuple[URIRef, Graph]) -> None:
    node, small = award
    broken = _copy(small)
    broken.remove((node, KG.evidence, None))
    report = validate(broken)
    assert not report.conforms
    v = _only(report, node, KG.evidence)
    assert v.constraint == "MinCount"
    assert "kg:evidence" in v.message and "TextSpan" in v.message


def test_validate_designation_award_without_holder_is_named(award: tuple[URIRef, Graph]) -> None:
    node, small = award
    broken = _copy(small)
    broken.remove((node, KG.holder, None))
    report = validate(broken)
    v = _only(report, node, KG.holder)
    assert v.constraint == "MinCount" and "kg:holder" in v.message
    assert v.shape == URIRef("https://w3id.org/kg-cnip/shapes#DesignationAward")


def test_validate_untagged_label_is_named(award: tuple[URIRef, Graph]) -> None:
    node, small = award
    holder = small.value(node, KG.holder)
    assert holder is not None
    broken = _copy(small)
    broken.remove((holder, RDFS.label, None))
    broken.add((holder, RDFS.label, Literal("恒达电子")))
    report = validate(broken)
    assert not report.conforms
    found = {v.constraint: v for v in report.violations if v.focus == holder}
    assert found["LanguageIn"].path == RDFS.label
    assert found["LanguageIn"].value == Literal("恒达电子")
    assert "language-tagged" in found["LanguageIn"].message
    assert "Chinese name" in found["QualifiedMinCount"].message


WRONG_LITERALS = [
    # (what, subject class, property, literal)
    ("a value as a plain string", KG.Observation, KG.value, Literal("3401.2")),
    ("a value that is no number", KG.Observation, KG.value, Literal("NaN", datatype=XSD.decimal)),
    (
        "a value in exponent notation",
        KG.Observation,
        KG.value,
        Literal("1E+5", datatype=XSD.decimal, normalize=False),
    ),
    ("a base value as an integer", KG.Observation, KG.baseValue, Literal(5, datatype=XSD.integer)),
    ("an offset below zero", KG.TextSpan, KG.beginIndex, Literal(-1)),
    ("a count as a string", KG.DesignationAward, KG.count, Literal("6")),
    ("a rank as a decimal", KG.Observation, KG.rank, Literal("5.0", datatype=XSD.decimal)),
    ("a publication date as a string", KG.Article, KG.datePublished, Literal("2023-01-16")),
    ("an unreadable date", KG.Article, KG.datePublished, Literal("16 Jan", datatype=XSD.date)),
]


@pytest.mark.parametrize(
    ("what", "cls", "prop", "literal"), WRONG_LITERALS, ids=[w[0] for w in WRONG_LITERALS]
)
def test_validate_literal_of_the_wrong_datatype_is_named(
    what: str,
    cls: URIRef,
    prop: URIRef,
    literal: Literal,
    observation: tuple[URIRef, Graph],
    award: tuple[URIRef, Graph],
) -> None:
    small = _copy(observation[1]) if cls != KG.DesignationAward else _copy(award[1])
    node = _first(small, cls)
    small.remove((node, prop, None))
    small.add((node, prop, literal))
    report = validate(small)
    assert not report.conforms, what
    v = _only(report, node, prop)
    assert v.value == literal
    assert v.constraint in {"Datatype", "Pattern", "MinInclusive"}
    assert "xsd:" in v.message


def test_validate_quote_that_does_not_match_its_offsets_is_named(
    observation: tuple[URIRef, Graph],
) -> None:
    node, small = observation
    broken = _copy(small)
    span = broken.value(node, KG.evidence)
    assert span is not None
    broken.set((span, KG.quote, Literal("不是原文", lang="zh")))
    v = _only(validate(broken), span, KG.quote)
    assert "end - begin" in v.message


def test_validate_resource_outside_the_id_namespace_is_named() -> None:
    graph = Graph()
    company = URIRef("http://example.org/company/1")
    graph.add((company, RDF.type, KG.Company))
    graph.add((company, RDFS.label, Literal("恒达电子", lang="zh")))
    report = validate(graph)
    messages = {v.message for v in report.violations if v.focus == company}
    assert any("https://w3id.org/kg-cnip/id/company/" in m for m in messages), messages


def test_validate_second_preferred_label_is_a_warning_not_a_failure(
    award: tuple[URIRef, Graph],
) -> None:
    node, small = award
    holder = small.value(node, KG.holder)
    assert holder is not None
    broken = _copy(small)
    broken.add((holder, SKOS.prefLabel, Literal("另一个名称", lang="zh")))
    report = validate(broken)
    assert report.conforms
    v = _only(report, holder, SKOS.prefLabel)
    assert v.severity is Severity.WARNING and v.constraint == "UniqueLang"


# ---------------------------------------------------------------------- dropping statements
def _statements(graph: Graph) -> set[Node]:
    return {s for s in graph.subjects() if str(s).startswith(RESOURCE_NS + "statement/")}


def test_validate_drop_broken_statements_keeps_the_rest_of_the_article(
    seed_graph: Graph,
) -> None:
    """A cluster's size that lost its unit is dropped, with the link to it; the cluster's
    presence and every other statement stay, and the graph conforms."""
    presence, size = min(seed_graph.subject_objects(KG.size))
    graph = _copy(seed_graph)
    graph.remove((size, KG.unit, None))
    before = _statements(graph)
    repair = drop_broken_statements(graph)
    assert repair.report.conforms, format_report(repair.report)
    assert [v.focus for v in repair.dropped] == [size]
    assert "kg:unit" in repair.dropped[0].message
    assert _statements(graph) == before - {size}
    assert (size, None, None) not in graph and (None, None, size) not in graph
    assert (presence, RDF.type, KG.ClusterPresence) in graph


def test_validate_drop_broken_statements_leaves_a_broken_entity_reported(
    award: tuple[URIRef, Graph],
) -> None:
    """Only statements are dropped: a holder without a label is still a failure."""
    node, small = award
    holder = small.value(node, KG.holder)
    graph = _copy(small)
    graph.remove((holder, RDFS.label, None))
    size = len(graph)
    repair = drop_broken_statements(graph)
    assert not repair.report.conforms and repair.dropped == ()
    assert len(graph) == size


def test_validate_drop_broken_statements_changes_nothing_in_a_good_graph(
    observation: tuple[URIRef, Graph],
) -> None:
    _, small = observation
    graph = _copy(small)
    repair = drop_broken_statements(graph)
    assert repair.report.conforms and repair.dropped == ()
    assert set(graph) == set(small)


# ---------------------------------------------------------------------- the report
def test_validate_format_report_groups_by_message_and_counts(
    observation: tuple[URIRef, Graph],
) -> None:
    node, small = observation
    broken = _copy(small)
    broken.remove((node, KG.value, None))
    broken.remove((node, KG.unit, None))
    text = format_report(validate(broken))
    short = str(node).removeprefix(RESOURCE_NS)
    assert "Violation: an observation has exactly one kg:value" in text
    assert f"  {short}  kg:value  missing" in text
    assert f"  {short}  kg:unit  missing" in text
    assert text.rstrip().endswith("2 violations, 0 warnings: the graph does not conform.")
    assert "Constraint Violation in" not in text  # not pyshacl's own text


def test_validate_format_report_decodes_names() -> None:
    graph = Graph()
    company = URIRef(f"{RESOURCE_NS}company/%E6%81%92%E8%BE%BE")
    graph.add((company, RDF.type, KG.Company))
    text = format_report(validate(graph))
    assert "  company/恒达  rdfs:label  missing" in text


# ---------------------------------------------------------------------- errors
def test_validate_path_missing_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="nothing-here"):
        validate_path(tmp_path / "nothing-here")


def test_validate_path_folder_without_a_graph_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="kg build"):
        validate_path(tmp_path)


def test_validate_path_unparsable_file_is_an_error_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="bad.ttl") as caught:
        validate_path(bad)
    assert isinstance(caught.value, KgError)


def test_the_fast_engine_agrees_with_pyshacl_on_a_corpus_and_on_a_broken_graph(
    tmp_path: Path,
) -> None:
    """kg validates with pyshacl-turbo; pySHACL, the reference implementation, must agree."""
    out = tmp_path / "cases"
    articles = [str(p) for p in sorted(CASES.glob("*/article.txt"))]
    assert main(["build", *articles, "--out", str(out), "--no-html", "--no-validate"]) == 0
    corpus = Graph()
    for s, p, o, _ in Dataset().parse(out / "kg.trig", format="trig").quads():
        corpus.add((s, p, o))
    broken = Graph()
    for triple in corpus:
        if triple[1] not in (KG.evidence, KG.unit):
            broken.add(triple)
    for graph in (corpus, broken):
        for triple in _ontology_facts():
            graph.add(triple)
        found = []
        for engine in (pyshacl, pyshacl_turbo):
            _, results, _ = engine.validate(
                graph, shacl_graph=_shapes(), inference="none", advanced=True, allow_warnings=True
            )
            found.append(sorted(map(str, _violations(results, _shapes()))))
        assert found[0] == found[1]
    assert found[0]  # the broken graph is reported by both
