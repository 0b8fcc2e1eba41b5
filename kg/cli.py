"""The ``kg`` command line: argument parsing and printing over the library."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from kg.config import BuildConfig
from kg.corpus import MANIFEST, CorpusStore, Progress, build_into
from kg.errors import KgError
from kg.query import ResultFormat, format_result, load_store, read_query, run_query
from kg.remote import push, remote_query
from kg.serve import SparqlServer
from kg.store import Format, is_store, write_quads
from kg.validate import format_report, validate_path
from kg.view import draw_file

STATS_QUERIES = {
    "class": "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } "
    "GROUP BY ?class ORDER BY DESC(?n) ?class",
    "property": "SELECT ?property (COUNT(*) AS ?n) WHERE { ?s ?property ?o } "
    "GROUP BY ?property ORDER BY DESC(?n) ?property",
}


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.HelpFormatter(prog, width=100)  # the same help on every terminal


DATA_HELP = "build folder, RDF file or store folder"


def _add_data(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, help=DATA_HELP)


def _parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Knowledge graphs from Chinese regional industrial-policy news.",
        formatter_class=_formatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build", formatter_class=_formatter, help="extract articles into Turtle, TriG and HTML"
    )
    build.add_argument("inputs", nargs="+", type=Path, help="article files or folders")
    build.add_argument(
        "--out",
        type=Path,
        help="output folder for kg.ttl, kg.trig, kg.html (build/ without --store)",
    )
    build.add_argument(
        "--store",
        type=Path,
        help="build into this on-disk store, incrementally: unchanged articles are skipped",
    )
    build.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="extract with N processes (1)"
    )
    build.add_argument(
        "--format",
        action="append",
        default=[],
        choices=["nt", "jsonld"],
        help="also write kg.nt or kg.jsonld (repeatable)",
    )
    build.add_argument("--no-html", action="store_true", help="do not write kg.html")
    build.add_argument(
        "--no-validate",
        action="store_true",
        help="do not check each article's graph against shapes.ttl (faster)",
    )
    build.add_argument("--lexicons", type=Path, help="lexicon folder (default: data/lexicons)")

    remove = commands.add_parser(
        "remove", formatter_class=_formatter, help="drop articles from a store"
    )
    remove.add_argument("articles", nargs="+", help="article id, IRI or source file")
    remove.add_argument("--store", type=Path, required=True, help="store folder")

    export = commands.add_parser(
        "export", formatter_class=_formatter, help="write a store's graph as Turtle, TriG and HTML"
    )
    export.add_argument("--store", type=Path, required=True, help="store folder")
    export.add_argument("--out", type=Path, default=Path("build"), help="output folder (build/)")
    export.add_argument(
        "--format",
        action="append",
        default=[],
        choices=["nt", "jsonld"],
        help="also write kg.nt or kg.jsonld",
    )
    export.add_argument("--no-html", action="store_true", help="do not write kg.html")

    query = commands.add_parser(
        "query", formatter_class=_formatter, help="run a SPARQL SELECT query on built data"
    )
    query.add_argument("query", help="a .rq file or the query text")
    source = query.add_mutually_exclusive_group(required=True)
    source.add_argument("--data", type=Path, help=DATA_HELP)
    source.add_argument(
        "--endpoint", help="a SPARQL endpoint URL instead (kg push fills its default graph)"
    )
    query.add_argument(
        "--bind",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind ?NAME to the literal VALUE (repeatable)",
    )
    query.add_argument(
        "--format",
        choices=[f.value for f in ResultFormat],
        help="table on a terminal, json otherwise",
    )

    viz = commands.add_parser(
        "viz", formatter_class=_formatter, help="draw built data as an interactive HTML graph"
    )
    _add_data(viz)
    viz.add_argument("--out", type=Path, default=Path("build/kg.html"), help="HTML file to write")
    viz.add_argument("--focus", help="draw only the neighbourhood of the node with this name")
    viz.add_argument("--depth", type=int, default=2, help="hops around --focus (2)")

    push = commands.add_parser(
        "push",
        formatter_class=_formatter,
        help="send each article graph to a SPARQL Graph Store Protocol endpoint",
    )
    _add_data(push)
    push.add_argument(
        "--endpoint",
        required=True,
        help="Graph Store URL, e.g. http://localhost:7878/store (Oxigraph), "
        "http://localhost:3030/DATASET/data (Fuseki)",
    )

    serve = commands.add_parser(
        "serve",
        formatter_class=_formatter,
        help="serve data read-only over the SPARQL 1.1 Protocol, with a query page",
    )
    _add_data(serve)
    serve.add_argument("--port", type=int, default=7878, help="port on 127.0.0.1 (7878; 0: any)")
    serve.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run (10)")
    serve.add_argument(
        "--max-rows", type=int, default=10_000, help="rows (or triples) a result may hold (10000)"
    )

    validate = commands.add_parser(
        "validate",
        formatter_class=_formatter,
        help="check built data against the SHACL shapes (shapes.ttl)",
    )
    _add_data(validate)

    stats = commands.add_parser(
        "stats", formatter_class=_formatter, help="count instances per class and uses per property"
    )
    _add_data(stats)
    return parser, {
        "build": build,
        "remove": remove,
        "export": export,
        "query": query,
        "viz": viz,
        "push": push,
        "serve": serve,
        "validate": validate,
        "stats": stats,
    }


def command_help() -> list[tuple[str, str]]:
    """``--help`` of kg and of each command, for the generated CLI reference."""
    parser, commands = _parsers()
    return [("", parser.format_help())] + [(n, c.format_help()) for n, c in commands.items()]


def _bindings(pairs: Sequence[str]) -> dict[str, str]:
    bindings = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.isidentifier():
            raise KgError(f"--bind {pair!r}: expected NAME=VALUE, e.g. --bind city=郑州")
        bindings[name] = value
    return bindings


def _build(args: argparse.Namespace) -> int:
    config = BuildConfig(validate=not args.no_validate)
    if args.lexicons:
        config = replace(config, lexicon_dir=args.lexicons)
    if args.jobs < 1:
        raise KgError(f"--jobs {args.jobs}: expected a number of processes, 1 or more")
    store = CorpusStore(args.store)
    report = build_into(store, args.inputs, config, jobs=args.jobs, on_progress=Progress())
    for _, reason in report.failures:
        print(f"kg build: skipped {reason}", file=sys.stderr)
    for _, reason in report.warnings:
        print(f"kg build: warning: {reason}", file=sys.stderr)
    status = 1 if report.failures else 0
    if args.store is not None:
        print(
            f"{args.store}: {report.added} added, {report.replaced} replaced, "
            f"{report.unchanged} unchanged, {len(report.failures)} failed; "
            f"{report.triples} triples written in {report.seconds:.1f} s "
            f"({report.built / max(report.seconds, 1e-9):.1f} articles/s)"
            + ("; store compacted" if report.compacted else "")
        )
        if report.missing:
            print(
                f"{len(report.missing)} article(s) in the store have no source file any more "
                f"(first: {report.missing[0]}); "
                f"drop them with `kg remove --store {args.store} FILE`",
                file=sys.stderr,
            )
        if args.out is None:
            return status
    if not report.built and args.store is None:
        print("kg build: no article could be built; nothing written", file=sys.stderr)
        return 2
    written = _write(store, args.out or Path("build"), args.format, html=not args.no_html)
    print(
        f"built {report.built} article(s), {report.triples} triples -> "
        + ", ".join(str(p) for p in written)
    )
    return status


def _write(store: CorpusStore, out: Path, formats: list[str], *, html: bool) -> list[Path]:
    chosen = (Format.TURTLE, Format.TRIG, *(Format(f) for f in formats))
    written = write_quads(store.article_quads(), out, formats=chosen)
    if html:
        report = draw_file(out, out / "kg.html")
        written.append(out / "kg.html")
        print(f"kg.html: {report.nodes} nodes, {report.edges} edges, layout {report.layout}")
    return written


def _remove(args: argparse.Namespace) -> int:
    _existing_store(args.store)
    store = CorpusStore(args.store)
    missing = [a for a in args.articles if not store.remove(a)]
    store.close()
    for article in missing:
        print(f"kg remove: {article}: no such article in {args.store}", file=sys.stderr)
    print(f"{args.store}: removed {len(args.articles) - len(missing)} article(s)")
    return 1 if missing else 0


def _export(args: argparse.Namespace) -> int:
    _existing_store(args.store)
    store = CorpusStore(args.store)
    written = _write(store, args.out, args.format, html=not args.no_html)
    print(f"exported {store.triples()} triples -> " + ", ".join(str(p) for p in written))
    return 0


def _existing_store(path: Path) -> None:
    if not is_store(path):
        raise KgError(f"{path}: not a kg store (make one with `kg build ARTICLES --store {path}`)")


def _query(args: argparse.Namespace) -> int:
    query, bindings = read_query(args.query), _bindings(args.bind)
    if args.endpoint:
        result = remote_query(query, args.endpoint, bindings)
    else:
        result = run_query(query, load_store(args.data), bindings)
    fmt = args.format or ("table" if sys.stdout.isatty() else "json")
    sys.stdout.write(format_result(result, ResultFormat(fmt)))
    return 0


def _viz(args: argparse.Namespace) -> int:
    try:
        report = draw_file(args.data, args.out, focus_on=args.focus, depth=args.depth)
    except LookupError as exc:
        raise KgError(str(exc).strip("'\"")) from exc
    print(f"wrote {args.out}: {report.nodes} nodes, {report.edges} edges, layout {report.layout}")
    return 0


def _push(args: argparse.Namespace) -> int:
    store = load_store(args.data)
    report = push((q for q in store if q.graph_name != MANIFEST), args.endpoint)
    print(f"pushed {report.graphs} graph(s), {report.triples} triples -> {args.endpoint}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    server = SparqlServer(args.data, port=args.port, timeout=args.timeout, max_rows=args.max_rows)
    print(f"serving {args.data} read-only at {server.url} (SPARQL endpoint {server.url}sparql)")
    print("Ctrl-C stops it", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0


def _validate(args: argparse.Namespace) -> int:
    report = validate_path(args.data)
    sys.stdout.write(format_report(report))
    return 0 if report.conforms else 1


def _stats(args: argparse.Namespace) -> int:
    store = load_store(args.data)
    for title, query in STATS_QUERIES.items():
        print(f"per {title}:")
        sys.stdout.write(format_result(run_query(query, store), ResultFormat.TABLE))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 partial, 2 error)."""
    args = _parsers()[0].parse_args(argv)
    handler = {
        "build": _build,
        "remove": _remove,
        "export": _export,
        "query": _query,
        "viz": _viz,
        "push": _push,
        "serve": _serve,
        "validate": _validate,
        "stats": _stats,
    }[args.command]
    try:
        return handler(args)
    except KgError as exc:
        print(f"kg {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
