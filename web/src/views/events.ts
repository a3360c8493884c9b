// (c) Event table: every stored event with its evidence, filterable and paged
// on the server (GET /api/events), with a full-text search over sentences.
import type { Params } from '../api';
import { eventTable } from '../event_table';
import { cameoRoots, countryInput, h, modalities, quadNames, route } from '../util';

const fields = ['q', 'actor', 'country', 'a', 'b', 'directed', 'code', 'root', 'quad', 'modality', 'from', 'to', 'sort', 'limit'];

export function eventsView(root: HTMLElement, params: URLSearchParams): () => void {
  const p: Record<string, string> = {};
  for (const f of fields) p[f] = params.get(f) ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const limit = Math.min(500, Math.max(1, Number(p.limit) || 50));

  const select = (name: string, options: [string, string][], label: string) =>
    h('label', {}, label + ' ', h('select', { name },
      h('option', { value: '' }, 'any'),
      options.map(([v, t]) => h('option', { value: v, selected: p[name] === v }, t))));

  const form = h('form', { class: 'controls filters', 'aria-label': 'event filters' },
    h('label', { class: 'search' }, 'Search ', h('input', {
      type: 'search', name: 'q', value: p.q, placeholder: 'words in the sentence, e.g. summit', size: 28,
    })),
    h('label', { title: 'CAMEO actor code of source or target, e.g. PRKGOV' }, 'Actor ',
      h('input', { name: 'actor', value: p.actor, size: 8, placeholder: 'PRKGOV' })),
    h('label', { title: 'source or target country' }, 'Country ', countryInput('country', p.country, 'PRK')),
    h('label', { title: 'dyad: both countries' }, 'Dyad ', countryInput('a', p.a, 'A'), ' – ', countryInput('b', p.b, 'B')),
    h('label', { title: 'only events from A toward B' }, h('input', { type: 'checkbox', name: 'directed', checked: p.directed === '1' }), ' A → B'),
    h('label', { title: 'CAMEO event code, e.g. 057' }, 'Code ', h('input', { name: 'code', value: p.code, size: 5, placeholder: '057' })),
    select('root', cameoRoots().map(([c, n]) => [c, `${c} ${n}`]), 'Root'),
    select('quad', [1, 2, 3, 4].map((q) => [String(q), `${q} ${quadNames[q]}`]), 'Quad'),
    select('modality', [['asserted,alleged', 'asserted or alleged'], ...modalities.map((m) => [m, m] as [string, string])], 'Modality'),
    h('label', {}, 'From ', h('input', { type: 'date', name: 'from', value: p.from })),
    h('label', {}, 'To ', h('input', { type: 'date', name: 'to', value: p.to })),
    h('label', {}, 'Sort ', h('select', { name: 'sort' },
      ([['-date', 'newest first'], ['date', 'oldest first'], ['goldstein', 'most conflictual'], ['-goldstein', 'most cooperative']] as const)
        .map(([v, t]) => h('option', { value: v, selected: (p.sort || '-date') === v }, t)))),
    h('label', {}, 'Rows ', h('select', { name: 'limit' },
      ['25', '50', '100', '200'].map((n) => h('option', { value: n, selected: String(limit) === n }, n)))),
    h('button', { type: 'submit' }, 'Filter'),
    h('a', { href: route('events'), class: 'button-link' }, 'Clear'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const q: Params = {};
    for (const k of fields) {
      const v = String(f.get(k) ?? '').trim();
      q[k] = k === 'directed' ? (v ? '1' : undefined) : ['country', 'a', 'b', 'actor'].includes(k) ? v.toUpperCase() : v;
    }
    if (q.limit === '50') q.limit = undefined;
    location.hash = route('events', q);
  });

  const tableEl = h('div', { id: 'events-table' });
  root.replaceChildren(h('section', { class: 'view view-events' }, h('h2', {}, 'Events'), form, tableEl));

  const filters: Params = {};
  for (const f of fields) if (f !== 'limit' && p[f]) filters[f] = p[f];
  return eventTable(tableEl, {
    params: filters, offset, limit,
    onOffset: (o) => { location.hash = route('events', { ...filters, limit: limit === 50 ? undefined : limit, offset: o || undefined }); },
  });
}
