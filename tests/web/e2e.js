// e2e.js - end-to-end test of dyad's web page in headless Chromium (Debian's
// /usr/bin/chromium driven by playwright-core). Loads the page served by a
// running `dyad serve`, codes a pasted article and checks the highlights and
// the events table against the API's own answer, browses the stored events,
// draws a dyad chart and the map, and saves screenshots.
//
// Usage: node e2e.js BASE_URL OUTDIR
// Prints "PASS web/..." / "FAIL web/..." lines; exit 1 on a failure.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const [BASE, OUT] = process.argv.slice(2);
let failed = false;
function report(name, ok, detail) {
  console.log(`${ok ? 'PASS' : 'FAIL'} web/${name}`);
  if (!ok) {
    failed = true;
    if (detail !== undefined) console.log('  ' + String(typeof detail === 'string' ? detail : JSON.stringify(detail)).slice(0, 600));
  }
}

// Non-ASCII text before the actors: byte offsets from the API must map onto
// the right UTF-16 positions in the page.
const ARTICLE = 'Café owners in Kyiv — tired of the sirens — said “enough” on Monday.\n\n' +
  'Russian troops attacked Ukrainian positions near Kharkiv on Tuesday. ' +
  '“We will respond,” the Ukrainian president said. ' +
  'The United Nations condemned the attack, and China criticized Japan over the islands.';

