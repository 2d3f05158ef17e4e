// sitmap's situation map: Leaflet + markercluster from installed packages, borders from the
// package, every number from this server's /api. No request leaves this host.
"use strict";

const TYPE_COLOURS = {
  ASSAULT: "#d32f2f", COERCE: "#f57c00", THREATEN: "#fbc02d", PROTEST: "#7b1fa2",
  MOBILIZE: "#c2185b", SANCTION: "#5d4037", ACCUSE: "#e64a19", REJECT: "#795548",
  REQUEST: "#0288d1", CONSULT: "#1976d2", AGREE: "#388e3c", COOPERATE: "#2e7d32",
  SUPPORT: "#689f38", AID: "#00897b", RETREAT: "#455a64", CONCEDE: "#0097a7",
};
const FILTER_KEYS = ["type", "status", "outlet", "actor", "min_sources", "min_confidence", "since", "until"];

const state = { filters: {}, selected: null, markers: new Map(), seq: 0 };
const $ = (id) => document.getElementById(id);

function colour(type) { return TYPE_COLOURS[type] || "#616161"; }
function esc(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

// -- URL state ---------------------------------------------------------------------------
function readUrl() {
  const q = new URLSearchParams(location.search);
  for (const k of FILTER_KEYS) if (q.get(k)) state.filters[k] = q.get(k);
  const view = { lat: parseFloat(q.get("lat")), lon: parseFloat(q.get("lon")), z: parseInt(q.get("z"), 10) };
  return Number.isFinite(view.lat) && Number.isFinite(view.lon) && Number.isFinite(view.z) ? view : null;
}
function writeUrl() {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state.filters[k]) q.set(k, state.filters[k]);
  const c = map.getCenter();
  q.set("lat", c.lat.toFixed(3)); q.set("lon", c.lng.toFixed(3)); q.set("z", map.getZoom());
  history.replaceState(null, "", "?" + q.toString());
}
function filterQuery(extra) {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state.filters[k]) q.set(k, state.filters[k]);
  for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
  return q.toString();
}
async function api(path, params) {
  const r = await fetch(path + (params ? "?" + params : ""));
  const body = await r.json();
  if (!r.ok) throw new Error(body.message || r.statusText);
  return body;
}

// -- the map -----------------------------------------------------------------------------
const initialView = readUrl();
const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 14, preferCanvas: false });
if (initialView) map.setView([initialView.lat, initialView.lon], initialView.z);
else map.setView([30, 30], 3);
map.attributionControl.addAttribution("Borders: Natural Earth (world-atlas)");
fetch("/static/countries.geojson").then((r) => r.json()).then((geo) => {
  L.geoJSON(geo, { interactive: false, style: { color: "#78909c", weight: 0.8, fillColor: "#f1efe9", fillOpacity: 1 } })
    .addTo(map).bringToBack();
});
const clusters = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
const cells = L.layerGroup();
map.addLayer(clusters); map.addLayer(cells);

function markerSize(sources) { return Math.round(12 + 6 * Math.log2(Math.max(1, sources))); }

function pointMarker(p) {
  const size = markerSize(p.sources);
  const ids = p.ids || [p.id];
  const icon = L.divIcon({
    className: "", iconSize: [size, size],
    html: `<div class="ev-marker ${esc(p.status_group)}" data-ids="${esc(ids.join(","))}" ` +
          `style="width:${size}px;height:${size}px;background:${colour(p.plover)}" ` +
          `title="${esc(p.plover)} · ${esc(p.place || "")} · ${esc(p.day || "")} · ${p.sources} source(s)"></div>`,
  });
  const m = L.marker([p.lat, p.lon], { icon, keyboard: true, title: `${p.plover} ${p.place || ""}` });
  m.on("click", () => (p.id ? showSituation(p.id) : showGroup(p)));
  for (const id of ids) state.markers.set(id, m);
  return m;
}

