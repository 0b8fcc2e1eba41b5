"""The interactive HTML view of a knowledge graph: one self-contained page per graph.

The RDF→view projection (elsewhere) produces a :class:`GraphView`; this module draws it.

* :func:`focus` keeps the neighbourhood of one entity (``kg viz --focus 郑州 --depth 2``).
* :func:`render_html` writes ONE UTF-8 file that works opened from disk with no network:
  vis-network (shipped inside the installed ``pyvis`` package) and the page's own script and
  style (``kg/templates/``) are inlined. pyvis's own HTML template is not used: it pulls files
  from CDNs, inserts titles as HTML and drops a ``lib/`` folder in the working directory.

All text from the data reaches the page only as JSON inside
``<script type="application/json">`` (``<``, ``>``, ``&``, U+2028 and U+2029 escaped), and the
page builds every panel, tooltip and legend with DOM nodes and ``textContent``: a label such as
``<img src=x onerror=…>`` shows as text and runs nothing.

Graphs larger than ``large_graph_threshold`` nodes are laid out here, in Python (PivotMDS on
networkx hop distances, then a Fruchterman-Reingold relaxation with grid-bounded repulsion;
see :func:`layout_positions`), and drawn with physics off;
smaller ones are laid out by vis-network's physics, with bounded stabilisation, after which
physics is switched off so the page settles. ``benchmarks/bench_viz.py`` measures both.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import html
import importlib.util
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from kg.store import write_bytes_atomically

__all__ = [
    "DEFAULT_LARGE_GRAPH_THRESHOLD",
    "GraphView",
    "RenderReport",
    "Source",
    "ViewEdge",
    "ViewNode",
    "focus",
    "layout_positions",
    "page_html",
    "render_html",
    "script_json",
    "to_networkx",
]

#: Above this many nodes the layout is computed in Python and physics is off.
#: Chosen with ``benchmarks/bench_viz.py --mode both`` on the 2-core project machine: up to
#: ~300 nodes vis-network's physics settles the page in ~1.5-1.7 s (its layout reads better
#: than the Python one at that size); from ~500 it takes 2.5 s and more (3.4 s at 1,000, 6 s
#: at 2,000), while a precomputed page is ready in about a second up to 2,000 nodes.
DEFAULT_LARGE_GRAPH_THRESHOLD = 300

#: The class whose nodes are statistical figures: drawn small, attached to what they describe.
OBSERVATION = "Observation"

#: vis-network as shipped inside the pyvis package.
_VIS_DIR = ("lib", "vis-9.1.2")
_TEMPLATES = Path(__file__).with_name("templates")

#: Pixels per unit of the Python layout (the ideal edge length is one unit).
_LAYOUT_SCALE = 130.0

#: (colour, vis-network shape) per ontology class; other classes get the fallback cycle below.
_TYPE_STYLES: dict[str, tuple[str, str]] = {
    "Province": ("#1f4e79", "hexagon"),
    "City": ("#3b7dd8", "dot"),
    "District": ("#7fb2e5", "dot"),
    "AdministrativeArea": ("#5b8fc7", "dot"),
    "GovernmentBody": ("#7b5ea7", "triangleDown"),
    "Organization": ("#a77cc2", "triangleDown"),
    "Person": ("#e377c2", "dot"),
    "Company": ("#f28e2b", "square"),
    "InvestmentProject": ("#d4a017", "square"),
    "Industry": ("#e15759", "diamond"),
    "IndustryCluster": ("#b0413e", "hexagon"),
    "Designation": ("#c9a227", "star"),
    "Programme": ("#59a14f", "triangle"),
    "Policy": ("#2e7d32", "triangle"),
    "Initiative": ("#8cc56b", "triangle"),
    "Indicator": ("#9c755f", "dot"),
    "Article": ("#6b7280", "square"),
    OBSERVATION: ("#9aa3af", "dot"),
}
_FALLBACK_COLOURS = ("#17becf", "#bcbd22", "#8c564b", "#ff7f0e", "#1f77b4", "#7f7f7f")
_FALLBACK_SHAPES = ("dot", "square", "diamond", "triangle", "triangleDown", "star", "hexagon")


#: How the page is opened headless on this project's machines (tests, benchmark, screenshots):
#: Debian's Chromium, with the background services that would try the network switched off.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@dataclass(frozen=True, slots=True)
class Source:
    """Where the text states something."""

    article_title: str
    article_date: str  # ISO date or ""
    sentence: str  # the evidence sentence, as written


@dataclass(frozen=True, slots=True)
class ViewNode:
    id: str  # stable key (an IRI)
    label: str  # Chinese label as written
    type: str  # class local name: City, Company, Industry, Observation, ...
    label_en: str | None = None  # English label shown on hover when known
    details: tuple[tuple[str, str], ...] = ()  # (property label, value) rows for the info panel
    sources: tuple[Source, ...] = ()  # where the text states it
    articles: tuple[str, ...] = ()  # article ids it appears in (for the article filter)
    aliases: tuple[str, ...] = ()  # other names articles write it with (工信部)


@dataclass(frozen=True, slots=True)
class ViewEdge:
    source: str
    target: str
    label: str  # property label, e.g. "一号产业" or "获评"
    details: tuple[tuple[str, str], ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class GraphView:
    title: str
    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]


@dataclass(frozen=True, slots=True)
class RenderReport:
    """What :func:`render_html` wrote."""

    nodes: int
    edges: int
    layout: str  # "physics" | "precomputed"
    bytes: int

    def __str__(self) -> str:
        how = (
            "laid out in the browser (physics, then frozen)"
            if self.layout == "physics"
            else "layout precomputed in Python, physics off"
        )
        return (
            f"{self.nodes} nodes, {self.edges} edges, {how}, "
            f"{self.bytes / 1024:.0f} KiB self-contained HTML"
        )


# --------------------------------------------------------------------------- graph


def to_networkx(view: GraphView) -> nx.MultiDiGraph:
    """The view as a networkx multigraph keyed by node id (attributes: label, type, label)."""
    graph = nx.MultiDiGraph()
    for node in view.nodes:
        graph.add_node(node.id, label=node.label, type=node.type)
    for edge in view.edges:
        graph.add_edge(edge.source, edge.target, label=edge.label)
    return graph


def _strip_admin_suffix(name: str) -> str:
    name = name.strip()
    if len(name) > 1 and name[-1] in "市省":
        return name[:-1]
    return name


def focus(
    view: GraphView, name: str, *, depth: int = 2, attach_observations: bool = True
) -> GraphView:
    """The neighbourhood of the node(s) called ``name``, within ``depth`` hops (undirected).

    A node matches when its label equals ``name``, or equals it once a trailing 市/省 is dropped
    from either (``郑州`` finds ``郑州市``), or when its English label equals it ignoring case.
    With ``attach_observations`` the figures (``Observation`` nodes) of every node kept are kept
    too, even one hop beyond ``depth``: they belong to what they describe.

    Raises LookupError, naming close labels, when no node matches.
    """
    if depth < 0:
        raise ValueError(f"depth must be >= 0, not {depth}")
    wanted = name.strip()
    key = _strip_admin_suffix(wanted)
    folded = wanted.casefold()
    centres = [
        n.id
        for n in view.nodes
        if n.label == wanted
        or _strip_admin_suffix(n.label) == key
        or (n.label_en is not None and n.label_en.casefold() == folded)
        or wanted in n.aliases
    ]
    if not centres:
        raise LookupError(_no_match_message(view, wanted))

    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in view.nodes)
    graph.add_edges_from((e.source, e.target) for e in view.edges if e.source != e.target)
    keep: set[str] = set()
    for centre in centres:
        keep.update(nx.ego_graph(graph, centre, radius=depth, undirected=True).nodes)
    if attach_observations:
        types = {n.id: n.type for n in view.nodes}
        keep.update(
            other
            for kept in list(keep)
            for other in graph.neighbors(kept)
            if types.get(other) == OBSERVATION
        )
    return GraphView(
        title=f"{view.title} — {wanted} ({depth})",
        nodes=tuple(n for n in view.nodes if n.id in keep),
        edges=tuple(e for e in view.edges if e.source in keep and e.target in keep),
    )


def _no_match_message(view: GraphView, name: str) -> str:
    labels = sorted({n.label for n in view.nodes if n.type != OBSERVATION})
    close = difflib.get_close_matches(name, labels, n=8, cutoff=0.34)
    key = _strip_admin_suffix(name)
    if key:
        close += [label for label in labels if key in label and label not in close]
    if close:
        return f"no node is labelled {name!r}; close matches: {', '.join(close[:8])}"
    return f"no node is labelled {name!r}, and no label is close to it"


# --------------------------------------------------------------------------- layout


def layout_positions(
    n: int,
    edges: Sequence[tuple[int, int]],
    *,
    short: Sequence[bool] | None = None,
    iterations: int | None = None,
    seed: int = 7,
) -> list[tuple[float, float]]:
    """Positions (ideal edge length 1) of nodes ``0..n-1`` joined by ``edges``; fast for 10⁴.

    Each connected component starts from PivotMDS (hop distances to 30 pivots, classical
    scaling), nodes that land on one spot are spread over a small disc, the components are
    packed on shelves, and ``iterations`` steps (60; fewer above 2,000 nodes) of
    Fruchterman-Reingold relax the whole:
    attraction along the edges (half length where ``short``), exact repulsion between nodes
    closer than two units (found through a grid; a crowded cell is sampled) and a coarse far
    field, so a step costs O(n + edges) rather than the O(n²) of ``nx.spring_layout`` (whose
    version for 500 nodes or more also needs SciPy). Needs NumPy. Deterministic.
    """
    import numpy as np

    if n == 0:
        return []
    if iterations is None:  # ~90 ms a step at 10⁴ nodes; PivotMDS already gave the shape
        iterations = 60 if n <= 2000 else max(30, 60 * 2000 // n)
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from((a, b) for a, b in edges if a != b)
    pos = np.zeros((n, 2))
    components = sorted(nx.connected_components(graph), key=len, reverse=True)
    shelf_x = shelf_y = shelf_h = 0.0
    shelf_w = max(8.0, 1.6 * math.sqrt(n))
    for component in components:
        local = _pivot_mds(graph, component)
        min_x = min(p[0] for p in local.values())
        min_y = min(p[1] for p in local.values())
        w = max(p[0] for p in local.values()) - min_x + 2.0
        h = max(p[1] for p in local.values()) - min_y + 2.0
        if shelf_x > 0 and shelf_x + w > shelf_w:
            shelf_x, shelf_y, shelf_h = 0.0, shelf_y + shelf_h, 0.0
        for node, (x, y) in local.items():
            pos[node] = (shelf_x + x - min_x + 1.0, shelf_y + y - min_y + 1.0)
        shelf_x += w
        shelf_h = max(shelf_h, h)

    _spread_crowds(pos)
    rng = np.random.default_rng(seed)
    pos += rng.uniform(-0.05, 0.05, size=pos.shape)
    edge_list = [(a, b, bool(short[i]) if short else False) for i, (a, b) in enumerate(edges)]
    edge_list = [e for e in edge_list if e[0] != e[1]]
    if not edge_list or iterations <= 0:
        return [(float(x), float(y)) for x, y in pos]
    src = np.array([e[0] for e in edge_list], dtype=np.int64)
    dst = np.array([e[1] for e in edge_list], dtype=np.int64)
    ideal = np.array([0.5 if e[2] else 1.0 for e in edge_list])
    _relax(pos, src, dst, ideal, iterations)
    return [(float(x), float(y)) for x, y in pos]


def _pivot_mds(graph: nx.Graph, component: set[int], pivots: int = 30) -> dict[int, Any]:
    """PivotMDS (Brandes & Pich 2006) of one component: hop distances to a few pivots,
    classical scaling of them, mean edge length one. Nodes with equal distances coincide;
    the relaxation afterwards pulls them apart."""
    import numpy as np

    nodes = sorted(component)
    if len(nodes) <= 2:
        return {v: np.array([float(i), 0.0]) for i, v in enumerate(nodes)}
    local = {v: i for i, v in enumerate(nodes)}
    count = min(pivots, len(nodes))
    dist = np.zeros((len(nodes), count))
    nearest = np.full(len(nodes), np.inf)
    pivot = max(nodes, key=lambda v: (graph.degree(v), -v))
    for k in range(count):
        for v, hops in nx.single_source_shortest_path_length(graph, pivot).items():
            dist[local[v], k] = hops
        nearest = np.minimum(nearest, dist[:, k])
        pivot = nodes[int(np.argmax(nearest))]  # farthest from every pivot so far
    sq = dist**2
    centred = -0.5 * (sq - sq.mean(axis=0) - sq.mean(axis=1)[:, None] + sq.mean())
    _, vectors = np.linalg.eigh(centred.T @ centred)
    coords = centred @ vectors[:, -2:]
    if coords.std() < 1e-9:  # e.g. a star: every leaf at the same distance to every pivot
        coords = np.zeros((len(nodes), 2))
    edges = np.array([(local[a], local[b]) for a, b in graph.subgraph(nodes).edges()])
    lengths = np.sqrt(((coords[edges[:, 0]] - coords[edges[:, 1]]) ** 2).sum(axis=1))
    mean = float(lengths.mean())
    if mean > 1e-9:
        coords /= mean
    # a tree's hop distances crowd its nodes: give it about one unit of area per node
    area = float(np.ptp(coords[:, 0]) * np.ptp(coords[:, 1]))
    coords *= max(1.0, math.sqrt(len(nodes) / max(area, 1e-9)))
    return {v: coords[i] for i, v in enumerate(nodes)}


def _spread_crowds(pos: Any, cell: float = 0.5, spacing: float = 0.55) -> None:
    """Nodes on (almost) the same spot, such as the leaves of one node after PivotMDS, are
    spread in place over a sunflower disc about one unit of area per node."""
    import numpy as np

    keys = np.floor(pos / cell).astype(np.int64)
    _, inverse, counts = np.unique(keys, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(-1)
    order = np.argsort(inverse, kind="stable")
    rank = np.empty(len(pos), dtype=np.int64)
    starts = np.cumsum(counts) - counts
    rank[order] = np.arange(len(pos)) - starts[inverse[order]]
    crowded = counts[inverse] > 1
    golden = math.pi * (3 - math.sqrt(5))
    r = spacing * np.sqrt(rank[crowded])
    pos[crowded, 0] += r * np.cos(rank[crowded] * golden)
    pos[crowded, 1] += r * np.sin(rank[crowded] * golden)


def _far_field(pos: Any, chunk: int = 2048) -> Any:
    """Repulsion from distant nodes, each coarse cell acting as one mass at its centroid."""
    import numpy as np

    n = len(pos)
    extent = float(max(np.ptp(pos[:, 0]), np.ptp(pos[:, 1])))
    size = max(8.0, extent / 20)  # at most ~21² cells
    cell = np.floor(pos / size).astype(np.int64)
    cell -= cell.min(axis=0)
    key = cell[:, 0] * (int(cell[:, 1].max()) + 1) + cell[:, 1]
    _, inverse, mass = np.unique(key, return_inverse=True, return_counts=True)
    cx = np.bincount(inverse, weights=pos[:, 0]) / mass
    cy = np.bincount(inverse, weights=pos[:, 1]) / mass
    cells = np.arange(len(mass))
    out = np.zeros((n, 2))
    for start in range(0, n, chunk):
        part = slice(start, start + chunk)
        dx = pos[part, 0, None] - cx[None, :]
        dy = pos[part, 1, None] - cy[None, :]
        own = inverse[part, None] == cells[None, :]
        weight = np.where(own, 0.0, mass[None, :] / np.maximum(dx * dx + dy * dy, size * size))
        out[part, 0] = (dx * weight).sum(axis=1)
        out[part, 1] = (dy * weight).sum(axis=1)
    return out


def _relax(pos: Any, src: Any, dst: Any, ideal: Any, iterations: int) -> None:
    """Fruchterman-Reingold steps in place; repulsion cut off at 2 units via a grid."""
    import numpy as np

    n = len(pos)
    cutoff = 2.0
    sample = 12
    arange = np.arange(n)
    offsets = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    for step in range(iterations):
        temperature = 0.6 * (1.0 - step / iterations) + 0.02
        disp = np.zeros((n, 2))
        cell = np.floor(pos / cutoff).astype(np.int64)
        cell -= cell.min(axis=0) - 1
        width = int(cell[:, 1].max()) + 2
        key = cell[:, 0] * width + cell[:, 1]
        order = np.argsort(key, kind="stable")
        keys, starts, counts = np.unique(key[order], return_index=True, return_counts=True)
        for dx, dy in offsets:
            wanted = key + dx * width + dy
            slot = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
            count = np.where(keys[slot] == wanted, counts[slot], 0)
            # a crowded cell is sampled (evenly, `sample` members standing for all of them)
            taken = np.minimum(count, sample)
            total = int(taken.sum())
            if total == 0:
                continue
            i = np.repeat(arange, taken)
            run = np.arange(total) - np.repeat(np.cumsum(taken) - taken, taken)
            full = np.repeat(count, taken)
            j = order[np.repeat(starts[slot], taken) + run * full // np.repeat(taken, taken)]
            delta = pos[i] - pos[j]
            dist2 = np.maximum((delta * delta).sum(axis=1), 1e-4)
            near = (i != j) & (dist2 < cutoff * cutoff)
            strength = np.where(near, full / np.repeat(taken, taken) / dist2, 0.0)
            disp[:, 0] += np.bincount(i, weights=delta[:, 0] * strength, minlength=n)
            disp[:, 1] += np.bincount(i, weights=delta[:, 1] * strength, minlength=n)
        if step % 3 == 0:  # the far field changes slowly: refresh it every third step
            far = 0.2 * _far_field(pos)
        disp += far
        delta = pos[src] - pos[dst]
        dist = np.sqrt((delta * delta).sum(axis=1))
        pull = delta * (dist / ideal)[:, None]
        disp[:, 0] += np.bincount(dst, weights=pull[:, 0], minlength=n)
        disp[:, 0] -= np.bincount(src, weights=pull[:, 0], minlength=n)
        disp[:, 1] += np.bincount(dst, weights=pull[:, 1], minlength=n)
        disp[:, 1] -= np.bincount(src, weights=pull[:, 1], minlength=n)
        length = np.maximum(np.sqrt((disp * disp).sum(axis=1)), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]


# --------------------------------------------------------------------------- page


def _type_styles(types: Iterable[str]) -> dict[str, tuple[str, str]]:
    styles: dict[str, tuple[str, str]] = {}
    unknown = 0
    for name in sorted(set(types)):
        if name in _TYPE_STYLES:
            styles[name] = _TYPE_STYLES[name]
        else:
            styles[name] = (
                _FALLBACK_COLOURS[unknown % len(_FALLBACK_COLOURS)],
                _FALLBACK_SHAPES[unknown % len(_FALLBACK_SHAPES)],
            )
            unknown += 1
    return styles


def _vis_options(layout: str, n: int) -> dict[str, Any]:
    """vis-network options; the page adds fonts and colours."""
    large = layout == "precomputed"
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": (not large) and n <= 150},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large and n > 3000,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
        },
        "edges": {
            "smooth": False if large else {"enabled": True, "type": "continuous"},
        },
    }
    if large:
        options["physics"] = {"enabled": False}
    else:
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -180,
                "centralGravity": 0.04,
                "springLength": 130,
                "springConstant": 0.05,
                "damping": 0.5,
                "avoidOverlap": 0.8,
            },
            "maxVelocity": 60,
            "minVelocity": 1.0,
            "timestep": 0.45,
            "stabilization": {
                "enabled": True,
                "iterations": _stabilisation_iterations(n),
                "updateInterval": 25,
                "fit": True,
            },
        }
    return options


def _stabilisation_iterations(n: int) -> int:
    """Bounded so a page below the threshold settles in about two seconds."""
    if n <= 150:
        return 400
    return max(150, int(400 * 150 / n))


def _node_size(node_type: str, degree: int) -> float:
    if node_type == OBSERVATION:
        return 5.0
    return round(min(42.0, 11.0 + 6.0 * math.sqrt(degree)), 1)


def _payload(view: GraphView, layout: str) -> dict[str, Any]:
    """The page's data: short keys, nodes referenced by index, sources shared."""
    index: dict[str, int] = {}
    for i, node in enumerate(view.nodes):
        if node.id in index:
            raise ValueError(f"node id {node.id!r} occurs twice in the view")
        index[node.id] = i
    for edge in view.edges:
        for end in (edge.source, edge.target):
            if end not in index:
                raise ValueError(f"edge {edge.label!r} refers to unknown node {end!r}")

    styles = _type_styles(n.type for n in view.nodes)
    counts = Counter(n.type for n in view.nodes)
    type_names = sorted(counts, key=lambda t: (t == OBSERVATION, -counts[t], t))
    type_index = {t: i for i, t in enumerate(type_names)}
    articles = sorted({a for n in view.nodes for a in n.articles})
    article_index = {a: i for i, a in enumerate(articles)}
    sources: list[tuple[str, str, str]] = []
    source_index: dict[tuple[str, str, str], int] = {}

    def refs(items: Iterable[Source]) -> list[int]:
        out = []
        for s in items:
            key = (s.article_title, s.article_date, s.sentence)
            if key not in source_index:
                source_index[key] = len(sources)
                sources.append(key)
            out.append(source_index[key])
        return out

    # size by degree among entities: a node's figures do not make it bigger
    is_obs = [n.type == OBSERVATION for n in view.nodes]
    degree = [0] * len(view.nodes)
    pairs = [(index[e.source], index[e.target]) for e in view.edges]
    for a, b in pairs:
        if a != b and not is_obs[a] and not is_obs[b]:
            degree[a] += 1
            degree[b] += 1

    positions: list[tuple[float, float]] = []
    if layout == "precomputed":
        short = [is_obs[a] or is_obs[b] for a, b in pairs]
        positions = layout_positions(len(view.nodes), pairs, short=short)

    nodes: list[dict[str, Any]] = []
    for i, node in enumerate(view.nodes):
        item: dict[str, Any] = {
            "i": node.id,
            "l": node.label,
            "t": type_index[node.type],
            "z": _node_size(node.type, degree[i]),
        }
        if node.label_en:
            item["e"] = node.label_en
        if node.aliases:
            item["w"] = list(node.aliases)
        if node.details:
            item["d"] = [list(row) for row in node.details]
        if node.sources:
            item["s"] = refs(node.sources)
        if node.articles:
            item["a"] = sorted({article_index[a] for a in node.articles})
        if positions:
            x, y = positions[i]
            item["x"] = round(x * _LAYOUT_SCALE, 1)
            item["y"] = round(y * _LAYOUT_SCALE, 1)
        nodes.append(item)

    edges: list[dict[str, Any]] = []
    for (a, b), edge in zip(pairs, view.edges, strict=True):
        e: dict[str, Any] = {"f": a, "t": b, "l": edge.label}
        if is_obs[a] or is_obs[b]:
            e["o"] = 1
        if edge.details:
            e["d"] = [list(row) for row in edge.details]
        if edge.sources:
            e["s"] = refs(edge.sources)
        edges.append(e)

    return {
        "title": view.title,
        "layout": layout,
        "options": _vis_options(layout, len(view.nodes)),
        "types": [
            {
                "name": t,
                "color": styles[t][0],
                "shape": styles[t][1],
                "count": counts[t],
                "observation": t == OBSERVATION,
            }
            for t in type_names
        ],
        "articles": articles,
        "sources": [list(s) for s in sources],
        "nodes": nodes,
        "edges": edges,
    }


