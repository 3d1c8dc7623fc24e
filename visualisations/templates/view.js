// recgraph view: draws the network embedded in #view-data with vis-network, then wires the filter
// menus, the edge-kind switches, the search box and the details panel. All data is shown with
// textContent or vis-network's plain-text tooltips, never parsed as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("view-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("network");
  var state = { drawn: false, drawnAt: null, filtered: data.nodes.length };
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.network = network;
  window.recgraph = { network: network, nodes: nodes, edges: edges, state: state, showDetails: showDetails };

  function markDrawn() {
    network.once("afterDrawing", function () {
      state.drawn = true;
      state.drawnAt = performance.now();
      document.documentElement.setAttribute("data-drawn", "true");
    });
    network.redraw();
  }

  if (data.physics) {
    // Small views only: let the layout settle from the precomputed positions, then freeze it.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit();
      markDrawn();
    });
  } else {
    network.fit();
    markDrawn();
  }

  // Year marks of the repeat timeline, drawn on the canvas behind the nodes.
  if (data.axis && data.axis.length) {
    var top = Infinity, bottom = -Infinity;
    data.nodes.forEach(function (n) { top = Math.min(top, n.y); bottom = Math.max(bottom, n.y); });
    network.on("beforeDrawing", function (ctx) {
      ctx.save();
      ctx.strokeStyle = "#e0e0e0";
      ctx.fillStyle = "#616161";
      ctx.font = "bold 16px system-ui, sans-serif";
      ctx.textAlign = "left";
      data.axis.forEach(function (mark) {
        var x = mark[0] - 25;
        ctx.beginPath();
        ctx.moveTo(x, top - 50);
        ctx.lineTo(x, bottom + 30);
        ctx.stroke();
        ctx.fillText(mark[1], x + 4, top - 30);
      });
      ctx.restore();
    });
  }

  // Details panel: the whole verbatim text and a link to the recommendation's IRI.
  var panel = document.getElementById("details");
  function safeUrl(url) { return typeof url === "string" && /^https?:\/\//i.test(url); }
  function showDetails(id) {
    var node = nodes.get(id);
    if (!node) { return; }
    panel.hidden = false;
    document.getElementById("details-label").textContent = node.label;
    var body = node.title || "";
    if (node.text) { body = body.split("\n\n")[0] + "\n\n" + node.text; }
    document.getElementById("details-text").textContent = body;
    var link = document.getElementById("details-link");
    if (safeUrl(node.url)) {
      link.href = node.url;
      link.textContent = node.url;
      link.hidden = false;
    } else {
      link.removeAttribute("href");
      link.textContent = "";
      link.hidden = true;
    }
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showDetails(params.nodes[0]); }
  });
  network.on("doubleClick", function (params) {
    if (!params.nodes.length) { return; }
    var node = nodes.get(params.nodes[0]);
    if (node && safeUrl(node.url)) { window.open(node.url, "_blank", "noopener"); }
  });

  // Filter menus: a node matches when, for every chosen facet it has, its values hold the choice.
  // Nodes without any chosen facet (hubs) stay when a neighbour that matches stays.
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-facet]"));
  var status = document.getElementById("filter-status");
  function applyFilters() {
    var chosen = {};
    selects.forEach(function (s) { if (s.value) { chosen[s.getAttribute("data-facet")] = s.value; } });
    var keys = Object.keys(chosen);
    var all = nodes.get();
    var visible = {};
    var neutral = [];
    all.forEach(function (n) {
      var facets = n.facets || {};
      var relevant = keys.filter(function (k) { return Object.prototype.hasOwnProperty.call(facets, k); });
      if (keys.length && !relevant.length) { neutral.push(n.id); return; }
      visible[n.id] = relevant.every(function (k) { return facets[k].indexOf(chosen[k]) >= 0; });
    });
    neutral.forEach(function (id) {
      visible[id] = network.getConnectedNodes(id).some(function (other) { return visible[other] === true; });
    });
    var shown = 0;
    nodes.update(all.map(function (n) {
      if (visible[n.id]) { shown += 1; }
      return { id: n.id, hidden: !visible[n.id] };
    }));
    state.filtered = shown;
    var kept = all.filter(function (n) { return visible[n.id]; }).map(function (n) { return n.id; });
    network.fit(keys.length && kept.length ? { nodes: kept, animation: false } : { animation: false });
    status.textContent = keys.length ? "Showing " + shown.toLocaleString() + " of " + all.length.toLocaleString() + " nodes" : "";
  }
  selects.forEach(function (s) { s.addEventListener("change", applyFilters); });
  document.getElementById("reset").addEventListener("click", function () {
    selects.forEach(function (s) { s.value = ""; });
    document.querySelectorAll("input[data-edge-kind]").forEach(function (box) { box.checked = true; });
    applyFilters();
    applyEdgeKinds();
    network.unselectAll();
    panel.hidden = true;
    network.fit();
  });

  // Edge-kind switches.
  function applyEdgeKinds() {
    var off = {};
    document.querySelectorAll("input[data-edge-kind]").forEach(function (box) {
      if (!box.checked) { off[box.getAttribute("data-edge-kind")] = true; }
    });
    edges.update(edges.get().map(function (e) { return { id: e.id, hidden: off[e.kind] === true }; }));
  }
  document.querySelectorAll("input[data-edge-kind]").forEach(function (box) {
    box.addEventListener("change", applyEdgeKinds);
  });

  // Search: pick a label, the view zooms to the node and shows its details.
  var byLabel = {};
  data.nodes.forEach(function (n) { if (!(n.label in byLabel)) { byLabel[n.label] = n.id; } });
  var find = document.getElementById("find");
  find.addEventListener("change", function () {
    var id = byLabel[find.value];
    if (id === undefined) { return; }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.4, animation: false });
    showDetails(id);
  });
})();
