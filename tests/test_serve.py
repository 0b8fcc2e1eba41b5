"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint on loopback, and its query page."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from kg.errors import QueryError
from kg.serve import SparqlServer

from .conftest import ROOT, triples_in

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
# the committed seed graph's triples: COUNT answers this, whatever the builder adds next
TRIPLES = str(triples_in(ROOT / "data" / "graph"))
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def server() -> Iterator[SparqlServer]:
    running = SparqlServer(ROOT / "data" / "graph", port=0, timeout=2.0, max_rows=50)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.shutdown()
    running.close()


def _get(
    server: SparqlServer, query: str, accept: str = "", **params: str
) -> tuple[int, dict[str, str], str]:
    url = server.url + "sparql?" + urllib.parse.urlencode({"query": query, **params})
    return _open(urllib.request.Request(url, headers={"Accept": accept} if accept else {}))


def _open(request: urllib.request.Request) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode("utf-8")


def test_results_come_in_the_format_the_client_accepts(server: SparqlServer) -> None:
    status, headers, body = _get(server, COUNT)
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == TRIPLES
    status, headers, body = _get(server, COUNT, "text/csv")
    assert (status, body) == (200, f"n\r\n{TRIPLES}\r\n")
    status, headers, body = _get(server, COUNT, "text/tab-separated-values")
    assert body.splitlines()[0] == "?n"
    status, headers, body = _get(server, COUNT, "application/sparql-results+xml")
    assert (
        '<binding name="n"><literal datatype="http://www.w3.org/2001/XMLSchema#integer">' + TRIPLES
        in body
    )
    status, _, body = _get(server, COUNT, "image/png")
    assert status == 406


def test_post_and_bindings_answer_a_competency_question(server: SparqlServer) -> None:
    query = (ROOT / "queries" / "cq" / "industries.rq").read_text(encoding="utf-8")
    data = urllib.parse.urlencode({"query": query, "$city": "郑州市"}).encode()
    request = urllib.request.Request(
        server.url + "sparql", data=data, headers={"Accept": "text/csv"}, method="POST"
    )
    status, _, body = _open(request)
    assert status == 200
    assert "郑州市,服装家居,advantage" in body.splitlines()
    direct = urllib.request.Request(
        server.url + "sparql",
        data=COUNT.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
        method="POST",
    )
    assert _open(direct)[2] == f"n\r\n{TRIPLES}\r\n"


def test_a_binding_is_a_literal_whatever_it_contains(server: SparqlServer) -> None:
    query = "SELECT ?x WHERE { }"
    for value in ['"} ; DROP ALL ; {', '"""', "a\nb", "<http://x>", "?y"]:
        status, _, body = _get(server, query, "", **{"$x": value})
        assert status == 200
        assert json.loads(body)["results"]["bindings"] == [
            {"x": {"type": "literal", "value": value}}
        ]
    assert _get(server, COUNT, "text/csv")[2] == f"n\r\n{TRIPLES}\r\n"


def test_updates_service_and_load_are_refused(server: SparqlServer) -> None:
    request = urllib.request.Request(
        server.url + "sparql",
        data=b"DROP ALL",
        headers={"Content-Type": "application/sparql-update"},
        method="POST",
    )
    status, _, body = _open(request)
    assert status == 403 and "read-only" in body
    status, _, body = _get(
        server, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    )
    assert status == 403 and "SERVICE" in body
    assert _get(server, "LOAD <file:///etc/passwd>")[0] == 403
    assert (
        _get(server, 'SELECT * WHERE { ?s ?p "SERVICE" }')[0] == 200
    )  # a word in a string is data
    assert _get(server, COUNT, "text/csv")[2] == f"n\r\n{TRIPLES}\r\n"


def test_bad_queries_get_a_clear_400(server: SparqlServer) -> None:
    status, _, body = _get(server, "SELEKT nothing")
    assert status == 400 and "does not parse" in body
    assert _get(server, "")[0] == 400


def test_a_long_query_is_stopped_and_the_endpoint_goes_on(server: SparqlServer) -> None:
    status, _, body = _get(server, SLOW)
    assert status == 503 and "longer than the limit of 2 s" in body
    assert _get(server, COUNT, "text/csv")[2] == f"n\r\n{TRIPLES}\r\n"


def test_results_are_cut_at_the_row_limit(server: SparqlServer) -> None:
    status, headers, body = _get(server, "SELECT ?s WHERE { ?s ?p ?o }")
    assert status == 200 and headers["X-Kg-Truncated"] == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 50
    status, headers, body = _get(server, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
    assert headers["X-Kg-Truncated"] == "true" and len(body.splitlines()) == 50


def test_other_host_names_are_refused(server: SparqlServer) -> None:
    url = server.url + "sparql?" + urllib.parse.urlencode({"query": COUNT})
    request = urllib.request.Request(url, headers={"Host": "attacker.example"})
    assert _open(request)[0] == 403


def test_the_page_is_served_with_a_strict_policy(server: SparqlServer) -> None:
    status, headers, body = _open(urllib.request.Request(server.url))
    assert status == 200
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "industries" in body and "</script>" in body
    assert _open(urllib.request.Request(server.url + "nothing"))[0] == 404


def test_unloadable_data_is_an_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(QueryError, match="bad.ttl"):
        SparqlServer(bad, port=0)


def test_the_query_page_runs_a_competency_question_in_chromium(
    server: SparqlServer, browser: Browser, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    outside: list[str] = []
    errors: list[str] = []
    page.on(
        "request", lambda r: outside.append(r.url) if not r.url.startswith(server.url) else None
    )
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url)
    page.select_option("#kg-question", "industries")
    assert "kg:IndustryPriority" in page.input_value("#kg-query")
    page.fill("#kg-city", "郑州")
    page.click("#kg-run")
    page.wait_for_selector("#kg-results table tbody tr")
    cells = page.locator("#kg-results td").all_text_contents()
    assert "服装家居" in cells and "advantage" in cells
    assert "rows" in page.text_content("#kg-status")
    page.screenshot(path=str(tmp_path.parent / "sparql-page.png"))

    page.fill("#kg-query", "SELEKT")
    page.click("#kg-run")
    page.wait_for_selector("#kg-status.kg-error")
    assert "400" in page.text_content("#kg-status")
    assert outside == []
    assert [e for e in errors if "400 (Bad Request)" not in e] == []
    page.close()
