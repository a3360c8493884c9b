// The dashboard end to end: `dyad ingest data/sample`, the real `dyad serve`,
// headless chromium. Every check compares what the page shows with what the
// API answers for the same question. Screenshots go to $DYAD_ARTIFACTS.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { artifacts, getJson, ingestSample, launchBrowser, startServer } from './harness.mjs';

const dyad = process.env.DYAD_BINARY;
let store;
let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  assert.ok(dyad, 'DYAD_BINARY must name the dyad executable');
  store = ingestSample(dyad);
  server = await startServer(dyad, store.db);
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => pageErrors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  store?.cleanup();
});

const shot = (name) => page.screenshot({ path: join(artifacts, `dashboard-${name}.png`), fullPage: true });
const base = () => server.base;
const rows = (scope) => page.locator(`${scope} table.events tbody tr`);
const sum = (xs) => xs.reduce((s, x) => s + x, 0);
const num = (s) => Number(s.replace(/,/g, ''));
const pagerTotal = async (scope) => {
  const text = await page.locator(`${scope} .pager .count`).innerText();
  const m = /of ([\d,]+)$/.exec(text);
  assert.ok(m, `pager text: ${text}`);
  return num(m[1]);
};

test('the network draws every country and relation the API returns', async () => {
  const net = await getJson(base(), 'api/network?min_events=1&limit=200');
  assert.ok(net.edges.length > 0, 'the sample store has relations');
  await page.goto(base());
  await page.locator('#network-panel table.strongest tbody tr').first().waitFor();
  const summary = await page.locator('.view-network .summary').innerText();
  assert.match(summary, new RegExp(`^${net.nodes.length} countries, ${net.edges.length} relations`));
  const drawn = await page.evaluate(() => {
    const o = document.getElementById('network-chart').chart.getOption().series[0];
    return { nodes: o.data.map((d) => d.id), links: o.links.length };
  });
  assert.equal(drawn.links, net.edges.length);
  for (const n of net.nodes) assert.ok(drawn.nodes.includes(n.id), `node ${n.id} drawn`);
  // The strongest relation listed first has the most events.
  const maxEvents = Math.max(...net.edges.map((e) => e.events));
  const first = page.locator('#network-panel table.strongest tbody tr').first();
  assert.equal(num(await first.locator('td').nth(1).innerText()), maxEvents);
  await shot('network');

  // A country's partners (what a click on its node shows).
  const partners = await getJson(base(), 'api/partners?country=PRK&limit=50');
  assert.ok(partners.partners.length > 0, 'PRK has partners in the sample');
  await page.goto(base() + '#/network?country=PRK');
  await page.locator('#network-panel table.partners tbody tr').first().waitFor();
  const listed = await page.locator('#network-panel table.partners tbody tr td:first-child a').allInnerTexts();
  assert.deepEqual(listed, partners.partners.map((p) => p.country));
  await shot('network-partners');
});

test('a dyad picked with the selectors shows its series, shifts and events', async () => {
  const rel = await getJson(base(), 'api/relations?a=PRK&b=CHN&by=month&directed=0');
  const total = sum(rel.buckets.map((b) => b.events));
  assert.ok(total > 0, 'PRK–CHN has events in the sample');
  await page.goto(base() + '#/dyad');
  await page.fill('.view-dyad input[name=a]', 'PRK');
  await page.fill('.view-dyad input[name=b]', 'CHN');
  await page.click('.view-dyad form button[type=submit]');
  await rows('#dyad-events').first().waitFor();
  await page.locator('.view-dyad .summary', { hasText: 'mentions' }).waitFor();
  await page.waitForFunction(() => document.getElementById('dyad-chart')?.chart?.getOption()?.series?.length > 0);
  assert.match(await page.locator('.view-dyad .summary').innerText(), new RegExp(`^${total} events`));
  const drawn = await page.evaluate(() => {
    const o = document.getElementById('dyad-chart').chart.getOption();
    return {
      points: o.series[0].data.length,
      bars: o.series.slice(1).map((s) => s.data.reduce((a, b) => a + b, 0)),
      shifts: (o.series[0].markLine?.data ?? []).filter((d) => d.xAxis !== undefined).length,
    };
  });
  assert.equal(drawn.points, rel.buckets.length);
  assert.deepEqual(drawn.bars, [0, 1, 2, 3].map((q) => sum(rel.buckets.map((b) => b.quad[q]))));
  assert.equal(drawn.shifts, rel.shifts.length);

  // The table lists the reports of exactly this dyad.
  const page1 = await getJson(base(), 'api/events?a=PRK&b=CHN&modality=asserted,alleged&limit=1');
  assert.equal(await pagerTotal('#dyad-events'), page1.total);
  for (const dyadCell of await rows('#dyad-events').locator('td:nth-child(2)').allInnerTexts()) {
    assert.match(dyadCell, /^(PRK|CHN)\w* → (PRK|CHN)/, dyadCell);
  }
  await shot('dyad');

  // A click on a point lists the events of its bucket; a click on a bar, those
  // of its bucket and quad class.
  const i = rel.buckets.findIndex((b) => b.events > 0);
  const bucket = rel.buckets[i];
  const next = new Date(bucket.start + 'T00:00:00Z');
  next.setUTCMonth(next.getUTCMonth() + 1);
  const to = new Date(next - 86400000).toISOString().slice(0, 10);
  const clickChart = async (grid, x, y) => {
    const at = await page.evaluate(([g, px, py]) => {
      const el = document.getElementById('dyad-chart');
      const [cx, cy] = el.chart.convertToPixel({ xAxisIndex: g, yAxisIndex: g }, [px, py]);
      const r = el.getBoundingClientRect();
      return { x: r.left + cx, y: r.top + cy };
    }, [grid, x, y]);
    await page.mouse.click(at.x, at.y);
  };
  const listed = async (label, filter) => {
    await page.locator('.view-dyad .selection h3', { hasText: label }).waitFor();
    await page.waitForFunction(() => !document.querySelector('#dyad-events.loading'));
    const api = await getJson(base(), `api/events?a=PRK&b=CHN&modality=asserted,alleged&from=${bucket.start}&to=${to}${filter}&limit=1`);
    assert.ok(api.total > 0);
    assert.equal(await pagerTotal('#dyad-events'), api.total);
    for (const d of await rows('#dyad-events').locator('td:first-child').allInnerTexts()) {
      assert.ok(d >= bucket.start && d <= to, `${d} in ${bucket.start}..${to}`);
    }
  };
  await clickChart(0, i, bucket.index);
  await listed(`${bucket.start} to ${to}`, '');
  const q = bucket.quad.findIndex((n) => n > 0);
  await clickChart(1, i, sum(bucket.quad.slice(0, q)) + bucket.quad[q] / 2);
  const quadName = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'][q];
  await listed(quadName, `&quad=${q + 1}`);
  for (const c of await rows('#dyad-events').locator('td:nth-child(4)').allInnerTexts()) assert.equal(c.trim(), quadName);
});

