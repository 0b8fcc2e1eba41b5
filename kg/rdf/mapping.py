"""to_rdf: one article's Analysis as triples of the kg ontology; every statement has evidence."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib import namespace as rdflib_namespace
from rdflib.plugins.stores.memory import SimpleMemory
from rdflib.term import Node

from kg.rdf import vocab
from kg.rdf.iris import article_iri_text, entity_iri_text, span_iri_text, statement_iri_text
from kg.recognise.lexicon import Lexicon
from kg.records import Analysis, Entity, EntityType, Fact, Mention, Quantity, Relation, Span
from kg.relate.quantities import COUNT_MAX_DIGITS, base_value, plausible
from kg.resolve import name_key

if TYPE_CHECKING:
    from rdflib.graph import _ContextType, _TriplePatternType, _TripleType

ZH = "zh"
QUOTES = '“”"《》「」'
# a competency question names its place with or without one of these
PLACE_SUFFIXES = ("市", "区", "县")
NAME_KEY_TYPES = frozenset({EntityType.CITY, EntityType.DISTRICT})
#: The graph's prefixes, as rdflib graphs of to_rdf have always carried them.
BINDINGS = {
    "kg": str(vocab.KG),
    "skos": str(rdflib_namespace.SKOS),
    "owl": str(rdflib_namespace.OWL),
}
Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]  # as to_rdf makes them
OxigraphTriple = tuple[
    ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal
]


class _Terms:
    """A vocabulary's terms as pyoxigraph IRIs, each looked up once in the closed rdflib
    namespace, so that a misspelt term fails at its first use."""

    def __init__(self, namespace: object) -> None:
        self.namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        found = ox.NamedNode(str(getattr(self.namespace, name)))
        setattr(self, name, found)
        return found


KG = _Terms(vocab.KG)
RDF = _Terms(rdflib_namespace.RDF)
RDFS = _Terms(rdflib_namespace.RDFS)
SKOS = _Terms(rdflib_namespace.SKOS)
XSD = _Terms(rdflib_namespace.XSD)


@lru_cache(maxsize=1 << 16)
def _offset(offset: int) -> ox.Literal:
    """A text offset as a literal: xsd:integer, not nonNegativeInteger: pyoxigraph stores
    every integer type as xsd:integer, and a store must give back what a file build writes
    (docs/decisions.md)."""
    return ox.Literal(str(offset), datatype=XSD.integer)


# Units, periods, rule names, name keys and labels recur across statements and articles.
@lru_cache(maxsize=1 << 14)
def _plain(value: str) -> ox.Literal:
    return ox.Literal(value)


@lru_cache(maxsize=1 << 14)
def _tagged(value: str, lang: str) -> ox.Literal:
    return ox.Literal(value, language=lang)


def _decimal(value: Decimal) -> ox.Literal:
    """An xsd:decimal spelt as rdflib spells a Decimal: positional, never 1E+3."""
    return ox.Literal(f"{value:f}", datatype=XSD.decimal)


def term(name: str) -> ox.NamedNode:
    """The ontology term with this local name; unknown names fail (the namespace is closed)."""
    found = getattr(KG, name)
    assert isinstance(found, ox.NamedNode)
    return found


def oxigraph_triples(graph: Graph) -> list[OxigraphTriple]:
    """The triples of a graph as (subject, predicate, object) of pyoxigraph terms: a graph of
    ``to_rdf`` that nobody changed hands over the terms it was made of, any other graph is
    converted triple by triple.

    Raises:
        ValueError: the graph holds something that is no RDF triple.
    """
    store = graph.store
    if isinstance(store, _ArticleStore) and store.made is not None:
        return list(store.made)
    return [_oxigraph_triple(s, p, o) for s, p, o in graph]


def _oxigraph_triple(subject: Node, predicate: Node, value: Node) -> OxigraphTriple:
    s, p = _oxigraph(subject), _oxigraph(predicate)
    if isinstance(s, ox.Literal) or not isinstance(p, ox.NamedNode):
        raise ValueError(f"not an RDF triple: {subject!r} {predicate!r} {value!r}")
    return s, p, _oxigraph(value)


def _oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term, its lexical form as it is."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = term.datatype or rdflib_namespace.XSD.string
        return ox.Literal(str(term), datatype=ox.NamedNode(str(datatype)))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise ValueError(f"not an RDF term: {term!r}")


def _rdflib(term: ox.NamedNode | ox.Literal) -> URIRef | Literal:
    """A term of to_rdf as the rdflib term it stands for (a plain string has no datatype)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if term.language:
        return Literal(term.value, lang=term.language, normalize=False)
    if term.datatype == XSD.string:
        return Literal(term.value, normalize=False)
    return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)


