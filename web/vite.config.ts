import { defineConfig, type Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The dashboard names codes with the project's own tables (data/cameo/cameo.tsv and
// data/actors/countries.txt) so it never disagrees with the coder. They are reduced
// to small maps at build time instead of shipping the whole files to the browser.
const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const virtualId = 'virtual:dyad-tables';

function parseCameo(tsv: string): Record<string, [string, number, number]> {
  const out: Record<string, [string, number, number]> = {};
  const lines = tsv.split('\n');
  const head = lines[0].split('\t');
  const col = (name: string) => head.indexOf(name);
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const f = line.split('\t');
    out[f[col('code')]] = [f[col('name')], Number(f[col('quad_class')]), Number(f[col('goldstein')])];
  }
  return out;
}

function parseCountries(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let name = '';
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      name = line.replace(/#.*/, '').trim();
      continue;
    }
    const m = /^\s+code:\s*([A-Z]{3})\b/.exec(line);
    if (m && name && !(m[1] in out)) out[m[1]] = name;
  }
  return out;
}

function dyadTables(): Plugin {
  const files = { cameo: dataDir + 'cameo/cameo.tsv', countries: dataDir + 'actors/countries.txt' };
  return {
    name: 'dyad-tables',
    resolveId(source) {
      return source === virtualId ? '\0' + virtualId : null;
    },
    load(id) {
      if (id !== '\0' + virtualId) return null;
      this.addWatchFile(files.cameo);
      this.addWatchFile(files.countries);
      const cameo = parseCameo(readFileSync(files.cameo, 'utf8'));
      const countries = parseCountries(readFileSync(files.countries, 'utf8'));
      return `export const cameo = ${JSON.stringify(cameo)};\n` +
        `export const countries = ${JSON.stringify(countries)};\n`;
    },
  };
}

export default defineConfig({
  // Relative asset paths: dist works wherever the server mounts it.
  base: './',
  plugins: [dyadTables()],
  server: {
    // `npm run dev` talks to a running `dyad serve` (DYAD_API, default port 8080).
    proxy: { '/api': process.env.DYAD_API ?? 'http://127.0.0.1:8080' },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
});
