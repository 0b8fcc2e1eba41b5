"""Is extraction as fast as segmenting the same text with jieba?

    .venv/bin/python benchmarks/bench_extract.py
    .venv/bin/python benchmarks/bench_extract.py --runs 5

For the golden articles (tests/cases/*/article.txt) and for data/articles it prints the
number of characters, the total seconds of ``analyse`` (segment, recognise, relate,
resolve), of ``to_rdf``, and of ``jieba.cut`` over the same texts, and the ratio of kg's
time (analyse + to_rdf) to jieba's. Then what ``kg build`` pays: the seconds of
``kg.corpus.extract`` over the files (read, analyse, to_rdf, SHACL validation, N-Quads),
and per article in milliseconds; and of writing those articles into a new on-disk store
(``CorpusStore.put``, one transaction per article, then a flush), which is the rest of what
``kg build --store`` pays. The last line splits a store build's time per article between
the three: extraction (analyse + to_rdf), the rest of ``extract`` and the store. Each
figure is the best of ``--runs`` runs, warm: the lexicon is loaded, jieba's dictionary
initialised and every article analysed once before anything is timed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import jieba  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.config import BuildConfig  # noqa: E402
from kg.corpus import CorpusStore, Extracted, Source, extract  # noqa: E402
from kg.load import article_ids, find_articles, load_article  # noqa: E402
from kg.pipeline import analyse  # noqa: E402
from kg.rdf.mapping import to_rdf  # noqa: E402
from kg.recognise.lexicon import load_lexicon  # noqa: E402


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``work``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def store_all(extracted: list[Extracted]) -> None:
    """Put every article into a new on-disk store, as ``kg build --store`` does, and flush."""
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as folder:
        store = CorpusStore(Path(folder) / "store")
        for article in extracted:
            store.put(article, replace=False)
        store.close()
        del store  # closes RocksDB before its folder is removed


def measure(name: str, paths: list[Path], config: BuildConfig, runs: int) -> None:
    ids = article_ids(paths)
    docs = [load_article(path, config, doc_id=ids[path]) for path in paths]
    sources = [Source(path, ids[path], "sha256:bench") for path in paths]
    lexicon = load_lexicon(config.lexicon_dir)
    analyses = [analyse(doc, config) for doc in docs]  # warm: caches filled
    for analysis in analyses:
        to_rdf(analysis, lexicon)
    for doc in docs:
        list(jieba.cut(doc.text))
    extracted = [extract(source, config) for source in sources]
    for article in extracted:
        if article.error is not None:
            raise SystemExit(article.error)
    t_analyse = best_of(runs, lambda: [analyse(doc, config) for doc in docs])
    t_rdf = best_of(runs, lambda: [to_rdf(a, lexicon) for a in analyses])
    t_jieba = best_of(runs, lambda: [list(jieba.cut(doc.text)) for doc in docs])
    t_extract = best_of(runs, lambda: [extract(source, config) for source in sources])
    t_store = best_of(runs, lambda: store_all(extracted))
    chars = sum(len(doc.text) for doc in docs)
    ratio = (t_analyse + t_rdf) / t_jieba
    per_article = [t / len(docs) * 1000 for t in (t_extract, t_store)]
    print(
        f"{name:<14} {len(docs):>3} {chars:>7} {t_analyse:>9.4f} {t_rdf:>9.4f} "
        f"{t_jieba:>9.4f} {ratio:>7.2f} {t_extract:>9.4f} {per_article[0]:>7.1f} "
        f"{t_store:>9.4f} {per_article[1]:>7.1f}"
    )
    build = t_extract + t_store
    shares = (t_analyse + t_rdf, t_extract - t_analyse - t_rdf, t_store)
    print(
        f"{'':<14} a store build, {build / len(docs) * 1000:.0f} ms/article: "
        + ", ".join(
            f"{part} {share / build:.0%}"
            for part, share in zip(
                ("extraction", "validation + N-Quads", "store"), shares, strict=True
            )
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timings per figure; the best counts")
    args = parser.parse_args()
    config = BuildConfig()
    jieba.setLogLevel(60)  # silence the dictionary-loading chatter
    jieba.initialize()
    load_lexicon(config.lexicon_dir)
    sets = {
        "tests/cases": sorted((ROOT / "tests" / "cases").glob("*/article.txt")),
        "data/articles": find_articles([ROOT / "data" / "articles"], config),
    }
    header: tuple[str, ...] = ("texts", "n", "chars", "analyse", "to_rdf", "jieba", "kg/jb")
    header += ("extract", "ms/art", "store", "ms/art")
    print("{:<14} {:>3} {:>7} {:>9} {:>9} {:>9} {:>7} {:>9} {:>7} {:>9} {:>7}".format(*header))
    for name, paths in sets.items():
        measure(name, paths, config, args.runs)


if __name__ == "__main__":
    main()