class _ArticleStore(SimpleMemory):
    """An article's triples as to_rdf made them, of pyoxigraph terms; made rdflib terms, and
    indexed, only when the graph is read through rdflib.

    Building a graph's rdflib terms and indexes cost more than finding its triples, and the
    graph of an article in a corpus build is only validated and stored, both of which take
    pyoxigraph terms (``oxigraph_triples``).

    >>> s, p = URIRef("urn:s"), URIRef("urn:p")
    >>> graph = Graph(store=_ArticleStore({(ox.NamedNode(s), ox.NamedNode(p), ox.Literal("a"))}))
    >>> len(graph), [str(o) for o in graph.objects(s, p)]
    (1, ['a'])
    >>> _ = graph.add((s, p, Literal("b"))).remove((s, p, Literal("a")))
    >>> len(graph), [str(o) for o in graph.objects(s, p)]
    (1, ['b'])
    """

    def __init__(self, triples: set[Triple]) -> None:
        super().__init__()
        for prefix, namespace in BINDINGS.items():
            super().bind(prefix, URIRef(namespace))
        self.made: set[Triple] | None = triples  # None once the graph was changed
        self.converted: list[_TripleType] | None = None
        self.indexed = False

    def rdflib_triples(self) -> list[_TripleType]:
        if self.converted is None:
            assert self.made is not None
            # each distinct term once: an article names the same few hundred many times
            distinct = {term for triple in self.made for term in triple}
            terms = {term: _rdflib(term) for term in distinct}
            self.converted = [(terms[s], terms[p], terms[o]) for s, p, o in self.made]
        return self.converted

    def index(self) -> None:
        if not self.indexed:
            self.indexed = True
            for triple in self.rdflib_triples():
                super().add(triple, None)  # type: ignore[arg-type]  # no context: one graph

    def triples(
        self, triple_pattern: _TriplePatternType, context: _ContextType | None = None
    ) -> Iterator[tuple[_TripleType, Iterator[_ContextType | None]]]:
        if not self.indexed and triple_pattern == (None, None, None):
            return ((triple, iter(())) for triple in self.rdflib_triples())
        self.index()
        return super().triples(triple_pattern, context)

    def __len__(self, context: _ContextType | None = None) -> int:
        if not self.indexed and self.made is not None:
            return len(self.made)
        return super().__len__(context)

    def add(self, triple: _TripleType, context: _ContextType, quoted: bool = False) -> None:
        self.index()
        self.made = None
        super().add(triple, context, quoted)

    def remove(
        self, triple_pattern: _TriplePatternType, context: _ContextType | None = None
    ) -> None:
        self.index()
        self.made = None
        super().remove(triple_pattern, context)