function cellMarker(c) {
  const n = c.situations ?? c.events, what = c.situations !== undefined ? "situations" : "events";
  const size = Math.round(22 + 8 * Math.log10(Math.max(1, n)));
  const icon = L.divIcon({
    className: "", iconSize: [size, size],
    html: `<div class="cell-marker" style="width:${size}px;height:${size}px;background:${colour(c.plover)}" ` +
          `title="${n} ${what}, mostly ${esc(c.plover)}">${n >= 1000 ? Math.round(n / 1000) + "k" : n}</div>`,
  });
  const m = L.marker([c.lat, c.lon], { icon });
  m.on("click", () => map.fitBounds([[c.south, c.west], [c.north, c.east]], { maxZoom: map.getZoom() + 3, padding: [20, 20] }));
  return m;
}

function bbox() {
  const b = map.getBounds().pad(0.25);
  const w = Math.max(b.getWest(), map.getCenter().lng - 180), e = Math.min(b.getEast(), map.getCenter().lng + 180);
  return [w, Math.max(-90, b.getSouth()), e, Math.min(90, b.getNorth())].map((x) => x.toFixed(4)).join(",");
}

async function refresh() {
  const seq = ++state.seq;
  writeUrl();
  const box = bbox();
  // Each answer is drawn as soon as it comes (markers first); a newer view drops older answers.
  const get = (path, extra) => api(path, filterQuery(extra)).then((body) => (seq === state.seq ? body : null));
  try {
    await Promise.all([
      get("/api/map", { bbox: box, zoom: map.getZoom() }).then((view) => {
        if (!view) return null;
        drawMarkers(view);
        state.unit = view.unit;
        $("count").textContent = view.unit === "situations"
          ? `${view.situations.toLocaleString()} situations (${view.events.toLocaleString()} events) on the map`
          : `${view.events.toLocaleString()} events on the map`;
        // The list follows the map's unit: situations when the store has them, else events.
        return view.unit === "situations"
          ? get("/api/situations", { bbox: box, limit: 100 }).then((list) => list && drawSituationList(list))
          : get("/api/events", { bbox: box, limit: 100 }).then((list) => list && drawList(list));
      }),
      get("/api/timeline", { bbox: box }).then((tl) => tl && drawTimeline(tl)),
    ]);
    if (seq === state.seq) document.body.dataset.ready = "1";
  } catch (err) {
    $("count").textContent = "error: " + err.message;
  }
}
let timer = null;
function refreshSoon() { clearTimeout(timer); timer = setTimeout(refresh, 150); }

function drawMarkers(view) {
  clusters.clearLayers(); cells.clearLayers(); state.markers.clear();
  document.body.dataset.mode = view.mode;
  if (view.mode === "points") clusters.addLayers(view.points.map(pointMarker));
  else for (const c of view.cells) cells.addLayer(cellMarker(c));
}

