"""Project built RDF onto the small view-model the page is drawn from (never the graph itself).

Entities become nodes; n-ary statements become labelled edges between their role players;
observations become small nodes attached to the area or thing they describe.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from kg.config import ONTOLOGY_NS, BuildConfig
from kg.query import load_store
from kg.visualise import GraphView, RenderReport, Source, ViewEdge, ViewNode, focus, render_html

_PREFIXES = f"""PREFIX kg: <{ONTOLOGY_NS}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
_ENTITIES = _PREFIXES + """
SELECT ?e ?class (SAMPLE(?zh) AS ?label) (SAMPLE(?english) AS ?en) ?article WHERE {
  ?e kg:mention/kg:inArticle ?article ; a ?class ; skos:prefLabel ?zh .
  OPTIONAL { ?e rdfs:label ?english FILTER(LANG(?english) = "en") }
} GROUP BY ?e ?class ?article
"""
_ARTICLES = _PREFIXES + """
SELECT ?article ?title ?date ?city WHERE {
  ?article a kg:Article ; kg:title ?title .
  OPTIONAL { ?article kg:datePublished ?date }
  OPTIONAL { ?article kg:aboutCity ?city }
}
"""
_STATEMENTS = _PREFIXES + """
SELECT ?s ?kind ?p ?o ?quote ?article WHERE {
  VALUES ?kind { kg:IndustryPriority kg:ClusterPresence kg:DesignationAward kg:PrioritySupport
                 kg:InvestmentProject kg:PolicyIssuance kg:CompanyPresence kg:Observation }
  ?s a ?kind ; ?p ?o ; kg:evidence ?ev .
  ?ev kg:quote ?quote ; kg:inArticle ?article .
}
"""
_LABELS = _PREFIXES + """
SELECT ?x (SAMPLE(?l) AS ?label) WHERE { ?x rdfs:label ?l FILTER(LANG(?l) = "zh") } GROUP BY ?x
"""
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


def _local(term: ox.NamedNode | ox.Literal | ox.BlankNode) -> str:
    return term.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def graph_view(store: ox.Store, *, title: str = "kg") -> GraphView:
    """The view-model of everything in ``store`` (named graphs included)."""

    def select(query: str) -> ox.QuerySolutions:
        return store.query(query, use_default_graph_as_union=True)  # type: ignore[return-value]

    labels = {row["x"].value: row["label"].value for row in select(_LABELS)}
    articles: dict[str, tuple[str, str]] = {}
    nodes: dict[str, dict[str, object]] = {}
    for row in select(_ARTICLES):
        article = row["article"].value
        date = row["date"].value if row["date"] else ""
        articles[article] = (row["title"].value, date)
        nodes[article] = {"label": row["title"].value, "type": "Article", "articles": {article},
                          "details": [("日期", date)], "sources": []}  # fmt: skip
    edges: list[ViewEdge] = []
    about = [(row["article"].value, row["city"].value) for row in select(_ARTICLES) if row["city"]]
    for row in select(_ENTITIES):
        node = nodes.setdefault(row["e"].value, {"label": row["label"].value,
                                                 "type": _local(row["class"]), "articles": set(),
                                                 "details": [], "sources": []})  # fmt: skip
        node["en"] = row["en"].value if row["en"] else None
        node["articles"].add(row["article"].value)  # type: ignore[attr-defined]
    edges += [ViewEdge(article, city, "报道") for article, city in about if city in nodes]
    statements: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    kinds: dict[str, str] = {}
    evidence: dict[str, Source] = {}
    for row in select(_STATEMENTS):
        s = row["s"].value
        kinds[s] = _local(row["kind"])
        statements[s][_local(row["p"])].append(row["o"].value)
        title, date = articles.get(row["article"].value, ("", ""))
        evidence[s] = Source(title, date, row["quote"].value)
    for s, roles in sorted(statements.items()):
        kind, source = kinds[s], evidence[s]
        if kind == "Observation":
            _observation(s, roles, source, nodes, edges, labels)
            continue
        src_role, dst_role, label = _EDGES[kind]
        for a in roles.get(src_role, []):
            for b in roles.get(dst_role, []):
                if a not in nodes or b not in nodes:
                    continue
                edge_label = label or labels.get(roles["tier"][0], _local(ox.NamedNode(roles["tier"][0])))
                details = tuple((k, labels.get(v, v)) for k in ("date", "count", "awardedBy")
                                for v in roles.get(k, []))  # fmt: skip
                edges.append(ViewEdge(a, b, edge_label, details, (source,)))
                for end in (a, b):
                    sources = nodes[end]["sources"]
                    assert isinstance(sources, list)
                    if source not in sources and len(sources) < 5:
                        sources.append(source)
    view_nodes = tuple(
        ViewNode(
            id=key,
            label=str(data["label"]),
            type=str(data["type"]),
            label_en=data.get("en"),  # type: ignore[arg-type]
            details=tuple(data["details"]),  # type: ignore[call-overload]
            sources=tuple(data["sources"]),  # type: ignore[call-overload]
            articles=tuple(sorted(_local(ox.NamedNode(a)) for a in data["articles"])),  # type: ignore[attr-defined]
        )
        for key, data in sorted(nodes.items())
    )
    return GraphView(title, view_nodes, tuple(edges))


def _observation(s: str, roles: dict[str, list[str]], source: Source,
                 nodes: dict[str, dict[str, object]], edges: list[ViewEdge],
                 labels: dict[str, str]) -> None:  # fmt: skip
    anchor = (roles.get("describes") or roles.get("area") or [None])[0]
    if anchor is None or anchor not in nodes:
        return
    indicator = labels.get(roles["indicator"][0], "")
    value = f"{roles['value'][0]}{roles['unit'][0]}"
    details = [("指标", indicator), ("数值", value)]
    for key, name in (("period", "时期"), ("rank", "排名"), ("rankScope", "排名范围"),
                      ("approximation", "近似")):  # fmt: skip
        details += [(name, v) for v in roles.get(key, [])]
    nodes[s] = {"label": f"{indicator} {value}", "type": "Observation", "details": details,
                "sources": [source], "articles": set(nodes[anchor]["articles"])}  # type: ignore[call-overload]  # fmt: skip
    edges.append(ViewEdge(anchor, s, roles.get("period", [""])[0], (), (source,)))


def _title(store: ox.Store, data: Path) -> str:
    titles = [row["t"].value for row in store.query(
        _PREFIXES + "SELECT ?t WHERE { ?a a kg:Article ; kg:title ?t } ORDER BY ?t",
        use_default_graph_as_union=True)]  # type: ignore[union-attr]  # fmt: skip
    if len(titles) == 1:
        return titles[0]
    return f"kg: {len(titles)} articles ({data.name})"


def draw_file(data: Path, out: Path, *, focus_on: str | None = None, depth: int = 2) -> RenderReport:
    """Render the data at ``data`` (a build folder or RDF file) as an HTML page at ``out``.

    Raises:
        QueryError: the data cannot be loaded.
        LookupError: ``focus_on`` names no node.
    """
    store = load_store(data)
    # the ontology names the tiers and classes in Chinese (一号产业 rather than leading)
    store.bulk_load(path=str(BuildConfig().ontology_path), format=ox.RdfFormat.TURTLE,
                    to_graph=ox.NamedNode(ONTOLOGY_NS.rstrip("#")))  # fmt: skip
    view = graph_view(store, title=_title(store, data))
    if focus_on:
        view = focus(view, focus_on, depth=depth)
    out.parent.mkdir(parents=True, exist_ok=True)
    return render_html(view, out)
