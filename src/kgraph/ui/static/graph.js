// kgraph's graph component (Streamlit Custom Components v2). vis-network is prepended to
// this file at runtime from pyvis's installed copy, so nothing is fetched from a CDN.
// Clicks go to Python as the state value "selection"; a double-click as the trigger "expand".
// Every tooltip arrives HTML-escaped from Python (kgraph.view.payload); labels are canvas text.
//
// Readability: positions arrive overlap-free from Python. Labels are drawn at LABEL_PX on
// screen whatever the zoom, and only for the most central nodes whose label boxes do not
// collide (greedy, in the payload's rank order); zooming in labels more, hovering a node
// shows its name and dims everything that is not its neighbour. A view opens fitted so that
// every circle and every drawn name lies inside the canvas, clear of the legend and buttons.

const VIEWS = new WeakMap();
const LABEL_PX = 13; // label size on screen, in CSS pixels
const LABEL_GAP = 4; // screen pixels kept between two label boxes
const HOVER_DIM_MS = 400; // hover this long before the non-neighbours dim
// The most central nodes may write their name over other nodes' dots (the text has a halo):
// in a dense overview the hubs sit among dots, and leaving them unnamed named only the rim.
const HUB_LABELS = 12;
const MAX_ZOOM = 2; // a small view is not blown up past this zoom when it opens
const EDGE_PAD = 8; // screen pixels kept free along the canvas's edges at the fit

// Where vis draws a node's name, in world units under its centre: the text hangs 4 units and
// half a line under the shape, one line high (font = LABEL_PX / scale).
function labelTop(size, font) {
  return size + 4 + font * 0.5;
}
function labelBelow(size, font) {
  return size + 4 + font * 1.5;
}

function cssVar(el, name, fallback) {
  const value = getComputedStyle(el).getPropertyValue(name).trim();
  return value || fallback;
}

function tooltip(escaped) {
  // The text was escaped in Python; a div lets vis show it as text with line breaks.
  const div = document.createElement("div");
  div.className = "kg-tip";
  div.innerHTML = escaped;
  return div;
}

function theme(root) {
  return {
    text: cssVar(root, "--st-text-color", "#31333f"),
    background: cssVar(root, "--st-background-color", "#ffffff"),
    font: cssVar(root, "--st-font", "sans-serif"),
  };
}

// A name sits on a box of the page's background: links that cross it (a post's own links run
// down through the name under it) would otherwise strike the text through.
function fontFor(colors, size) {
  return { color: colors.text, size, face: colors.font, strokeWidth: 3, strokeColor: colors.background,
           background: colors.background };
}

// Which nodes get a label at the current zoom: in rank order, each label whose box (the
// node's circle and the text under it) stays clear of the boxes already labelled.
function chooseLabels(network, data, measure, always, anywhere = false) {
  // `always`: ids labelled whatever the room (the selected node, a highlighted path).
  // `anywhere`: the names that would be drawn on a canvas without edges (for the fit).
  const scale = network.getScale();
  const font = LABEL_PX / scale; // world units, so the label is LABEL_PX on screen
  const pos = network.getPositions();
  const view = network.getViewPosition();
  const frame = network.body.container; // its client box is the canvas (no border)
  const halfW = frame.clientWidth / 2 / scale, halfH = frame.clientHeight / 2 / scale;
  const gap = LABEL_GAP / scale;
  const first = (n) => (always.has(n.id) ? 0 : 1);
  const order = [...data.nodes].sort((a, b) => first(a) - first(b) || a.rank - b.rank);
  const boxes = [];
  const chosen = new Set();
  for (const n of order) {
    const p = pos[n.id];
    if (!p) continue;
    const textW = measure(n.label, n.id === data.select) / scale;
    const half = Math.max(n.size, textW / 2);
    const below = labelBelow(n.size, font);
    // A name is drawn whole or not at all: one running off the canvas's edge reads as a
    // different word ("container orchestratio").
    const whole = { l: p.x - half, r: p.x + half, t: p.y - n.size, b: p.y + below };
    if (!always.has(n.id) && !anywhere && !(whole.l >= view.x - halfW && whole.r <= view.x + halfW &&
                               whole.t >= view.y - halfH && whole.b <= view.y + halfH)) continue;
    // A hub's box is its text alone: its big circle would otherwise keep the next hub's
    // name off, and the most central nodes would be the ones left unnamed.
    const hub = n.rank < HUB_LABELS;
    const box = hub
      ? { l: p.x - textW / 2 - gap, r: p.x + textW / 2 + gap, t: p.y + n.size - gap, b: p.y + below + gap }
      : { l: p.x - half - gap, r: p.x + half + gap, t: p.y - n.size - gap, b: p.y + below + gap };
    if (!always.has(n.id) && boxes.some((o) => box.l < o.r && o.l < box.r && box.t < o.b && o.t < box.b)) continue;
    // The text (under the node) must not run over another node's circle either.
    const text = { l: p.x - textW / 2, r: p.x + textW / 2, t: p.y + labelTop(n.size, font), b: p.y + below };
    if (!always.has(n.id) && n.rank >= HUB_LABELS && data.nodes.some((o) => {
      if (o.id === n.id) return false;
      const q = pos[o.id];
      return q && text.l < q.x + o.size && q.x - o.size < text.r && text.t < q.y + o.size && q.y - o.size < text.b;
    })) continue;
    boxes.push(box);
    chosen.add(n.id);
  }
  return { chosen, font };
}

