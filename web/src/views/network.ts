// (a) Relations network: countries as nodes sized by events, relations as edges
// coloured by the cooperation–conflict index and sized by events. Click a
// node for its partners, an edge for the dyad view.
import { api, type Network, type NetworkEdge } from '../api';
import { chart } from '../charts';
import {
  countryLabel, countryName, errorBox, h, indexChip, indexColor, int, isAbort, route, signed,
} from '../util';

export function networkView(root: HTMLElement, params: URLSearchParams): () => void {
  const p = {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    min_events: params.get('min_events') ?? '1',
    limit: params.get('limit') ?? '200',
  };
  const ctrl = new AbortController();
  let partnersCtrl: AbortController | null = null;

  const form = h('form', { class: 'controls', 'aria-label': 'network filters' },
    h('label', {}, 'From ', h('input', { type: 'date', name: 'from', value: p.from })),
    h('label', {}, 'To ', h('input', { type: 'date', name: 'to', value: p.to })),
    h('label', { title: 'hide relations with fewer events' }, 'Min events ',
      h('input', { type: 'number', name: 'min_events', min: 1, value: p.min_events, class: 'narrow' })),
    h('label', { title: 'the strongest relations by events' }, 'Relations ',
      h('input', { type: 'number', name: 'limit', min: 1, max: 2000, value: p.limit, class: 'narrow' })),
    h('button', { type: 'submit' }, 'Show'),
    h('a', { href: route('network'), class: 'button-link' }, 'All time'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    location.hash = route('network', Object.fromEntries([...f.entries()].map(([k, v]) => [k, String(v)])));
  });

  const legend = h('div', { class: 'legend' },
    h('span', {}, 'conflict'),
    h('span', { class: 'gradient', title: 'cooperation–conflict index, −1 … +1' }),
    h('span', {}, 'cooperation'),
    h('span', { class: 'muted' }, ' · node size: events · edge width: events · drag to move, scroll to zoom'));
  const summary = h('p', { class: 'summary muted' }, 'Loading the network…');
  const chartEl = h('div', { class: 'chart network-chart', id: 'network-chart' });
  const panel = h('aside', { class: 'panel', id: 'network-panel' });
  root.replaceChildren(h('section', { class: 'view view-network' },
    h('h2', {}, 'Relations network'), form, legend, summary,
    h('div', { class: 'split' }, chartEl, panel)));

  const { chart: c, dispose } = chart(chartEl);
  (chartEl as unknown as { chart: unknown }).chart = c;
  let net: Network = { nodes: [], edges: [] };
  const range = { from: p.from, to: p.to };

  const showPartners = async (country: string) => {
    history.replaceState(null, '', route('network', { ...p, country }));
    partnersCtrl?.abort();
    partnersCtrl = new AbortController();
    panel.replaceChildren(h('h3', {}, 'Partners of ', countryLabel(country)), h('p', { class: 'muted' }, 'Loading…'));
    try {
      const r = await api.partners({ country, ...range, limit: 50 }, partnersCtrl.signal);
      panel.replaceChildren(
        h('h3', {}, 'Partners of ', countryLabel(country), ' ', h('span', { class: 'muted' }, countryName(country))),
        h('p', {}, h('a', { href: route('events', { country, ...range }) }, `events of ${country}`), ' · ',
          h('a', { href: '#', onclick: (e: Event) => { e.preventDefault(); void showTop(); } }, 'strongest relations')),
        r.partners.length === 0 ? h('p', { class: 'muted' }, 'No partner in this period.') :
          h('table', { class: 'compact partners' },
            h('thead', {}, h('tr', {}, ['Partner', 'Events', 'Mentions', 'Index', 'Goldstein'].map((t) => h('th', {}, t)))),
            h('tbody', {}, r.partners.map((q) => h('tr', {},
              h('td', {}, h('a', { href: route('dyad', { a: country, b: q.country, ...range }), title: countryName(q.country) },
                q.country), ' ', h('span', { class: 'muted small' }, countryName(q.country))),
              h('td', { class: 'num' }, int(q.events)),
              h('td', { class: 'num' }, int(q.mentions)),
              h('td', {}, indexChip(q.index)),
              h('td', { class: 'num' }, signed(q.goldstein_mean, 1)))))),
      );
    } catch (e) {
      if (!isAbort(e)) panel.replaceChildren(errorBox(e));
    }
  };

  const edgeRow = (e: NetworkEdge) => h('tr', {},
    h('td', {}, h('a', { href: route('dyad', { a: e.a, b: e.b, ...range }), class: 'dyad-link' }, `${e.a} – ${e.b}`)),
    h('td', { class: 'num' }, int(e.events)),
    h('td', {}, indexChip(e.index)));

  const showTop = async () => {
    history.replaceState(null, '', route('network', p));
    const top = [...net.edges].sort((x, y) => y.events - x.events).slice(0, 15);
    const shifts = h('div', {}, h('p', { class: 'muted' }, 'Loading shifts…'));
    panel.replaceChildren(
      h('h3', {}, 'Strongest relations'),
      top.length ? h('table', { class: 'compact strongest' },
        h('thead', {}, h('tr', {}, ['Dyad', 'Events', 'Index'].map((t) => h('th', {}, t)))),
        h('tbody', {}, top.map(edgeRow))) : h('p', { class: 'muted' }, 'No relation in this period.'),
      h('h3', {}, 'Largest shifts'), shifts,
      h('p', { class: 'muted small' }, 'Click a country for its partners, a line for the dyad.'));
    try {
      const r = await api.dyads({ ...range, sort: 'shift', limit: 8 }, ctrl.signal);
      shifts.replaceChildren(r.dyads.length === 0 ? h('p', { class: 'muted small' }, 'None: no dyad has enough events both before and in the last month of the period.') :
        h('table', { class: 'compact shifts' },
          h('thead', {}, h('tr', {}, ['Dyad', 'Events', 'Change'].map((t) => h('th', {}, t)))),
          h('tbody', {}, r.dyads.map((d) => h('tr', {},
            h('td', {}, h('a', { href: route('dyad', { a: d.a, b: d.b, ...range }) }, `${d.a} – ${d.b}`)),
            h('td', { class: 'num' }, int(d.events)),
            h('td', {}, h('span', { class: 'chip', style: `background:${indexColor(d.delta ?? 0)}` }, signed(d.delta ?? 0))))))));
    } catch (e) {
      if (!isAbort(e)) shifts.replaceChildren(errorBox(e));
    }
  };

  const draw = () => {
    const nodes = new Map(net.nodes.map((n) => [n.id, { ...n }]));
    for (const e of net.edges) {
      for (const id of [e.a, e.b]) if (!nodes.has(id)) nodes.set(id, { id, events: 0 });
    }
    // A node's colour: the mention-weighted index of its relations.
    const acc = new Map<string, [number, number]>();
    for (const e of net.edges) {
      for (const id of [e.a, e.b]) {
        const v = acc.get(id) ?? [0, 0];
        const w = e.mentions || e.events || 1;
        acc.set(id, [v[0] + e.index * w, v[1] + w]);
      }
    }
    const maxNode = Math.max(1, ...[...nodes.values()].map((n) => n.events));
    const maxEdge = Math.max(1, ...net.edges.map((e) => e.events));
    const many = nodes.size > 60;
    c.setOption({
      animationDuration: 600,
      tooltip: {
        confine: true,
        formatter: (x: { dataType: string; data: Record<string, unknown> }) => {
          const d = x.data;
          if (x.dataType === 'edge') {
            return `<b>${d.source} – ${d.target}</b><br>${int(d.events as number)} events, ${int(d.mentions as number)} mentions` +
              `<br>index ${signed(d.index as number)}<br><i>click: dyad view</i>`;
          }
          return `<b>${d.id}</b> ${countryName(d.id as string)}<br>${int(d.value as number)} events` +
            `<br>index of its relations ${signed(d.index as number)}<br><i>click: partners</i>`;
        },
      },
      series: [{
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        zoom: 0.8,
        force: { repulsion: many ? 120 : 240, edgeLength: [50, 170], gravity: 0.12, friction: 0.2 },
        label: { show: true, position: 'right', fontSize: 11, color: '#222' },
        labelLayout: { hideOverlap: many },
        emphasis: { focus: 'adjacency', lineStyle: { width: 6 } },
        data: [...nodes.values()].map((n) => {
          const a = acc.get(n.id) ?? [0, 0];
          const index = a[1] ? a[0] / a[1] : 0;
          return {
            id: n.id, name: n.id, value: n.events, index,
            symbolSize: 8 + 42 * Math.sqrt(n.events / maxNode),
            itemStyle: { color: indexColor(index), borderColor: '#333', borderWidth: 0.8 },
            label: { show: !many || n.events >= maxNode / 20 },
          };
        }),
        links: net.edges.map((e) => ({
          source: e.a, target: e.b, events: e.events, mentions: e.mentions, index: e.index, value: e.events,
          lineStyle: {
            color: indexColor(e.index), width: 1 + 9 * Math.sqrt(e.events / maxEdge), opacity: 0.85, curveness: 0.08,
          },
        })),
      }],
    }, true);
  };

  c.on('click', (x) => {
    const d = x.data as Record<string, unknown>;
    if (x.dataType === 'edge') location.hash = route('dyad', { a: d.source as string, b: d.target as string, ...range });
    else if (x.dataType === 'node') void showPartners(d.id as string);
  });

  (async () => {
    try {
      net = await api.network({ ...p }, ctrl.signal);
      const period = p.from || p.to ? `${p.from || 'start'} to ${p.to || 'end'}` : 'all time';
      summary.textContent = `${int(net.nodes.length)} countries, ${int(net.edges.length)} relations (${period}; the ${int(Number(p.limit))} strongest at most).`;
      draw();
      const sel = params.get('country');
      if (sel) void showPartners(sel);
      else void showTop();
    } catch (e) {
      if (!isAbort(e)) summary.replaceWith(errorBox(e));
    }
  })();

  return () => {
    ctrl.abort();
    partnersCtrl?.abort();
    dispose();
  };
}
