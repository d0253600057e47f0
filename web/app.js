/* app.js - dyad's web page: code an article and see it highlighted, browse
 * the stored events, chart a pair of actors per day, map event locations.
 * Plain browser JavaScript, no build step; it only calls the JSON API under
 * /v1 (docs/store.md). Data is always put into the page as text, never as
 * HTML. Offsets from the API are UTF-8 byte offsets: see byteIndex(). */
'use strict';

const $ = (sel, root) => (root || document).querySelector(sel);
const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v);
  }
  for (const kid of kids) if (kid !== null && kid !== undefined) e.append(kid);
  return e;
}

function svgEl(tag, attrs, text) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

async function api(path, opts) {
  const res = await fetch(path, opts);
  const type = res.headers.get('Content-Type') || '';
  const body = type.includes('json') && !type.includes('ndjson') ? await res.json() : await res.text();
  if (!res.ok) {
    const msg = body && body.error ? body.error.message : String(body).slice(0, 200);
    throw new Error(`${res.status}: ${msg}`);
  }
  return body;
}

function showError(id, err) {
  const box = $(id);
  if (!err) { box.hidden = true; box.textContent = ''; return; }
  box.hidden = false;
  box.textContent = err.message || String(err);
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== null && v !== undefined) q.set(k, v);
  return q.toString();
}

function formParams(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) if (String(v).trim() !== '') out[k] = String(v).trim();
  return out;
}

const QUAD = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };

/* ---- tabs ---- */
function showTab(name) {
  for (const b of $$('#tabs button')) b.classList.toggle('active', b.dataset.tab === name);
  for (const s of $$('main > section')) s.hidden = s.id !== 'tab-' + name;
  if (name === 'events' && !$('#events-table tbody').children.length) loadEvents(0);
  if (name === 'chart' && !$('#top-dyads').children.length) loadTopDyads();
  if (name === 'map' && !mapDrawn) drawMap();
}
for (const b of $$('#tabs button')) b.addEventListener('click', () => showTab(b.dataset.tab));

async function loadStats() {
  try {
    const s = await api('/v1/stats');
    $('#stats').textContent = `${s.documents} documents, ${s.events} events` +
      (s.first_day ? `, ${s.first_day} to ${s.last_day}` : '');
  } catch (e) { $('#stats').textContent = 'store unavailable'; }
}

/* ---- text with highlights ---- */

/* UTF-16 index of every UTF-8 byte offset of text (offsets inside a
 * character map to its start). */
function byteIndex(text) {
  const map = [];
  let u = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map.push(u);
    u += ch.length;
  }
  map.push(u);
  return map;
}

/* Render text into view with spans for the record's actors, event triggers,
 * quotations and time expressions. Overlaps are cut into flat segments, each
 * carrying the classes of every span covering it. */
