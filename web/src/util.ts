// Small DOM, formatting and naming helpers shared by the views.
import { cameo, countries } from 'virtual:dyad-tables';
import type { Actor, Event, Params } from './api';
import { query } from './api';

type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Creates an element: h('a', {href: '#/x', class: 'c'}, 'text', child…). `on*` attributes bind listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: Attrs = {}, ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v as EventListener);
    } else if (k in el && typeof v !== 'string' && k !== 'class') {
      (el as unknown as Record<string, unknown>)[k] = v;
    } else {
      el.setAttribute(k === 'className' ? 'class' : k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (Array.isArray(c)) append(el, c);
    else if (c === null || c === undefined || c === false) continue;
    else el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

const intFmt = new Intl.NumberFormat('en-US');
export const int = (n: number | undefined | null) => (n === undefined || n === null ? '–' : intFmt.format(n));
export const signed = (x: number | undefined | null, digits = 2) =>
  x === undefined || x === null || Number.isNaN(x) ? '–' : (x > 0 ? '+' : x < 0 ? '−' : '±') + Math.abs(x).toFixed(digits);

export const quadNames = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
export const quadColors = ['#999', '#7fb3d5', '#1f618d', '#f0a04b', '#c0392b'];
export const modalities = ['asserted', 'alleged', 'hypothetical', 'future', 'negated', 'historical'];

export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  return countries[code] ?? '';
}

/** "PRK" with its name as a tooltip. */
export function countryLabel(code: string | null | undefined): HTMLElement {
  return h('abbr', { class: 'country', title: countryName(code) || undefined }, code || '–');
}

export function eventName(e: Pick<Event, 'code' | 'event_name'>): string {
  return e.event_name || cameo[e.code]?.[0] || '';
}

export function codeName(code: string): string {
  return cameo[code]?.[0] ?? '';
}

/** The 20 CAMEO roots with their names, for the root filter. */
export function cameoRoots(): [string, string][] {
  return Object.entries(cameo)
    .filter(([c]) => c.length === 2)
    .map(([c, v]) => [c, v[0]] as [string, string]);
}

export function countryCodes(): [string, string][] {
  return Object.entries(countries).sort((a, b) => a[0].localeCompare(b[0]));
}

// Diverging scale of the cooperation–conflict index: −1 red (conflict),
// 0 grey, +1 blue (cooperation).
const red = [192, 57, 43];
const grey = [190, 190, 190];
const blue = [31, 97, 181];
export function indexColor(x: number): string {
  const t = Math.max(-1, Math.min(1, x || 0));
  // Square root: most dyads' indices are small (|Goldstein mean| < 5), and a
  // linear ramp would leave them all grey; the order of colours is kept.
  const u = Math.sqrt(Math.abs(t));
  const [from, to] = t < 0 ? [grey, red] : [grey, blue];
  const c = from.map((v, i) => Math.round(v + (to[i] - v) * u));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

export function indexChip(x: number): HTMLElement {
  return h('span', { class: 'chip', style: `background:${indexColor(x)}`, title: 'cooperation–conflict index (−1 conflict … +1 cooperation)' }, signed(x));
}

export function actorText(a: Actor | null): string {
  return a ? a.code : '–';
}

// Hash routes: #/network, #/dyad?a=&b=, #/events?…, #/document/<id>?event=
export function route(view: string, params: Params = {}): string {
  return '#/' + view + query(params);
}
export const docRoute = (docId: string, eventId?: number) =>
  route('document/' + encodeURIComponent(docId), { event: eventId });

/** Maps UTF-8 byte offsets (the store's offsets) to string indices. */
export class ByteIndex {
  private readonly map: Int32Array;
  constructor(text: string) {
    const bytes = new TextEncoder().encode(text).length;
    this.map = new Int32Array(bytes + 1).fill(-1);
    let b = 0;
    for (let i = 0; i < text.length; i++) {
      this.map[b] = i;
      const c = text.codePointAt(i)!;
      if (c >= 0x10000) {
        b += 4;
        i++;
      } else b += c >= 0x800 ? 3 : c >= 0x80 ? 2 : 1;
    }
    this.map[b] = text.length;
  }
  /** String index of byte offset `b` (clamped; inside a character → the character's start). */
  at(b: number): number {
    let x = Math.max(0, Math.min(b, this.map.length - 1));
    while (x > 0 && this.map[x] < 0) x--;
    return Math.max(0, this.map[x]);
  }
}

/** Day arithmetic on ISO dates, in UTC. */
export function addDays(iso: string, n: number): string {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Last day of the bucket starting at `start` for granularity `by`. */
export function bucketEnd(start: string, by: string): string {
  const d = new Date(start + 'T00:00:00Z');
  if (by === 'day') return start;
  if (by === 'week') return addDays(start, 6);
  if (by === 'year') d.setUTCFullYear(d.getUTCFullYear() + 1, 0, 1);
  else d.setUTCMonth(d.getUTCMonth() + 1, 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function errorBox(e: unknown): HTMLElement {
  return h('div', { class: 'error', role: 'alert' }, (e as Error).message ?? String(e));
}

export function isAbort(e: unknown): boolean {
  return (e as Error)?.name === 'AbortError';
}

/** A country input with the known codes as suggestions. */
export function countryInput(name: string, value: string, placeholder: string): HTMLInputElement {
  return h('input', {
    name, value, placeholder, list: 'country-list', class: 'country-input', size: 6,
    autocomplete: 'off', spellcheck: 'false', 'aria-label': placeholder,
  });
}

/** The shared <datalist> of country codes (added once to the page). */
export function countryDatalist(): HTMLElement {
  return h('datalist', { id: 'country-list' },
    countryCodes().map(([c, n]) => h('option', { value: c }, n)));
}
