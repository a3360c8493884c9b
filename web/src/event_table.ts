// One page of events as a table, with pagination. Used by the event view and
// the dyad view; every row links to its document with the event highlighted.
import { api, type Event, type Params } from './api';
import {
  countryName, docRoute, errorBox, eventName, h, int, isAbort, quadColors, quadNames, route,
} from './util';

export interface EventTableOptions {
  /** Filters passed to GET /api/events (without limit/offset). */
  params: Params;
  offset?: number;
  limit?: number;
  /** Called when the user changes page; default: reload in place. */
  onOffset?: (offset: number) => void;
  /** A title above the table. */
  caption?: string;
}

export function evidence(e: Event): HTMLElement {
  const s = e.sentence ?? '';
  const t = e.trigger?.text ?? '';
  const i = t ? s.indexOf(t) : -1;
  const cell = h('span', { class: 'evidence' });
  if (i < 0) cell.append(s);
  else cell.append(s.slice(0, i), h('mark', { class: `trigger q${e.quad_class}` }, t), s.slice(i + t.length));
  return cell;
}

function actorCell(e: Event): HTMLElement {
  const a = (code: string | undefined, country: string | undefined, text: string | undefined) =>
    h('abbr', { title: [countryName(country), text ? `“${text}”` : ''].filter(Boolean).join(' — ') || undefined }, code || '–');
  return h('span', { class: 'dyad' },
    a(e.source?.code, e.source?.country, e.source?.text), ' → ',
    e.target ? a(e.target.code, e.target.country, e.target.text) : h('span', { class: 'muted' }, '–'));
}

function sourceLink(e: Event): HTMLElement | string {
  let label = e.source_name || '';
  if (e.url) {
    if (!label) {
      try {
        label = new URL(e.url).hostname;
      } catch {
        label = 'link';
      }
    }
    return h('a', { href: e.url, target: '_blank', rel: 'noopener noreferrer', title: e.title || e.url }, label);
  }
  return label || '–';
}

function row(e: Event): HTMLTableRowElement {
  const mentions = e.num_mentions ?? 1;
  return h('tr', { id: `event-${e.id}`, 'data-event': e.id },
    h('td', { class: 'nowrap' }, e.date ?? h('span', { class: 'muted' }, 'undated')),
    h('td', { class: 'nowrap' }, actorCell(e)),
    h('td', {},
      h('a', { href: route('events', { code: e.code }), class: 'code', title: `all events coded ${e.code}` }, e.code), ' ',
      eventName(e),
      e.plover ? h('span', { class: 'plover' }, ' ', e.plover) : null),
    h('td', { class: 'nowrap' }, h('span', { class: 'dot', style: `background:${quadColors[e.quad_class] ?? '#999'}` }),
      quadNames[e.quad_class] ?? e.quad_class),
    h('td', { title: e.modality_cue || undefined }, e.modality),
    h('td', { title: e.attribution_text || undefined },
      e.attribution ? e.attribution.code : e.attribution_text || h('span', { class: 'muted' }, '–')),
    h('td', { class: 'evidence-cell' }, evidence(e)),
    h('td', { class: 'num', title: `${int(e.num_sources)} sources, ${int(e.num_articles)} articles (event group ${e.group_id ?? '–'})` }, int(mentions)),
    h('td', {}, sourceLink(e)),
    h('td', { class: 'nowrap' }, h('a', { href: docRoute(e.doc_id, e.id), class: 'doc-link', title: e.doc_id }, 'document')),
  );
}

/** Renders the table into `container`; returns a disposer that cancels pending requests. */
export function eventTable(container: HTMLElement, opts: EventTableOptions): () => void {
  const limit = opts.limit ?? 50;
  let offset = opts.offset ?? 0;
  let ctrl: AbortController | null = null;

  const load = async () => {
    ctrl?.abort();
    ctrl = new AbortController();
    container.classList.add('loading');
    try {
      const page = await api.events({ ...opts.params, limit, offset }, ctrl.signal);
      container.replaceChildren(render(page.events, page.total, page.offset ?? offset, page.limit ?? limit));
    } catch (e) {
      if (!isAbort(e)) container.replaceChildren(errorBox(e));
    } finally {
      container.classList.remove('loading');
    }
  };

  const go = (o: number) => {
    if (opts.onOffset) opts.onOffset(o);
    else {
      offset = o;
      void load();
    }
  };

  const render = (events: Event[], total: number, off: number, lim: number) => {
    const pages = Math.max(1, Math.ceil(total / lim));
    const page = Math.floor(off / lim) + 1;
    const pager = h('div', { class: 'pager' },
      h('span', { class: 'count' }, total === 0 ? 'No events' :
        `Events ${int(off + 1)}–${int(Math.min(off + events.length, total))} of ${int(total)}`),
      h('button', { type: 'button', disabled: off <= 0, onclick: () => go(Math.max(0, off - lim)) }, '‹ Previous'),
      h('span', {}, `page ${int(page)} of ${int(pages)}`),
      h('button', { type: 'button', disabled: off + lim >= total, onclick: () => go(off + lim) }, 'Next ›'),
      h('a', { href: route('events', opts.params), class: 'open-events' }, 'open in the event table'),
    );
    const table = h('table', { class: 'events' },
      h('thead', {}, h('tr', {},
        ['Date', 'Source → target', 'Event', 'Quad class', 'Modality', 'Attribution', 'Evidence', 'Mentions', 'Source', '']
          .map((t) => h('th', {}, t)))),
      h('tbody', {}, events.map(row)));
    return h('div', { class: 'event-table' },
      opts.caption ? h('h3', {}, opts.caption) : null,
      pager,
      events.length ? h('div', { class: 'table-wrap' }, table) : h('p', { class: 'muted' }, 'No event matches these filters.'));
  };

  container.replaceChildren(h('p', { class: 'muted' }, 'Loading events…'));
  void load();
  return () => ctrl?.abort();
}
