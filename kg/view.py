"""Project built RDF onto the small view-model the page is drawn from (never the graph itself).

Entities become nodes; n-ary statements become labelled edges between their role players;
observations become small nodes attached to the area or thing they describe.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.config import ONTOLOGY_NS, BuildConfig
from kg.query import load_store
from kg.store import is_store
from kg.visualise import GraphView, RenderReport, Source, ViewEdge, ViewNode, focus, render_html

_PREFIXES = f"""PREFIX kg: <{ONTOLOGY_NS}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
_ENTITIES = (
    _PREFIXES
    + """
SELECT ?e ?class (SAMPLE(?zh) AS ?label) (SAMPLE(?english) AS ?en)
       (GROUP_CONCAT(DISTINCT ?written; SEPARATOR="\\n") AS ?alts) ?article WHERE {
  ?e kg:mention/kg:inArticle ?article ; a ?class ; skos:prefLabel ?zh .
  OPTIONAL { ?e rdfs:label ?english FILTER(LANG(?english) = "en") }
  OPTIONAL { ?e skos:altLabel ?written }  # as articles write it (工信部 for 工业和信息化部)
} GROUP BY ?e ?class ?article
"""
)
_ARTICLES = (
    _PREFIXES
    + """
SELECT ?article ?title ?date ?city WHERE {
  ?article a kg:Article ; kg:title ?title .
  OPTIONAL { ?article kg:datePublished ?date }
  OPTIONAL { ?article kg:aboutCity ?city }
}
"""
)
_STATEMENTS = (
    _PREFIXES
    + """
SELECT ?s ?kind ?p ?o ?quote ?article WHERE {
  VALUES ?kind { kg:IndustryPriority kg:ClusterPresence kg:DesignationAward kg:PrioritySupport
                 kg:InvestmentProject kg:PolicyIssuance kg:CompanyPresence kg:Observation }
  ?s a ?kind ; ?p ?o ; kg:evidence ?ev .
  ?ev kg:quote ?quote ; kg:inArticle ?article .
}
"""
)
_LABELS = (
    _PREFIXES
    + """
SELECT ?x (SAMPLE(?l) AS ?label) WHERE { ?x rdfs:label ?l FILTER(LANG(?l) = "zh") } GROUP BY ?x
"""
)
# kind -> (source role, target role, edge label); a None label takes the tier's label
_EDGES: dict[str, tuple[str, str, str | None]] = {
    "IndustryPriority": ("area", "industry", None),
    "ClusterPresence": ("area", "cluster", "产业集群"),
    "DesignationAward": ("holder", "designation", "获评"),
    "PrioritySupport": ("programme", "beneficiary", "优先支持"),
    "InvestmentProject": ("investor", "area", "投资"),
    "PolicyIssuance": ("issuer", "policy", "发布"),
    "CompanyPresence": ("area", "company", "企业"),
}


@dataclass(slots=True)
class _Draft:
    """A node while the view is assembled; frozen into a ViewNode at the end."""

    label: str
    type: str
    label_en: str | None = None
    aliases: set[str] = field(default_factory=set)
    details: list[tuple[str, str]] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)

    def cite(self, source: Source) -> None:
        if source not in self.sources and len(self.sources) < 5:
            self.sources.append(source)

    def freeze(self, key: str) -> ViewNode:
        return ViewNode(
            key,
            self.label,
            self.type,
            self.label_en,
            tuple(self.details),
            tuple(self.sources),
            tuple(sorted(_local(a) for a in self.articles)),
            tuple(sorted(self.aliases - {self.label})),
        )


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _select(store: ox.Store, query: str) -> list[dict[str, str]]:
    """Rows of a SELECT over every graph, as plain strings (unbound variables left out)."""
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in solutions]


