// kgraph's graph component (Streamlit Custom Components v2). vis-network is prepended to
// this file at runtime from pyvis's installed copy, so nothing is fetched from a CDN.
// Clicks go to Python as the state value "selection"; a double-click as the trigger "expand".
// Every tooltip arrives HTML-escaped from Python (kgraph.view.payload); labels are canvas text.

const VIEWS = new WeakMap();

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

function draw(root, data, setStateValue, setTriggerValue) {
  const vis = globalThis.vis;
  const text = cssVar(root, "--st-text-color", "#31333f");
  const started = performance.now();
  const nodes = new vis.DataSet(data.nodes.map((n) => ({
    id: n.id, label: n.label, x: n.x, y: n.y, size: n.size, title: tooltip(n.title),
    shape: n.kind === "post" ? "diamond" : "dot",
    color: { background: n.color, border: n.color,
             highlight: { background: n.color, border: text } },
    font: { color: text, size: 14, strokeWidth: 3, strokeColor: cssVar(root, "--st-background-color", "#ffffff") },
  })));
  const edges = new vis.DataSet(data.edges.map((e) => ({
    id: e.id, from: e.from, to: e.to, kgType: e.type,
    width: 1 + Math.log(1 + e.weight), title: tooltip(e.type + " (weight " + e.weight + ")"),
    dashes: e.type === "related", color: { color: "rgba(128,128,128,0.55)", highlight: text },
  })));
  const network = new vis.Network(root, { nodes, edges }, {
    physics: false,
    layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: data.nodes.length > 800 },
    edges: { smooth: false, selectionWidth: 2, hoverWidth: 1.5 },
    // Draw labels down to small zoom levels: an overview without names says little.
    nodes: { borderWidth: 1, scaling: { label: { drawThreshold: 3 } } },
  });
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
  network.once("afterDrawing", () => {
    // Streamlit may size the container after the first frame; fit to what it became.
    if (!data.select) network.fit({ animation: false });
    window.kgraphDrawMs = performance.now() - started;
    root.dataset.ready = "1";
  });
  if (data.select && nodes.get(data.select)) network.selectNodes([data.select]);
  window.kgraphNetwork = network;
  return network;
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
  if (previous) previous.network.destroy();
  root.dataset.ready = "";
  const network = draw(root, data, setStateValue, setTriggerValue);
  VIEWS.set(root, { sig: data.sig, network });
  return () => {
    network.destroy();
    VIEWS.delete(root);
  };
}
