"""The pipeline: the one place where the stages are composed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from kg.config import BuildConfig
from kg.errors import KgError
from kg.load import article_ids, find_articles, load_article
from kg.rdf.iris import article_iri
from kg.rdf.mapping import to_rdf
from kg.recognise import recognise
from kg.recognise.lexicon import load_lexicon
from kg.records import Analysis, Document
from kg.relate import relate
from kg.resolve import resolve, settle
from kg.segment import segment


def analyse(doc: Document, config: BuildConfig | None = None) -> Analysis:
    """Run every stage up to RDF on one document.

    Raises:
        LexiconError: a lexicon file is malformed.
    """
    config = config or BuildConfig()
    lexicon = load_lexicon(config.lexicon_dir)
    sentences = segment(doc)
    mentions = recognise(doc, sentences, lexicon)
    facts = relate(doc, sentences, mentions, lexicon)
    everything = settle(mentions, facts)
    entities, city = resolve(doc, everything, lexicon)
    return Analysis(doc, sentences, everything, facts, entities, city)


def build_article(
    path: Path, config: BuildConfig | None = None, *, doc_id: str | None = None
) -> tuple[Analysis, Graph]:
    """Load, analyse and map one article file to its RDF graph.

    Raises:
        InputError: the article cannot be read.
        LexiconError: a lexicon file is malformed.
    """
    config = config or BuildConfig()
    analysis = analyse(load_article(path, config, doc_id=doc_id), config)
    return analysis, to_rdf(analysis, load_lexicon(config.lexicon_dir))


@dataclass(frozen=True, slots=True)
class CorpusBuild:
    dataset: Dataset  # one named graph per article
    analyses: tuple[Analysis, ...]
    failures: tuple[tuple[Path, str], ...]  # articles that could not be built, and why


def build_corpus(inputs: Iterable[Path], config: BuildConfig | None = None) -> CorpusBuild:
    """Build every article found in ``inputs``; an article that fails is reported, not fatal.

    Raises:
        InputError: an input path does not exist or a folder holds no articles.
    """
    config = config or BuildConfig()
    dataset = Dataset()
    analyses: list[Analysis] = []
    failures: list[tuple[Path, str]] = []
    paths = find_articles(inputs, config)
    ids = article_ids(paths)
    for path in paths:
        try:
            analysis, graph = build_article(path, config, doc_id=ids[path])
        except KgError as exc:
            failures.append((path, str(exc)))
            continue
        named = dataset.graph(article_iri(analysis.document.id))
        for triple in graph:
            named.add(triple)
        analyses.append(analysis)
    return CorpusBuild(dataset, tuple(analyses), tuple(failures))