function textMeasurer(colors) {
  const ctx = document.createElement("canvas").getContext("2d");
  const plain = `${LABEL_PX}px ${colors.font}`, bold = `bold ${plain}`;
  // Width of the text at LABEL_PX, plus the stroke around it; vis draws the selected
  // node's name in bold, which is wider.
  return (text, strong) => {
    ctx.font = strong ? bold : plain;
    return ctx.measureText(text || "").width + 6;
  };
}

// The canvas's free area at the fit, as screen-pixel margins: the legend and the zoom
// buttons are drawn over the canvas's top, so nothing is placed under them.
function margins(root) {
  const top = root.getBoundingClientRect().top;
  let covered = 0;
  for (const el of root.parentElement ? root.parentElement.querySelectorAll(".kg-legend, .kg-tools") : []) {
    const r = el.getBoundingClientRect();
    if (r.height > 0) covered = Math.max(covered, r.bottom - top);
  }
  return { l: EDGE_PAD, r: EDGE_PAD, t: Math.max(EDGE_PAD, covered + EDGE_PAD / 2), b: EDGE_PAD };
}

// The largest zoom (up to MAX_ZOOM) at which every circle and the names in `widths` (screen
// pixels, by node id) fit `area` (screen pixels), with the world box they then take. A name
// keeps its size on screen, so the view's extent in pixels grows with the zoom, and a
// bisection finds the zoom where it meets the area's.
function fitZoom(nodes, pos, widths, area) {
  const box = (scale) => {
    let l = Infinity, r = -Infinity, t = Infinity, b = -Infinity;
    const font = LABEL_PX / scale;
    for (const n of nodes) {
      const p = pos[n.id];
      if (!p) continue;
      const w = widths.get(n.id);
      const half = w === undefined ? n.size : Math.max(n.size, w / scale / 2);
      const below = w === undefined ? n.size : labelBelow(n.size, font);
      l = Math.min(l, p.x - half); r = Math.max(r, p.x + half);
      t = Math.min(t, p.y - n.size); b = Math.max(b, p.y + below);
    }
    return { l, r, t, b };
  };
  const fits = (scale) => {
    const bb = box(scale);
    return (bb.r - bb.l) * scale <= area.w && (bb.b - bb.t) * scale <= area.h;
  };
  let lo = 1e-4, hi = MAX_ZOOM;
  if (!(box(hi).r > box(hi).l)) return null;
  if (fits(hi)) lo = hi;
  else if (fits(lo)) {
    for (let i = 0; i < 40 && hi / lo > 1.001; i++) {
      const mid = Math.sqrt(lo * hi);
      if (fits(mid)) lo = mid; else hi = mid;
    }
  }
  return { scale: lo, box: box(lo) };
}

