"""The kg ontology as a closed rdflib namespace. Generated: do not edit.

Regenerate with ``python -m kg.rdf.generate_vocab`` after editing ontology.ttl.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class KG(DefinedNamespace):
    _fail = True
    _NS = Namespace("https://w3id.org/kg-cnip/ontology#")

    AdministrativeArea: URIRef
    Article: URIRef
    City: URIRef
    ClusterPresence: URIRef
    Company: URIRef
    CompanyPresence: URIRef
    Designation: URIRef
    DesignationAward: URIRef
    District: URIRef
    Entity: URIRef
    GovernmentBody: URIRef
    Indicator: URIRef
    Industry: URIRef
    IndustryCluster: URIRef
    IndustryPriority: URIRef
    Initiative: URIRef
    InvestmentProject: URIRef
    Level: URIRef
    Observation: URIRef
    Organization: URIRef
    Person: URIRef
    Policy: URIRef
    PolicyIssuance: URIRef
    PrioritySupport: URIRef
    Programme: URIRef
    Province: URIRef
    Statement: URIRef
    TextSpan: URIRef
    Tier: URIRef
    aboutCity: URIRef
    adcode: URIRef
    advantage: URIRef
    approximation: URIRef
    area: URIRef
    articleId: URIRef
    asWritten: URIRef
    author: URIRef
    awardedBy: URIRef
    baseUnit: URIRef
    baseValue: URIRef
    beginIndex: URIRef
    beneficiary: URIRef
    cluster: URIRef
    clusterIndustry: URIRef
    company: URIRef
    count: URIRef
    date: URIRef
    datePublished: URIRef
    describes: URIRef
    designation: URIRef
    dueTo: URIRef
    editor: URIRef
    emerging: URIRef
    endIndex: URIRef
    evidence: URIRef
    future: URIRef
    gbt4754: URIRef
    holder: URIRef
    inArticle: URIRef
    indicator: URIRef
    industries: URIRef
    industry: URIRef
    investor: URIRef
    issuer: URIRef
    leading: URIRef
    level: URIRef
    mention: URIRef
    municipal: URIRef
    nameKey: URIRef
    national: URIRef
    period: URIRef
    pillar: URIRef
    policy: URIRef
    programme: URIRef
    provincial: URIRef
    publisher: URIRef
    quote: URIRef
    rank: URIRef
    rankScope: URIRef
    rule: URIRef
    sei2018: URIRef
    size: URIRef
    sourceDigest: URIRef
    sourceFile: URIRef
    sourcePath: URIRef
    statedIn: URIRef
    subjectAsWritten: URIRef
    tier: URIRef
    tiers: URIRef
    title: URIRef
    unit: URIRef
    value: URIRef
    withinArea: URIRef
