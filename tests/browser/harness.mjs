// Real parts for the browser tests: a store made by `dyad ingest`, `dyad serve`
// on a free loopback port, and Debian's chromium driven by playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..');
const require = createRequire(join(root, 'web/package.json'));
const { chromium } = require('playwright-core');

export const artifacts = process.env.DYAD_ARTIFACTS ?? join(root, 'build/test-artifacts');

/** A port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** `dyad ingest data/sample` into a fresh temporary store; returns {dir, db}. */
export function ingestSample(dyad) {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-browser-'));
  const db = join(dir, 'sample.db');
  const r = spawnSync(dyad, ['ingest', join(root, 'data/sample'), '--db', db, '--quiet'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`dyad ingest failed (${r.status}): ${r.stderr}`);
  return { dir, db, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts `dyad serve` and waits until /api/health answers; returns {base, stop, log}. */
export async function startServer(dyad, db) {
  const port = await freePort();
  const proc = spawn(dyad, ['serve', '--db', db, '--bind', '127.0.0.1', '--port', String(port),
    '--web-root', join(root, 'web/dist')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  let exited = null;
  proc.on('exit', (code, sig) => { exited = code ?? sig; });
  const base = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) throw new Error(`dyad serve exited (${exited}): ${log}`);
    try {
      const r = await fetch(base + 'api/health');
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      proc.kill('SIGTERM');
      throw new Error(`dyad serve did not answer on ${base} within 60 s: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = () => new Promise((ok) => {
    if (exited !== null) return ok();
    proc.once('exit', () => ok());
    proc.kill('SIGTERM');
    setTimeout(() => { if (exited === null) proc.kill('SIGKILL'); }, 5000).unref();
  });
  return { base, stop, log: () => log };
}

/** Headless chromium with a fresh profile; returns {context, dir}. */
export async function launchBrowser() {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.DYAD_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 950 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function getJson(base, path) {
  const r = await fetch(base + path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status} ${await r.text()}`);
  return r.json();
}
