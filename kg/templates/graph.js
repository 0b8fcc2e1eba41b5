/* kg graph page.
 *
 * The data comes from the JSON script element #kg-data (written by
 * kg/visualise.py). Every string from it reaches the document through textContent, DOM text
 * nodes or attribute values: nothing from the data is ever parsed as HTML, and vis-network
 * tooltips are given DOM elements, not strings.
 *
 * Test hooks (read-only): window.kgReady (true once the network is drawn and still),
 * window.kgStats (counts read from vis-network's data views), window.kgNetwork (the
 * vis.Network; node ids are indices into the view's nodes, edge ids into its edges).
 */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const types = data.types;
  const sources = data.sources;
  const articles = data.articles;
  const meta = data.nodes;
  const edgeMeta = data.edges;
  const FONT = getComputedStyle(document.documentElement).getPropertyValue("--kg-font").trim()
    || "sans-serif";
  const TYPE_ZH = {
    Province: "省", City: "城市", District: "区县", AdministrativeArea: "行政区",
    GovernmentBody: "政府机构", Organization: "组织", Person: "人物", Company: "企业",
    InvestmentProject: "投资项目", Industry: "产业", IndustryCluster: "产业集群",
    Designation: "称号", Programme: "计划", Policy: "政策", Initiative: "举措",
    Indicator: "指标", Article: "文章", Observation: "数据",
  };
  const MAX_LIST = 40;

  window.kgTimings = { start: performance.now() };

  // ------------------------------------------------------------------ DOM helpers

  function el(tag, props, children) {
    const node = document.createElement(tag);
    if (props) {
      for (const key of Object.keys(props)) {
        const value = props[key];
        if (value === undefined || value === null) continue;
        if (key === "text") node.textContent = value;
        else if (key === "class") node.className = value;
        else node.setAttribute(key, value);
      }
    }
    if (children) {
      for (const child of children) {
        if (child !== null && child !== undefined) node.append(child);
      }
    }
    return node;
  }

  const SVGNS = "http://www.w3.org/2000/svg";

  function polygon(points) {
    const shape = document.createElementNS(SVGNS, "polygon");
    shape.setAttribute("points", points.map((p) => p.join(",")).join(" "));
    return shape;
  }

  function regular(count, radius, rotation) {
    const points = [];
    for (let k = 0; k < count; k++) {
      const a = rotation + (2 * Math.PI * k) / count;
      points.push([(radius * Math.cos(a)).toFixed(2), (radius * Math.sin(a)).toFixed(2)]);
    }
    return points;
  }

  function swatch(type, px) {
    const svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", String(px));
    svg.setAttribute("height", String(px));
    svg.setAttribute("viewBox", "-10 -10 20 20");
    svg.setAttribute("class", "kg-swatch");
    svg.setAttribute("aria-hidden", "true");
    let shape;
    switch (type.shape) {
      case "square":
        shape = document.createElementNS(SVGNS, "rect");
        for (const [k, v] of [["x", -7], ["y", -7], ["width", 14], ["height", 14]]) {
          shape.setAttribute(k, String(v));
        }
        break;
      case "diamond":
        shape = polygon([[0, -9], [9, 0], [0, 9], [-9, 0]]);
        break;
      case "triangle":
        shape = polygon([[0, -9], [8.5, 7], [-8.5, 7]]);
        break;
      case "triangleDown":
        shape = polygon([[0, 9], [8.5, -7], [-8.5, -7]]);
        break;
      case "hexagon":
        shape = polygon(regular(6, 9, 0));
        break;
      case "star": {
        const points = [];
        for (let k = 0; k < 10; k++) {
          const r = k % 2 ? 4 : 9.5;
          const a = -Math.PI / 2 + (Math.PI * k) / 5;
          points.push([(r * Math.cos(a)).toFixed(2), (r * Math.sin(a)).toFixed(2)]);
        }
        shape = polygon(points);
        break;
      }
      default:
        shape = document.createElementNS(SVGNS, "circle");
        shape.setAttribute("r", type.observation ? "5" : "8");
    }
    shape.setAttribute("fill", type.color);
    shape.setAttribute("stroke", darker(type.color));
    shape.setAttribute("stroke-width", "1.2");
    svg.append(shape);
    return svg;
  }

  function darker(hex) {
    const v = parseInt(hex.slice(1), 16);
    const r = Math.round(((v >> 16) & 255) * 0.72);
    const g = Math.round(((v >> 8) & 255) * 0.72);
    const b = Math.round((v & 255) * 0.72);
    return "#" + ((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1);
  }

  function typeName(type) {
    const zh = TYPE_ZH[type.name];
    return zh ? type.name + " " + zh : type.name;
  }

  function typeBadge(type) {
    return el("span", { class: "kg-type" }, [swatch(type, 14), typeName(type)]);
  }

  // ------------------------------------------------------------------ vis data

  const adjacency = meta.map(() => []);
  edgeMeta.forEach((e, k) => {
    adjacency[e.f].push(k);
    if (e.t !== e.f) adjacency[e.t].push(k);
  });

  function nodeTooltip(i) {
    const n = meta[i];
    return el("div", { class: "kg-tooltip" }, [
      el("div", { class: "kg-tt-label", text: n.l }),
      n.e ? el("div", { class: "kg-tt-en", text: n.e }) : null,
      el("div", { class: "kg-tt-type", text: typeName(types[n.t]) }),
    ]);
  }

  function edgeTooltip(k) {
    const e = edgeMeta[k];
    return el("div", { class: "kg-tooltip" }, [
      el("div", { class: "kg-tt-label", text: e.l }),
      el("div", { class: "kg-tt-type", text: meta[e.f].l + " → " + meta[e.t].l }),
    ]);
  }

  const nodeFont = { size: 14, color: "#1f2937", face: FONT, strokeWidth: 3, strokeColor: "#ffffff" };
  const obsFont = { size: 10, color: "#6b7280", face: FONT, strokeWidth: 2, strokeColor: "#ffffff" };

  const nodeSet = new vis.DataSet(
    meta.map((n, i) => {
      const type = types[n.t];
      const node = {
        id: i,
        label: n.l,
        shape: type.shape,
        size: n.z,
        borderWidth: type.observation ? 1 : 1.5,
        borderWidthSelected: 3,
        color: {
          background: type.color,
          border: darker(type.color),
          highlight: { background: type.color, border: "#111827" },
          hover: { background: type.color, border: "#111827" },
        },
        font: type.observation ? obsFont : nodeFont,
        title: nodeTooltip(i),
      };
      if (n.x !== undefined) {
        node.x = n.x;
        node.y = n.y;
      }
      return node;
    }),
  );

  const edgeSet = new vis.DataSet(
    edgeMeta.map((e, k) => {
      const edge = {
        id: k,
        from: e.f,
        to: e.t,
        // a figure's edge carries no label on the canvas (its period is in the panel)
        label: e.o ? undefined : e.l,
        width: e.o ? 0.8 : 1.3,
        arrows: { to: { enabled: true, scaleFactor: e.o ? 0.3 : 0.5 } },
        color: { color: e.o ? "#cfd4dc" : "#a3acb9", highlight: "#2563eb", hover: "#4b5563", inherit: false },
        font: {
          size: e.o ? 9 : 10, color: "#6b7280", face: FONT, strokeWidth: 3,
          strokeColor: "#f7f8fa", align: "middle",
        },
        title: edgeTooltip(k),
      };
      if (e.o) edge.length = 40;
      return edge;
    }),
  );

  // ------------------------------------------------------------------ filters

  const visible = new Uint8Array(meta.length).fill(1);
  const hiddenTypes = new Set();
  let article = -1;

  const nodeView = new vis.DataView(nodeSet, { filter: (item) => visible[item.id] === 1 });
  const edgeView = new vis.DataView(edgeSet, {
    filter: (item) => visible[item.from] === 1 && visible[item.to] === 1,
  });

  function computeVisible() {
    for (let i = 0; i < meta.length; i++) {
      const n = meta[i];
      let show = !hiddenTypes.has(n.t);
      if (show && article >= 0) show = Array.isArray(n.a) && n.a.includes(article);
      visible[i] = show ? 1 : 0;
    }
  }

  function applyFilters() {
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    updateStats();
  }

  // ------------------------------------------------------------------ network

  const container = document.getElementById("kg-network");
  const progress = document.getElementById("kg-progress");
  const options = data.options;
  options.nodes = { font: nodeFont, scaling: { label: { drawThreshold: 6 } } };
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);

  Object.defineProperty(window, "kgNetwork", { value: network, enumerable: true });
  Object.defineProperty(window, "kgStats", {
    enumerable: true,
    get: () =>
      Object.freeze({
        nodes: nodeView.length,
        edges: edgeView.length,
        totalNodes: nodeSet.length,
        totalEdges: edgeSet.length,
        drawnNodes: network.body.nodeIndices.length,
        drawnEdges: network.body.edgeIndices.length,
        layout: data.layout,
        physics: Boolean(network.physics.physicsEnabled),
      }),
  });

  function markReady() {
    if (window.kgReady) return;
    progress.hidden = true;
    window.kgTimings.ready = performance.now();
    Object.defineProperty(window, "kgReady", { value: true, enumerable: true });
    document.body.setAttribute("data-kg-ready", "true");
  }

  if (data.layout === "physics" && meta.length > 0) {
    progress.hidden = false;
    network.on("stabilizationProgress", (p) => {
      progress.textContent = "Laying out… " + Math.round((100 * p.iterations) / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } });
      network.fit({ animation: false });
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", markReady);
    network.redraw();
  }

  // ------------------------------------------------------------------ info panel

  const panel = document.getElementById("kg-panel");
  let pinned = null;

  function placeholder() {
    panel.replaceChildren(
      el("h2", { text: "Details" }),
      el("p", {
        class: "kg-placeholder",
        text: "Hover or click a node or an edge to see its type, properties and the sentences "
          + "that state it.",
      }),
    );
  }

  function nodeLink(i) {
    const link = el("a", { class: "kg-node-link", role: "button", tabindex: "0", text: meta[i].l });
    const go = (event) => {
      event.preventDefault();
      selectNode(i, true);
    };
    link.addEventListener("click", go);
    link.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") go(event);
    });
    return link;
  }

  function detailsSection(rows) {
    if (!rows || rows.length === 0) return null;
    const body = el("tbody", null, rows.map(([k, v]) => el("tr", null, [
      el("th", { scope: "row", text: k }),
      el("td", { text: v }),
    ])));
    return el("section", null, [el("h2", { text: "Properties" }), el("table", null, [body])]);
  }

  function sourcesSection(refs) {
    if (!refs || refs.length === 0) return null;
    return el("section", { class: "kg-sources" }, [
      el("h2", { text: refs.length > 1 ? "Sources (" + refs.length + ")" : "Source" }),
      ...refs.map((r) => {
        const [title, date, sentence] = sources[r];
        return el("blockquote", null, [
          el("p", { class: "kg-sentence", text: sentence }),
          el("footer", null, [
            el("span", { class: "kg-article-title", text: title }),
            date ? " · " : null,
            date ? el("time", { class: "kg-article-date", datetime: date, text: date }) : null,
          ]),
        ]);
      }),
    ]);
  }

  function listSection(heading, items, more) {
    if (items.length === 0) return null;
    const list = el("ul", null, items);
    if (more > 0) list.append(el("li", { class: "kg-rel kg-more", text: "… and " + more + " more" }));
    return el("section", null, [el("h2", { text: heading }), list]);
  }

  function showNode(i) {
    const n = meta[i];
    const type = types[n.t];
    const relations = [];
    const figures = [];
    for (const k of adjacency[i]) {
      const e = edgeMeta[k];
      const other = e.f === i ? e.t : e.f;
      if (types[meta[other].t].observation && !type.observation) {
        figures.push(el("li", { class: "kg-rel" }, [
          el("span", { class: "kg-rel-label", text: e.l + ": " }),
          nodeLink(other),
        ]));
      } else {
        const arrow = e.f === i ? " → " : " ← ";
        relations.push(el("li", { class: "kg-rel" }, [
          el("span", { class: "kg-rel-label", text: e.l + arrow }),
          nodeLink(other),
        ]));
      }
    }
    panel.replaceChildren(...[
      typeBadge(type),
      el("div", { class: "kg-heading", text: n.l }),
      n.e ? el("p", { class: "kg-en", lang: "en", text: n.e }) : null,
      n.w ? el("p", { class: "kg-alias", text: "Also written: " + n.w.join("、") }) : null,
      el("p", { class: "kg-iri", text: n.i }),
      detailsSection(n.d),
      listSection("Figures", figures.slice(0, MAX_LIST), figures.length - MAX_LIST),
      listSection("Relations", relations.slice(0, MAX_LIST), relations.length - MAX_LIST),
      sourcesSection(n.s),
      n.a && n.a.length
        ? listSection("Articles", n.a.map((a) => el("li", { class: "kg-rel", text: articles[a] })), 0)
        : null,
    ].filter((x) => x !== null));
  }

  function showEdge(k) {
    const e = edgeMeta[k];
    panel.replaceChildren(...[
      el("span", { class: "kg-type", text: "Relation 关系" }),
      el("div", { class: "kg-heading", text: e.l }),
      el("p", null, [nodeLink(e.f), " → ", nodeLink(e.t)]),
      detailsSection(e.d),
      sourcesSection(e.s),
    ].filter((x) => x !== null));
  }

  function show(kind, id) {
    if (kind === "node") showNode(id);
    else showEdge(id);
  }

  function restore() {
    if (pinned) show(pinned.kind, pinned.id);
  }

  network.on("hoverNode", (p) => show("node", p.node));
  network.on("hoverEdge", (p) => show("edge", p.edge));
  network.on("blurNode", restore);
  network.on("blurEdge", restore);
  network.on("click", (p) => {
    if (p.nodes.length > 0) {
      pinned = { kind: "node", id: p.nodes[0] };
    } else if (p.edges.length > 0) {
      pinned = { kind: "edge", id: p.edges[0] };
    } else {
      pinned = null;
      placeholder();
      return;
    }
    restore();
  });

  function ensureVisible(i) {
    if (visible[i]) return;
    const n = meta[i];
    if (hiddenTypes.has(n.t)) {
      hiddenTypes.delete(n.t);
      const box = document.getElementById("kg-type-" + n.t);
      if (box) box.checked = true;
    }
    if (article >= 0 && !(Array.isArray(n.a) && n.a.includes(article))) {
      article = -1;
      articleSelect.value = "";
    }
    applyFilters();
  }

  function selectNode(i, zoom) {
    ensureVisible(i);
    network.selectNodes([i]);
    pinned = { kind: "node", id: i };
    showNode(i);
    if (zoom) {
      network.focus(i, {
        scale: Math.max(network.getScale(), 1.1),
        animation: { duration: 450, easingFunction: "easeInOutQuad" },
      });
    }
  }

  // ------------------------------------------------------------------ search

  const search = document.getElementById("kg-search");
  const results = document.getElementById("kg-search-results");
  // a node is found by its label, its English label or a name an article writes it with
  const folded = meta.map((n) => [n.l.toLowerCase(), [n.e || "", ...(n.w || [])].join("\n").toLowerCase()]);
  let choices = [];
  let active = 0;

  function rank(query) {
    const found = [];
    for (let i = 0; i < meta.length; i++) {
      const [label, other] = folded[i];
      const others = other.split("\n");
      let score;
      if (label === query || others.includes(query)) score = 0;
      else if (label.startsWith(query) || others.some((o) => o.startsWith(query))) score = 1;
      else if (label.includes(query) || other.includes(query)) score = 2;
      else continue;
      if (types[meta[i].t].observation) score += 3;
      found.push([score, label.length, i]);
    }
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    return found.slice(0, 12).map((f) => f[2]);
  }

  function renderResults() {
    const query = search.value.trim().toLowerCase();
    if (!query) {
      results.hidden = true;
      choices = [];
      return;
    }
    choices = rank(query);
    active = 0;
    if (choices.length === 0) {
      results.replaceChildren(el("li", { class: "kg-empty", text: "No node matches" }));
    } else {
      results.replaceChildren(...choices.map((i, pos) => {
        const n = meta[i];
        const item = el("li", { role: "option", "aria-selected": String(pos === active) }, [
          el("span", { text: n.l }),
          n.e ? el("span", { class: "kg-en", text: n.e }) : null,
          typeBadge(types[n.t]),
        ]);
        item.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(i);
        });
        return item;
      }));
    }
    results.hidden = false;
  }

  function highlight(next) {
    if (choices.length === 0) return;
    active = (next + choices.length) % choices.length;
    [...results.children].forEach((li, pos) => li.setAttribute("aria-selected", String(pos === active)));
  }

  function choose(i) {
    results.hidden = true;
    search.value = meta[i].l;
    selectNode(i, true);
  }

  search.addEventListener("input", renderResults);
  search.addEventListener("focus", renderResults);
  search.addEventListener("blur", () => { results.hidden = true; });
  search.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") highlight(active + 1);
    else if (event.key === "ArrowUp") highlight(active - 1);
    else if (event.key === "Enter" && choices.length > 0) choose(choices[active]);
    else if (event.key === "Escape") results.hidden = true;
    else return;
    event.preventDefault();
  });

  // ------------------------------------------------------------------ legend, article filter

  const legend = document.getElementById("kg-legend-list");
  types.forEach((type, t) => {
    const box = el("input", { type: "checkbox", id: "kg-type-" + t });
    box.checked = true;
    box.addEventListener("change", () => {
      if (box.checked) hiddenTypes.delete(t);
      else hiddenTypes.add(t);
      applyFilters();
    });
    legend.append(el("li", null, [
      el("label", { for: "kg-type-" + t }, [
        box, swatch(type, 16), el("span", { text: typeName(type) }),
        el("span", { class: "kg-count", text: String(type.count) }),
      ]),
    ]));
  });

  function setAllTypes(on) {
    types.forEach((_, t) => {
      document.getElementById("kg-type-" + t).checked = on;
      if (on) hiddenTypes.delete(t);
      else hiddenTypes.add(t);
    });
    applyFilters();
  }
  document.getElementById("kg-types-all").addEventListener("click", () => setAllTypes(true));
  document.getElementById("kg-types-none").addEventListener("click", () => setAllTypes(false));
  document.getElementById("kg-fit").addEventListener("click", () => {
    network.fit({ animation: { duration: 300, easingFunction: "easeInOutQuad" } });
  });

  const articleSelect = document.getElementById("kg-article");
  articles.forEach((a, k) => articleSelect.append(el("option", { value: String(k), text: a })));
  if (articles.length === 0) document.getElementById("kg-article-label").hidden = true;
  articleSelect.addEventListener("change", () => {
    article = articleSelect.value === "" ? -1 : Number(articleSelect.value);
    applyFilters();
  });

  const stats = document.getElementById("kg-stats");
  function updateStats() {
    const shown = nodeView.length;
    const nodes = shown === meta.length ? String(meta.length) : shown + " / " + meta.length;
    stats.textContent = nodes + " nodes · " + edgeView.length + " edges · "
      + (data.layout === "physics" ? "layout: physics" : "layout: precomputed");
  }

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && document.activeElement !== search) {
      network.unselectAll();
      pinned = null;
      placeholder();
    }
  });

  placeholder();
  updateStats();
})();
