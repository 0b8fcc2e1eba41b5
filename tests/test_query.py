"""kg query: SPARQL over built data, values bound as data, standard result formats."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kg.cli import main
from kg.errors import QueryError
from kg.query import (
    ResultFormat,
    format_result,
    load_store,
    open_dataset,
    read_query,
    run_query,
)

from .conftest import ROOT

QUERIES = Path(__file__).parent.parent / "queries" / "cq"
HOSTILE = ['郑州" } ; DROP ALL ; #', "郑州\n}", '"""', "}", "\\", "<script>", "郑州' || true"]


@pytest.fixture(scope="module")
def store(seed_build: Path) -> ox.Store:
    return load_store(seed_build)


def industries(store: ox.Store, city: str) -> set[tuple[str, str]]:
    result = run_query(read_query(str(QUERIES / "industries.rq")), store, {"city": city})
    rows = {tuple(t.value for t in row[1:]) for row in result.rows}
    return rows  # type: ignore[return-value]


@pytest.mark.parametrize("city", ["郑州", "郑州市"])
def test_query_accepts_the_city_with_or_without_its_suffix(store: ox.Store, city: str) -> None:
    rows = industries(store, city)
    assert ("电子信息", "leading") in rows
    future = {answer for answer, tier in rows if tier == "future"}
    assert future == {"氢能与储能", "量子信息", "类脑智能", "未来网络", "虚拟现实", "区块链"}


@pytest.mark.parametrize("value", HOSTILE)
def test_query_bound_values_are_literals_never_query_text(store: ox.Store, value: str) -> None:
    assert industries(store, value) == set()
    result = run_query("SELECT ?city WHERE {}", store, {"city": value})
    assert result.rows[0][0] == ox.Literal(value)


def test_query_results_json_is_sparql_results_json(store: ox.Store) -> None:
    query = read_query(str(QUERIES / "designations.rq"))
    document = json.loads(
        format_result(run_query(query, store, {"city": "郑州"}), ResultFormat.JSON)
    )
    assert document["head"]["vars"] == ["city", "holder", "answer", "by", "date"]
    rows = [{k: v["value"] for k, v in b.items()} for b in document["results"]["bindings"]]
    assert {
        "city": "郑州",
        "holder": "郑州市",  # as the article first writes the city
        "answer": "工业稳增长和转型升级成效明显市(州)",
        "by": "工业和信息化部",  # the lexicon's name of the 工信部 the article writes
        "date": "2023-01-16",
    } in rows


def test_query_csv_and_tsv_have_a_header_and_one_line_per_row(store: ox.Store) -> None:
    result = run_query("SELECT ?n WHERE { VALUES ?n { 1 2 3 } }", store)
    rows = list(csv.reader(io.StringIO(format_result(result, ResultFormat.CSV))))
    assert rows == [["n"], ["1"], ["2"], ["3"]]
    tsv = format_result(result, ResultFormat.TSV).splitlines()
    assert tsv[0] == "?n" and len(tsv) == 4


def test_query_table_aligns_chinese_text(store: ox.Store) -> None:
    result = run_query(
        'SELECT ?a ?b WHERE { VALUES (?a ?b) { ("郑州" "x") ("区块链技术" "y") } }', store
    )
    lines = format_result(result, ResultFormat.TABLE).splitlines()

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    assert width(lines[2][: lines[2].index("x")]) == width(lines[3][: lines[3].index("y")])
    assert lines[-1] == "(2 rows)"


def test_query_syntax_error_is_a_query_error(store: ox.Store) -> None:
    with pytest.raises(QueryError, match="does not parse"):
        run_query("SELECT WHERE {", store)


def test_query_missing_data_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="kg build"):
        load_store(tmp_path)
    with pytest.raises(QueryError, match="no such file"):
        load_store(tmp_path / "nothing.ttl")


def test_query_broken_turtle_is_reported_with_its_file(tmp_path: Path) -> None:
    bad = tmp_path / "kg.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(QueryError, match="kg.ttl"):
        load_store(bad)


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.stem)
def test_query_every_competency_question_states_its_question_and_runs(
    store: ox.Store, path: Path
) -> None:
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# ") and "?" in first
    bindings = {} if path.stem == "entities" else {"city": "郑州"}
    assert run_query(text, store, bindings).rows, f"{path.name} returns nothing for the seed"


def test_query_a_binding_the_query_does_not_use_is_ignored(store: ox.Store) -> None:
    query = read_query(str(QUERIES / "entities.rq"))
    assert run_query(query, store, {"city": "郑州"}).rows == run_query(query, store).rows


def test_query_a_bound_variable_that_is_not_selected_is_a_query_error(store: ox.Store) -> None:
    with pytest.raises(QueryError, match="must be selected"):
        run_query("SELECT ?x WHERE { BIND(?city AS ?x) }", store, {"city": "郑州"})


def test_a_store_answers_through_rdflibs_api_as_kg_query_does(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert main(["build", str(ROOT / "data" / "articles"), "--store", str(store)]) == 0
    dataset = open_dataset(store)
    text = read_query(str(QUERIES / "industries.rq"))
    via_rdflib = {
        (str(row[1]), str(row[2]))
        for row in dataset.query(text, initBindings={"city": Literal("郑州市")})
    }
    assert via_rdflib == industries(load_store(store), "郑州市")
    assert ("电子信息", "leading") in via_rdflib
    article = [g.identifier for g in dataset.graphs() if "/article/" in str(g.identifier)]
    assert len(article) == 1
    written = ox.parse(path=ROOT / "data" / "graph" / "kg.ttl", format=ox.RdfFormat.TURTLE)
    assert len(dataset.get_graph(URIRef(article[0]))) == len(list(written))
    with pytest.raises(RuntimeError):  # read-only: an rdflib user cannot damage the store
        dataset.add((URIRef("urn:x"), URIRef("urn:y"), Literal("z")))