function renderDoc(view, text, rec) {
  const map = byteIndex(text);
  const at = (b) => map[Math.max(0, Math.min(b, map.length - 1))];
  const spans = [];
  (rec.actors || []).forEach((a, i) => spans.push({ s: a.start, e: a.end, kind: 'actor', i,
    tip: `actor ${a.code || '(no code)'}${a.ref ? ' = ' + a.ref : ''}` }));
  (rec.events || []).forEach((ev, i) => {
    if (!ev.trigger) return;
    const pl = ev.plover && ev.plover.event ? ` ${ev.plover.event}` : '';
    spans.push({ s: ev.trigger.start, e: ev.trigger.end, kind: 'trigger', i,
      tip: `event ${ev.code}${pl}: ${(ev.source && ev.source.code) || '?'} -> ` +
        `${(ev.target && ev.target.code) || '?'}, Goldstein ${ev.goldstein}${ev.negated ? ' (negated)' : ''}` });
  });
  (rec.quotes || []).forEach((q, i) => spans.push({ s: q.start, e: q.end, kind: 'quote', i,
    tip: `quotation${q.speaker ? ' by ' + q.speaker.text + (q.speaker.code ? ' (' + q.speaker.code + ')' : '') : ''}` }));
  (rec.timex || []).forEach((t, i) => spans.push({ s: t.start, e: t.end, kind: 'timex', i,
    tip: `${t.type} ${t.value}` }));
  const cuts = new Set([0, text.length]);
  for (const sp of spans) { sp.us = at(sp.s); sp.ue = at(sp.e); cuts.add(sp.us); cuts.add(sp.ue); }
  const pts = Array.from(cuts).filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  view.textContent = '';
  for (let k = 0; k + 1 < pts.length; k++) {
    const a = pts[k], b = pts[k + 1];
    if (a === b) continue;
    const piece = text.slice(a, b);
    const on = spans.filter((sp) => sp.us <= a && sp.ue >= b && sp.ue > sp.us);
    if (!on.length) { view.append(piece); continue; }
    const span = el('span', { class: 'hl ' + Array.from(new Set(on.map((sp) => 'hl-' + sp.kind))).join(' '),
      title: on.map((sp) => sp.tip).join('\n') }, piece);
    for (const sp of on) span.dataset[sp.kind] = (span.dataset[sp.kind] ? span.dataset[sp.kind] + ' ' : '') + sp.i;
    view.append(span);
  }
}

function actorCell(a) {
  if (!a) return el('td', { class: 'muted', text: '-' });
  return el('td', {}, a.text || '', a.code ? el('br') : null, a.code ? el('code', { text: a.code }) : null);
}

function fillCodeEvents(rec) {
  const table = $('#code-events');
  const body = $('tbody', table);
  body.textContent = '';
  (rec.events || []).forEach((ev, i) => {
    const loc = ev.location ? `${ev.location.name}${ev.location.country ? ' (' + ev.location.country + ')' : ''}` : '';
    const tr = el('tr', { dataset: { event: String(i) } },
      el('td', { class: 'num', text: String(i + 1) }),
      el('td', { class: 'num', text: String(ev.sentence + 1) }),
      actorCell(ev.source),
      el('td', {}, el('code', { text: ev.code }), ev.negated ? ' (not)' : ''),
      el('td', { text: ev.trigger ? ev.trigger.text : '' }),
      actorCell(ev.target),
      el('td', { text: ev.date || '' }),
      el('td', { class: 'q' + ev.quad_class, text: String(ev.quad_class), title: QUAD[ev.quad_class] || '' }),
      el('td', { class: 'num', text: String(ev.goldstein) }),
      el('td', { text: [ev.plover && ev.plover.event, ev.plover && ev.plover.mode].filter(Boolean).join(' / ') }),
      el('td', { text: loc }));
    tr.addEventListener('mouseenter', () => flashTrigger(i, true));
    tr.addEventListener('mouseleave', () => flashTrigger(i, false));
    body.append(tr);
  });
  table.hidden = !(rec.events || []).length;
}

function flashTrigger(i, on) {
  for (const s of $$('#doc-view [data-trigger]'))
    if (s.dataset.trigger.split(' ').includes(String(i))) s.classList.toggle('flash', on);
}

function showRecord(text, rec, title) {
  $('#doc-title').hidden = !title;
  $('#doc-title').textContent = title || '';
  renderDoc($('#doc-view'), text, rec);
  fillCodeEvents(rec);
  const n = (rec.events || []).length;
  $('#code-status').textContent = `${(rec.sentences || []).length} sentences, ` +
    `${(rec.actors || []).length} actors, ${n} event${n === 1 ? '' : 's'}` +
    (rec.error ? ` - error: ${rec.error}` : '');
  document.body.dataset.coded = String(Number(document.body.dataset.coded || 0) + 1);
}

$('#file').addEventListener('change', async (e) => {
  const f = e.target.files[0];
  if (!f) return;
  if (f.size > 1 << 20) { showError('#code-error', new Error('file larger than 1 MiB')); return; }
  $('#text').value = await f.text();
  const m = f.name.match(/(\d{4}-\d{2}-\d{2})/);
  if (m && !$('#date').value) $('#date').value = m[1];
});

