// The dashboard's core: data requests, the hash router, live refresh. Pages register in pages.js/graph.js.
(function () {
  "use strict";
  const token = document.querySelector('meta[name="cirrus-token"]').content;
  const pages = {};
  let current = null;   // {name, arg, params, timer}
  let generation = 0;

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  }

  function badge(state) {
    return `<span class="badge s-${esc(state)}">${esc(state)}</span>`;
  }

  function time(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    return isNaN(d) ? esc(iso) : d.toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
  }

  function duration(ms) {
    if (ms == null) return "";
    if (ms < 1000) return ms + " ms";
    const s = ms / 1000;
    if (s < 60) return s.toFixed(1) + " s";
    const m = Math.floor(s / 60);
    return m + " min " + Math.round(s % 60) + " s";
  }

  async function data(path, params) {
    const q = params ? "?" + new URLSearchParams(params).toString() : "";
    const r = await fetch("data/" + path + q, {headers: {"Accept": "application/json"}});
    const body = await r.json().catch(() => ({}));
    if (!r.ok) {
      const e = new Error((body.error && body.error.message) || ("HTTP " + r.status));
      e.status = r.status;
      throw e;
    }
    return body;
  }

  async function post(path, body) {
    const r = await fetch("data/" + path, {
      method: "POST",
      headers: {"Content-Type": "application/json", "X-Cirrus-Token": token},
      body: JSON.stringify(body)
    });
    const reply = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error((reply.error && reply.error.message) || ("HTTP " + r.status));
    return reply;
  }

  function showError(e) {
    const el = document.getElementById("error");
    if (!e) { el.hidden = true; return; }
    el.textContent = e.message || String(e);
    el.hidden = false;
  }

  function parseHash() {
    const h = location.hash.replace(/^#\/?/, "");
    const [path, query] = h.split("?");
    const [name, ...rest] = (path || "overview").split("/");
    return {name: name || "overview", arg: rest.length ? decodeURIComponent(rest.join("/")) : null,
            params: new URLSearchParams(query || "")};
  }

  function go(hash) { location.hash = hash; }

  async function render(first) {
    const g = generation;
    const page = pages[current.name];
    try {
      const again = await page.render(document.getElementById("main"), current.arg, current.params, first);
      if (g !== generation) return;
      showError(null);
      document.getElementById("live").classList.remove("stale");
      document.getElementById("live").textContent = "live · " + new Date().toLocaleTimeString();
      schedule(again === false ? null : (again || 2000));
    } catch (e) {
      if (g !== generation) return;
      showError(e);
      document.getElementById("live").classList.add("stale");
      schedule(5000);
    }
  }

  function schedule(ms) {
    clearTimeout(current.timer);
    if (ms) current.timer = setTimeout(() => { if (!document.hidden) render(false); else schedule(ms); }, ms);
  }

  function route() {
    if (current) clearTimeout(current.timer);
    generation++;
    const r = parseHash();
    if (!pages[r.name]) { go("#/overview"); return; }
    current = r;
    document.querySelectorAll("[data-nav]").forEach(a =>
      a.classList.toggle("active", a.dataset.nav === r.name ||
        (a.dataset.nav === "payloads" && (r.name === "payload" || r.name === "execution"))));
    document.getElementById("main").innerHTML = '<p class="muted">Loading…</p>';
    render(true);
  }

  window.cirrus = {esc, badge, time, duration, data, post, go, showError,
    page(name, impl) { pages[name] = impl; },
    refresh() { if (current) render(false); },
    start() { window.addEventListener("hashchange", route); route(); }};
  // pages.js (loaded last) starts the router once every page is registered
})();
