// Overview, payloads, payload and Batch pages.
(function () {
  "use strict";
  const {esc, badge, time, duration, data, post, go} = window.cirrus;
  const STATES = ["PROCESSING", "CLAIMED", "COMPLETED", "FAILED", "INVALID", "ABORTED"];
  const COLOURS = {COMPLETED: "--succeeded", FAILED: "--failed", INVALID: "--invalid", ABORTED: "--aborted",
                   PROCESSING: "--running", CLAIMED: "--claimed"};
  const css = name => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  const idLink = id => `#/payload/${encodeURIComponent(id)}`;

  function stateBar(counts, total) {
    if (!total) return '<div class="bar"></div>';
    return '<div class="bar">' + STATES.filter(s => counts[s]).map(s =>
      `<span title="${s} ${counts[s]}" style="width:${100 * counts[s] / total}%;background:var(${COLOURS[s]})"></span>`).join("") + "</div>";
  }

  window.cirrus.page("overview", {
    async render(main, arg, params) {
      const window_ = params.get("window") || "24h";
      const o = await data("overview", {window: window_});
      const cards = o.workflows.map(w => `
        <div class="card workflow" data-workflow="${esc(w.workflow)}">
          <strong>${esc(w.workflow)}</strong> <span class="muted">${esc(w.collections)}</span>
          ${stateBar(w.counts, w.total)}
          <div class="counts">${STATES.filter(s => w.counts[s]).map(s =>
            `<a href="#/payloads?workflow=${encodeURIComponent(w.workflow)}&state=${s}&since=${window_}">${badge(s)} <span class="count" data-state="${s}">${w.counts[s]}</span></a>`).join(" ")}
            <span class="muted">total <span class="total">${w.total}</span></span></div>
        </div>`).join("");
      const failures = o.failures.length ? `<table id="failures"><thead><tr><th>Payload</th><th>Updated</th><th>Last error</th></tr></thead><tbody>${
        o.failures.map(f => `<tr class="clickable" data-href="${idLink(f.payload_id)}"><td><code>${esc(f.payload_id)}</code></td><td>${time(f.updated)}</td><td class="error-text">${esc((f.last_error || "").slice(0, 300))}</td></tr>`).join("")
      }</tbody></table>` : '<p class="muted">No failures in the last 24 h.</p>';
      main.innerHTML = `
        <h1>Overview</h1>
        <form class="filters"><label>Window <select id="window">${["1h", "24h", "7d", "30d", "36500d"].map(w =>
          `<option value="${w}" ${w === window_ ? "selected" : ""}>${w === "36500d" ? "all" : w}</option>`).join("")}</select></label></form>
        <div class="grid" id="workflows">${cards || '<p class="muted">No payloads in this window.</p>'}</div>
        <h2>Failures of the last 24 h</h2>${failures}`;
      main.querySelector("#window").onchange = e => go("#/overview?window=" + e.target.value);
      main.querySelectorAll("tr[data-href]").forEach(tr => tr.onclick = () => go(tr.dataset.href));
      return 3000;
    }
  });

  window.cirrus.page("payloads", {
    async render(main, arg, params, first) {
      const f = Object.fromEntries(["workflow", "state", "since", "q", "page"].map(k => [k, params.get(k) || ""]));
      const page = parseInt(f.page || "0", 10);
      const query = {workflow: f.workflow, state: f.state, since: f.since, q: f.q, page, size: 25};
      const r = await data("payloads", query);
      if (!first && main.querySelector("#payload-table")) {
        main.querySelector("#payload-table tbody").innerHTML = rows(r.items);
        bindRows(main);
        return 3000;
      }
      main.innerHTML = `
        <h1>Payloads</h1>
        <form class="filters" id="filters">
          <label>Workflow <input name="workflow" value="${esc(f.workflow)}" placeholder="any"></label>
          <label>State <select name="state"><option value="">any</option>${STATES.map(s => `<option ${s === f.state ? "selected" : ""}>${s}</option>`).join("")}</select></label>
          <label>Since <input name="since" value="${esc(f.since)}" placeholder="e.g. 24h" size="6"></label>
          <label>Id contains <input name="q" value="${esc(f.q)}" placeholder="item id"></label>
          <button type="submit">Filter</button>
        </form>
        <table id="payload-table"><thead><tr><th>State</th><th>Payload id</th><th>Updated</th><th>Last error</th></tr></thead>
        <tbody>${rows(r.items)}</tbody></table>
        <div class="pager"><button id="prev" ${page ? "" : "disabled"}>‹ Newer</button>
          <span class="muted">page ${page + 1}</span><button id="next" ${r.more ? "" : "disabled"}>Older ›</button></div>`;
      const form = main.querySelector("#filters");
      const nav = p => { const fd = new URLSearchParams(new FormData(form)); fd.set("page", p); go("#/payloads?" + fd.toString()); };
      form.onsubmit = e => { e.preventDefault(); nav(0); };
      main.querySelector("#prev").onclick = () => nav(page - 1);
      main.querySelector("#next").onclick = () => nav(page + 1);
      bindRows(main);
      return 3000;
    }
  });

  function rows(items) {
    if (!items.length) return '<tr><td colspan="4" class="muted">No payloads match.</td></tr>';
    return items.map(i => `<tr class="clickable" data-href="${idLink(i.payload_id)}"><td>${badge(i.state)}</td><td><code>${esc(i.payload_id)}</code></td><td>${time(i.updated)}</td><td class="error-text">${esc((i.last_error || "").slice(0, 200))}</td></tr>`).join("");
  }

  function bindRows(main) {
    main.querySelectorAll("tr[data-href]").forEach(tr => tr.onclick = () => go(tr.dataset.href));
  }

  window.cirrus.page("payload", {
    async render(main, id) {
      const p = await data("payload", {id});
      const item = p.item;
      const outputs = (item.outputs || []).map(u => `<div><a href="#" data-blob="${esc(u)}">${esc(u)}</a></div>`).join("") || '<span class="muted">none</span>';
      const execs = p.executions.slice().reverse().map(e => `<tr class="clickable" data-href="#/execution/${encodeURIComponent(e.arn)}">
        <td>${badge(e.status)}</td><td><code>${esc(e.name)}</code></td><td>${time(e.start)}</td><td>${time(e.stop)}</td><td class="error-text">${esc(e.error || "")}</td></tr>`).join("");
      const blobView = main.querySelector("#blob") ? main.querySelector("#blob").outerHTML : '<pre id="blob" hidden></pre>';
      main.innerHTML = `
        <h1>Payload <code>${esc(item.payload_id)}</code></h1>
        <div class="card"><dl class="fields">
          <dt>State</dt><dd id="payload-state">${badge(item.state)}</dd>
          <dt>Workflow</dt><dd>${esc(item.workflow)}</dd>
          <dt>Collections</dt><dd>${esc(item.collections)}</dd>
          <dt>Created</dt><dd>${time(item.created)}</dd>
          <dt>Updated</dt><dd>${time(item.updated)}</dd>
          <dt>Input</dt><dd><a href="#" data-blob="${esc(p.input)}">${esc(p.input)}</a></dd>
          <dt>Outputs</dt><dd>${outputs}</dd>
          <dt>Last error</dt><dd class="error-text" id="last-error">${esc(item.last_error || "")}</dd>
        </dl>
        <p>${p.readOnly ? '<span class="muted">read-only dashboard: reruns are off</span>'
          : '<button id="rerun" class="danger">Rerun this payload…</button> <span id="rerun-result" class="muted"></span>'}</p></div>
        <h2>Executions</h2>
        <table id="executions"><thead><tr><th>Status</th><th>Name</th><th>Started</th><th>Stopped</th><th>Error</th></tr></thead><tbody>${execs}</tbody></table>
        ${blobView}`;
      main.querySelectorAll("tr[data-href]").forEach(tr => tr.onclick = () => go(tr.dataset.href));
      main.querySelectorAll("a[data-blob]").forEach(a => a.onclick = async ev => {
        ev.preventDefault();
        const pre = main.querySelector("#blob");
        try { pre.textContent = JSON.stringify(await data("blob", {url: a.dataset.blob}), null, 2); }
        catch (e) { pre.textContent = e.message; }
        pre.hidden = false;
      });
      const button = main.querySelector("#rerun");
      if (button) button.onclick = async () => {
        if (!confirm("Rerun " + item.payload_id + "?\nIt goes back to the process queue and runs its workflow again.")) return;
        button.disabled = true;
        try {
          const r = await post("rerun", {id: item.payload_id});
          main.querySelector("#rerun-result").textContent = r.sent ? "sent to the process queue" : "nothing sent";
          window.cirrus.refresh();
        } catch (e) { main.querySelector("#rerun-result").textContent = e.message; button.disabled = false; }
      };
      return 2000;
    }
  });

  let chart = null;
  window.cirrus.page("batch", {
    async render(main, arg, params, first) {
      const b = await data("batch");
      const q = b.queues.map(q => `<tr><td><strong>${esc(q.name)}</strong></td><td>${esc(q.state)}</td><td>${q.priority}</td><td>${q.environments.map(esc).join(", ")}</td>
        <td>${Object.entries(q.counts).filter(([, n]) => n).map(([s, n]) => `${badge(s)} ${n}`).join(" ") || '<span class="muted">no jobs</span>'}</td></tr>`).join("");
      const envs = b.environments.map(e => `<tr><td><strong>${esc(e.name)}</strong></td><td>${esc(e.state)}</td><td>${esc(e.type)}</td>
        <td><span class="vcpus">${e.vcpusInUse}</span> / ${e.maxvCpus == null ? "∞" : e.maxvCpus}</td></tr>`).join("");
      const jobs = b.jobs.map(j => `<tr class="clickable" data-job="${esc(j.jobId)}"><td>${badge(j.status)}</td><td>${esc(j.name)}</td><td><code>${esc(j.jobId)}</code></td>
        <td>${esc(j.queue)}</td><td>${time(j.createdAt)}</td><td>${j.exitCode == null ? "" : j.exitCode}</td><td class="error-text">${esc(j.statusReason || "")}</td></tr>`).join("");
      const keepLog = main.querySelector("#job-log") ? main.querySelector("#job-log").outerHTML : '<div id="job-log"></div>';
      main.innerHTML = `
        <h1>Batch</h1>
        <h2>Job queues</h2>
        <table id="queues"><thead><tr><th>Queue</th><th>State</th><th>Priority</th><th>Compute environments</th><th>Jobs by status</th></tr></thead><tbody>${q || '<tr><td colspan="5" class="muted">No job queues.</td></tr>'}</tbody></table>
        <h2>Compute environments</h2>
        <table id="environments"><thead><tr><th>Environment</th><th>State</th><th>Type</th><th>vCPUs in use / MaxvCpus</th></tr></thead><tbody>${envs}</tbody></table>
        <h2>vCPUs in use over time</h2>
        <div class="card chart-box"><canvas id="vcpu-chart"></canvas></div>
        <h2>Latest jobs</h2>
        <table id="jobs"><thead><tr><th>Status</th><th>Name</th><th>Job id</th><th>Queue</th><th>Created</th><th>Exit</th><th>Reason</th></tr></thead><tbody>${jobs || '<tr><td colspan="7" class="muted">No jobs.</td></tr>'}</tbody></table>
        ${keepLog}`;
      drawChart(main.querySelector("#vcpu-chart"), b);
      main.querySelectorAll("tr[data-job]").forEach(tr => tr.onclick = () => showLog(main, tr.dataset.job));
      return 3000;
    }
  });

  async function showLog(main, id) {
    const r = await data("job", {id, lines: 200});
    main.querySelector("#job-log").innerHTML = `<h2>Log of job <code>${esc(r.job.name)}</code> (${badge(r.job.status)})</h2>
      <pre id="job-log-lines">${esc(r.log.map(l => l.message).join("\n")) || "(no log lines)"}</pre>`;
  }

  function drawChart(canvas, b) {
    if (chart) { chart.destroy(); chart = null; }
    if (!window.Chart) return;
    const h = b.vcpuHistory;
    const palette = ["#3178c6", "#2e9d5b", "#e08a1e", "#8a5cc2", "#d1394a"];
    const sets = [];
    Object.entries(h.environments).forEach(([name, s], i) => {
      const c = palette[i % palette.length];
      sets.push({label: name + " in use", data: s.inUse, borderColor: c, backgroundColor: c + "33", fill: true, stepped: true, pointRadius: 0});
      sets.push({label: name + " MaxvCpus", data: s.max, borderColor: c, borderDash: [6, 4], pointRadius: 0, fill: false});
    });
    chart = new Chart(canvas, {type: "line",
      data: {labels: h.times.map(t => new Date(t).toLocaleTimeString()), datasets: sets},
      options: {animation: false, maintainAspectRatio: false, scales: {y: {beginAtZero: true, title: {display: true, text: "vCPUs"}}},
        plugins: {legend: {position: "bottom"}}}});
  }

  window.cirrus.start();
})();