async function main() {
  let chromium;
  try {
    ({ chromium } = require(path.join(__dirname, '..', '..', 'node_modules', 'playwright-core')));
  } catch (e) {
    console.log('SKIP web/browser (playwright-core is not installed: npm ci)');
    return;
  }
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyad-chromium-'));
  const ctx = await chromium.launchPersistentContext(userDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const errors = [];
  try {
    const page = await ctx.newPage();
    page.setDefaultTimeout(10000);
    page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
    page.on('requestfailed', (r) => errors.push('request failed: ' + r.url()));
    // nothing but the server itself may be contacted
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(BASE)) return route.continue();
      errors.push('outside request: ' + u);
      return route.abort();
    });

    await page.goto(BASE + '/');
    await page.waitForFunction(() => /documents/.test(document.querySelector('#stats').textContent));
    report('page-loads-with-stats', true);

    // ---- code a pasted article
    await page.fill('#text', ARTICLE);
    await page.fill('#date', '2024-03-05');
    await page.click('#code-btn');
    await page.waitForSelector('body[data-coded="1"]');
    const rec = await page.evaluate(async (text) => {
      const r = await fetch('/v1/code', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text, date: '2024-03-05' }) });
      return r.json();
    }, ARTICLE);
    const view = await page.evaluate(() => {
      const v = document.querySelector('#doc-view');
      const group = (attr) => {
        const m = {};
        for (const s of v.querySelectorAll(`[data-${attr}]`))
          for (const i of s.dataset[attr].split(' ')) m[i] = (m[i] || '') + s.textContent;
        return m;
      };
      return { text: v.textContent, actor: group('actor'), trigger: group('trigger'),
        quote: group('quote'), timex: group('timex'),
        rows: Array.from(document.querySelectorAll('#code-events tbody tr')).map((tr) =>
          Array.from(tr.cells).map((c) => c.textContent)) };
    });
    report('code-text-shown-unchanged', view.text === ARTICLE, view.text.slice(0, 120));
    const enc = new TextEncoder(), dec = new TextDecoder();
    const bytes = enc.encode(ARTICLE);
    const slice = (s, e) => dec.decode(bytes.slice(s, e));
    const same = (kind, items, text) => {
      const want = {};
      items.forEach((it, i) => { want[i] = text(it); });
      const ok = JSON.stringify(want) === JSON.stringify(view[kind]);
      report(`highlight-${kind}s (${items.length})`, ok, { want, got: view[kind] });
    };
    if (!rec.actors.length) report('highlight-actors', false, 'the coder found no actor in the article');
    same('actor', rec.actors, (a) => slice(a.start, a.end));
    same('trigger', rec.events, (e) => e.trigger.text);
    same('quote', rec.quotes, (q) => slice(q.start, q.end));
    same('timex', rec.timex, (t) => t.text);
    const actorTextsOk = rec.actors.every((a, i) => view.actor[i] === a.text);
    report('highlight-actor-texts-match-api', actorTextsOk, { api: rec.actors.map((a) => a.text), page: view.actor });
    const rowsOk = view.rows.length === rec.events.length &&
      rec.events.every((e, i) => view.rows[i][3].startsWith(e.code) && view.rows[i][4] === e.trigger.text);
    report(`events-table (${rec.events.length} rows)`, rowsOk, view.rows);
    const legend = await page.$$eval('#legend .hl', (l) => l.map((x) => x.className));
    report('legend', legend.length === 4, legend);
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, 'web-screenshot.png'), fullPage: true });
    report('screenshot-code', fs.statSync(path.join(OUT, 'web-screenshot.png')).size > 10000);

    // ---- empty text: an error message, no request
    await page.fill('#text', '   ');
    await page.click('#code-btn');
    await page.waitForSelector('#code-error:not([hidden])');
    report('empty-text-error', true);

    // ---- events browser
    await page.click('#tabs button[data-tab="events"]');
    await page.waitForSelector('#events-table tbody tr');
    await page.fill('#events-form input[name="source"]', 'RUS');
    await page.click('#events-form button[type="submit"]');
    await page.waitForFunction(() => /events|no events/.test(document.querySelector('#events-status').textContent) &&
      Array.from(document.querySelectorAll('#events-table tbody tr td:nth-child(2) code')).every((c) => c.textContent.startsWith('RUS')));
    const api = await page.evaluate(async () => (await (await fetch('/v1/events?source=RUS&limit=50')).json()).count);
    const shown = await page.$$eval('#events-table tbody tr', (r) => r.length);
    report(`events-browser-filter (${shown} rows)`, shown === api && shown > 0, { shown, api });
    const csvHref = await page.getAttribute('#dl-csv', 'href');
    report('events-download-links', /format=csv/.test(csvHref) && /source=RUS/.test(csvHref), csvHref);
    // open a document from the table: it shows highlighted in the code tab
    await page.click('#events-table tbody tr a.doclink');
    await page.waitForSelector('body[data-coded="2"]');
    const title = await page.textContent('#doc-title');
    const hl = await page.$$eval('#doc-view .hl-actor', (s) => s.length);
    report('open-stored-document', hl > 0 && title.length > 0, { title, hl });

    // ---- dyad chart
    await page.click('#tabs button[data-tab="chart"]');
    await page.waitForSelector('#top-dyads li');
    await page.click('#top-dyads li');
    await page.waitForSelector('#chart rect.bar');
    const bars = await page.$$eval('#chart rect.bar', (b) => b.map((x) => [x.dataset.period, Number(x.dataset.count)]));
    const pair = await page.evaluate(() => [document.querySelector('#chart-form [name=source]').value,
      document.querySelector('#chart-form [name=target]').value]);
    const perDay = await page.evaluate(async ([s, t]) =>
      (await (await fetch(`/v1/dyads?group=day&source=${s}&target=${t}`)).json()).groups, pair);
    const want = perDay.map((g) => [g.period, g.count]);
    report(`chart-bars-match-api (${pair.join('->')}, ${bars.length} days)`,
      JSON.stringify(bars) === JSON.stringify(want), { bars, want });
    const goldPts = await page.$$eval('#chart circle.goldpt', (c) => c.length);
    report('chart-goldstein-points', goldPts === want.length, goldPts);
    await page.screenshot({ path: path.join(OUT, 'web-chart.png'), fullPage: true });

    // ---- map
    await page.click('#tabs button[data-tab="map"]');
    await page.waitForFunction(() => document.querySelectorAll('#map path.land').length > 100 &&
      /places/.test(document.querySelector('#map-status').textContent));
    const lands = await page.$$eval('#map path.land', (p) => p.length);
    const dots = await page.$$eval('#map circle.dot', (c) => c.length);
    const places = await page.evaluate(async () =>
      (await (await fetch('/v1/dyads?group=place')).json()).groups.filter((g) => g.place).length);
    report(`map-countries-and-places (${lands} countries, ${dots} places)`, dots === places, { dots, places });
    await page.screenshot({ path: path.join(OUT, 'web-map.png') });

    report('no-page-errors', errors.length === 0, errors);
  } finally {
    await ctx.close();
    fs.rmSync(userDir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(failed ? 1 : 0), (e) => {
  console.log('FAIL web/browser');
  console.log('  ' + String(e && e.stack || e).slice(0, 800));
  process.exit(1);
});
