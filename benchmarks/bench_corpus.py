"""How kg scales: extraction against jieba, a corpus built into a store, and query latency.

    .venv/bin/python benchmarks/bench_corpus.py                    # 1,000 and 10,000 articles
    .venv/bin/python benchmarks/bench_corpus.py --sizes 1000 --jobs 2 --workdir /tmp/kgbench --keep

For each corpus size it generates a synthetic corpus (benchmarks/make_corpus.py; a corpus
of the same size and seed found in ``--workdir`` is reused) and prints:

(a) extraction: articles/s and MB/s of ``kg.pipeline.build_article`` (load, analyse,
    to_rdf) and of ``kg.pipeline.analyse`` (load and analyse: the text read into facts,
    without RDF) on a sample of up to ``--sample`` articles spread over the corpus, one
    process, lexicon loaded beforehand; and of ``jieba.cut`` (default mode, HMM on,
    dictionary initialised beforehand) on exactly the same texts in the same run, with the
    ratios of kg's times to jieba's;
(b) store: the wall time of ``kg build CORPUS --store DIR --jobs N`` in a fresh store (a
    subprocess, as a user runs it), triples per second into the store, the store's size on
    disk, and the wall time of the same build again (incremental: nothing to do);
(c) queries: the store opened once with ``kg.query.load_store``, then each competency
    question of queries/cq/ run ``--runs`` times with ``city`` bound to the corpus's most
    frequent city and ``article`` to one of its articles (entities.rq is asked of one
    article): median and max in ms, and the rows it returns.

Stores are deleted at the end unless ``--keep``; corpora are deleted too unless
``--workdir`` was given (so that the next run can reuse them) or ``--keep``.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import IO

import jieba

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_corpus  # noqa: E402

from kg.config import BuildConfig  # noqa: E402
from kg.corpus import MANIFEST  # noqa: E402
from kg.load import article_id, load_article  # noqa: E402
from kg.pipeline import analyse, build_article  # noqa: E402
from kg.query import load_store, run_query  # noqa: E402
from kg.recognise.lexicon import load_lexicon  # noqa: E402

#: a question of one article (indicators.rq) asked again of every article about the city
EVERY_ARTICLE = " (every article)"


def corpus_for(n: int, seed: int, workdir: Path) -> tuple[Path, list[dict[str, object]], float]:
    """The corpus of ``n`` articles of ``seed`` in ``workdir``: reused when one is there,
    else generated. Returns its folder, its manifest rows and the seconds spent generating."""
    folder = workdir / f"corpus-{n}-seed{seed}"
    info = folder / "corpus.json"
    wanted = {"n": n, "seed": seed, "version": make_corpus.VERSION}
    if info.is_file() and json.loads(info.read_text()) == wanted:
        rows = [json.loads(line) for line in (folder / "manifest.jsonl").open(encoding="utf-8")]
        return folder, rows, 0.0
    shutil.rmtree(folder, ignore_errors=True)
    start = time.perf_counter()
    rows = make_corpus.generate(n, folder, seed=seed)
    return folder, rows, time.perf_counter() - start


def disk_usage(path: Path, suffix: str = "") -> int:
    """Bytes the files under ``path`` (ending in ``suffix``) occupy on disk, as ``du``
    counts them."""
    return sum(
        (Path(top) / name).stat().st_blocks * 512
        for top, _, names in os.walk(path)
        for name in names
        if name.endswith(suffix)
    )


def extraction(folder: Path, rows: list[dict[str, object]], sample: int) -> None:
    """(a) build_article (text to triples), analyse (text to facts) and jieba.cut over the
    same sample of texts."""
    step = max(1, len(rows) // sample)
    paths = [folder / str(row["file"]) for row in rows[::step][:sample]]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    size = sum(len(t.encode("utf-8")) for t in texts)
    config = BuildConfig()
    load_lexicon(config.lexicon_dir)
    build_article(paths[0], config)  # warm: lexicon indexes, caches, imports
    jieba.initialize()
    list(jieba.cut(texts[0]))

    start = time.perf_counter()
    for path in paths:
        build_article(path, config)
    t_kg = time.perf_counter() - start
    start = time.perf_counter()
    for path in paths:
        analyse(load_article(path, config), config)  # the text read into facts, no RDF
    t_analyse = time.perf_counter() - start
    start = time.perf_counter()
    for text in texts:
        list(jieba.cut(text))  # default mode, HMM on
    t_jieba = time.perf_counter() - start

    chars = sum(map(len, texts))
    print(f"(a) extraction: {len(paths)} articles, {chars:,} chars, {size / 1e6:.2f} MB, warm")
    print(f"    {'':<22}{'seconds':>9}{'articles/s':>12}{'MB/s':>9}")
    timed = (("kg build_article", t_kg), ("kg analyse", t_analyse), ("jieba.cut", t_jieba))
    for name, seconds in timed:
        rate, mb = len(paths) / seconds, size / 1e6 / seconds
        print(f"    {name:<22}{seconds:>9.2f}{rate:>12.1f}{mb:>9.3f}")
    print(
        f"    kg/jieba time ratio: {t_kg / t_jieba:.1f} (build_article: text to triples), "
        f"{t_analyse / t_jieba:.1f} (analyse: text to facts)"
    )


def kg_build(folder: Path, store: Path, jobs: int) -> tuple[float, str]:
    """Run ``kg build FOLDER --store STORE --jobs N``; its wall time and its report line."""
    command = [sys.executable, "-m", "kg", "build", str(folder), "--store", str(store)]
    command += ["--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: some articles failed, reported below
        raise SystemExit(f"kg build failed ({done.returncode}):\n{done.stderr[-2000:]}")
    failures = [line for line in done.stderr.splitlines() if line.startswith("kg build:")]
    report = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    if failures:
        report += f"\n    {len(failures)} failure(s), first: {failures[0]}"
    return seconds, report


def storing(folder: Path, store: Path, n: int, jobs: int) -> None:
    """(b) a fresh build into a store, its size, and the same build again."""
    shutil.rmtree(store, ignore_errors=True)
    first, report = kg_build(folder, store, jobs)
    opened = load_store(store)
    manifest = sum(1 for _ in opened.quads_for_pattern(None, None, None, MANIFEST))
    triples = len(opened) - manifest
    del opened  # release the read-only handle before building again
    size, tables, logs = disk_usage(store), disk_usage(store, ".sst"), disk_usage(store, ".log")
    second, again = kg_build(folder, store, jobs)
    print(f"(b) store: kg build --store --jobs {jobs}")
    print(f"    first build    {first:>8.1f} s  {n / first:>8.1f} articles/s")
    print(f"    triples        {triples:>10,}  {triples / first:>10,.0f} triples/s")
    print(f"    store size     {size / 1e6:>8.1f} MB  ({size / max(triples, 1):.0f} bytes/triple)")
    print(
        f"      of which     {tables / 1e6:>8.1f} MB *.sst, {logs / 1e6:.1f} MB *.log (write-ahead)"
    )
    print(f"    second build   {second:>8.1f} s  (incremental)")
    print(f"    kg said: {report}")
    print(f"    kg said: {again}")


def query_worker(store_dir: Path, bindings: dict[str, str], runs: int, names: list[str]) -> None:
    """Open the store once, run each query ``runs`` times; one JSON line per run."""
    start = time.perf_counter()
    store = load_store(store_dir)
    print(json.dumps({"opened_ms": (time.perf_counter() - start) * 1000}), flush=True)
    for name in names:
        text = (ROOT / "queries" / "cq" / name.removesuffix(EVERY_ARTICLE)).read_text("utf-8")
        bound = dict(bindings)
        if name.endswith(EVERY_ARTICLE):
            del bound["article"]
        for _ in range(runs):
            start = time.perf_counter()
            rows = len(run_query(text, store, bound).rows)
            ms = (time.perf_counter() - start) * 1000
            print(json.dumps({"query": name, "ms": ms, "rows": rows}), flush=True)


def _worker(
    store_dir: Path, bindings: dict[str, str], runs: int, names: list[str]
) -> subprocess.Popen[str]:
    command = [sys.executable, __file__, "--query-worker", str(store_dir)]
    command += ["--city", bindings["city"], "--article", bindings["article"]]
    command += ["--runs", str(runs), "--queries", ",".join(names)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True, encoding="utf-8")


def _pump(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    """Hand the worker's lines over to the waiting side; None when it has stopped."""
    for line in stream:
        lines.put(line)
    lines.put(None)


