"""The frozen records that flow between the pipeline's stages.

Offsets are half-open and always index the original ``Document.text``:
``doc.text[span.start:span.end]`` is what a span covers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class EntityType(StrEnum):
    """Entity classes; each value is the local name of an ontology class."""

    CITY = "City"
    DISTRICT = "District"
    PROVINCE = "Province"
    GOVERNMENT_BODY = "GovernmentBody"
    COMPANY = "Company"
    ORGANIZATION = "Organization"
    PERSON = "Person"
    INDUSTRY = "Industry"
    INDUSTRY_CLUSTER = "IndustryCluster"
    DESIGNATION = "Designation"
    PROGRAMME = "Programme"
    POLICY = "Policy"
    INITIATIVE = "Initiative"
    INDICATOR = "Indicator"


class Relation(StrEnum):
    """Fact kinds; each value is the local name of an ontology class of statements."""

    INDUSTRY_PRIORITY = "IndustryPriority"
    CLUSTER_PRESENCE = "ClusterPresence"
    DESIGNATION_AWARD = "DesignationAward"
    PRIORITY_SUPPORT = "PrioritySupport"
    INVESTMENT = "InvestmentProject"
    POLICY_ISSUANCE = "PolicyIssuance"
    COMPANY_PRESENCE = "CompanyPresence"
    OBSERVATION = "Observation"


class Tier(StrEnum):
    """Priority tiers of a city's industries (competency question ``industries``)."""

    LEADING = "leading"
    PILLAR = "pillar"
    EMERGING = "emerging"
    ADVANTAGE = "advantage"
    FUTURE = "future"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What an article says about itself: from front matter, else read off its byline."""

    title: str
    outlet: str | None = None
    published: date | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    source_path: str | None = None
    encoding: str | None = None  # the codec the file was read with ("utf-8", "gbk", "big5", ...)


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    meta: ArticleMeta
    body_start: int = 0  # where the article body begins (after any front matter)

    @property
    def published(self) -> date | None:
        return self.meta.published


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    # one char per original char: full-width folded, traditional → simplified, English
    # glosses in brackets (Hainan Yefeng Foods Co., Ltd.) blanked to U+3000, and figures in
    # Chinese numerals in digits (一千零八十六亿元 → U+3000 U+3000 1086亿元)
    normalised: str


@dataclass(frozen=True, slots=True)
class Mention:
    span: Span
    surface: str  # as written, quote marks excluded
    type: EntityType
    key: str | None  # lexicon id shared by all aliases, or None for pattern finds
    rule: str  # "lexicon:industries", "pattern:book-title", ...
    canonical: str | None = None  # a normalised name used for resolution (e.g. 郑州市工信局)


@dataclass(frozen=True, slots=True)
class Quantity:
    value: Decimal
    unit: str  # as written: 亿元, %, 家
    period: str | None  # "2019", "2022-01/2022-10"
    indicator: str  # the indicator's name, as written
    span: Span  # where the figure (number and unit) is written
    approximation: str | None = None  # 余, 超过, 近, 突破 ... as written
    rank: int | None = None
    scope: str | None = None  # the ranking's scope, e.g. 全国35个大中城市


@dataclass(frozen=True, slots=True)
class Fact:
    relation: Relation
    subject: Mention | None  # None: the city the article is about
    object: Mention | Quantity
    evidence: Span  # the sentence that states it
    rule: str
    qualifiers: tuple[tuple[str, str], ...] = ()  # ("tier", "future"), ("by", key) ...
    extra: tuple[Mention, ...] = field(default=())  # further role players (e.g. awarding body)

    def qualifier(self, name: str) -> str | None:
        return next((value for key, value in self.qualifiers if key == name), None)


@dataclass(frozen=True, slots=True)
class Entity:
    key: str  # becomes the IRI
    type: EntityType
    labels: tuple[str, ...]  # as written first (in text order), then canonical forms
    mentions: tuple[Span, ...]
    lexicon_id: str | None = None
    # the name every article gives a node that a corpus shares (the lexicon's): its one
    # skos:prefLabel there, where the names as written would give one per article
    shared_name: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything one article yields before RDF; ``to_rdf`` reads only this."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    facts: tuple[Fact, ...]
    entities: tuple[Entity, ...]
    city: Entity | None  # the city the article is about

    def entity_of(self, mention: Mention) -> Entity:
        """The entity a mention was resolved to.

        Raises:
            LookupError: the mention is not one of this analysis's.
        """
        for entity in self.entities:
            if entity.type == mention.type and mention.span in entity.mentions:
                return entity
        raise LookupError(f"mention {mention.surface!r} at {mention.span} was not resolved")