$('#code-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const text = $('#text').value;
  showError('#code-error', null);
  if (!text.trim()) { showError('#code-error', new Error('paste or upload some text first')); return; }
  const body = { text };
  if ($('#date').value) body.date = $('#date').value;
  $('#code-btn').disabled = true;
  $('#code-status').textContent = 'coding...';
  try {
    const rec = await api('/v1/code?' + query({ store: $('#store').checked ? '1' : '' }), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    showRecord(text, rec, null);
    if ($('#store').checked) loadStats();
  } catch (err) {
    showError('#code-error', err);
    $('#code-status').textContent = '';
  } finally {
    $('#code-btn').disabled = false;
  }
});

async function openDocument(id) {
  try {
    const d = await api('/v1/documents/' + encodeURIComponent(id));
    showTab('code');
    $('#text').value = d.text;
    if (d.date) $('#date').value = d.date;
    showRecord(d.text, d.record, `${d.title || d.id}${d.date ? ' - ' + d.date : ''}${d.source ? ' - ' + d.source : ''}`);
  } catch (err) { showError('#events-error', err); }
}

/* ---- events browser ---- */
const PAGE = 50;
let eventsOffset = 0;

async function loadEvents(offset) {
  const params = formParams($('#events-form'));
  eventsOffset = Math.max(0, offset);
  showError('#events-error', null);
  for (const f of ['csv', 'gdelt', 'plover'])
    $('#dl-' + f).href = '/v1/events?' + query({ ...params, format: f, limit: 10000 });
  try {
    const r = await api('/v1/events?' + query({ ...params, limit: PAGE, offset: eventsOffset }));
    const body = $('#events-table tbody');
    body.textContent = '';
    for (const ev of r.events) {
      const loc = ev.location ? ev.location.name : '';
      body.append(el('tr', {},
        el('td', { text: ev.day || '' }),
        actorCell(ev.source), actorCell(ev.target),
        el('td', {}, el('code', { text: ev.code }), ev.negated ? ' (not)' : ''),
        el('td', { class: 'q' + ev.quad_class, text: String(ev.quad_class), title: QUAD[ev.quad_class] || '' }),
        el('td', { class: 'num', text: String(ev.goldstein) }),
        el('td', { text: ev.trigger ? ev.trigger.text : '' }),
        el('td', { text: loc }),
        el('td', { class: 'num', text: `${ev.mentions}/${ev.articles}`, title: 'mentions / articles of its record' }),
        el('td', {}, el('a', { class: 'doclink', text: ev.id, onclick: () => openDocument(ev.id) }))));
    }
    $('#events-status').textContent = r.count ? `events ${eventsOffset + 1} to ${eventsOffset + r.count}` : 'no events';
    $('#events-prev').disabled = eventsOffset === 0;
    $('#events-next').disabled = r.count < PAGE;
  } catch (err) { showError('#events-error', err); }
}
$('#events-form').addEventListener('submit', (e) => { e.preventDefault(); loadEvents(0); });
$('#events-prev').addEventListener('click', () => loadEvents(eventsOffset - PAGE));
$('#events-next').addEventListener('click', () => loadEvents(eventsOffset + PAGE));

/* ---- dyad chart ---- */

function addDays(day, n) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function nextMonth(m) {
  let [y, mo] = m.split('-').map(Number);
  mo += 1; if (mo > 12) { mo = 1; y += 1; }
  return `${y}-${String(mo).padStart(2, '0')}`;
}

async function loadTopDyads() {
  try {
    const r = await api('/v1/dyads?group=dyad');
    const top = r.groups.filter((g) => g.source && g.target).sort((a, b) => b.count - a.count).slice(0, 15);
    const ol = $('#top-dyads');
    ol.textContent = '';
    for (const g of top) {
      ol.append(el('li', { onclick: () => {
        const f = $('#chart-form');
        f.source.value = g.source; f.target.value = g.target;
        drawChart();
      } }, `${g.source} \u2192 ${g.target}: ${g.count} events, mean Goldstein ${g.goldstein_mean.toFixed(1)}`));
    }
    if (!top.length) ol.append(el('li', { class: 'muted', text: 'no pairs in the store yet' }));
  } catch (err) { showError('#chart-error', err); }
}