// -- the list in step with the map -------------------------------------------------------
function drawList(page) {
  const ol = $("list");
  ol.replaceChildren();
  $("list-count").textContent = page.total > page.events.length
    ? `(first ${page.events.length} of ${page.total.toLocaleString()})` : `(${page.total})`;
  for (const ev of page.events) {
    const li = document.createElement("li");
    li.dataset.id = ev.id;
    const place = ev.place ? (ev.place.name || ev.place.text) : "no place";
    li.innerHTML = `<div><span class="swatch" style="background:${colour(ev.plover)}"></span>` +
      `<b>${esc(ev.plover)}</b> · ${esc(place)} · <span class="status-${esc(ev.status_group)}">${esc(ev.status)}</span></div>` +
      `<div class="meta">${esc(ev.event_date || (ev.published ? "published " + ev.published : "no date"))} · ${esc(ev.outlet || "?")}</div>` +
      `<div>${esc(ev.evidence.length > 140 ? ev.evidence.slice(0, 137) + "…" : ev.evidence)}</div>`;
    li.addEventListener("click", () => focusEvent(ev.id));
    li.addEventListener("mouseenter", () => highlight(ev.id, true));
    li.addEventListener("mouseleave", () => highlight(ev.id, false));
    ol.appendChild(li);
  }
}
function drawSituationList(page) {
  const ol = $("list");
  ol.replaceChildren();
  $("list-count").textContent = page.total > page.situations.length
    ? `(first ${page.situations.length} of ${page.total.toLocaleString()}, most sources first)` : `(${page.total})`;
  for (const st of page.situations) {
    const li = document.createElement("li");
    li.dataset.id = st.id;
    const evidence = st.evidence || "";
    li.innerHTML = `<div><span class="swatch" style="background:${colour(st.plover)}"></span>` +
      `<b>${esc(st.plover)}</b> · ${esc(st.place_name || "no place")} · <span class="status-${esc(groupClass(st.status_group))}">${esc(st.status_group)}</span></div>` +
      `<div class="meta">${esc(st.event_date || st.date_start || "no date")} · ${st.sources} source(s): ${esc((st.outlets || []).join(", "))}</div>` +
      `<div>${esc(evidence.length > 140 ? evidence.slice(0, 137) + "…" : evidence)}</div>`;
    li.addEventListener("click", () => {
      const m = state.markers.get(st.id);
      if (m) clusters.zoomToShowLayer(m, () => highlight(st.id, true));
      showSituation(st.id);
    });
    li.addEventListener("mouseenter", () => highlight(st.id, true));
    li.addEventListener("mouseleave", () => highlight(st.id, false));
    ol.appendChild(li);
  }
}
function groupClass(group) { return group === "predicted" || group === "hypothetical" ? "possible" : group; }
async function showSituation(id) {
  document.querySelectorAll("#list li").forEach((li) => li.classList.toggle("active", li.dataset.id === id));
  const st = await api("/api/situations/" + encodeURIComponent(id));
  const members = st.members || [];
  const events = await Promise.all(members.slice(0, 20).map((m) => api("/api/events/" + encodeURIComponent(m.event_id))));
  const first = st.first_report || {};
  const dis = (st.disagreements || []).map((d) => (typeof d === "string" ? d : d.field || JSON.stringify(d)));
  let html = `<h3><span class="swatch" style="background:${colour(st.plover)}"></span>${esc(st.plover)} · ${esc(st.place_name || "no place")}</h3>` +
    `<div class="meta">${esc(st.event_date || st.date_start || "no date")} · <span class="status-${esc(groupClass(st.status_group))}">${esc(st.status_group)}</span>` +
    ` · ${st.sources} source(s) · ${members.length} report(s)</div>` +
    `<div class="meta">first reported by ${esc((first.outlets || []).join(", ") || "?")} on ${esc(first.published || "?")}` +
    (dis.length ? ` · sources disagree on: ${esc(dis.join(", "))}` : "") + `</div>`;
  if (members.length > events.length) html += `<div class="meta">showing ${events.length} of ${members.length} reports</div>`;
  for (const ev of events) html += memberHtml(ev);
  $("detail-body").innerHTML = html;
  $("detail").hidden = false;
  $("side").scrollTop = 0;
}
function highlight(id, on) {
  const m = state.markers.get(id);
  const el = m && m.getElement && m.getElement();
  if (el && el.firstChild) el.firstChild.classList.toggle("selected", on);
}
function focusEvent(id) {
  const m = state.markers.get(id);
  if (m) clusters.zoomToShowLayer(m, () => highlight(id, true));
  showEvents([id]);
}