function draw(root, data, setStateValue, setTriggerValue) {
  const vis = globalThis.vis;
  let colors = theme(root);
  const started = performance.now();
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  // A highlighted path: its nodes and the links between consecutive ones stand out.
  const path = (data.highlight || []).filter((id) => byId.has(id));
  const onPath = new Set(path);
  const pathLinks = new Set();
  for (let i = 1; i < path.length; i++) {
    pathLinks.add(path[i - 1] + "\u0000" + path[i]);
    pathLinks.add(path[i] + "\u0000" + path[i - 1]);
  }
  const isPathLink = (e) => pathLinks.has(e.from + "\u0000" + e.to);
  const always = new Set([data.select, ...path].filter(Boolean));
  const nodeColor = (n, dim) => ({
    background: n.color, border: n.color, highlight: { background: n.color, border: colors.text },
    hover: { background: n.color, border: colors.text }, opacity: dim ? 0.15 : 1,
  });
  const restDim = (id) => path.length > 0 && !onPath.has(id);
  const nodes = new vis.DataSet(data.nodes.map((n) => ({
    id: n.id, kgLabel: n.label, kgRank: n.rank, x: n.x, y: n.y, size: n.size, title: tooltip(n.title),
    shape: n.kind === "post" ? "diamond" : "dot",
    color: nodeColor(n, restDim(n.id)), font: fontFor(colors, LABEL_PX),
    borderWidth: onPath.has(n.id) ? 3 : 1,
  })));
  const edgeColor = (dim, strong) => ({
    color: strong ? colors.text : dim ? "rgba(128,128,128,0.08)" : "rgba(128,128,128,0.55)",
    highlight: colors.text, hover: colors.text });
  const baseEdge = (e) => edgeColor(path.length > 0 && !isPathLink(e), isPathLink(e));
  const edges = new vis.DataSet(data.edges.map((e) => ({
    id: e.id, from: e.from, to: e.to, kgType: e.type,
    width: isPathLink(e) ? 4 : 1 + Math.log(1 + e.weight),
    title: tooltip(e.type + " (weight " + e.weight + ")"),
    dashes: e.type === "related" && !isPathLink(e), color: baseEdge(e),
    arrows: e.type === "related" ? undefined : { to: { enabled: true, scaleFactor: 0.5 } },
  })));
  const network = new vis.Network(root, { nodes, edges }, {
    physics: false,
    layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: data.nodes.length > 800 },
    edges: { smooth: false, selectionWidth: 2, hoverWidth: 1.5 },
    nodes: { borderWidth: 1 },
  });
  let measure = textMeasurer(colors);
  let labelled = new Set();
  let hovered = null;
  const relabel = () => {
    const { chosen, font } = chooseLabels(network, data, measure, always);
    if (hovered) chosen.add(hovered);
    const updates = [];
    for (const n of data.nodes) {
      if (chosen.has(n.id)) updates.push({ id: n.id, label: n.label, font: fontFor(colors, font) });
      else if (labelled.has(n.id)) updates.push({ id: n.id, label: "" });
    }
    labelled = chosen;
    nodes.update(updates);
  };
  let timer = null;
  const relabelSoon = () => { clearTimeout(timer); timer = setTimeout(relabel, 120); };
  network.on("zoom", relabelSoon);
  network.on("dragEnd", relabelSoon);
  // Hover: the name at once; the dimming after a short rest, so that moving across the
  // graph or clicking straight away does not pay for restyling every node and link.
  let dimTimer = null;
  let dimmed = false;
  const undim = () => {
    clearTimeout(dimTimer);
    if (!dimmed) return;
    dimmed = false;
    nodes.update(data.nodes.map((n) => ({ id: n.id, color: nodeColor(n, restDim(n.id)) })));
    edges.update(data.edges.map((e) => ({ id: e.id, color: baseEdge(e) })));
  };
  network.on("hoverNode", (p) => {
    hovered = p.node;
    if (!labelled.has(p.node)) {
      const font = LABEL_PX / network.getScale();
      nodes.update({ id: p.node, label: byId.get(p.node).label, font: fontFor(colors, font) });
    }
    clearTimeout(dimTimer);
    dimTimer = setTimeout(() => {
      if (hovered !== p.node) return;
      dimmed = true;
      const near = new Set([p.node, ...network.getConnectedNodes(p.node)]);
      nodes.update(data.nodes.map((n) => ({ id: n.id, color: nodeColor(n, !near.has(n.id)) })));
      edges.update(data.edges.map((e) => ({ id: e.id, color: edgeColor(e.from !== p.node && e.to !== p.node) })));
    }, HOVER_DIM_MS);
  });
  network.on("blurNode", (p) => {
    hovered = null;
    undim();
    if (!labelled.has(p.node)) nodes.update({ id: p.node, label: "" });
  });
  network.on("dragStart", undim);
  network.on("click", (p) => {
    const stamp = Date.now();  // a new value every click, so clicking again reruns too
    if (p.nodes.length) {
      setStateValue("selection", { type: "node", id: p.nodes[0], t: stamp });
    } else if (p.edges.length) {
      const e = edges.get(p.edges[0]);
      setStateValue("selection", { type: "edge", id: e.id, from: e.from, to: e.to, t: stamp });
    }
  });
  network.on("doubleClick", (p) => {
    if (p.nodes.length) setTriggerValue("expand", p.nodes[0]);
  });
  // The fit: vis fits the circles only, and the names drawn at the edges would run off the
  // canvas. The zoom is solved for the circles and the names together (fitZoom). Which names
  // are drawn depends on the zoom, so the names chosen at the new zoom join the fitted ones
  // until no new one comes (a few rounds; chooseLabels never draws a name that does not fit
  // whole, so a name left out of the fit is hidden, never cut).
  let moved = false; // the reader zoomed or dragged: a resize no longer refits
  const refit = () => {
    moved = false;
    const m = margins(root);
    const area = { w: root.clientWidth - m.l - m.r, h: root.clientHeight - m.t - m.b };
    if (!(area.w > 0 && area.h > 0)) return;
    const pos = network.getPositions();
    network.fit({ animation: false, maxZoomLevel: MAX_ZOOM });
    let names = new Set(always);
    for (let round = 0; round < 4; round++) {
      const wanted = chooseLabels(network, data, measure, always, true).chosen;
      if (round > 0 && [...wanted].every((id) => names.has(id))) break;
      names = new Set([...names, ...wanted]);
      const widths = new Map([...names].filter((id) => byId.has(id))
        .map((id) => [id, Math.min(measure(byId.get(id).label, id === data.select), area.w)]));
      const fit = fitZoom(data.nodes, pos, widths, area);
      if (fit === null) return;
      const { scale, box } = fit;
      // Centre the box in the free area, not in the canvas: the margins differ.
      const position = {
        x: (box.l + box.r) / 2 - (m.l - m.r) / 2 / scale,
        y: (box.t + box.b) / 2 - (m.t - m.b) / 2 / scale,
      };
      network.moveTo({ position, scale, animation: false });
    }
    relabel();
  };
  network.on("dragEnd", () => { moved = true; });
  network.on("zoom", () => { moved = true; });
  // Streamlit may size the container after the first frame, and the page's scroll bar may
  // come and go: until the reader moves the view, it is fitted again to what the canvas became.
  let size = null;
  const observer = typeof ResizeObserver === "function" ? new ResizeObserver(() => {
    const now = `${root.clientWidth}x${root.clientHeight}`;
    if (now === size || !root.clientWidth || !root.clientHeight) return;
    size = now;
    network.setSize("100%", "100%");
    if (!moved) refit();
    else relabelSoon();
  }) : null;
  network.once("afterDrawing", () => {
    size = `${root.clientWidth}x${root.clientHeight}`;
    refit();
    if (observer) observer.observe(root);
    window.kgraphDrawMs = performance.now() - started;
    root.dataset.ready = "1";
  });
  // The theme follows Streamlit's, including a switch while the page is open.
  const themeTimer = setInterval(() => {
    const now = theme(root);
    if (now.text === colors.text && now.background === colors.background) return;
    colors = now;
    measure = textMeasurer(colors);
    nodes.update(data.nodes.map((n) => ({ id: n.id, color: nodeColor(n, restDim(n.id)),
                                          font: fontFor(colors, LABEL_PX / network.getScale()) })));
    edges.update(data.edges.map((e) => ({ id: e.id, color: baseEdge(e) })));
  }, 1000);
  if (data.select && nodes.get(data.select)) network.selectNodes([data.select]);
  window.kgraphNetwork = network;
  const stop = () => {
    clearInterval(themeTimer); clearTimeout(timer); clearTimeout(dimTimer);
    if (observer) observer.disconnect();
  };
  return { network, refit, stop };
}

