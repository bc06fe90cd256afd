/* sitmap web map: events from /events on an offline Natural Earth basemap, a daily timeline,
   filters, an evidence panel and a territorial-control layer. Plain browser JavaScript. */
(() => {
  "use strict";

  const TYPE_COLOURS = {
    "Battles": "#d2452b",
    "Explosions/Remote violence": "#f08c00",
    "Violence against civilians": "#7b2d8e",
    "Protests": "#2b8a3e",
    "Riots": "#1971c2",
    "Strategic developments": "#5c5f66",
  };
  const OTHER_COLOUR = "#868e96";
  const DAY_MS = 86400000;
  const FIELDS = [
    ["event_date", "Date"], ["event_type", "Event type"], ["sub_event_type", "Sub-event type"],
    ["actor1", "Actor 1"], ["assoc_actor_1", "Associated with 1"], ["actor2", "Actor 2"],
    ["assoc_actor_2", "Associated with 2"], ["interaction", "Interaction"], ["location", "Location"],
    ["admin2", "Admin 2"], ["admin1", "Admin 1"], ["country", "Country"], ["geo_precision", "Geo precision"],
    ["fatalities", "Fatalities"], ["claimed_by", "Claimed by"], ["notes", "Notes"], ["confidence", "Confidence"],
  ];

  const $ = (id) => document.getElementById(id);
  const state = { map: null, cluster: null, control: null, days: [], fittedKey: null, request: 0 };

  function escapeHtml(value) {
    return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  async function getJSON(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }

  function colour(type) { return TYPE_COLOURS[type] || OTHER_COLOUR; }

  function filterParams(withDates) {
    const params = new URLSearchParams();
    for (const name of ["type", "country", "actor", "text"]) {
      const value = $(name).value.trim();
      if (value) params.set(name, value);
    }
    if (withDates && state.days.length) {
      params.set("since", state.days[+$("since-slider").value]);
      params.set("until", state.days[+$("until-slider").value]);
    }
    return params;
  }

  function dayRange(first, last) {
    const days = [];
    for (let t = Date.parse(first); t <= Date.parse(last); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
    return days;
  }

  async function loadTimeline() {
    const all = await getJSON("/stats");
    if (!all.first_day) return;
    state.days = dayRange(all.first_day, all.last_day);
    for (const id of ["since-slider", "until-slider"]) $(id).max = String(state.days.length - 1);
    $("since-slider").value = "0";
    $("until-slider").value = String(state.days.length - 1);
    await drawHistogram();
  }

  async function drawHistogram() {
    const stats = await getJSON(`/stats?${filterParams(false)}`);
    const counts = new Map(stats.by_day.map((tally) => [tally.key, tally.events]));
    const peak = Math.max(1, ...counts.values());
    const svg = $("histogram");
    svg.setAttribute("viewBox", `0 0 ${Math.max(1, state.days.length)} 100`);
    svg.innerHTML = state.days.map((day, i) => {
      const height = 100 * (counts.get(day) || 0) / peak;
      return `<rect x="${i + 0.1}" y="${100 - height}" width="0.8" height="${height}" data-day="${day}"><title>${day}: ${counts.get(day) || 0} events</title></rect>`;
    }).join("");
    markRange();
  }

  function markRange() {
    let since = +$("since-slider").value;
    let until = +$("until-slider").value;
    if (since > until) { [since, until] = [until, since]; $("since-slider").value = since; $("until-slider").value = until; }
    $("since-label").textContent = state.days[since] || "";
    $("until-label").textContent = state.days[until] || "";
    $("histogram").querySelectorAll("rect").forEach((rect, i) => rect.classList.toggle("in", i >= since && i <= until));
  }

  async function loadEvents() {
    const request = ++state.request;
    const params = filterParams(true);
    params.set("format", "geojson");
    params.set("limit", "5000");
    const collection = await getJSON(`/events?${params}`);
    if (request !== state.request) return;  // a newer filter change has already asked again
    state.cluster.clearLayers();
    const markers = collection.features.map(eventMarker);
    state.cluster.addLayers(markers);
    $("count").textContent = `${collection.features.length} of ${collection.total} events`;
    // Zoom to the events on the first load and whenever the type, country, actor or text filter
    // changes (not when only the dates move), so a search shows where its events are.
    const filterKey = filterParams(false).toString();
    if (state.fittedKey !== filterKey && markers.length) {
      state.map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 9 });
      state.fittedKey = filterKey;
    }
    if (state.map.hasLayer(state.control)) await loadControl();
  }

  function eventMarker(feature) {
    const [longitude, latitude] = feature.geometry.coordinates;
    const event = feature.properties;
    const marker = L.circleMarker([latitude, longitude], {
      radius: 6 + 2.5 * Math.sqrt(event.fatalities || 0),
      color: "#222", weight: 1, fillColor: colour(event.event_type), fillOpacity: 0.85,
      className: "event-marker",
    });
    marker.bindTooltip(`${escapeHtml(event.event_date)} · ${escapeHtml(event.sub_event_type)} · ${escapeHtml(event.location)}`);
    marker.on("click", () => openEvent(event.event_id));
    return marker;
  }

  async function openEvent(eventId) {
    const event = await getJSON(`/events/${encodeURIComponent(eventId)}`);
    const documents = {};
    for (const docId of new Set(event.evidence.map((e) => e.doc_id))) {
      documents[docId] = await getJSON(`/documents/${encodeURIComponent(docId)}`).catch(() => null);
    }
    $("detail").innerHTML = [
      `<h2 style="border-left: 6px solid ${colour(event.event_type)}; padding-left: .4rem">${escapeHtml(event.sub_event_type)}${event.location ? ` in ${escapeHtml(event.location)}` : ""}</h2>`,
      fieldsTable(event), territoryHtml(event), claimsHtml(event), sourcesHtml(event), evidenceHtml(event, documents), mergesHtml(event),
    ].join("");
    $("panel").hidden = false;
    $("panel").dataset.eventId = event.event_id;
    state.map.invalidateSize();
  }

  function fieldsTable(event) {
    const rows = FIELDS.filter(([name]) => event[name] !== null && event[name] !== "").map(([name, label]) => {
      let value = event[name];
      if (name === "fatalities" && event.fatalities_low !== null && event.fatalities_high !== null && event.fatalities_low !== event.fatalities_high) {
        value = `${value} (reports range ${event.fatalities_low}–${event.fatalities_high})`;
      }
      return `<tr><th>${label}</th><td data-field="${name}">${escapeHtml(value)}</td></tr>`;
    });
    if (event.latitude !== null) rows.push(`<tr><th>Coordinates</th><td>${event.latitude}, ${event.longitude}${event.geonameid ? ` (GeoNames ${event.geonameid})` : ""}</td></tr>`);
    rows.push(`<tr><th>Event id</th><td>${escapeHtml(event.event_id)}</td></tr>`);
    return `<table>${rows.join("")}</table>`;
  }

  function territoryHtml(event) {
    const t = event.territory;
    if (!t) return "";
    return `<h3>Change of control</h3><p>${escapeHtml(t.place)}: from ${escapeHtml(t.from_actor || "unknown")} to <strong>${escapeHtml(t.to_actor)}</strong></p>`;
  }

  function claimsHtml(event) {
    if (!event.claims.length) return "";
    const items = event.claims.map((c) => `<li>${escapeHtml(c.claimed_by || "unattributed")}: ${c.value} ${escapeHtml(c.kind)}</li>`);
    return `<h3>Claims</h3><ul>${items.join("")}</ul>`;
  }

  function sourcesHtml(event) {
    const items = event.sources.map((s) => {
      const name = escapeHtml(s.source || s.doc_id);
      const link = s.url && /^https?:\/\//.test(s.url) ? `<a href="${escapeHtml(s.url)}" rel="noopener noreferrer" target="_blank">${name}</a>` : name;
      return `<li class="source">${link}${s.published ? `, ${escapeHtml(s.published)}` : ""} <small>${escapeHtml(s.doc_id)}</small></li>`;
    });
    return `<h3>Sources (${event.sources.length})</h3><ul>${items.join("")}</ul>`;
  }

  function evidenceHtml(event, documents) {
    const groups = new Map();
    for (const evidence of event.evidence) {
      const key = `${evidence.doc_id}\u0000${evidence.sentence}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(evidence);
    }
    const blocks = [...groups.values()].map((spans) => {
      const doc = documents[spans[0].doc_id];
      const html = doc ? highlighted(doc, spans) : spans.map((s) => `<mark class="span" title="${escapeHtml(s.field)}">${escapeHtml(s.text)}</mark>`).join(" … ");
      const fields = [...new Set(spans.map((s) => s.field))].join(", ");
      return `<div class="evidence"><div class="where">${escapeHtml(spans[0].doc_id)}, sentence ${spans[0].sentence}: ${escapeHtml(fields)}</div>${html}</div>`;
    });
    return `<h3>Evidence</h3>${blocks.join("") || "<p>No evidence recorded.</p>"}`;
  }

  function highlighted(doc, spans) {
    const text = doc.text || "";
    const sentence = (doc.sentences || [])[spans[0].sentence];
    let from = Math.min(...spans.map((s) => s.start));
    let to = Math.max(...spans.map((s) => s.end));
    if (sentence) { from = Math.min(from, sentence[0]); to = Math.max(to, sentence[1]); }
    const cuts = [...new Set([from, to, ...spans.flatMap((s) => [s.start, s.end])])].filter((c) => c >= from && c <= to).sort((a, b) => a - b);
    let html = "";
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [a, b] = [cuts[i], cuts[i + 1]];
      const covering = spans.filter((s) => s.start <= a && s.end >= b);
      const piece = escapeHtml(text.slice(a, b));
      if (!covering.length) { html += piece; continue; }
      const ending = covering.filter((s) => s.end === b).map((s) => s.field);
      const label = ending.length ? `<sup>${escapeHtml([...new Set(ending)].join(", "))}</sup>` : "";
      html += `<mark class="span" title="${escapeHtml(covering.map((s) => s.field).join(", "))}">${piece}${label}</mark>`;
    }
    return html;
  }

  function mergesHtml(event) {
    if (!event.merges || !event.merges.length) return "";
    const items = event.merges.map((m) => `<li>${escapeHtml(m.doc_id)}: score ${Number(m.score).toFixed(2)}, ${escapeHtml((m.reasons || []).join("; "))}</li>`);
    return `<h3>Merged reports</h3><ul>${items.join("")}</ul>`;
  }

  function actorColour(actor) {
    let hash = 0;
    for (const c of actor) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
    return `hsl(${hash % 360}, 65%, 40%)`;
  }

  async function loadControl() {
    const params = new URLSearchParams();
    if (state.days.length) params.set("at", state.days[+$("until-slider").value]);
    const country = $("country").value.trim();
    if (country) params.set("country", country);
    const control = await getJSON(`/control?${params}`);
    state.control.clearLayers();
    for (const place of control.places) {
      if (place.latitude === null || place.longitude === null) continue;
      const colourOf = actorColour(place.actor);
      L.marker([place.latitude, place.longitude], {
        icon: L.divIcon({ className: "", html: `<span class="control-label" style="border-color:${colourOf};color:${colourOf}">■ ${escapeHtml(place.place)}</span>`, iconSize: null }),
        keyboard: false,
      }).bindTooltip(`${escapeHtml(place.place)}: held by ${escapeHtml(place.actor)} since ${escapeHtml(place.since)}` +
        (place.previous_actor ? ` (before: ${escapeHtml(place.previous_actor)})` : "")).addTo(state.control);
    }
  }

  function legend() {
    const box = L.control({ position: "bottomleft" });
    box.onAdd = () => {
      const div = L.DomUtil.create("div", "legend");
      div.innerHTML = Object.entries(TYPE_COLOURS).map(([type, c]) => `<div><i style="background:${c}"></i>${type}</div>`).join("") +
        "<div><small>size: fatalities</small></div>";
      return div;
    };
    return box;
  }

  function debounce(fn, ms) {
    let timer = null;
    return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }

  async function refresh() {
    await drawHistogram();
    await loadEvents();
  }

  async function init() {
    const config = await getJSON("/map-config");
    const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 14 }).setView([30, 20], 3);
    state.map = map;
    if (config.tiles) L.tileLayer(config.tiles, { attribution: config.tiles_attribution || "" }).addTo(map);
    const basemap = await getJSON("/static/basemap.json");
    L.geoJSON(basemap, {
      interactive: false,
      style: { color: "#8a8a7a", weight: 0.7, fillColor: "#f4f1e8", fillOpacity: config.tiles ? 0 : 1 },
    }).addTo(map);
    map.attributionControl.addAttribution(escapeHtml(config.basemap_credit));
    state.cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false }).addTo(map);
    state.control = L.layerGroup();
    L.control.layers(null, { "Events": state.cluster, "Territorial control": state.control }, { collapsed: false }).addTo(map);
    legend().addTo(map);
    map.on("overlayadd", (e) => { if (e.layer === state.control) loadControl(); });
    $("type").addEventListener("change", refresh);
    for (const id of ["country", "actor", "text"]) $(id).addEventListener("input", debounce(refresh, 350));
    for (const id of ["since-slider", "until-slider"]) {
      $(id).addEventListener("input", markRange);
      $(id).addEventListener("change", loadEvents);
    }
    $("close").addEventListener("click", () => { $("panel").hidden = true; map.invalidateSize(); });
    await loadTimeline();
    await loadEvents();
    document.body.dataset.ready = "true";
  }

  init().catch((error) => {
    console.error(error);
    $("count").textContent = `could not load the map: ${error && error.message ? error.message : error}`;
  });
})();