class _Builder:
    def __init__(self, analysis: Analysis, lexicon: Lexicon) -> None:
        self.a = analysis
        self.lexicon = lexicon
        self.triples: set[Triple] = set()
        self.add = self.triples.add  # one (s, p, o): a method would cost a call more
        self.spans: dict[tuple[int, int], ox.NamedNode] = {}  # text spans already described
        self.iris: dict[tuple[EntityType, str], ox.NamedNode] = {}  # made once per article
        self.article = ox.NamedNode(article_iri_text(analysis.document.id))
        self.by_span: dict[tuple[EntityType, Span], Entity] = {
            (e.type, span): e for e in analysis.entities for span in e.mentions
        }
        self.city = self.iri(analysis.city.type, analysis.city.key) if analysis.city else None
        self.city_mention = analysis.city.mentions[0] if analysis.city else None
        self.awards: dict[ox.NamedNode, ox.NamedNode] = {}  # holder -> first award node
        # cluster -> its ClusterPresence node and that statement's area
        self.presence: dict[ox.NamedNode, tuple[ox.NamedNode, ox.NamedNode]] = {}

    # ------------------------------------------------------------------ helpers
    def iri(self, type_: EntityType, key: str) -> ox.NamedNode:
        found = self.iris.get((type_, key))
        if found is None:
            found = self.iris[(type_, key)] = ox.NamedNode(entity_iri_text(type_, key))
        return found

    def literal(self, value: str | int, lang: str | None = None) -> ox.Literal:
        """A string (tagged with ``lang``, else plain) or an xsd:integer."""
        if isinstance(value, int):
            return ox.Literal(str(value), datatype=XSD.integer)
        return _tagged(value, lang) if lang else _plain(value)

    def text_span(self, span: Span) -> ox.NamedNode:
        found = self.spans.get((span.start, span.end))  # a tuple hashes faster than a Span
        if found is not None:
            return found
        node = self.spans[(span.start, span.end)] = ox.NamedNode(
            span_iri_text(self.a.document.id, span)
        )
        self.add((node, RDF.type, KG.TextSpan))
        self.add((node, KG.inArticle, self.article))
        self.add((node, KG.beginIndex, _offset(span.start)))
        self.add((node, KG.endIndex, _offset(span.end)))
        self.add((node, KG.quote, self.literal(self.a.document.text[span.start : span.end], ZH)))
        return node

    def provenance(self, node: ox.NamedNode, fact: Fact) -> None:
        """The sentence a statement was read from, its article and the rule that read it."""
        self.add((node, KG.evidence, self.text_span(fact.evidence)))
        self.add((node, KG.statedIn, self.article))
        self.add((node, KG.rule, self.literal(fact.rule)))

    def _statement_iri(self, kind: str, *parts: str) -> ox.NamedNode:
        return ox.NamedNode(statement_iri_text(self.a.document.id, kind, *parts))

    def entity(self, mention: Mention | None) -> ox.NamedNode | None:
        if mention is None:
            return self.city
        entity = self.by_span.get((mention.type, mention.span))
        return self.iri(entity.type, entity.key) if entity else None

    def statement(self, fact: Fact, kind: ox.NamedNode, *parts: str) -> ox.NamedNode:
        node = self._statement_iri(kind.value.rsplit("#", 1)[-1], *parts)
        self.add((node, RDF.type, kind))
        self.provenance(node, fact)
        for name, value in fact.qualifiers:
            if name == "count" and value.isdecimal() and len(value) <= COUNT_MAX_DIGITS:
                self.add((node, KG.count, self.literal(int(value))))
            elif name == "date":
                self.add((node, KG.date, self.literal(value)))
            elif name == "level":
                self.add((node, KG.level, term(value)))
        return node

    # ------------------------------------------------------------------ parts
    def article_node(self) -> None:
        meta, art = self.a.document.meta, self.article
        self.add((art, RDF.type, KG.Article))
        self.add((art, KG.articleId, self.literal(self.a.document.id)))
        self.add((art, KG.title, self.literal(meta.title, lang=ZH)))
        if meta.published:
            self.add(
                (art, KG.datePublished, ox.Literal(meta.published.isoformat(), datatype=XSD.date))
            )
        if meta.source_path:
            self.add((art, KG.sourceFile, self.literal(meta.source_path)))
        if self.city is not None:
            self.add((art, KG.aboutCity, self.city))
        people = {e.labels[0]: e for e in self.a.entities if e.type == EntityType.PERSON}
        orgs = {e.labels[0]: e for e in self.a.entities if e.type == EntityType.ORGANIZATION}
        for names, prop, index in (
            (meta.authors, KG.author, people),
            (meta.editors, KG.editor, people),
            ((meta.outlet,) if meta.outlet else (), KG.publisher, orgs),
        ):
            for name in names:
                if name in index:
                    self.add((art, prop, self.iri(index[name].type, index[name].key)))

    def entity_node(self, entity: Entity) -> None:
        node = self.iri(entity.type, entity.key)
        self.add((node, RDF.type, term(entity.type.value)))
        preferred = entity.shared_name or entity.labels[0]
        others = [label for label in entity.labels if label != preferred]
        self.add((node, RDFS.label, self.literal(preferred, lang=ZH)))
        self.add((node, SKOS.prefLabel, self.literal(preferred, lang=ZH)))
        for label in others:
            self.add((node, SKOS.altLabel, self.literal(label, lang=ZH)))
        if entity.type in NAME_KEY_TYPES:
            self.name_keys(node, entity.labels)
        for span in entity.mentions:
            self.add((node, KG.mention, self.text_span(span)))
        if entity.lexicon_id:
            self.lexicon_facts(node, entity)

    def name_keys(self, node: ox.NamedNode, labels: Iterable[str]) -> None:
        """Every form a competency question's ?city may take for this place: each name with
        and without 市, 区 or 县, as plain strings (the queries start from this one lookup)."""
        for label in labels:
            stem = label[:-1] if label.endswith(PLACE_SUFFIXES) and len(label) > 1 else label
            for key in (stem, *(stem + suffix for suffix in PLACE_SUFFIXES)):
                self.add((node, KG.nameKey, self.literal(key)))

    def lexicon_facts(self, node: ox.NamedNode, entity: Entity) -> None:
        assert entity.lexicon_id is not None
        file, _, entry_id = entity.lexicon_id.partition(":")
        entry = self.lexicon.get(file, entry_id)
        if entry is None:
            return
        if file == "industries":
            self.add((node, SKOS.inScheme, KG.industries))
            if en := entry.field("en"):
                self.add((node, RDFS.label, self.literal(en, lang="en")))
            for column, prop in (("gbt4754", KG.gbt4754), ("sei2018", KG.sei2018)):
                if code := entry.field(column):
                    self.add((node, prop, self.literal(code)))
            if (broader := entry.field("broader")) and (parent := self.lexicon.get(file, broader)):
                parent_node = self.iri(EntityType.INDUSTRY, f"industries:{parent.id}")
                self.add((node, SKOS.broader, parent_node))
                self.add((parent_node, RDF.type, KG.Industry))
                self.add((parent_node, RDFS.label, self.literal(parent.label, lang=ZH)))
        elif file == "divisions":
            if code := entry.field("adcode"):
                self.add((node, KG.adcode, self.literal(code)))
            if (parent_id := entry.field("parent")) and (
                parent := self.lexicon.get(file, parent_id)
            ):
                parent_node = self.iri(EntityType(parent.type), f"divisions:{parent.id}")
                self.add((node, KG.withinArea, parent_node))
                self.add((parent_node, RDF.type, term(parent.type)))
                self.add((parent_node, RDFS.label, self.literal(parent.label, lang=ZH)))
                if EntityType(parent.type) in NAME_KEY_TYPES:
                    self.name_keys(parent_node, [parent.label])
        level = entry.field("level")
        if level in ("national", "provincial", "municipal"):
            self.add((node, KG.level, term(level)))

    def fact_node(self, fact: Fact) -> None:
        subject = self.entity(fact.subject)
        if fact.relation is Relation.OBSERVATION:
            assert isinstance(fact.object, Quantity)
            if not fact.object.period or not plausible(fact.object.value):
                return  # relate drops these: a figure of no known time, or of no statistic
            if fact.subject is not None and fact.subject.type is EntityType.INDUSTRY_CLUSTER:
                # a cluster's size is of the area its cluster statement names; without that
                # statement (the article names no city) the size is of no known area
                if subject is not None and subject in self.presence:
                    presence, area = self.presence[subject]
                    node = self.observation(fact, fact.object, area, describes=subject)
                    self.add((presence, KG.size, node))
            elif subject is not None:  # else the article names no city: a figure of no area
                self.observation(fact, fact.object, subject)
            return
        assert isinstance(fact.object, Mention)
        obj = self.entity(fact.object)
        if obj is None or subject is None:
            return  # the article names no city, or a mention was not resolved
        kind = term(fact.relation.value)
        node = self.statement(
            fact, kind, subject.value, obj.value, repr(fact.qualifiers), str(fact.evidence)
        )
        match fact.relation:
            case Relation.INDUSTRY_PRIORITY:
                self.add((node, KG.area, subject))
                self.add((node, KG.industry, obj))
                self.add((node, KG.tier, term(fact.qualifier("tier") or "pillar")))
            case Relation.CLUSTER_PRESENCE:
                self.add((node, KG.area, subject))
                self.add((node, KG.cluster, obj))
                for industry in map(self.entity, fact.extra):
                    if industry is not None:
                        self.add((node, KG.industry, industry))
                        self.add((obj, KG.clusterIndustry, industry))
                self.presence[obj] = (node, subject)
            case Relation.DESIGNATION_AWARD:
                self.add((node, KG.holder, subject))
                self.add((node, KG.designation, obj))
                for body in map(self.entity, fact.extra):
                    if body is not None:
                        self.add((node, KG.awardedBy, body))
                self.awards.setdefault(subject, node)
            case Relation.PRIORITY_SUPPORT:
                self.add((node, KG.beneficiary, subject))
                self.add((node, KG.programme, obj))
                if subject in self.awards:
                    self.add((node, KG.dueTo, self.awards[subject]))
            case Relation.INVESTMENT:
                self.add((node, KG.area, subject))
                self.add((node, KG.investor, obj))
            case Relation.POLICY_ISSUANCE:
                self.add((node, KG.issuer, subject))
                self.add((node, KG.policy, obj))
            case Relation.COMPANY_PRESENCE:
                self.add((node, KG.area, subject))
                self.add((node, KG.company, obj))
        written = self.written(fact.object.span)
        if len(written) == len(fact.object.surface):
            self.add((node, KG.asWritten, self.literal(written.strip(QUOTES), lang=ZH)))
        # the subject's own name in this article: a node shared by a corpus is labelled with
        # the lexicon's name (东莞市), which a 東莞 article does not write
        subject_span = fact.subject.span if fact.subject else self.city_mention
        if subject_span is not None:
            self.add(
                (
                    node,
                    KG.subjectAsWritten,
                    self.literal(self.written(subject_span).strip(QUOTES), lang=ZH),
                )
            )

    def written(self, span: Span) -> str:
        return self.a.document.text[span.start : span.end]

    def indicator(self, name: str) -> ox.NamedNode:
        node = self.iri(EntityType.INDICATOR, f"name:{name_key(name)}")
        self.add((node, RDF.type, KG.Indicator))
        self.add((node, RDFS.label, self.literal(name, lang=ZH)))
        return node

    def observation(
        self,
        fact: Fact,
        q: Quantity,
        area: ox.NamedNode,
        describes: ox.NamedNode | None = None,
    ) -> ox.NamedNode:
        node = self._statement_iri(
            "observation",
            q.indicator,
            str(q.value),
            q.unit,
            str(q.period),
            str(q.span),
            describes.value if describes is not None else "None",
        )
        self.add((node, RDF.type, KG.Observation))
        self.provenance(node, fact)
        self.add((node, KG.indicator, self.indicator(q.indicator)))
        # the indicator as this article names it: a shared indicator node has every
        # article's label, and a question joining through it would repeat the figure
        self.add((node, KG.asWritten, self.literal(q.indicator, lang=ZH)))
        self.add((node, KG.value, _decimal(q.value)))
        self.add((node, KG.unit, self.literal(q.unit)))
        base, base_unit = base_value(q.value, q.unit)
        self.add(
            (node, KG.baseValue, _decimal(base.normalize() if base == base.to_integral() else base))
        )
        self.add((node, KG.baseUnit, self.literal(base_unit)))
        if q.period:
            self.add((node, KG.period, self.literal(q.period)))
        if q.rank is not None:
            self.add((node, KG.rank, self.literal(q.rank)))
        if q.scope:
            self.add((node, KG.rankScope, self.literal(q.scope, lang=ZH)))
        if q.approximation:
            self.add((node, KG.approximation, self.literal(q.approximation, lang=ZH)))
        self.add((node, KG.area, area))
        if describes is not None:
            self.add((node, KG.describes, describes))
        return node


def to_rdf(analysis: Analysis, lexicon: Lexicon) -> Graph:
    """The article's graph: article metadata, entities with their mentions, and statements.

    Every class and property is a term of ontology.ttl (through the closed ``KG`` namespace).
    """
    builder = _Builder(analysis, lexicon)
    builder.article_node()
    for entity in analysis.entities:
        builder.entity_node(entity)
    for fact in analysis.facts:
        builder.fact_node(fact)
    return Graph(store=_ArticleStore(builder.triples))
