"""The graph page (issue #4), tested in a real browser: Debian's Chromium driven by Playwright.

Pages are opened from ``file://`` with every request routed: only ``file:`` and ``data:`` may
load, anything else is recorded and aborted. vis-network node ids in the page are indices into
``GraphView.nodes`` (edge ids into ``GraphView.edges``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route

from kg.visualise import (
    DEFAULT_LARGE_GRAPH_THRESHOLD,
    GraphView,
    RenderReport,
    Source,
    ViewEdge,
    ViewNode,
    focus,
    page_html,
    render_html,
    script_json,
)

NS = "https://w3id.org/kg-cnip/id/"
XSS_IMG = '<img src=x onerror="window.__pwned=1">'
XSS_SCRIPT = "<script>window.__pwned=2</script>"

ARTICLE = Source("郑州市加快建设国家先进制造业高地", "2023-05-12", "")
SENTENCE_ZZ = "郑州市把电子信息产业作为“一号产业”，加快建设国家先进制造业高地。"
SENTENCE_FOXCONN = "富士康郑州园区是全球最大的智能手机生产基地。"


def _src(sentence: str, title: str = ARTICLE.article_title, date: str = "2023-05-12") -> Source:
    return Source(title, date, sentence)


def sample_view() -> GraphView:
    """A small Chinese graph: 9 nodes of 6 classes, 9 edges, 2 articles."""
    zz, hn, ly = NS + "zhengzhou", NS + "henan", NS + "luoyang"
    ele, car, fox = NS + "electronics", NS + "automotive", NS + "foxconn"
    yutong, gdp, des = NS + "yutong", NS + "obs-gdp", NS + "cluster-award"
    nodes = (
        ViewNode(
            zz,
            "郑州市",
            "City",
            "Zhengzhou",
            (("行政区划代码", "410100"),),
            (_src(SENTENCE_ZZ),),
            ("a1", "a2"),
        ),
        ViewNode(hn, "河南省", "Province", "Henan", (), (_src("河南省会郑州。"),), ("a2",)),
        ViewNode(ly, "洛阳市", "City", "Luoyang", (), (), ("a2",)),
        ViewNode(ele, "电子信息产业", "Industry", "Electronic information", (), (), ("a1",)),
        ViewNode(car, "汽车制造产业", "Industry", None, (), (), ("a1",)),
        ViewNode(
            fox,
            "富士康科技集团",
            "Company",
            "Foxconn",
            (),
            (_src(SENTENCE_FOXCONN),),
            ("a1",),
            ("鴻海", "富士康"),  # as articles write it
        ),
        ViewNode(yutong, "宇通客车", "Company", None, (), (), ("a1",)),
        ViewNode(gdp, "GDP 1.36万亿元", "Observation", None, (("年份", "2023"),), (), ("a1",)),
        ViewNode(des, "国家先进制造业集群", "Designation", None, (), (), ("a2",)),
    )
    edges = (
        ViewEdge(zz, hn, "位于"),
        ViewEdge(ly, hn, "位于"),
        ViewEdge(zz, ele, "一号产业", (), (_src(SENTENCE_ZZ),)),
        ViewEdge(zz, car, "支柱产业"),
        ViewEdge(fox, ele, "属于产业", (), (_src(SENTENCE_FOXCONN),)),
        ViewEdge(yutong, car, "属于产业"),
        ViewEdge(gdp, zz, "描述"),
        ViewEdge(zz, des, "获评"),
        ViewEdge(fox, zz, "位于"),
    )
    return GraphView("郑州市产业图谱", nodes, edges)


def hostile_view() -> GraphView:
    """Data that tries to break out of text everywhere text comes from articles."""
    base = sample_view()
    img, script = NS + "xss-img", NS + "xss-script"
    nodes = base.nodes + (
        ViewNode(
            img,
            XSS_IMG,
            "Company",
            XSS_SCRIPT,
            ((XSS_IMG, XSS_SCRIPT),),
            (_src(XSS_IMG + " 出现在句子里。", XSS_SCRIPT, "2023-01-01"),),
            ("</script><script>window.__pwned=3</script>",),
        ),
        ViewNode(script, XSS_SCRIPT, "<b>Type</b>", None, (), (_src(XSS_SCRIPT),)),
    )
    edges = base.edges + (
        ViewEdge(img, NS + "zhengzhou", XSS_IMG, ((XSS_SCRIPT, XSS_IMG),), (_src(XSS_SCRIPT),)),
        ViewEdge(script, img, "\u2028</script>\u2029"),
    )
    return GraphView("</title><script>window.__pwned=4</script>" + XSS_IMG, nodes, edges)


def chain_view(n: int) -> GraphView:
    """``n`` nodes: a path with every fourth node also tied to node 0, and some figures."""
    nodes = tuple(
        ViewNode(
            f"{NS}c{i}",
            f"节点{i}" if i % 5 else f"产值 {i}亿元",
            "Company" if i % 5 else "Observation",
        )
        for i in range(n)
    )
    edges = tuple(ViewEdge(f"{NS}c{i}", f"{NS}c{i - 1}", "连接") for i in range(1, n)) + tuple(
        ViewEdge(f"{NS}c{i}", f"{NS}c0", "属于") for i in range(4, n, 4)
    )
    return GraphView("链", nodes, edges)


def index_of(view: GraphView, label: str) -> int:
    return next(i for i, node in enumerate(view.nodes) if node.label == label)


# --------------------------------------------------------------------------- browser


@dataclass
class Opened:
    page: Page
    requests: list[str] = field(default_factory=list)  # every non-local request, aborted
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions

    def stats(self) -> dict[str, Any]:
        result: dict[str, Any] = self.page.evaluate("() => ({...window.kgStats})")
        return result

    def point_of(self, node: int) -> tuple[float, float]:
        """Where node ``node`` is drawn, in page coordinates."""
        x, y = self.page.evaluate(
            """(id) => {
                const net = window.kgNetwork;
                const at = net.canvasToDOM(net.getPositions([id])[id]);
                const box = document.querySelector("#kg-network canvas").getBoundingClientRect();
                return [box.left + at.x, box.top + at.y];
            }""",
            node,
        )
        return float(x), float(y)

    def panel(self) -> str:
        return self.page.inner_text("#kg-panel")


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[[Path], Opened]]:
    pages: list[Page] = []

    def _open(path: Path) -> Opened:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        pages.append(page)
        opened = Opened(page)

        def route(route: Route) -> None:
            url = route.request.url
            if url.startswith(("file:", "data:")):
                route.continue_()
            else:
                opened.requests.append(url)
                route.abort()

        page.route("**/*", route)
        page.on(
            "console",
            lambda m: opened.errors.append(f"console: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda exc: opened.errors.append(f"pageerror: {exc}"))
        page.goto(path.as_uri())
        page.wait_for_function("() => window.kgReady === true", timeout=30_000)
        return opened

    yield _open
    for page in pages:
        page.close()


@pytest.fixture
def sample_page(tmp_path: Path, open_page: Callable[[Path], Opened]) -> Opened:
    path = tmp_path / "kg.html"
    render_html(sample_view(), path)
    return open_page(path)


# --------------------------------------------------------------------------- tests


def test_visualise_draws_expected_nodes_and_edges(sample_page: Opened) -> None:
    view = sample_view()
    stats = sample_page.stats()
    assert stats["nodes"] == stats["totalNodes"] == stats["drawnNodes"] == len(view.nodes)
    assert stats["edges"] == stats["totalEdges"] == stats["drawnEdges"] == len(view.edges)
    assert stats["layout"] == "physics"
    assert stats["physics"] is False, "physics must be off once the page has settled"
    legend = sample_page.page.inner_text("#kg-legend-list")
    assert "City" in legend and "Observation" in legend


def test_visualise_makes_no_request_and_logs_no_error(
    tmp_path: Path, open_page: Callable[[Path], Opened]
) -> None:
    for name, threshold in (("physics.html", 1000), ("precomputed.html", 0)):
        path = tmp_path / name
        render_html(hostile_view(), path, large_graph_threshold=threshold)
        opened = open_page(path)
        # use the page a little: hover, click, search, filter
        opened.page.mouse.move(*opened.point_of(0), steps=3)
        opened.page.mouse.click(*opened.point_of(index_of(hostile_view(), XSS_IMG)))
        opened.page.fill("#kg-search", "郑州")
        opened.page.press("#kg-search", "Enter")
        opened.page.uncheck("#kg-type-0")
        opened.page.wait_for_timeout(600)
        assert opened.requests == [], f"{name}: requests left the machine"
        assert opened.errors == [], f"{name}: console errors"


def test_visualise_hover_shows_source_sentence_and_article(sample_page: Opened) -> None:
    view = sample_view()
    page = sample_page.page
    x, y = sample_page.point_of(index_of(view, "富士康科技集团"))
    page.mouse.move(x - 3, y - 3)
    page.mouse.move(x, y, steps=3)
    page.wait_for_function(
        "(s) => document.getElementById('kg-panel').textContent.includes(s)", arg=SENTENCE_FOXCONN
    )
    panel = sample_page.panel()
    assert "富士康科技集团" in panel and "Foxconn" in panel and "Company" in panel
    assert SENTENCE_FOXCONN in panel
    assert ARTICLE.article_title in panel and "2023-05-12" in panel
    # the English label is in the hover tooltip, which vis-network was given as a DOM element
    page.wait_for_selector("div.vis-tooltip", state="visible")
    assert "Foxconn" in page.inner_text("div.vis-tooltip")

    # a click pins a node: its properties, figures and sources stay in the panel
    page.mouse.click(*sample_page.point_of(index_of(view, "郑州市")))
    page.mouse.move(5, 5)
    page.wait_for_timeout(200)
    panel = sample_page.panel()
    assert "郑州市" in panel and "410100" in panel and "GDP 1.36万亿元" in panel
    assert SENTENCE_ZZ in panel
    assert page.evaluate("() => window.kgNetwork.getSelectedNodes()") == [0]


def test_visualise_edge_shows_its_source(sample_page: Opened) -> None:
    view = sample_view()
    edge = next(i for i, e in enumerate(view.edges) if e.label == "一号产业")
    sample_page.page.evaluate("(id) => window.kgNetwork.emit('hoverEdge', {edge: id})", edge)
    panel = sample_page.panel()
    assert "一号产业" in panel and SENTENCE_ZZ in panel and ARTICLE.article_title in panel
    assert "郑州市" in panel and "电子信息产业" in panel


def test_visualise_hostile_labels_run_nothing_and_show_as_text(
    tmp_path: Path, open_page: Callable[[Path], Opened]
) -> None:
    view = hostile_view()
    path = tmp_path / "hostile.html"
    render_html(view, path)
    opened = open_page(path)
    page = opened.page
    assert page.title() == view.title
    assert page.inner_text("#kg-title") == view.title
    for label in (XSS_IMG, XSS_SCRIPT):
        x, y = opened.point_of(index_of(view, label))
        page.mouse.move(x, y, steps=3)
        page.mouse.click(x, y)
        page.wait_for_timeout(300)
        panel = opened.panel()
        assert label in panel, f"{label!r} is not shown literally in the panel"
        assert page.query_selector("#kg-panel img, #kg-panel script, #kg-panel b") is None
        tooltip = page.query_selector("div.vis-tooltip")
        assert tooltip is not None and label in tooltip.inner_text()
        assert page.query_selector("div.vis-tooltip img, div.vis-tooltip script") is None
    panel = opened.panel()
    assert XSS_SCRIPT in panel  # the sentence of the second hostile node
    opened.page.fill("#kg-search", "<img")
    opened.page.press("#kg-search", "Enter")
    page.wait_for_timeout(600)
    assert XSS_IMG in opened.panel()
    assert page.query_selector("img") is None
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.evaluate("() => document.scripts.length") == 3  # data, vis-network, page
    assert opened.errors == []


def test_visualise_script_json_cannot_close_its_element() -> None:
    value = {"label": "</script><!-- \u2028\u2029 & <b>", "n": 1}
    text = script_json(value)
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == value
    page = page_html(hostile_view(), layout="physics")
    data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert data is not None and "<" not in data.group(1)
    assert json.loads(data.group(1))["title"] == hostile_view().title


def test_visualise_search_selects_and_zooms(sample_page: Opened) -> None:
    page = sample_page.page
    before = page.evaluate("() => window.kgNetwork.getScale()")
    page.fill("#kg-search", "富士")
    page.wait_for_selector("#kg-search-results li")
    assert "富士康科技集团" in page.inner_text("#kg-search-results")
    page.press("#kg-search", "Enter")
    page.wait_for_timeout(700)
    fox = index_of(sample_view(), "富士康科技集团")
    assert page.evaluate("() => window.kgNetwork.getSelectedNodes()") == [fox]
    assert page.evaluate("() => window.kgNetwork.getScale()") >= min(before, 1.1) - 1e-6
    assert SENTENCE_FOXCONN in sample_page.panel()
    page.fill("#kg-search", "foxconn")  # English labels are searched too
    assert "富士康科技集团" in page.inner_text("#kg-search-results")
    page.fill("#kg-search", "鴻海")  # and the names articles write
    assert "富士康科技集团" in page.inner_text("#kg-search-results")
    assert "Also written: 鴻海、富士康" in sample_page.panel()  # the card says so


def test_visualise_filters_by_type_and_article(sample_page: Opened) -> None:
    view = sample_view()
    page = sample_page.page
    types = page.evaluate(
        "() => [...document.querySelectorAll('#kg-legend-list label')].map(l => l.innerText)"
    )
    company = next(i for i, text in enumerate(types) if text.startswith("Company"))
    page.uncheck(f"#kg-type-{company}")
    stats = sample_page.stats()
    companies = {n.id for n in view.nodes if n.type == "Company"}
    assert stats["nodes"] == len(view.nodes) - len(companies)
    assert stats["drawnNodes"] == stats["nodes"]
    assert stats["edges"] == sum(
        1 for e in view.edges if e.source not in companies and e.target not in companies
    )
    page.check(f"#kg-type-{company}")
    page.select_option("#kg-article", label="a2")
    in_a2 = {n.id for n in view.nodes if "a2" in n.articles}
    stats = sample_page.stats()
    assert stats["nodes"] == len(in_a2)
    assert stats["edges"] == sum(1 for e in view.edges if e.source in in_a2 and e.target in in_a2)
    page.select_option("#kg-article", value="")
    assert sample_page.stats()["nodes"] == len(view.nodes)


def test_visualise_focus_returns_only_the_neighbourhood() -> None:
    view = sample_view()
    near = focus(view, "郑州", depth=1)  # 郑州 finds 郑州市
    labels = {n.label for n in near.nodes}
    assert labels == {"郑州市", "河南省", "电子信息产业", "汽车制造产业", "富士康科技集团"} | {
        "GDP 1.36万亿元",
        "国家先进制造业集群",
    }
    ids = {n.id for n in near.nodes}
    assert all(e.source in ids and e.target in ids for e in near.edges)
    assert len(near.edges) == 7  # every edge among them, not 洛阳市—河南省 or 宇通客车—汽车制造
    two = {n.label for n in focus(view, "郑州市", depth=2).nodes}
    assert {"洛阳市", "宇通客车"} <= two
    assert {n.label for n in focus(view, "洛阳", depth=0).nodes} == {"洛阳市"}
    assert {n.label for n in focus(view, "zhengzhou", depth=0).nodes} == {
        "郑州市",
        "GDP 1.36万亿元",  # figures go with what they describe
    }
    bare = focus(view, "郑州市", depth=0, attach_observations=False)
    assert [n.label for n in bare.nodes] == ["郑州市"] and bare.edges == ()


def test_visualise_focus_unknown_name_raises_with_suggestions() -> None:
    with pytest.raises(LookupError, match="郑州市"):
        focus(sample_view(), "郑州航空港")
    with pytest.raises(LookupError, match="电子信息产业"):
        focus(sample_view(), "电子信息")
    with pytest.raises(LookupError, match="no label is close"):
        focus(sample_view(), "完全无关")
    with pytest.raises(ValueError):
        focus(sample_view(), "郑州", depth=-1)


def test_visualise_large_graph_is_precomputed_without_physics(
    tmp_path: Path, open_page: Callable[[Path], Opened]
) -> None:
    view = chain_view(60)
    path = tmp_path / "large.html"
    report = render_html(view, path, large_graph_threshold=50)
    assert report.layout == "precomputed"
    found = re.search(r'id="kg-data">(.*?)</script>', path.read_text("utf-8"), re.S)
    assert found is not None
    data = json.loads(found.group(1))
    assert data["options"]["physics"] == {"enabled": False}
    assert all("x" in n and "y" in n for n in data["nodes"])
    opened = open_page(path)
    stats = opened.stats()
    assert stats["layout"] == "precomputed" and stats["physics"] is False
    assert stats["nodes"] == 60 and stats["edges"] == len(view.edges)
    drawn = opened.page.evaluate("() => window.kgNetwork.getPositions([0, 59])")
    for key in ("0", "59"):
        node = data["nodes"][int(key)]
        assert drawn[key]["x"] == pytest.approx(node["x"], abs=1)
        assert drawn[key]["y"] == pytest.approx(node["y"], abs=1)
    assert opened.errors == [] and opened.requests == []
    # the default threshold: just above it is precomputed, at it the browser lays out
    big = chain_view(DEFAULT_LARGE_GRAPH_THRESHOLD + 1)
    assert render_html(big, tmp_path / "big.html").layout == "precomputed"
    at = GraphView("at", big.nodes[:-1], big.edges[: DEFAULT_LARGE_GRAPH_THRESHOLD - 1])
    assert render_html(at, tmp_path / "at.html").layout == "physics"


def test_visualise_page_is_self_contained_utf8_and_leaves_no_lib_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "cwd"
    work.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(work)
    path = out / "kg.html"
    report = render_html(hostile_view(), path)
    assert isinstance(report, RenderReport)
    assert list(work.iterdir()) == [], "rendering wrote into the working directory"
    assert sorted(p.name for p in out.iterdir()) == ["kg.html"], "temp file left behind"
    raw = path.read_bytes()
    assert report.bytes == len(raw)
    text = raw.decode("utf-8")  # strict: valid UTF-8
    assert "郑州市" in text
    assert '<meta charset="utf-8">' in text
    loaded = re.findall(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=", text, re.I)
    assert loaded == [], f"the page loads files: {loaded}"
    remote = re.findall(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", text, re.I)
    assert remote == []
    assert not re.search(r"url\(\s*[\"']?(?:https?:)?//", text, re.I)
    assert "@import" not in text
    assert "vis-network" in text and "kgReady" in text  # the scripts are inlined
    assert f"{report.nodes} nodes" in str(report)


def test_visualise_rejects_inconsistent_views(tmp_path: Path) -> None:
    node = ViewNode(NS + "a", "甲", "City")
    with pytest.raises(ValueError, match="twice"):
        render_html(GraphView("t", (node, node), ()), tmp_path / "x.html")
    with pytest.raises(ValueError, match="unknown node"):
        render_html(
            GraphView("t", (node,), (ViewEdge(node.id, NS + "b", "到"),)), tmp_path / "x.html"
        )
    assert list(tmp_path.iterdir()) == []


def test_visualise_empty_graph_renders(tmp_path: Path, open_page: Callable[[Path], Opened]) -> None:
    path = tmp_path / "empty.html"
    render_html(GraphView("空图", (), ()), path)
    opened = open_page(path)
    stats = opened.stats()
    assert stats["nodes"] == 0 and stats["edges"] == 0
    assert opened.errors == [] and opened.requests == []


def test_visualise_screenshot(sample_page: Opened, tmp_path: Path) -> None:
    shot = tmp_path / "graph.png"
    sample_page.page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
