"""IRIs minted from entity keys and article ids, so two builds give the same graph.

Scheme (see docs/decisions.md): ``{RESOURCE_NS}{class}/{id}`` where id is a lexicon id
(``city/cn-410100``) or the percent-encoded normalised name (``company/%E4%B8%89...``);
statements are ``statement/{article}-{kind}-{digest}``; text spans
``span/{article}-{begin}-{end}`` (half-open character offsets).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import quote

from rdflib import URIRef

from kg.config import RESOURCE_NS
from kg.records import EntityType, Span

#: Where every statement's IRI begins.
STATEMENT_NS = f"{RESOURCE_NS}statement/"


def entity_iri(type_: EntityType, key: str) -> URIRef:
    """The IRI of an entity from its type and resolution key.

    >>> str(entity_iri(EntityType.CITY, "divisions:cn-410100"))
    'https://w3id.org/kg-cnip/id/city/cn-410100'
    >>> str(entity_iri(EntityType.COMPANY, "name:恒达"))
    'https://w3id.org/kg-cnip/id/company/%E6%81%92%E8%BE%BE'
    """
    return URIRef(entity_iri_text(type_, key))


def article_iri(article_id: str) -> URIRef:
    return URIRef(article_iri_text(article_id))


def span_iri(article_id: str, span: Span) -> URIRef:
    return URIRef(span_iri_text(article_id, span))


def statement_iri(article_id: str, kind: str, *parts: str) -> URIRef:
    return URIRef(statement_iri_text(article_id, kind, *parts))


# The same IRIs as plain strings, for pyoxigraph terms (to_rdf makes thousands an article).
@lru_cache(maxsize=1 << 14)  # the same places, industries and bodies recur across articles
def entity_iri_text(type_: EntityType, key: str) -> str:
    _, _, local = key.partition(":")
    return f"{RESOURCE_NS}{type_.value.lower()}/{quote(local or key, safe='-')}"


def article_iri_text(article_id: str) -> str:
    return f"{RESOURCE_NS}article/{_local(article_id)}"


def span_iri_text(article_id: str, span: Span) -> str:
    return f"{RESOURCE_NS}span/{_local(article_id)}-{span.start}-{span.end}"


def statement_iri_text(article_id: str, kind: str, *parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{STATEMENT_NS}{_local(article_id)}-{kind.lower()}-{digest}"


@lru_cache(maxsize=1 << 10)  # once per article, not per span and statement
def _local(article_id: str) -> str:
    return quote(article_id, safe="-._")