def querying(store_dir: Path, bindings: dict[str, str], runs: int, timeout: float) -> None:
    """(c) each competency question, ``runs`` times, on the store opened once, with ``city``
    and ``article`` bound (entities.rq is asked of one article, the others of the city); a
    question that takes both is also asked of every article about the city.

    The queries run in a worker process, so that a query slower than ``timeout`` seconds
    can be stopped (pyoxigraph cannot interrupt a query); the worker is then restarted
    for the remaining queries and opens the store again. A row is printed as soon as its
    query is done."""
    pending = []
    for path in sorted((ROOT / "queries" / "cq").glob("*.rq")):
        pending.append(path.name)
        text = path.read_text(encoding="utf-8")
        # of one article, and of every article about the city
        if re.search(r"\?city\b", text) and re.search(r"\?article\b", text):
            pending.append(path.name + EVERY_ARTICLE)
    done: list[tuple[float, int]] = []
    header = True
    while pending:
        worker = _worker(store_dir, bindings, runs, pending)
        lines: queue.Queue[str | None] = queue.Queue()
        assert worker.stdout is not None
        threading.Thread(target=_pump, args=(worker.stdout, lines), daemon=True).start()
        while pending:
            try:
                line = lines.get(timeout=timeout)
            except queue.Empty:  # the query running now is too slow: stop it
                worker.kill()
                worker.wait()
                _query_row(pending.pop(0), done, runs, timeout)
                done = []
                break
            if line is None:
                raise SystemExit(f"the query worker stopped ({worker.wait()})")
            record = json.loads(line)
            if "opened_ms" in record:
                if header:
                    print(
                        f"(c) queries: city={bindings['city']}, article={bindings['article']}, "
                        f"store opened in {record['opened_ms']:.0f} ms, "
                        f"{runs} runs each, a run stopped after {timeout:.0f} s"
                    )
                    print(f"    {'query':<34}{'rows':>7}{'median ms':>11}{'max ms':>10}")
                    header = False
                continue
            done.append((record["ms"], record["rows"]))
            if len(done) == runs:
                _query_row(pending.pop(0), done, runs, None)
                done = []
        else:
            worker.wait()