test('the event table filters, searches and pages on the server', async () => {
  const all = await getJson(base(), 'api/events?limit=1');
  assert.ok(all.total > 50, 'the sample has more than one page of events');
  await page.goto(base() + '#/events');
  await rows('#events-table').first().waitFor();
  assert.equal(await pagerTotal('#events-table'), all.total);
  assert.equal(await rows('#events-table').count(), 50);
  await page.click('#events-table .pager button:has-text("Next")');
  await page.locator('#events-table .pager .count', { hasText: 'Events 51–100' }).waitFor();

  // Full-text search over the evidence sentences.
  const found = await getJson(base(), 'api/events?q=anniversary&limit=1');
  assert.ok(found.total > 0, 'some sample sentence mentions an anniversary');
  await page.fill('.view-events input[name=q]', 'anniversary');
  await page.click('.view-events form button[type=submit]');
  await page.locator('#events-table .pager .count', { hasText: `of ${found.total}` }).waitFor();
  for (const s of await rows('#events-table').locator('.evidence').allInnerTexts()) {
    assert.match(s, /anniversar/i);
  }
  await shot('events-search');

  // Quad class filter (material conflict) with a country.
  await page.goto(base() + '#/events?country=RUS&quad=4');
  await rows('#events-table').first().waitFor();
  const conflict = await getJson(base(), 'api/events?country=RUS&quad=4&limit=1');
  assert.equal(await pagerTotal('#events-table'), conflict.total);
  for (const q of await rows('#events-table').locator('td:nth-child(4)').allInnerTexts()) {
    assert.equal(q.trim(), 'material conflict');
  }
  await shot('events');
});

test('a document shows its actors and triggers; a trigger tells its code and rule', async () => {
  await page.goto(base() + '#/dyad?a=PRK&b=CHN');
  await rows('#dyad-events').first().waitFor();
  const eventId = Number(await rows('#dyad-events').first().getAttribute('data-event'));
  const ev = (await getJson(base(), 'api/events?a=PRK&b=CHN&modality=asserted,alleged&limit=1')).events[0];
  assert.equal(eventId, ev.id);
  await rows('#dyad-events').first().locator('a.doc-link').click();
  await page.locator('#doc-text mark.trigger').first().waitFor();

  const doc = await getJson(base(), `api/documents/${encodeURIComponent(ev.doc_id)}`);
  assert.equal(await page.locator('.view-document h2').innerText(), doc.title || doc.id);
  assert.ok(doc.actors.length > 0 && doc.events.length > 0);
  assert.ok(await page.locator('#doc-text .actor').count() > 0, 'actors highlighted');
  const triggerEvents = new Set((await page.locator('#doc-text mark.trigger').evaluateAll(
    (ms) => ms.flatMap((m) => m.dataset.event.split(' ')))).map(Number));
  for (const e of doc.events) {
    if (e.trigger.end > e.trigger.start) assert.ok(triggerEvents.has(e.id), `trigger of event ${e.id} highlighted`);
  }
  // The event picked in the table is marked; its trigger text is the stored one.
  const sel = page.locator('#doc-text mark.sel-trigger').first();
  assert.equal((await page.locator('#doc-text mark.sel-trigger').allInnerTexts()).join(''), ev.trigger.text);
  await sel.hover();
  const tip = page.locator('#trigger-tooltip');
  await tip.waitFor({ state: 'visible' });
  const tipText = await tip.innerText();
  assert.ok(tipText.includes(`rule: ${ev.rule}`), tipText);
  assert.ok(tipText.includes(ev.code), tipText);
  await shot('document');
});

test('no page error or failed request in any view', () => {
  assert.deepEqual(pageErrors, []);
});
