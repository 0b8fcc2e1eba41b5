"""kg: knowledge graphs from Chinese regional industrial-policy news.

>>> from pathlib import Path
>>> from kg import build_article
>>> analysis, graph = build_article(Path("data/articles/zhengzhou-2023-01-16.txt"))
>>> analysis.city.labels[0]
'郑州'
"""

from kg.config import BuildConfig
from kg.corpus import BuildReport, CorpusStore, build_into
from kg.errors import (
    InputError,
    KgError,
    LexiconError,
    OntologyError,
    QueryError,
    ValidationError,
)
from kg.load import load_article
from kg.pipeline import CorpusBuild, analyse, build_article, build_corpus
from kg.query import QueryResult, ResultFormat, format_result, load_store, read_query, run_query
from kg.rdf.mapping import to_rdf
from kg.records import (
    Analysis,
    ArticleMeta,
    Document,
    Entity,
    EntityType,
    Fact,
    Mention,
    Quantity,
    Relation,
    Sentence,
    Span,
    Tier,
)
from kg.remote import push, remote_query
from kg.store import Format, write_graph
from kg.validate import ValidationReport, Violation, format_report, validate, validate_path
from kg.view import draw_file, graph_view

__all__ = [
    "Analysis",
    "ArticleMeta",
    "BuildConfig",
    "BuildReport",
    "CorpusBuild",
    "CorpusStore",
    "Document",
    "Entity",
    "EntityType",
    "Fact",
    "Format",
    "InputError",
    "KgError",
    "LexiconError",
    "Mention",
    "OntologyError",
    "Quantity",
    "QueryError",
    "QueryResult",
    "Relation",
    "ResultFormat",
    "Sentence",
    "Span",
    "Tier",
    "ValidationError",
    "ValidationReport",
    "Violation",
    "analyse",
    "build_article",
    "build_corpus",
    "build_into",
    "draw_file",
    "format_report",
    "format_result",
    "graph_view",
    "load_article",
    "load_store",
    "push",
    "read_query",
    "remote_query",
    "run_query",
    "to_rdf",
    "validate",
    "validate_path",
    "write_graph",
]