async function drawChart() {
  const p = formParams($('#chart-form'));
  const per = p.period || 'day';
  delete p.period;
  showError('#chart-error', null);
  let r;
  try { r = await api('/v1/dyads?' + query({ ...p, group: per })); } catch (err) { showError('#chart-error', err); return; }
  const rows = r.groups.filter((g) => g.period);
  const svg = $('#chart');
  svg.textContent = '';
  $('#chart-status').textContent = `${rows.reduce((s, g) => s + g.count, 0)} events on ${rows.length} ${per}s`;
  if (!rows.length) return;
  /* every period from the first to the last, empty ones included */
  const by = new Map(rows.map((g) => [g.period, g]));
  const periods = [];
  let cur = p.from ? (per === 'day' ? p.from : p.from.slice(0, 7)) : rows[0].period;
  const last = p.to ? (per === 'day' ? p.to : p.to.slice(0, 7)) : rows[rows.length - 1].period;
  while (cur <= last && periods.length < 4000) { periods.push(cur); cur = per === 'day' ? addDays(cur, 1) : nextMonth(cur); }
  const W = svg.clientWidth || 900, H = svg.clientHeight || 320;
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const m = { l: 40, r: 40, t: 14, b: 30 };
  const iw = W - m.l - m.r, ih = H - m.t - m.b;
  const maxC = Math.max(1, ...rows.map((g) => g.count));
  const bw = iw / periods.length;
  const x = (i) => m.l + i * bw;
  const yc = (c) => m.t + ih - (c / maxC) * ih;
  const yg = (g) => m.t + ih / 2 - (g / 10) * (ih / 2);
  const axis = svgEl('g', { class: 'axis' });
  axis.append(svgEl('line', { x1: m.l, y1: m.t + ih, x2: m.l + iw, y2: m.t + ih, stroke: '#b9c2cf' }));
  axis.append(svgEl('line', { x1: m.l, y1: yg(0), x2: m.l + iw, y2: yg(0), stroke: '#eee', 'stroke-dasharray': '3 3' }));
  for (const c of [0, Math.ceil(maxC / 2), maxC])
    axis.append(svgEl('text', { x: m.l - 6, y: yc(c) + 4, 'text-anchor': 'end' }, String(c)));
  for (const g of [-10, 0, 10])
    axis.append(svgEl('text', { x: m.l + iw + 6, y: yg(g) + 4 }, String(g)));
  axis.append(svgEl('text', { x: 4, y: 10 }, 'events'));
  axis.append(svgEl('text', { x: W - 4, y: 10, 'text-anchor': 'end', fill: '#c0392b' }, 'mean Goldstein'));
  const step = Math.max(1, Math.ceil(periods.length / 8));
  for (let i = 0; i < periods.length; i += step)
    axis.append(svgEl('text', { x: x(i) + bw / 2, y: H - 8, 'text-anchor': 'middle' }, periods[i]));
  svg.append(axis);
  const pts = [];
  periods.forEach((pd, i) => {
    const g = by.get(pd);
    if (!g) return;
    const w = Math.min(40, Math.max(1, bw * 0.8));
    const bar = svgEl('rect', { class: 'bar', x: x(i) + (bw - w) / 2, width: w, y: yc(g.count), height: m.t + ih - yc(g.count) });
    bar.dataset.period = pd;
    bar.dataset.count = g.count;
    bar.append(svgEl('title', {}, `${pd}: ${g.count} events, mean Goldstein ${g.goldstein_mean.toFixed(2)}`));
    svg.append(bar);
    pts.push([x(i) + bw / 2, yg(g.goldstein_mean), pd, g]);
  });
  if (pts.length > 1)
    svg.append(svgEl('polyline', { class: 'gold', points: pts.map((q) => `${q[0].toFixed(1)},${q[1].toFixed(1)}`).join(' ') }));
  for (const q of pts) {
    const c = svgEl('circle', { class: 'goldpt', cx: q[0].toFixed(1), cy: q[1].toFixed(1), r: 2.5 });
    c.append(svgEl('title', {}, `${q[2]}: mean Goldstein ${q[3].goldstein_mean.toFixed(2)}`));
    svg.append(c);
  }
}
$('#chart-form').addEventListener('submit', (e) => { e.preventDefault(); drawChart(); });