function tools(parent, network, refit) {
  const bar = parent.querySelector(".kg-tools");
  if (!bar) return;
  bar.onclick = (ev) => {
    const act = ev.target && ev.target.dataset ? ev.target.dataset.act : null;
    if (!act) return;
    if (act === "fit") refit();
    else {
      const scale = network.getScale() * (act === "in" ? 1.4 : 1 / 1.4);
      network.moveTo({ scale, animation: { duration: 200 } });
      setTimeout(() => network.emit("zoom", { scale }), 250);
    }
  };
}

export default function (component) {
  const { data, parentElement, setStateValue, setTriggerValue } = component;
  const root = parentElement.querySelector(".kg-graph");
  if (!root || !data) return;
  const previous = VIEWS.get(root);
  // Streamlit calls us again on every rerun; redraw only when the view itself changed.
  if (previous && previous.sig === data.sig) {
    window.kgraphNetwork = previous.network;
    return;
  }
  if (previous) {
    previous.stop();
    previous.network.destroy();
  }
  root.dataset.ready = "";
  const { network, refit, stop } = draw(root, data, setStateValue, setTriggerValue);
  tools(parentElement, network, refit);
  VIEWS.set(root, { sig: data.sig, network, stop });
  return () => {
    stop();
    network.destroy();
    VIEWS.delete(root);
  };
}
