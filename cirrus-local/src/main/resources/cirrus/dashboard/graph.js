// The execution page: the workflow definition drawn as a graph (dagre lays it out, cytoscape draws it),
// Parallel branches and Map iterations as nested groups, each state coloured by its status in this execution.
(function () {
  "use strict";
  const {esc, badge, time, duration, data} = window.cirrus;
  const css = name => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  const STATUS_VAR = {SUCCEEDED: "--succeeded", FAILED: "--failed", CAUGHT: "--caught", RUNNING: "--running", NOT_RUN: "--pending"};

  // The state machine as nodes and edges. Ids are paths, so names may repeat across branches.
  function build(definition) {
    const nodes = [], edges = [];
    function machine(def, parent, prefix) {
      const states = def.States || {};
      const id = name => prefix + name;
      const entry = {}, exits = {};
      for (const [name, s] of Object.entries(states)) {
        const group = s.Type === "Parallel" || s.Type === "Map";
        if (group) {
          const gid = id(name) + "::group";
          nodes.push({id: gid, parent, label: "", kind: "group"});
          nodes.push({id: id(name), parent: gid, label: name, state: name, type: s.Type});
          const join = id(name) + "::join";
          const children = s.Type === "Parallel" ? (s.Branches || []) : [s.ItemProcessor || s.Iterator || {States: {}}];
          children.forEach((child, i) => {
            const bid = id(name) + "::branch" + i;
            nodes.push({id: bid, parent: gid, label: s.Type === "Map" ? "each item" : "branch " + (i + 1), kind: "branch"});
            const inner = machine(child, bid, bid + "/");
            if (inner.start) edges.push({source: id(name), target: inner.start});
            inner.ends.forEach(e => edges.push({source: e, target: join}));
          });
          nodes.push({id: join, parent: gid, label: "", kind: "join"});
          entry[name] = id(name); exits[name] = join;
        } else {
          nodes.push({id: id(name), parent, label: name, state: name, type: s.Type});
          entry[name] = exits[name] = id(name);
        }
      }
      const ends = [];
      for (const [name, s] of Object.entries(states)) {
        const from = exits[name];
        const next = [];
        if (s.Next) next.push([s.Next, ""]);
        if (s.Type === "Choice") {
          (s.Choices || []).forEach(c => c.Next && next.push([c.Next, "choice"]));
          if (s.Default) next.push([s.Default, "default"]);
        }
        (s.Catch || []).forEach(c => c.Next && next.push([c.Next, "catch"]));
        next.forEach(([target, kind]) => { if (entry[target]) edges.push({source: kind === "catch" ? entry[name] : from, target: entry[target], kind}); });
        if (s.End || s.Type === "Succeed" || s.Type === "Fail") ends.push(from);
      }
      return {start: entry[def.StartAt], ends};
    }
    nodes.push({id: "::start", label: "Start", kind: "terminal"});
    nodes.push({id: "::end", label: "End", kind: "terminal"});
    const top = machine(definition, undefined, "");
    if (top.start) edges.push({source: "::start", target: top.start});
    top.ends.forEach(e => edges.push({source: e, target: "::end"}));
    return {nodes, edges};
  }

  // One status per state name: FAILED if any run failed, else RUNNING, CAUGHT, SUCCEEDED.
  function statuses(spans) {
    const rank = {FAILED: 4, RUNNING: 3, CAUGHT: 2, SUCCEEDED: 1};
    const out = {};
    spans.forEach(s => { if (!out[s.name] || rank[s.status] > rank[out[s.name]]) out[s.name] = s.status; });
    return out;
  }

  function layout(g) {
    const d = new dagre.graphlib.Graph({compound: true, multigraph: true});
    d.setGraph({rankdir: "TB", nodesep: 30, ranksep: 38, marginx: 20, marginy: 20});
    d.setDefaultEdgeLabel(() => ({}));
    g.nodes.forEach(n => {
      const w = n.kind === "join" ? 14 : n.kind === "terminal" ? 70 : Math.max(90, 8 * n.label.length + 24);
      const h = n.kind === "join" ? 14 : 34;
      d.setNode(n.id, n.kind === "group" || n.kind === "branch" ? {} : {width: w, height: h});
    });
    g.nodes.forEach(n => { if (n.parent) d.setParent(n.id, n.parent); });
    g.edges.forEach((e, i) => d.setEdge(e.source, e.target, {}, "e" + i));
    dagre.layout(d);
    const pos = {};
    d.nodes().forEach(id => { const n = d.node(id); if (n && n.x != null) pos[id] = {x: n.x, y: n.y, width: n.width, height: n.height}; });
    return pos;
  }

  function draw(container, g, status) {
    const pos = layout(g);
    const colour = s => css(STATUS_VAR[s || "NOT_RUN"]);
    const elements = g.nodes.map(n => ({group: "nodes", data: {id: n.id, parent: n.parent, label: n.label, kind: n.kind || "state",
        state: n.state, status: n.state ? (status[n.state] || "NOT_RUN") : undefined,
        w: pos[n.id] && pos[n.id].width, h: pos[n.id] && pos[n.id].height},
      position: pos[n.id] ? {x: pos[n.id].x, y: pos[n.id].y} : undefined}))
      .concat(g.edges.map((e, i) => ({group: "edges", data: {id: "e" + i, source: e.source, target: e.target, kind: e.kind || ""}})));
    const cy = cytoscape({container, elements, layout: {name: "preset"}, wheelSensitivity: 0.3, boxSelectionEnabled: false,
      style: [
        {selector: "node", style: {"label": "data(label)", "text-valign": "center", "text-halign": "center", "font-size": 12,
          "shape": "round-rectangle", "width": "data(w)", "height": "data(h)", "color": "#fff", "border-width": 0}},
        {selector: "node[kind='state']", style: {"background-color": ele => colour(ele.data("status"))}},
        {selector: "node[status='NOT_RUN']", style: {"color": "#1f2933"}},
        {selector: "node[kind='terminal']", style: {"shape": "ellipse", "background-color": "#17212b"}},
        {selector: "node[kind='join']", style: {"shape": "ellipse", "background-color": "#9aa5b1", "label": ""}},
        {selector: "node[kind='group']", style: {"background-color": "#f3f6f9", "border-width": 1, "border-color": "#c5ced8", "label": "", "padding": 10}},
        {selector: "node[kind='branch']", style: {"background-color": "#fff", "border-width": 1, "border-style": "dashed", "border-color": "#c5ced8",
          "label": "data(label)", "text-valign": "top", "text-halign": "center", "color": "#6b7785", "font-size": 10, "padding": 8}},
        {selector: "node:selected", style: {"border-width": 3, "border-color": "#17212b"}},
        {selector: "edge", style: {"width": 1.5, "line-color": "#9aa5b1", "target-arrow-color": "#9aa5b1", "target-arrow-shape": "triangle", "curve-style": "bezier"}},
        {selector: "edge[kind='catch']", style: {"line-style": "dashed", "line-color": "#e08a1e", "target-arrow-color": "#e08a1e"}}
      ]});
    cy.fit(undefined, 20);
    return cy;
  }

  function details(panel, name, spans) {
    const runs = spans.filter(s => s.name === name);
    if (!runs.length) { panel.innerHTML = `<h2>${esc(name)}</h2><p class="muted">This state did not run in this execution.</p>`; return; }
    const json = v => v === undefined ? '<span class="muted">none</span>' : `<pre>${esc(JSON.stringify(v, null, 2))}</pre>`;
    panel.innerHTML = `<h2 id="state-name">${esc(name)}</h2>` + runs.slice(0, 20).map((r, i) => `
      <div class="card run">
        ${runs.length > 1 ? `<strong>run ${i + 1} of ${runs.length}</strong> ` : ""}${badge(r.status)} <span class="muted">${esc(r.type)}</span>
        <dl class="fields"><dt>Entered</dt><dd>${time(r.entered)}</dd><dt>Exited</dt><dd>${time(r.exited)}</dd>
        <dt>Duration</dt><dd>${duration(r.durationMs)}</dd>
        ${r.error ? `<dt>Error</dt><dd class="error-text">${esc(r.error)}</dd><dt>Cause</dt><dd class="error-text">${esc(r.cause || "")}</dd>` : ""}</dl>
        <h3>Input</h3>${json(r.input)}<h3>Output</h3>${json(r.output)}
      </div>`).join("") + (runs.length > 20 ? `<p class="muted">${runs.length - 20} more runs not shown</p>` : "");
  }

  function gantt(x) {
    if (!x.states.length) return '<p class="muted">No states ran.</p>';
    const start = Date.parse(x.execution.start || x.states[0].entered);
    const end = Math.max(Date.parse(x.execution.stop || new Date().toISOString()),
      ...x.states.map(s => Date.parse(s.exited || s.entered) || start)) || start + 1;
    const span = Math.max(1, end - start);
    return '<div class="gantt" id="timeline">' + x.states.slice(0, 300).map(s => {
      const from = Date.parse(s.entered) - start;
      const left = 100 * from / span, width = Math.max(0.3, 100 * (s.durationMs || 0) / span);
      return `<div class="row"><span><code>${esc(s.name)}</code></span><div class="track"><div class="span" title="${esc(s.status)}"
        style="left:${left}%;width:${Math.min(width, 100 - left)}%;background:var(${STATUS_VAR[s.status] || "--pending"})"></div></div>
        <span>${duration(s.durationMs)}</span></div>`;
    }).join("") + "</div>";
  }

  let cy = null, shown = null;
  window.cirrus.page("execution", {
    async render(main, arn, params, first) {
      const x = await data("execution", {arn});
      const status = statuses(x.states);
      const signature = JSON.stringify(status) + x.execution.status;
      if (!first && cy && shown === signature) return x.execution.status === "RUNNING" ? 2000 : 10000;
      const selected = cy && cy.$(":selected").length ? cy.$(":selected").data("state") : null;
      const e = x.execution;
      main.innerHTML = `
        <h1>Execution <code>${esc(e.name)}</code> ${badge(e.status)}</h1>
        <div class="card"><dl class="fields"><dt>State machine</dt><dd>${esc(e.stateMachine)}</dd>
          <dt>Started</dt><dd>${time(e.start)}</dd><dt>Stopped</dt><dd>${time(e.stop)}</dd>
          ${e.error ? `<dt>Error</dt><dd class="error-text">${esc(e.error)}</dd><dt>Cause</dt><dd class="error-text">${esc(e.cause || "")}</dd>` : ""}</dl></div>
        <div class="legend">${Object.keys(STATUS_VAR).map(s => `<span><i class="l-${s}" data-legend="${s}"></i>${s === "NOT_RUN" ? "not run" : s.toLowerCase()}</span>`).join("")}</div>
        <div class="exec-layout"><div id="graph"></div><div id="state-panel"><p class="muted">Click a state to see its input, output, error and timing.</p></div></div>
        <h2>Timeline</h2>${gantt(x)}
        <h2>History <span class="muted">(${x.eventCount} events)</span></h2>
        <table id="history"><thead><tr><th>#</th><th>Time</th><th>Type</th><th>State</th><th>Error</th></tr></thead><tbody>${
          x.events.map(ev => `<tr><td>${ev.id}</td><td>${time(ev.timestamp)}</td><td>${esc(ev.type)}</td><td>${esc(ev.name || "")}</td><td class="error-text">${esc(ev.error || "")}</td></tr>`).join("")}</tbody></table>`;
      if (cy) { cy.destroy(); cy = null; }
      if (x.definition && window.cytoscape && window.dagre) {
        cy = draw(main.querySelector("#graph"), build(x.definition), status);
        window.cirrusGraph = cy;
        const panel = main.querySelector("#state-panel");
        cy.on("tap", "node[state]", ev => { cy.$(":selected").unselect(); ev.target.select(); details(panel, ev.target.data("state"), x.states); });
        if (selected) { const n = cy.nodes().filter(n => n.data("state") === selected); n.select(); details(panel, selected, x.states); }
      } else {
        main.querySelector("#graph").innerHTML = '<p class="muted" style="padding:12px">The definition of this execution is not available.</p>';
      }
      shown = signature;
      return e.status === "RUNNING" ? 2000 : 10000;
    }
  });
})();
