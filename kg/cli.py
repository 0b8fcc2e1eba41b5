"""The ``kg`` command line: argument parsing and printing over the library."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kg.config import BuildConfig
from kg.errors import KgError
from kg.pipeline import build_corpus
from kg.query import ResultFormat, format_result, load_store, read_query, run_query
from kg.store import Format, write_graph
from kg.view import draw_file

STATS_QUERIES = {
    "class": "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } "
    "GROUP BY ?class ORDER BY DESC(?n) ?class",
    "property": "SELECT ?property (COUNT(*) AS ?n) WHERE { ?s ?property ?o } "
    "GROUP BY ?property ORDER BY DESC(?n) ?property",
}


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.HelpFormatter(prog, width=100)  # the same help on every terminal


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
    build.add_argument("--out", type=Path, default=Path("build"), help="output folder (build/)")
    build.add_argument(
        "--format",
        action="append",
        default=[],
        choices=["nt", "jsonld"],
        help="also write kg.nt or kg.jsonld (repeatable)",
    )
    build.add_argument("--no-html", action="store_true", help="do not write kg.html")
    build.add_argument("--lexicons", type=Path, help="lexicon folder (default: data/lexicons)")

    query = commands.add_parser(
        "query", formatter_class=_formatter, help="run a SPARQL SELECT query on built data"
    )
    query.add_argument("query", help="a .rq file or the query text")
    query.add_argument("--data", type=Path, required=True, help="build folder or RDF file")
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
    viz.add_argument("--data", type=Path, required=True, help="build folder or RDF file")
    viz.add_argument("--out", type=Path, default=Path("build/kg.html"), help="HTML file to write")
    viz.add_argument("--focus", help="draw only the neighbourhood of the node with this name")
    viz.add_argument("--depth", type=int, default=2, help="hops around --focus (2)")

    stats = commands.add_parser(
        "stats", formatter_class=_formatter, help="count instances per class and uses per property"
    )
    stats.add_argument("--data", type=Path, required=True, help="build folder or RDF file")
    return parser, {"build": build, "query": query, "viz": viz, "stats": stats}


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
    config = BuildConfig(lexicon_dir=args.lexicons) if args.lexicons else BuildConfig()
    result = build_corpus(args.inputs, config)
    for _, reason in result.failures:
        print(f"kg build: skipped {reason}", file=sys.stderr)
    if not result.analyses:
        print("kg build: no article could be built; nothing written", file=sys.stderr)
        return 2
    formats = (Format.TURTLE, Format.TRIG, *(Format(f) for f in args.format))
    written = write_graph(result.dataset, args.out, formats=formats)
    triples = sum(len(g) for g in result.dataset.graphs())
    if not args.no_html:
        report = draw_file(args.out, args.out / "kg.html")
        written.append(args.out / "kg.html")
        print(f"kg.html: {report.nodes} nodes, {report.edges} edges, layout {report.layout}")
    print(
        f"built {len(result.analyses)} article(s), {triples} triples -> "
        + ", ".join(str(p) for p in written)
    )
    return 1 if result.failures else 0


def _query(args: argparse.Namespace) -> int:
    store = load_store(args.data)
    result = run_query(read_query(args.query), store, _bindings(args.bind))
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


def _stats(args: argparse.Namespace) -> int:
    store = load_store(args.data)
    for title, query in STATS_QUERIES.items():
        print(f"per {title}:")
        sys.stdout.write(format_result(run_query(query, store), ResultFormat.TABLE))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 partial, 2 error)."""
    args = _parsers()[0].parse_args(argv)
    handler = {"build": _build, "query": _query, "viz": _viz, "stats": _stats}[args.command]
    try:
        return handler(args)
    except KgError as exc:
        print(f"kg {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
