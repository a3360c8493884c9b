// Times each dashboard view against a running `dyad serve`: from navigation
// to the view's data on screen, in headless chromium. Not a test; figures go
// to doc/benchmarks.md. Usage: node tests/browser/measure_load.mjs http://127.0.0.1:8080/ [runs]
import { launchBrowser } from './harness.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8080/';
const runs = Number(process.argv[3] ?? 5);
const views = [
  ['network (200 relations)', '#/network', '#network-panel table.strongest tbody tr'],
  ['dyad PRK–CHN by month + events', '#/dyad?a=PRK&b=CHN', '#dyad-events table.events tbody tr'],
  ['dyad PRK–CHN by week', '#/dyad?a=PRK&b=CHN&by=week', '.view-dyad .summary:has-text("mentions")'],
  ['events, first page', '#/events', '#events-table table.events tbody tr'],
  ['events, page 200', '#/events?offset=9950', '#events-table table.events tbody tr'],
  ['events, search "summit"', '#/events?q=summit', '#events-table table.events tbody tr'],
  ['events, RUS material conflict', '#/events?country=RUS&quad=4', '#events-table table.events tbody tr'],
];

const { context, close } = await launchBrowser();
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(60_000);
await page.goto(base); // warm: assets cached, server connections open
await page.locator('#network-panel table').first().waitFor();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, hash, ready] of views) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    await page.goto('about:blank');
    const t0 = performance.now();
    await page.goto(base + hash);
    await page.locator(ready).first().waitFor();
    times.push(performance.now() - t0);
  }
  console.log(`${name.padEnd(34)} median ${median(times).toFixed(0)} ms  (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${runs} runs)`);
}
// The document of an event picked in the table.
const times = [];
for (let i = 0; i < runs; i++) {
  await page.goto(base + '#/events?a=PRK&b=CHN');
  await page.locator('#events-table a.doc-link').first().waitFor();
  const t0 = performance.now();
  await page.locator('#events-table a.doc-link').first().click();
  await page.locator('#doc-text mark.trigger').first().waitFor();
  times.push(performance.now() - t0);
}
console.log(`${'document from the table'.padEnd(34)} median ${median(times).toFixed(0)} ms  (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${runs} runs)`);
await close();
