"""to_rdf: one article's Analysis as triples of the kg ontology; every statement has evidence."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rdflib_namespace
from rdflib.namespace import OWL
from rdflib.plugins.stores.memory import SimpleMemory

from kg.rdf import vocab
from kg.rdf.iris import article_iri, entity_iri, span_iri, statement_iri
from kg.recognise.lexicon import Lexicon
from kg.records import Analysis, Entity, EntityType, Fact, Mention, Quantity, Relation, Span
from kg.relate.quantities import COUNT_MAX_DIGITS, base_value, plausible
from kg.resolve import name_key

if TYPE_CHECKING:
    from rdflib.graph import _ContextType, _TriplePatternType, _TripleType

ZH = "zh"
# a competency question names its place with or without one of these
PLACE_SUFFIXES = ("市", "区", "县")
PLACE_TYPES = frozenset({EntityType.CITY, EntityType.DISTRICT})
Triple = tuple[URIRef, URIRef, URIRef | Literal]


class _Terms:
    """A namespace whose terms are looked up once each: a closed rdflib namespace checks the
    name and makes a new URIRef at every access, and an article has thousands of triples."""

    def __init__(self, namespace: object) -> None:
        self.namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        found = getattr(self.namespace, name)
        assert isinstance(found, URIRef)
        setattr(self, name, found)
        return found


if TYPE_CHECKING:  # typed as the namespaces; a misspelt term still fails at its first use
    from rdflib.namespace import RDF, RDFS, SKOS, XSD

    from kg.rdf.vocab import KG
else:
    KG = _Terms(vocab.KG)
    RDF = _Terms(rdflib_namespace.RDF)
    RDFS = _Terms(rdflib_namespace.RDFS)
    SKOS = _Terms(rdflib_namespace.SKOS)
    XSD = _Terms(rdflib_namespace.XSD)


@lru_cache(maxsize=1 << 16)
def _offset(offset: int) -> Literal:
    """A text offset as a literal: every article uses the same small numbers, and rdflib is
    slow to make a typed literal from a Python value. xsd:integer, not nonNegativeInteger:
    pyoxigraph stores every integer type as xsd:integer, and a store must give back what a
    file build writes (docs/decisions.md)."""
    return Literal(offset, datatype=XSD.integer)


def term(name: str) -> URIRef:
    """The ontology term with this local name; unknown names fail (the namespace is closed)."""
    found = getattr(KG, name)
    assert isinstance(found, URIRef)
    return found


class _ArticleStore(SimpleMemory):
    """An article's triples, taken as one set and indexed only when a pattern asks for it.

    Indexing each triple as it is added (rdflib's stores do) cost more than making the
    triples; an article's graph is mostly just iterated (into a dataset, into quads).

    >>> s, p = URIRef("urn:s"), URIRef("urn:p")
    >>> graph = Graph(store=_ArticleStore({(s, p, Literal("a"))}))
    >>> len(graph), [str(o) for o in graph.objects(s, p)]
    (1, ['a'])
    >>> _ = graph.add((s, p, Literal("b"))).remove((s, p, Literal("a")))
    >>> len(graph), [str(o) for o in graph.objects(s, p)]
    (1, ['b'])
    """

    def __init__(self, triples: set[Triple]) -> None:
        super().__init__()
        self.unindexed: set[Triple] | None = triples

    def index(self) -> None:
        if self.unindexed is not None:
            triples, self.unindexed = self.unindexed, None
            for triple in triples:
                super().add(triple, None)  # type: ignore[arg-type]  # no context: one graph

    def triples(
        self, triple_pattern: _TriplePatternType, context: _ContextType | None = None
    ) -> Iterator[tuple[_TripleType, Iterator[_ContextType | None]]]:
        if self.unindexed is not None and triple_pattern == (None, None, None):
            return ((triple, iter(())) for triple in list(self.unindexed))
        self.index()
        return super().triples(triple_pattern, context)

    def __len__(self, context: _ContextType | None = None) -> int:
        if self.unindexed is not None:
            return len(self.unindexed)
        return super().__len__(context)

    def add(self, triple: _TripleType, context: _ContextType, quoted: bool = False) -> None:
        self.index()
        super().add(triple, context, quoted)

    def remove(
        self, triple_pattern: _TriplePatternType, context: _ContextType | None = None
    ) -> None:
        self.index()
        super().remove(triple_pattern, context)


class _Builder:
    def __init__(self, analysis: Analysis, lexicon: Lexicon) -> None:
        self.a = analysis
        self.lexicon = lexicon
        self.triples: set[Triple] = set()
        self.spans: dict[Span, URIRef] = {}  # text spans already described
        # made once per article: rdflib terms are slow to make and the same ones recur
        self.iris: dict[tuple[EntityType, str], URIRef] = {}
        self.literals: dict[tuple[type, str | int, str | None, URIRef | None], Literal] = {}
        self.article = article_iri(analysis.document.id)
        self.by_span: dict[tuple[EntityType, Span], Entity] = {
            (e.type, span): e for e in analysis.entities for span in e.mentions
        }
        self.city = self.iri(analysis.city.type, analysis.city.key) if analysis.city else None
        self.awards: dict[URIRef, URIRef] = {}  # holder -> first award node
        # cluster -> its ClusterPresence node and that statement's area
        self.presence: dict[URIRef, tuple[URIRef, URIRef]] = {}

    # ------------------------------------------------------------------ helpers
    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.triples.add((s, p, o))

    def iri(self, type_: EntityType, key: str) -> URIRef:
        found = self.iris.get((type_, key))
        if found is None:
            found = self.iris[(type_, key)] = entity_iri(type_, key)
        return found

    def literal(
        self, value: str | int, lang: str | None = None, datatype: URIRef | None = None
    ) -> Literal:
        key = (type(value), value, lang, datatype)
        found = self.literals.get(key)
        if found is None:
            # a plain or language-tagged string is its own lexical form, so rdflib's
            # normalising (a walk over its table of Python types) would change nothing
            plain = isinstance(value, str) and datatype is None
            found = Literal(value, lang=lang, datatype=datatype, normalize=False if plain else None)
            self.literals[key] = found
        return found

    def text_span(self, span: Span) -> URIRef:
        if span in self.spans:
            return self.spans[span]
        node = self.spans[span] = span_iri(self.a.document.id, span)
        self.add(node, RDF.type, KG.TextSpan)
        self.add(node, KG.inArticle, self.article)
        self.add(node, KG.beginIndex, _offset(span.start))
        self.add(node, KG.endIndex, _offset(span.end))
        self.add(node, KG.quote, self.literal(self.a.document.text[span.start : span.end], ZH))
        return node

    def entity(self, mention: Mention | None) -> URIRef | None:
        if mention is None:
            return self.city
        entity = self.by_span.get((mention.type, mention.span))
        return self.iri(entity.type, entity.key) if entity else None

    def statement(self, fact: Fact, kind: URIRef, *parts: str) -> URIRef:
        node = statement_iri(self.a.document.id, str(kind).rsplit("#", 1)[-1], *parts)
        self.add(node, RDF.type, kind)
        self.add(node, KG.evidence, self.text_span(fact.evidence))
        self.add(node, KG.rule, self.literal(fact.rule))
        for name, value in fact.qualifiers:
            if name == "count" and value.isdecimal() and len(value) <= COUNT_MAX_DIGITS:
                self.add(node, KG.count, self.literal(int(value)))
            elif name == "date":
                self.add(node, KG.date, self.literal(value))
            elif name == "level":
                self.add(node, KG.level, term(value))
        return node

    # ------------------------------------------------------------------ parts
    def article_node(self) -> None:
        meta, art = self.a.document.meta, self.article
        self.add(art, RDF.type, KG.Article)
        self.add(art, KG.title, self.literal(meta.title, lang=ZH))
        if meta.published:
            self.add(
                art, KG.datePublished, self.literal(meta.published.isoformat(), datatype=XSD.date)
            )
        if meta.source_path:
            self.add(art, KG.sourceFile, self.literal(meta.source_path))
        if self.city is not None:
            self.add(art, KG.aboutCity, self.city)
        people = {e.labels[0]: e for e in self.a.entities if e.type == EntityType.PERSON}
        orgs = {e.labels[0]: e for e in self.a.entities if e.type == EntityType.ORGANIZATION}
        for names, prop, index in (
            (meta.authors, KG.author, people),
            (meta.editors, KG.editor, people),
            ((meta.outlet,) if meta.outlet else (), KG.publisher, orgs),
        ):
            for name in names:
                if name in index:
                    self.add(art, prop, self.iri(index[name].type, index[name].key))

    def entity_node(self, entity: Entity) -> None:
        node = self.iri(entity.type, entity.key)
        self.add(node, RDF.type, term(entity.type.value))
        preferred, *others = entity.labels
        self.add(node, RDFS.label, self.literal(preferred, lang=ZH))
        self.add(node, SKOS.prefLabel, self.literal(preferred, lang=ZH))
        for label in others:
            self.add(node, SKOS.altLabel, self.literal(label, lang=ZH))
        if entity.type in PLACE_TYPES:
            self.name_keys(node, entity.labels)
        for span in entity.mentions:
            self.add(node, KG.mention, self.text_span(span))
        if entity.lexicon_id:
            self.lexicon_facts(node, entity)

    def name_keys(self, node: URIRef, labels: Iterable[str]) -> None:
        """Every form a competency question's ?city may take for this place: each name with
        and without 市, 区 or 县, as plain strings (the queries start from this one lookup)."""
        for label in labels:
            stem = label[:-1] if label.endswith(PLACE_SUFFIXES) and len(label) > 1 else label
            for key in (stem, *(stem + suffix for suffix in PLACE_SUFFIXES)):
                self.add(node, KG.nameKey, self.literal(key))

    def lexicon_facts(self, node: URIRef, entity: Entity) -> None:
        assert entity.lexicon_id is not None
        file, _, entry_id = entity.lexicon_id.partition(":")
        entry = self.lexicon.get(file, entry_id)
        if entry is None:
            return
        if file == "industries":
            self.add(node, SKOS.inScheme, KG.industries)
            if en := entry.field("en"):
                self.add(node, RDFS.label, self.literal(en, lang="en"))
            for column, prop in (("gbt4754", KG.gbt4754), ("sei2018", KG.sei2018)):
                if code := entry.field(column):
                    self.add(node, prop, self.literal(code))
            if (broader := entry.field("broader")) and (parent := self.lexicon.get(file, broader)):
                parent_node = self.iri(EntityType.INDUSTRY, f"industries:{parent.id}")
                self.add(node, SKOS.broader, parent_node)
                self.add(parent_node, RDF.type, KG.Industry)
                self.add(parent_node, RDFS.label, self.literal(parent.label, lang=ZH))
        elif file == "divisions":
            if code := entry.field("adcode"):
                self.add(node, KG.adcode, self.literal(code))
            if (parent_id := entry.field("parent")) and (
                parent := self.lexicon.get(file, parent_id)
            ):
                parent_node = self.iri(EntityType(parent.type), f"divisions:{parent.id}")
                self.add(node, KG.withinArea, parent_node)
                self.add(parent_node, RDF.type, term(parent.type))
                self.add(parent_node, RDFS.label, self.literal(parent.label, lang=ZH))
                if EntityType(parent.type) in PLACE_TYPES:
                    self.name_keys(parent_node, [parent.label])
        level = entry.field("level")
        if level in ("national", "provincial", "municipal"):
            self.add(node, KG.level, term(level))

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
                    self.add(presence, KG.size, node)
            elif subject is not None:  # else the article names no city: a figure of no area
                self.observation(fact, fact.object, subject)
            return
        assert isinstance(fact.object, Mention)
        obj = self.entity(fact.object)
        if obj is None or subject is None:
            return  # the article names no city, or a mention was not resolved
        kind = term(fact.relation.value)
        node = self.statement(
            fact, kind, str(subject), str(obj), repr(fact.qualifiers), str(fact.evidence)
        )
        match fact.relation:
            case Relation.INDUSTRY_PRIORITY:
                self.add(node, KG.area, subject)
                self.add(node, KG.industry, obj)
                self.add(node, KG.tier, term(fact.qualifier("tier") or "pillar"))
            case Relation.CLUSTER_PRESENCE:
                self.add(node, KG.area, subject)
                self.add(node, KG.cluster, obj)
                for industry in map(self.entity, fact.extra):
                    if industry is not None:
                        self.add(node, KG.industry, industry)
                        self.add(obj, KG.clusterIndustry, industry)
                self.presence[obj] = (node, subject)
            case Relation.DESIGNATION_AWARD:
                self.add(node, KG.holder, subject)
                self.add(node, KG.designation, obj)
                for body in map(self.entity, fact.extra):
                    if body is not None:
                        self.add(node, KG.awardedBy, body)
                self.awards.setdefault(subject, node)
            case Relation.PRIORITY_SUPPORT:
                self.add(node, KG.beneficiary, subject)
                self.add(node, KG.programme, obj)
                if subject in self.awards:
                    self.add(node, KG.dueTo, self.awards[subject])
            case Relation.INVESTMENT:
                self.add(node, KG.area, subject)
                self.add(node, KG.investor, obj)
            case Relation.POLICY_ISSUANCE:
                self.add(node, KG.issuer, subject)
                self.add(node, KG.policy, obj)
            case Relation.COMPANY_PRESENCE:
                self.add(node, KG.area, subject)
                self.add(node, KG.company, obj)
        written = self.a.document.text[fact.object.span.start : fact.object.span.end]
        if len(written) == len(fact.object.surface):
            self.add(node, KG.asWritten, self.literal(written.strip('“”"《》「」'), lang=ZH))

    def indicator(self, name: str) -> URIRef:
        node = self.iri(EntityType.INDICATOR, f"name:{name_key(name)}")
        self.add(node, RDF.type, KG.Indicator)
        self.add(node, RDFS.label, self.literal(name, lang=ZH))
        return node

    def observation(
        self, fact: Fact, q: Quantity, area: URIRef, describes: URIRef | None = None
    ) -> URIRef:
        node = statement_iri(
            self.a.document.id,
            "observation",
            q.indicator,
            str(q.value),
            q.unit,
            str(q.period),
            str(q.span),
            str(describes),
        )
        self.add(node, RDF.type, KG.Observation)
        self.add(node, KG.evidence, self.text_span(fact.evidence))
        self.add(node, KG.rule, self.literal(fact.rule))
        self.add(node, KG.indicator, self.indicator(q.indicator))
        self.add(node, KG.value, Literal(q.value, datatype=XSD.decimal))
        self.add(node, KG.unit, self.literal(q.unit))
        base, base_unit = base_value(q.value, q.unit)
        self.add(
            node,
            KG.baseValue,
            Literal(base.normalize() if base == base.to_integral() else base, datatype=XSD.decimal),
        )
        self.add(node, KG.baseUnit, self.literal(base_unit))
        if q.period:
            self.add(node, KG.period, self.literal(q.period))
        if q.rank is not None:
            self.add(node, KG.rank, self.literal(q.rank))
        if q.scope:
            self.add(node, KG.rankScope, self.literal(q.scope, lang=ZH))
        if q.approximation:
            self.add(node, KG.approximation, self.literal(q.approximation, lang=ZH))
        self.add(node, KG.area, area)
        if describes is not None:
            self.add(node, KG.describes, describes)
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
    graph = Graph(store=_ArticleStore(builder.triples))
    graph.bind("kg", str(vocab.KG))
    graph.bind("skos", str(rdflib_namespace.SKOS))
    graph.bind("owl", str(OWL))
    return graph
