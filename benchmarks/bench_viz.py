"""How big and how fast is the graph page? Renders synthetic graphs and opens them in Chromium.

    .venv/bin/python benchmarks/bench_viz.py                       # ~100, 1,000, 10,000 nodes
    .venv/bin/python benchmarks/bench_viz.py --sizes 200 500 1000 --mode both

For each size it builds a tree-ish GraphView (every node hangs off an earlier one, plus about
n/5 random cross edges; several classes, a fifth of the nodes figures; Chinese labels;
sources and articles as the projection makes them), renders it with ``render_html`` and
opens the page from ``file://`` in headless Debian Chromium with every non-file request
aborted. It prints: nodes, edges, page size, layout mode, seconds spent in Python, and
seconds from navigation until the page sets ``window.kgReady`` (drawn and still).

``--mode physics`` / ``precomputed`` force a layout mode (by moving the threshold);
``both`` measures each size both ways, which is how ``DEFAULT_LARGE_GRAPH_THRESHOLD`` was
chosen: the largest size at which the physics page still settles in about two seconds.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, Route, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.visualise import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    DEFAULT_LARGE_GRAPH_THRESHOLD,
    GraphView,
    Source,
    ViewEdge,
    ViewNode,
    render_html,
)

NS = "https://w3id.org/kg-cnip/id/"
SYLLABLES = (
    "郑州洛阳开封新乡许昌南阳信阳商丘安阳鹤壁焦作"
    "濮阳漯河三门峡周口驻马店平顶山济源华中原金水航空港高新经开"
)
KINDS = [
    # (type, suffix, weight, relation to its parent)
    ("City", "市", 2, "位于"),
    ("District", "区", 4, "隶属"),
    ("Company", "科技有限公司", 30, "位于"),
    ("Industry", "产业", 10, "一号产业"),
    ("IndustryCluster", "产业集群", 3, "集群产业"),
    ("Policy", "实施意见", 4, "适用于"),
    ("Designation", "示范基地", 2, "获评"),
    ("GovernmentBody", "工信局", 2, "隶属"),
    ("Observation", "", 20, "描述"),
]


def synthetic_view(n: int, seed: int = 1) -> GraphView:
    """A tree-ish graph of ``n`` nodes with about ``1.2 n`` edges."""
    rng = random.Random(seed)
    article_ids = [f"2024-{k:03d}" for k in range(max(3, n // 50))]
    titles = {a: f"关于推动产业高质量发展的若干措施（第{k}号）" for k, a in enumerate(article_ids)}
    weights = [k[2] for k in KINDS]
    nodes: list[ViewNode] = []
    edges: list[ViewEdge] = []
    kinds: list[tuple[str, str, int, str]] = []
    for i in range(n):
        kind = KINDS[0] if i == 0 else rng.choices(KINDS, weights)[0]
        typ, suffix, _, _ = kind
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if typ == "Observation":
            label = f"产值 {rng.randint(10, 9000)}亿元"
            details: tuple[tuple[str, str], ...] = (("指标", "产值"), ("年份", "2023"))
        else:
            label = f"{name}{suffix}"
            details = (("编号", str(i)),)
        arts = tuple(sorted(rng.sample(article_ids, rng.randint(1, 2))))
        sentence = f"{label}在{rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}市加快发展，成效显著。"
        sources = (Source(titles[arts[0]], f"2024-{rng.randint(1, 12):02d}-15", sentence),)
        en = f"Node {i}" if rng.random() < 0.3 else None
        nodes.append(ViewNode(f"{NS}n{i}", label, typ, en, details, sources, arts))
        kinds.append(kind)
        if i > 0:
            # parents are non-figures; recent nodes a little more likely (deeper trees)
            parent = rng.randrange(i) if rng.random() < 0.5 else max(0, i - rng.randint(1, 30))
            while kinds[parent][0] == "Observation":
                parent = rng.randrange(parent) if parent else 0
            edges.append(ViewEdge(f"{NS}n{i}", f"{NS}n{parent}", kind[3], (), sources))
    entities = [i for i, k in enumerate(kinds) if k[0] != "Observation"]
    for _ in range(n // 5):
        a, b = rng.sample(entities, 2)
        edges.append(ViewEdge(f"{NS}n{a}", f"{NS}n{b}", "合作", (), ()))
    return GraphView(f"合成图 {n} 个节点", tuple(nodes), tuple(edges))


def _route(route: Route) -> None:
    if route.request.url.startswith(("file:", "data:")):
        route.continue_()
    else:
        route.abort()


def measure(browser: Browser, view: GraphView, threshold: int, workdir: Path) -> dict[str, object]:
    path = workdir / f"bench-{len(view.nodes)}-{threshold}.html"
    started = time.perf_counter()
    report = render_html(view, path, large_graph_threshold=threshold)
    python_s = time.perf_counter() - started
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", _route)
    started = time.perf_counter()
    page.goto(path.as_uri(), wait_until="commit")
    page.wait_for_function("() => window.kgReady === true", timeout=600_000, polling=50)
    wall_s = time.perf_counter() - started
    ready_ms = page.evaluate("() => window.kgTimings.ready")
    stats = page.evaluate("() => window.kgStats")
    page.close()
    if errors:
        raise RuntimeError(f"page errors: {errors}")
    assert stats["nodes"] == report.nodes and stats["edges"] == report.edges, stats
    return {
        "nodes": report.nodes,
        "edges": report.edges,
        "kb": report.bytes / 1024,
        "layout": report.layout,
        "python_s": python_s,
        "ready_s": ready_ms / 1000,
        "wall_s": wall_s,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument(
        "--mode", choices=["auto", "physics", "precomputed", "both"], default="auto"
    )
    parser.add_argument("--threshold", type=int, default=DEFAULT_LARGE_GRAPH_THRESHOLD)
    args = parser.parse_args(argv)
    modes = {
        "auto": [args.threshold],
        "physics": [10**9],
        "precomputed": [-1],
        "both": [10**9, -1],
    }[args.mode]
    print(f"threshold {args.threshold}; Chromium {CHROMIUM}; 'ready' = navigation → kgReady")
    header = (
        f"{'nodes':>7} {'edges':>7} {'page KB':>8} {'layout':>12} "
        f"{'python s':>9} {'ready s':>8} {'wall s':>7}"
    )
    print(header)
    print("-" * len(header))
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for n in args.sizes:
                view = synthetic_view(n)
                for threshold in modes:
                    row = measure(browser, view, threshold, Path(tmp))
                    print(
                        f"{row['nodes']:>7} {row['edges']:>7} {row['kb']:>8.0f} "
                        f"{row['layout']:>12} {row['python_s']:>9.2f} {row['ready_s']:>8.2f} "
                        f"{row['wall_s']:>7.2f}",
                        flush=True,
                    )
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
