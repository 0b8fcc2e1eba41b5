"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint on loopback, with a query page.

Queries run in a worker process that holds the data, one at a time; a query that overruns
its time is stopped by killing that process (pyoxigraph cannot cancel a query) and a fresh
worker takes over. Updates, ``SERVICE`` (which pyoxigraph would send over HTTP) and
oversized requests are refused; results are cut at ``max_rows``.
"""

from __future__ import annotations

import json
import multiprocessing
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.config import resource
from kg.errors import KgError, QueryError
from kg.query import QueryResult, ResultFormat, format_result, load_store
from kg.sparql import keywords

HOST = "127.0.0.1"
MAX_REQUEST_BYTES = 1_000_000
TEMPLATES = Path(__file__).with_name("templates")
CQ_DIR = resource("cq")
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

#: media type → how SELECT/ASK results are written; the first is the default
RESULT_TYPES = {
    "application/sparql-results+json": ResultFormat.JSON,
    "application/json": ResultFormat.JSON,
    "application/sparql-results+xml": ResultFormat.XML,
    "application/xml": ResultFormat.XML,
    "text/csv": ResultFormat.CSV,
    "text/tab-separated-values": ResultFormat.TSV,
}
#: media type → how CONSTRUCT/DESCRIBE graphs are written
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    content_type: str
    body: bytes
    truncated: bool = False


def _error(status: HTTPStatus, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message + "\n").encode())


def negotiate(accept: str, offered: list[str]) -> str | None:
    """The offered media type the Accept header prefers (None if it accepts none of them).

    >>> negotiate("text/csv;q=0.5, application/sparql-results+json", ["text/csv",
    ...     "application/sparql-results+json"])
    'application/sparql-results+json'
    >>> negotiate("*/*", ["text/turtle"]), negotiate("image/png", ["text/turtle"])
    ('text/turtle', None)
    """
    ranked: list[tuple[float, int, str]] = []
    for order, item in enumerate((accept or "*/*").split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranked.append((-q, order, media.lower()))
    for negative_q, _, media in sorted(ranked):
        if negative_q >= 0:
            break
        for candidate in offered:
            kind = candidate.split("/")[0]
            if media in (candidate, "*/*", f"{kind}/*"):
                return candidate
    return None


def answer(
    store: ox.Store, query: str, bindings: dict[str, str], accept: str, max_rows: int
) -> Answer:
    """Run one query on ``store`` and write its result as the client asked."""
    substitutions: dict[ox.Variable, Any] = {
        ox.Variable(name): ox.Literal(value) for name, value in bindings.items()
    }
    try:
        result = store.query(query, substitutions=substitutions)
    except SyntaxError as exc:
        return _error(HTTPStatus.BAD_REQUEST, f"the query does not parse: {exc}")
    except (RuntimeError, OSError, ValueError) as exc:
        return _error(HTTPStatus.BAD_REQUEST, f"the query cannot run: {exc}")
    if isinstance(result, ox.QueryTriples):
        media = negotiate(accept, list(GRAPH_TYPES))
        if media is None:
            return _error(
                HTTPStatus.NOT_ACCEPTABLE, f"graphs are served as {', '.join(GRAPH_TYPES)}"
            )
        triples = [t for _, t in zip(range(max_rows + 1), result, strict=False)]
        data = ox.serialize(triples[:max_rows], format=GRAPH_TYPES[media])
        assert isinstance(data, bytes)
        return Answer(200, f"{media}; charset=utf-8", data, len(triples) > max_rows)
    media = negotiate(accept, list(RESULT_TYPES))
    if media is None:
        return _error(HTTPStatus.NOT_ACCEPTABLE, f"results are served as {', '.join(RESULT_TYPES)}")
    format = RESULT_TYPES[media]
    if isinstance(result, ox.QueryBoolean):
        return Answer(200, f"{media}; charset=utf-8", _boolean(bool(result), format))
    variables = tuple(v.value for v in result.variables)
    rows: list[tuple[ox.NamedNode | ox.BlankNode | ox.Literal | None, ...]] = []
    for solution in result:
        if len(rows) == max_rows:
            table = QueryResult(variables, tuple(rows))
            return Answer(200, f"{media}; charset=utf-8", _encode(table, format), True)
        rows.append(tuple(solution[v] for v in variables))
    return Answer(
        200, f"{media}; charset=utf-8", _encode(QueryResult(variables, tuple(rows)), format)
    )


def _encode(result: QueryResult, format: ResultFormat) -> bytes:
    return format_result(result, format).encode("utf-8")


def _boolean(value: bool, format: ResultFormat) -> bytes:
    word = "true" if value else "false"
    if format is ResultFormat.JSON:
        return json.dumps({"head": {}, "boolean": value}).encode()
    if format is ResultFormat.XML:
        return (
            '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{word}</boolean></sparql>\n"
        ).encode()
    return f"_askResult\n{word}\n".encode()


# ------------------------------------------------------------------ the worker process


def _work(conn: Connection, data: str, max_rows: int) -> None:
    try:
        store = load_store(Path(data))
    except KgError as exc:
        conn.send(str(exc))
        return
    conn.send("ready")
    while True:
        try:
            query, bindings, accept = conn.recv()
        except EOFError:
            return
        conn.send(answer(store, query, bindings, accept, max_rows))


class QueryWorker:
    """The process that holds the data; one query at a time; restarted after a timeout."""

    def __init__(self, data: Path, max_rows: int) -> None:
        self.data, self.max_rows = data, max_rows
        self.lock = threading.Lock()
        self._start()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_work, args=(child, str(self.data), self.max_rows), daemon=True
        )
        self.process.start()
        child.close()
        try:
            ready = self.conn.recv()
        except EOFError:
            ready = "the query worker died while loading the data"
        if ready != "ready":
            self.process.join()
            raise QueryError(str(ready))

    def ask(self, query: str, bindings: dict[str, str], accept: str, timeout: float) -> Answer:
        with self.lock:
            self.conn.send((query, bindings, accept))
            if self.conn.poll(timeout):
                try:
                    reply: Answer = self.conn.recv()
                    return reply
                except EOFError:
                    pass  # the worker died (out of memory?): restart it below
                message = "the query stopped the query worker; it has been restarted"
            else:
                message = f"the query ran longer than the limit of {timeout:g} s and was stopped"
            self.process.kill()
            self.process.join()
            self._start()
            return _error(HTTPStatus.SERVICE_UNAVAILABLE, message)

    def close(self) -> None:
        self.process.kill()
        self.process.join()


# ------------------------------------------------------------------ HTTP


def competency_questions() -> list[dict[str, str]]:
    """The competency questions the query page offers: name, first comment line, text."""
    questions = []
    for path in sorted(CQ_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        title = next((ln.lstrip("# ") for ln in text.splitlines() if ln.startswith("#")), "")
        questions.append({"name": path.stem, "title": title, "query": text})
    return questions


def _page() -> bytes:
    questions = json.dumps(competency_questions(), ensure_ascii=False)
    # inside <script type="application/json">: no "</" may end the element early
    questions = questions.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    html = (TEMPLATES / "sparql.html").read_text(encoding="utf-8")
    return html.replace("{{KG:QUESTIONS}}", questions).encode("utf-8")


class SparqlServer(ThreadingHTTPServer):
    """``kg serve``: bound to 127.0.0.1 only."""

    daemon_threads = True

    def __init__(
        self, data: Path, *, port: int = 7878, timeout: float = 10.0, max_rows: int = 10_000
    ) -> None:
        """Load the data in a worker process and bind the port.

        Raises:
            QueryError: the data cannot be loaded.
            KgError: the port cannot be bound.
        """
        self.worker = QueryWorker(data, max_rows)
        self.query_timeout = timeout
        self.page = _page()
        try:
            super().__init__((HOST, port), _Handler)
        except OSError as exc:
            self.worker.close()
            raise KgError(f"cannot listen on {HOST}:{port} ({exc.strerror})") from exc

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def close(self) -> None:
        self.server_close()
        self.worker.close()


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    static = {
        "/sparql.js": "text/javascript; charset=utf-8",
        "/sparql.css": "text/css; charset=utf-8",
    }

    def log_message(self, format: str, *args: Any) -> None:  # quiet: one line per query below
        pass

    def do_GET(self) -> None:
        if not self._host_ok():
            return
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/":
            self._send(Answer(200, "text/html; charset=utf-8", self.server.page), page=True)
        elif url.path in self.static:
            body = (TEMPLATES / url.path.lstrip("/")).read_bytes()
            self._send(Answer(200, self.static[url.path], body))
        elif url.path == "/sparql":
            self._query(urllib.parse.parse_qs(url.query))
        else:
            self._send(_error(HTTPStatus.NOT_FOUND, f"{url.path}: not found; try / or /sparql"))

    def do_POST(self) -> None:
        if not self._host_ok():
            return
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if url.path != "/sparql":
            self._send(_error(HTTPStatus.NOT_FOUND, f"{url.path}: not found; POST to /sparql"))
            return
        if length > MAX_REQUEST_BYTES:
            message = f"request of {length} bytes; the limit is {MAX_REQUEST_BYTES}"
            self._send(_error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, message), close=True)
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = urllib.parse.parse_qs(url.query)
        if kind == "application/sparql-update":
            params["update"] = [body]
        elif kind == "application/sparql-query":
            params["query"] = [body]
        elif kind == "application/x-www-form-urlencoded":
            for key, values in urllib.parse.parse_qs(body).items():
                params.setdefault(key, []).extend(values)
        else:
            message = "POST a query as application/sparql-query or x-www-form-urlencoded"
            self._send(_error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, message))
            return
        self._query(params)

    def _query(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            message = "this endpoint is read-only: SPARQL updates are refused"
            self._send(_error(HTTPStatus.FORBIDDEN, message))
            return
        queries = params.get("query", [])
        if len(queries) != 1:
            self._send(_error(HTTPStatus.BAD_REQUEST, "expected exactly one query parameter"))
            return
        words = keywords(queries[0])
        refused = sorted(words & {"SERVICE", "LOAD", "INSERT", "DELETE", "DROP", "CLEAR"})
        if refused:
            message = f"{', '.join(refused)} is not allowed on this read-only local endpoint"
            self._send(_error(HTTPStatus.FORBIDDEN, message))
            return
        # $NAME=VALUE binds ?NAME to a literal, as `kg query --bind NAME=VALUE` does
        bindings = {k[1:]: v[0] for k, v in params.items() if k.startswith("$") and k[1:]}
        started = time.perf_counter()
        accept = self.headers.get("Accept") or ""
        reply = self.server.worker.ask(queries[0], bindings, accept, self.server.query_timeout)
        self._send(reply, elapsed=time.perf_counter() - started)

    def _host_ok(self) -> bool:
        """Refuse requests for other host names: a web page cannot reach this server by
        pointing a name of its own at 127.0.0.1 (DNS rebinding)."""
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]")
        if host in ("127.0.0.1", "localhost", "::1"):
            return True
        self._send(_error(HTTPStatus.FORBIDDEN, f"unexpected Host {host!r}"), close=True)
        return False

    def _send(
        self, reply: Answer, *, page: bool = False, close: bool = False, elapsed: float = 0.0
    ) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        if page:
            self.send_header("Content-Security-Policy", PAGE_CSP)
        if reply.truncated:
            self.send_header("X-Kg-Truncated", "true")
        if elapsed:
            self.send_header("Server-Timing", f"query;dur={elapsed * 1000:.1f}")
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(reply.body)