// -- the side panel ----------------------------------------------------------------------
function showGroup(p) {
  document.querySelectorAll("#list li").forEach((li) => li.classList.toggle("active", p.ids.includes(li.dataset.id)));
  showEvents(p.ids.slice(0, 20), p);
}
async function showEvents(ids, group) {
  const events = await Promise.all(ids.map((id) => api("/api/events/" + encodeURIComponent(id))));
  const first = events[0];
  const place = first.place ? (first.place.name || first.place.text) : "no place";
  const outlets = new Set(events.map((e) => (e.outlet || "?").toLowerCase()));
  let html = `<h3><span class="swatch" style="background:${colour(first.plover)}"></span>${esc(first.plover)} · ${esc(place)}</h3>` +
    `<div class="meta">${esc(first.event_date || "no date")} · ${events.length} event(s) · ${outlets.size} source(s)` +
    (group && group.events > events.length ? ` (showing ${events.length} of ${group.events})` : "") + `</div>`;
  for (const ev of events) html += memberHtml(ev);
  $("detail-body").innerHTML = html;
  $("detail").hidden = false;
  $("side").scrollTop = 0;
}
function evidenceHtml(ev) {
  const text = ev.evidence || "";
  const span = ev.trigger_span;
  if (span && span[0] >= 0 && span[1] <= text.length) {
    return esc(text.slice(0, span[0])) + "<mark>" + esc(text.slice(span[0], span[1])) + "</mark>" + esc(text.slice(span[1]));
  }
  const i = ev.trigger ? text.indexOf(ev.trigger) : -1;
  if (i < 0) return esc(text);
  return esc(text.slice(0, i)) + "<mark>" + esc(ev.trigger) + "</mark>" + esc(text.slice(i + ev.trigger.length));
}
function actorText(a) { return a ? `${a.name || a.text}${a.code ? " (" + a.code + ")" : ""}` : "?"; }
function memberHtml(ev) {
  const chain = (ev.attribution || []).map((s) => `${s.role}: ${s.name}`).join(" → ") || "—";
  const link = ev.url
    ? `<a href="${esc(ev.url)}" rel="noreferrer noopener" target="_blank">source link</a>`
    : `<a href="/api/documents/${encodeURIComponent(ev.doc_id)}" target="_blank">stored document</a>`;
  return `<div class="member" data-id="${esc(ev.id)}">` +
    `<div><b>${esc(ev.outlet || "unknown outlet")}</b> · published ${esc(ev.published || "?")} · event ${esc(ev.event_date || "date not in the text")}` +
    ` · <span class="status-${esc(ev.status_group)}">${esc(ev.status)}</span> · confidence ${Number(ev.confidence).toFixed(2)}</div>` +
    `<div>${esc(actorText(ev.source))} → <b>${esc(ev.trigger)}</b> → ${esc(actorText(ev.target))}${ev.mode ? " · " + esc(ev.mode) : ""}</div>` +
    `<p class="evidence">“${evidenceHtml(ev)}”</p>` +
    `<div class="chain">according to: ${esc(chain)}</div><div>${link}${ev.title ? " · " + esc(ev.title) : ""}</div></div>`;
}
$("detail-close").addEventListener("click", () => { $("detail").hidden = true; });