/* ---- map ---- */
let mapDrawn = false;
let world = null;

/* TopoJSON (world-atlas) to SVG paths, equirectangular projection. */
function topoPaths(topo, W, H) {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let xx = 0, yy = 0;
    return arc.map(([dx, dy]) => { xx += dx; yy += dy; return [xx * sx + tx, yy * sy + ty]; });
  });
  const proj = ([lon, lat]) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];
  /* A ring that crosses the antimeridian (Russia's far east, Fiji) is made
   * continuous past +-180 and drawn a second time shifted by 360 degrees;
   * the SVG viewport clips what falls outside. */
  const ring = (ids) => {
    const pts = [];
    ids.forEach((i, k) => {
      let a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      if (k) a = a.slice(1);
      for (const p of a) {
        let lon = p[0];
        if (pts.length) {
          const prev = pts[pts.length - 1][0];
          while (lon - prev > 180) lon -= 360;
          while (lon - prev < -180) lon += 360;
        }
        pts.push([lon, p[1]]);
      }
    });
    const path = (shift) => 'M' + pts.map((p) => proj([p[0] + shift, p[1]]))
      .map((q) => q[0].toFixed(1) + ',' + q[1].toFixed(1)).join('L') + 'Z';
    const lons = pts.map((p) => p[0]);
    let d = path(0);
    if (Math.max(...lons) > 180) d += path(-360);
    if (Math.min(...lons) < -180) d += path(360);
    return d;
  };
  const out = [];
  for (const g of topo.objects.countries.geometries) {
    const polys = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
    out.push({ name: (g.properties && g.properties.name) || '', d: polys.map((poly) => poly.map(ring).join('')).join('') });
  }
  return out;
}

async function drawMap() {
  const svg = $('#map');
  const W = 960, H = 480;
  showError('#map-error', null);
  try {
    if (!world) world = await api('vendor/countries-110m.json');
  } catch (err) {
    showError('#map-error', new Error('no country outlines (web/vendor/countries-110m.json): ' + err.message));
  }
  svg.textContent = '';
  if (world) {
    const g = svgEl('g', {});
    for (const c of topoPaths(world, W, H)) {
      const p = svgEl('path', { class: 'land', d: c.d });
      p.append(svgEl('title', {}, c.name));
      g.append(p);
    }
    svg.append(g);
  }
  mapDrawn = true;
  try {
    const r = await api('/v1/dyads?' + query({ ...formParams($('#map-form')), group: 'place' }));
    const places = r.groups.filter((g) => g.place);
    const maxC = Math.max(1, ...places.map((g) => g.count));
    for (const g of places) {
      const cx = ((g.lon + 180) / 360) * W, cy = ((90 - g.lat) / 180) * H;
      const c = svgEl('circle', { class: 'dot', cx: cx.toFixed(1), cy: cy.toFixed(1), r: (2 + 14 * Math.sqrt(g.count / maxC)).toFixed(1) });
      c.dataset.place = g.place;
      c.append(svgEl('title', {}, `${g.place}: ${g.count} events, mean Goldstein ${g.goldstein_mean.toFixed(1)}`));
      svg.append(c);
    }
    $('#map-status').textContent = `${places.length} places, ${places.reduce((s, g) => s + g.count, 0)} events with a location`;
  } catch (err) { showError('#map-error', err); }
}
$('#map-form').addEventListener('submit', (e) => { e.preventDefault(); drawMap(); });

loadStats();