_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


def script_json(value: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">`` (cannot close it)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def _vis_assets() -> tuple[str, str]:
    """vis-network's script and style, read from the installed pyvis package (not imported)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed: it ships the vis-network the page inlines")
    base = Path(next(iter(spec.submodule_search_locations))).joinpath(*_VIS_DIR)
    script = (base / "vis-network.min.js").read_text(encoding="utf-8")
    style = (base / "vis-network.css").read_text(encoding="utf-8")
    # The navigation/manipulation/configurator icons (~200 KB of data: URIs) are never shown.
    style = re.sub(r'[^{}]*\{[^{}]*url\("data:[^"]*"\)[^{}]*\}', "", style)
    return _inline_safe(script, "script"), _inline_safe(style, "style")


def _inline_safe(text: str, tag: str) -> str:
    """Text that cannot close the ``<script>``/``<style>`` element it is inlined into."""
    return re.sub(f"</(?={tag})", r"<\\/", text, flags=re.IGNORECASE)


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _template(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


_MARKER = re.compile(r"\{\{KG:([A-Z_]+)\}\}")


def page_html(view: GraphView, *, layout: str) -> str:
    """The whole page as text (what :func:`render_html` writes)."""
    if layout not in ("physics", "precomputed"):
        raise ValueError(f"layout must be 'physics' or 'precomputed', not {layout!r}")
    vis_js, vis_css = _vis_assets()
    page_js = _inline_safe(_template("graph.js"), "script")
    values = {
        "TITLE": html.escape(view.title, quote=True),
        # only these two scripts may run: an injected inline handler would be refused too
        "SCRIPT_HASHES": " ".join(_csp_hash(s) for s in (vis_js, page_js)),
        "VIS_CSS": vis_css,
        "PAGE_CSS": _inline_safe(_template("graph.css"), "style"),
        "DATA": script_json(_payload(view, layout)),
        "VIS_JS": vis_js,
        "PAGE_JS": page_js,
    }
    # one pass: text substituted in is never scanned for markers again
    page = _MARKER.sub(lambda m: values[m.group(1)], _template("graph.html"))
    # a lone surrogate (from badly decoded input) cannot be written as UTF-8
    return page.encode("utf-8", "replace").decode("utf-8")


def render_html(
    view: GraphView,
    path: Path,
    *,
    large_graph_threshold: int = DEFAULT_LARGE_GRAPH_THRESHOLD,
) -> RenderReport:
    """Write the view as one self-contained UTF-8 HTML page at ``path``, atomically."""
    layout = "precomputed" if len(view.nodes) > large_graph_threshold else "physics"
    data = page_html(view, layout=layout).encode("utf-8")
    write_bytes_atomically(Path(path), data)
    return RenderReport(
        nodes=len(view.nodes), edges=len(view.edges), layout=layout, bytes=len(data)
    )