def graph_view(store: ox.Store, *, title: str = "kg") -> GraphView:
    """The view-model of everything in ``store`` (named graphs included)."""
    labels = {row["x"]: row["label"] for row in _select(store, _LABELS)}
    articles: dict[str, Source] = {}
    nodes: dict[str, _Draft] = {}
    edges: list[ViewEdge] = []
    about: list[tuple[str, str]] = []
    for row in _select(store, _ARTICLES):
        article, date = row["article"], row.get("date", "")
        articles[article] = Source(row["title"], date, "")
        nodes[article] = _Draft(
            row["title"], "Article", details=[("日期", date)], articles={article}
        )
        if "city" in row:
            about.append((article, row["city"]))
    for row in _select(store, _ENTITIES):
        node = nodes.setdefault(row["e"], _Draft(row["label"], _local(row["class"])))
        node.label_en = row.get("en")
        node.aliases.update(filter(None, row.get("alts", "").split("\n")))
        node.articles.add(row["article"])
    edges += [ViewEdge(article, city, "报道") for article, city in about if city in nodes]
    statements: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    kinds: dict[str, str] = {}
    evidence: dict[str, Source] = {}
    for row in _select(store, _STATEMENTS):
        s = row["s"]
        kinds[s] = _local(row["kind"])
        statements[s][_local(row["p"])].append(row["o"])
        where = articles.get(row["article"], Source("", "", ""))
        evidence[s] = Source(where.article_title, where.article_date, row["quote"])
    for s, roles in sorted(statements.items()):
        kind, source = kinds[s], evidence[s]
        if kind == "Observation":
            _observation(s, roles, source, nodes, edges, labels)
            continue
        src_role, dst_role, label = _EDGES[kind]
        details = tuple(
            (k, labels.get(v, v)) for k in ("date", "count", "awardedBy") for v in roles.get(k, [])
        )
        for a in roles.get(src_role, []):
            for b in roles.get(dst_role, []):
                if a not in nodes or b not in nodes:
                    continue
                tier = roles.get("tier", [""])[0]
                edges.append(
                    ViewEdge(a, b, label or labels.get(tier, _local(tier)), details, (source,))
                )
                nodes[a].cite(source)
                nodes[b].cite(source)
    view_nodes = tuple(draft.freeze(key) for key, draft in sorted(nodes.items()))
    return GraphView(title, view_nodes, tuple(edges))


def _observation(
    s: str,
    roles: dict[str, list[str]],
    source: Source,
    nodes: dict[str, _Draft],
    edges: list[ViewEdge],
    labels: dict[str, str],
) -> None:
    anchors = roles.get("describes") or roles.get("area") or []
    if not anchors or anchors[0] not in nodes:
        return
    anchor = anchors[0]
    indicator = labels.get(roles["indicator"][0], "")
    value = f"{roles['value'][0]}{roles['unit'][0]}"
    details = [("指标", indicator), ("数值", value)]
    for key, name in (
        ("period", "时期"),
        ("rank", "排名"),
        ("rankScope", "排名范围"),
        ("approximation", "近似"),
    ):
        details += [(name, v) for v in roles.get(key, [])]
    nodes[s] = _Draft(
        f"{indicator} {value}",
        "Observation",
        details=details,
        sources=[source],
        articles=set(nodes[anchor].articles),
    )
    edges.append(ViewEdge(anchor, s, roles.get("period", [""])[0], (), (source,)))


def _title(store: ox.Store, data: Path) -> str:
    query = _PREFIXES + "SELECT ?t WHERE { ?a a kg:Article ; kg:title ?t } ORDER BY ?t"
    titles = [row["t"] for row in _select(store, query)]
    if len(titles) == 1:
        return titles[0]
    return f"kg: {len(titles)} articles ({data.name})"


def draw_file(
    data: Path, out: Path, *, focus_on: str | None = None, depth: int = 2
) -> RenderReport:
    """Render the data at ``data`` (a build folder or RDF file) as an HTML page at ``out``.

    Raises:
        QueryError: the data cannot be loaded.
        LookupError: ``focus_on`` names no node.
    """
    store = load_store(data)
    if is_store(data):  # opened read-only: draw from a copy that can take the ontology
        store, on_disk = ox.Store(), store
        store.bulk_extend(on_disk)
    # the ontology names the tiers and classes in Chinese (一号产业 rather than leading)
    store.bulk_load(path=str(BuildConfig().ontology_path), format=ox.RdfFormat.TURTLE)
    view = graph_view(store, title=_title(store, data))
    if focus_on:
        view = focus(view, focus_on, depth=depth)
    out.parent.mkdir(parents=True, exist_ok=True)
    return render_html(view, out)