// -- the timeline with a brushable window ------------------------------------------------
const DAY = 86400000;
let tlScale = null;
function drawTimeline(tl) {
  const svg = $("timeline");
  const width = svg.clientWidth || 800, height = 70, pad = 14;
  svg.replaceChildren();
  if (!tl.bins.length) { tlScale = null; return; }
  const unitDays = { day: 1, week: 7, month: 30.5 }[tl.unit];
  const t0 = Date.parse(tl.bins[0].start), t1 = Date.parse(tl.bins[tl.bins.length - 1].start) + unitDays * DAY;
  const x = (t) => ((t - t0) / Math.max(DAY, t1 - t0)) * width;
  tlScale = { t0, t1, width, x, unit: tl.unit };
  const max = Math.max(...tl.bins.map((b) => b.events));
  const since = state.filters.since ? Date.parse(state.filters.since) : -Infinity;
  const until = state.filters.until ? Date.parse(state.filters.until) : Infinity;
  const ns = "http://www.w3.org/2000/svg";
  for (const b of tl.bins) {
    const t = Date.parse(b.start), h = Math.max(1, ((height - pad) * b.events) / max);
    const r = document.createElementNS(ns, "rect");
    r.setAttribute("x", x(t)); r.setAttribute("width", Math.max(1, x(t + unitDays * DAY) - x(t) - 1));
    r.setAttribute("y", height - pad - h); r.setAttribute("height", h);
    r.setAttribute("class", "bar" + (t + unitDays * DAY <= since || t > until ? " out" : ""));
    const title = document.createElementNS(ns, "title");
    title.textContent = `${b.start.slice(0, 10)}: ${b.events} events`;
    r.appendChild(title); svg.appendChild(r);
  }
  for (const [t, anchor] of [[t0, "start"], [t1 - DAY, "end"]]) {
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", anchor === "start" ? 0 : width); label.setAttribute("y", height - 2);
    label.setAttribute("text-anchor", anchor); label.textContent = new Date(t).toISOString().slice(0, 10);
    svg.appendChild(label);
  }
  if (state.filters.since || state.filters.until) {
    const a = Math.max(0, x(Math.max(since, t0))), bEnd = Math.min(width, x(Math.min(until + DAY, t1)));
    const brush = document.createElementNS(ns, "rect");
    brush.setAttribute("class", "brush"); brush.setAttribute("x", a); brush.setAttribute("y", 0);
    brush.setAttribute("width", Math.max(2, bEnd - a)); brush.setAttribute("height", height - pad);
    svg.appendChild(brush);
  }
  $("window").textContent = state.filters.since || state.filters.until
    ? `window ${state.filters.since || "…"} to ${state.filters.until || "…"}` : "all dates";
}
(function brush() {
  const svg = $("timeline");
  let start = null, rect = null;
  const toDate = (px) => new Date(tlScale.t0 + (px / tlScale.width) * (tlScale.t1 - tlScale.t0)).toISOString().slice(0, 10);
  const px = (e) => e.clientX - svg.getBoundingClientRect().left;
  svg.addEventListener("mousedown", (e) => {
    if (!tlScale) return;
    start = px(e);
    rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    rect.setAttribute("class", "brush"); rect.setAttribute("y", 0); rect.setAttribute("height", 56);
    svg.appendChild(rect);
  });
  svg.addEventListener("mousemove", (e) => {
    if (start === null) return;
    const a = Math.min(start, px(e)), b = Math.max(start, px(e));
    rect.setAttribute("x", a); rect.setAttribute("width", b - a);
  });
  window.addEventListener("mouseup", (e) => {
    if (start === null) return;
    const a = Math.min(start, px(e)), b = Math.max(start, px(e));
    start = null;
    if (b - a < 3) return;
    state.filters.since = toDate(Math.max(0, a)); state.filters.until = toDate(Math.min(tlScale.width, b));
    refresh();
  });
  svg.addEventListener("dblclick", () => { delete state.filters.since; delete state.filters.until; refresh(); });
})();

// -- filters -----------------------------------------------------------------------------
const FORM_FIELDS = { type: "f-type", status: "f-status", outlet: "f-outlet", actor: "f-actor", min_sources: "f-sources", min_confidence: "f-confidence" };
async function setupFilters() {
  const facets = await api("/api/facets");
  for (const [key, id] of [["types", "f-type"], ["statuses", "f-status"], ["outlets", "f-outlet"]]) {
    for (const f of facets[key]) {
      const o = document.createElement("option");
      o.value = f.value; o.textContent = `${f.value} (${f.events})`;
      $(id).appendChild(o);
    }
  }
  for (const [k, id] of Object.entries(FORM_FIELDS)) {
    $(id).value = state.filters[k] || "";
    $(id).addEventListener("change", () => {
      const v = $(id).value.trim();
      if (v) state.filters[k] = v; else delete state.filters[k];
      refresh();
    });
  }
  $("f-reset").addEventListener("click", () => {
    state.filters = {};
    for (const id of Object.values(FORM_FIELDS)) $(id).value = "";
    refresh();
  });
  if (!initialView && facets.extent) {
    const [w, s, e, n] = facets.extent;
    map.fitBounds([[s, w], [n, e]], { padding: [30, 30], maxZoom: 7, animate: false });
  }
  $("legend").innerHTML = facets.types.map((t) => `<span><span class="swatch" style="background:${colour(t.value)}"></span>${esc(t.value)}</span>`).join("") +
    `<span>· outline: solid asserted/reported/quoted, dashed predicted/hypothetical, dotted negated · size: independent sources</span>`;
}
function start() { map.on("moveend", refreshSoon); refresh(); }
if (initialView) start(); // the view is known: draw it while the filter menus load
setupFilters().then(() => { if (!initialView) start(); },
  (err) => { $("count").textContent = "error: " + err.message; });