def _query_row(name: str, done: list[tuple[float, int]], runs: int, stopped: float | None) -> None:
    if stopped is None:
        times = [ms for ms, _ in done]
        median, most = statistics.median(times), max(times)
        print(f"    {name:<34}{done[-1][1]:>7}{median:>11.1f}{most:>10.1f}", flush=True)
        return
    limit = f"> {stopped * 1000:.0f}"
    rows = str(done[-1][1]) if done else "?"
    print(f"    {name:<34}{rows:>7}{limit:>11}{'':>10}  ({len(done)} of {runs} runs finished)")


def bench(n: int, args: argparse.Namespace, workdir: Path) -> None:
    folder, rows, generated = corpus_for(n, args.seed, workdir)
    size = sum((folder / str(r["file"])).stat().st_size for r in rows)
    how = f"generated in {generated:.1f} s" if generated else "reused"
    print(f"== {n:,} articles, {size / 1e6:.1f} MB ({folder}, seed {args.seed}, {how})")
    extraction(folder, rows, args.sample)
    store = workdir / f"store-{n}"
    storing(folder, store, n, args.jobs)
    cities = Counter(str(r["city"]) for r in rows if r["script"] == "simplified")
    city = cities.most_common(1)[0][0]
    article = next(article_id(Path(str(r["file"]))) for r in rows if r["city"] == city)
    querying(store, {"city": city, "article": article}, args.runs, args.query_timeout)
    if not args.keep:
        shutil.rmtree(store, ignore_errors=True)
    print(flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes (1000,10000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="kg build --jobs")
    parser.add_argument("--workdir", type=Path, help="where corpora and stores go (a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and stores")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (0)")
    parser.add_argument("--sample", type=int, default=500, help="articles timed in (a) (500)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each query (5)")
    parser.add_argument(
        "--query-timeout", type=float, default=60, help="seconds before a query run is stopped (60)"
    )
    parser.add_argument("--query-worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--city", help=argparse.SUPPRESS)
    parser.add_argument("--article", help=argparse.SUPPRESS)
    parser.add_argument("--queries", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.query_worker is not None:
        bindings = {"city": args.city, "article": args.article}
        query_worker(args.query_worker, bindings, args.runs, args.queries.split(","))
        return
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    jieba.setLogLevel(60)  # silence the dictionary-loading chatter
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"kg corpus benchmark: sizes {sizes}, {args.jobs} job(s), {os.cpu_count()} CPU(s)\n")
    try:
        for n in sizes:
            bench(n, args, workdir)
    finally:
        if args.workdir is None and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
