// (b) Dyad view: the cooperation–conflict index of two countries over time
// (line), quad-class counts (stacked bars), detected shifts (mark lines), and
// the events behind any point (click a point, a bar or a shift).
import { api, type Bucket, type Params, type Relations, type Shift } from '../api';
import { chart } from '../charts';
import { eventTable } from '../event_table';
import {
  bucketEnd, countryInput, countryLabel, countryName, errorBox, h, indexChip, indexColor, int, isAbort,
  quadColors, quadNames, route, signed,
} from '../util';

const granularities = ['day', 'week', 'month', 'year'];

export function dyadView(root: HTMLElement, params: URLSearchParams): () => void {
  const a = (params.get('a') ?? '').toUpperCase();
  const b = (params.get('b') ?? '').toUpperCase();
  const p = {
    a, b,
    by: granularities.includes(params.get('by') ?? '') ? params.get('by')! : 'month',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    directed: params.get('directed') === '1',
  };
  const ctrl = new AbortController();
  const disposers: (() => void)[] = [() => ctrl.abort()];

  const form = h('form', { class: 'controls', 'aria-label': 'dyad' },
    h('label', {}, 'Country A ', countryInput('a', a, 'e.g. PRK')),
    h('button', {
      type: 'button', title: 'swap A and B', class: 'swap', onclick: () => {
        const fa = form.elements.namedItem('a') as HTMLInputElement;
        const fb = form.elements.namedItem('b') as HTMLInputElement;
        [fa.value, fb.value] = [fb.value, fa.value];
      },
    }, '⇄'),
    h('label', {}, 'Country B ', countryInput('b', b, 'e.g. CHN')),
    h('label', { title: 'only events from A toward B' }, h('input', { type: 'checkbox', name: 'directed', checked: p.directed }), ' A → B only'),
    h('label', {}, 'By ', h('select', { name: 'by' },
      granularities.map((g) => h('option', { value: g, selected: g === p.by }, g)))),
    h('label', {}, 'From ', h('input', { type: 'date', name: 'from', value: p.from })),
    h('label', {}, 'To ', h('input', { type: 'date', name: 'to', value: p.to })),
    h('button', { type: 'submit' }, 'Show'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    location.hash = route('dyad', {
      a: String(f.get('a') ?? '').trim().toUpperCase(),
      b: String(f.get('b') ?? '').trim().toUpperCase(),
      directed: f.get('directed') ? '1' : undefined,
      by: String(f.get('by')),
      from: String(f.get('from') ?? ''),
      to: String(f.get('to') ?? ''),
    });
  });

  const title = a && b
    ? h('h2', {}, 'Dyad ', countryLabel(a), p.directed ? ' → ' : ' – ', countryLabel(b), ' ',
      h('span', { class: 'muted small' }, [countryName(a), countryName(b)].filter(Boolean).join(p.directed ? ' → ' : ' – ')))
    : h('h2', {}, 'Dyad');
  const body = h('div', {});
  root.replaceChildren(h('section', { class: 'view view-dyad' }, title, form, body));

  if (!a || !b) {
    body.append(h('p', {}, 'Pick two countries above, click a relation in the network, or choose one of the dyads with most events:'));
    const list = h('div', {}, h('p', { class: 'muted' }, 'Loading dyads…'));
    body.append(list);
    api.dyads({ from: p.from, to: p.to, sort: 'volume', limit: 30 }, ctrl.signal).then((r) => {
      list.replaceChildren(h('table', { class: 'compact dyad-list' },
        h('thead', {}, h('tr', {}, ['Dyad', 'Events', 'Mentions', 'Index', 'Goldstein'].map((t) => h('th', {}, t)))),
        h('tbody', {}, r.dyads.map((d) => h('tr', {},
          h('td', {}, h('a', { href: route('dyad', { a: d.a, b: d.b, by: p.by, from: p.from, to: p.to }) }, `${d.a} – ${d.b}`),
            ' ', h('span', { class: 'muted small' }, `${countryName(d.a)} – ${countryName(d.b)}`)),
          h('td', { class: 'num' }, int(d.events)),
          h('td', { class: 'num' }, int(d.mentions)),
          h('td', {}, indexChip(d.index)),
          h('td', { class: 'num' }, signed(d.goldstein_mean, 1)))))));
    }).catch((e) => { if (!isAbort(e)) list.replaceChildren(errorBox(e)); });
    return () => disposers.forEach((d) => d());
  }

  const summary = h('p', { class: 'summary' }, 'Loading the series…');
  const chartEl = h('div', { class: 'chart dyad-chart', id: 'dyad-chart' });
  const shiftsEl = h('div', { class: 'shifts' });
  const selection = h('div', { class: 'selection' });
  const tableEl = h('div', { id: 'dyad-events' });
  body.append(summary, chartEl,
    h('p', { class: 'muted small' }, 'The index and the bars count merged events (one per date, actors, code and modality; asserted and alleged). ',
      'Click a point or a bar to list its events; the table lists every report of them.'),
    shiftsEl, selection, tableEl);

  const { chart: c, dispose } = chart(chartEl);
  disposers.push(dispose);
  // The browser tests find bucket positions through the chart itself.
  (chartEl as unknown as { chart: unknown }).chart = c;

  // The modalities the relations count, so the table lists what the chart shows.
  const base: Params = { a, b, directed: p.directed ? '1' : undefined, modality: 'asserted,alleged' };
  let disposeTable = () => {};
  const showEvents = (sel: { from?: string; to?: string; quad?: number; label?: string }, offset = 0) => {
    disposeTable();
    const ps: Params = { ...base, from: sel.from ?? p.from, to: sel.to ?? p.to, quad: sel.quad };
    history.replaceState(null, '', route('dyad', {
      a, b, directed: p.directed ? '1' : undefined, by: p.by, from: p.from, to: p.to,
      efrom: sel.from, eto: sel.to, quad: sel.quad, offset: offset || undefined,
    }));
    selection.replaceChildren(h('h3', {}, 'Events ',
      sel.label ? h('span', {}, sel.label, ' ', h('a', { href: '#', onclick: (e: Event) => { e.preventDefault(); showEvents({}); } }, '(all)')) : `of ${a} – ${b}`));
    disposeTable = eventTable(tableEl, { params: ps, offset, onOffset: (o) => showEvents(sel, o) });
  };
  disposers.push(() => disposeTable());

  const bucketOf = (buckets: Bucket[], date: string) => {
    let i = 0;
    for (let k = 0; k < buckets.length; k++) if (buckets[k].start <= date) i = k;
    return i;
  };

  const selectBucket = (r: Relations, i: number, quad?: number) => {
    const bk = r.buckets[i];
    if (!bk) return;
    const to = bucketEnd(bk.start, r.by);
    const label = `${bk.start}${to !== bk.start ? ' to ' + to : ''}${quad ? ' · ' + quadNames[quad] : ''}`;
    showEvents({ from: bk.start, to, quad, label });
    tableEl.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  };

  const draw = (r: Relations) => {
    const x = r.buckets.map((bk) => bk.start);
    const maxEv = Math.max(1, ...r.buckets.map((bk) => bk.events));
    const shiftIdx = (s: Shift) => bucketOf(r.buckets, s.date);
    c.setOption({
      animation: false,
      legend: { top: 0, data: ['index', ...quadNames.slice(1)], selectedMode: true },
      tooltip: {
        trigger: 'axis', confine: true,
        formatter: (items: { dataIndex: number }[]) => {
          const bk = r.buckets[items[0]?.dataIndex ?? 0];
          if (!bk) return '';
          return `<b>${bk.start}</b> (${r.by})<br>${int(bk.events)} events, ${int(bk.mentions)} mentions<br>` +
            `index ${bk.events ? signed(bk.index) : '–'}, Goldstein mean ${bk.events ? signed(bk.goldstein_mean, 1) : '–'}<br>` +
            bk.quad.map((q, i) => `<span style="color:${quadColors[i + 1]}">■</span> ${quadNames[i + 1]}: ${int(q)}`).join('<br>') +
            '<br><i>click to list these events</i>';
        },
      },
      axisPointer: { link: [{ xAxisIndex: 'all' }] },
      grid: [
        { left: 56, right: 24, top: 36, height: '42%' },
        { left: 56, right: 24, top: '60%', bottom: 64 },
      ],
      xAxis: [
        { type: 'category', data: x, gridIndex: 0, axisLabel: { show: false }, boundaryGap: true },
        { type: 'category', data: x, gridIndex: 1, boundaryGap: true },
      ],
      yAxis: [
        { type: 'value', min: -1, max: 1, gridIndex: 0, name: 'index', nameLocation: 'middle', nameGap: 36, splitNumber: 4 },
        { type: 'value', gridIndex: 1, name: 'events', nameLocation: 'middle', nameGap: 36, minInterval: 1 },
      ],
      dataZoom: x.length > 40
        ? [{ type: 'slider', xAxisIndex: [0, 1], bottom: 8, height: 20 }, { type: 'inside', xAxisIndex: [0, 1] }]
        : [],
      series: [
        {
          name: 'index', type: 'line', xAxisIndex: 0, yAxisIndex: 0, connectNulls: true, showSymbol: true, symbol: 'circle',
          // Each point coloured by its own index; empty buckets are gaps bridged by the line.
          data: r.buckets.map((bk) => (bk.events
            ? { value: bk.index, itemStyle: { color: indexColor(bk.index), borderColor: '#333' } }
            : null)),
          symbolSize: (_v: unknown, d: { dataIndex: number }) => 5 + 9 * Math.sqrt((r.buckets[d.dataIndex]?.events ?? 0) / maxEv),
          lineStyle: { width: 2, color: '#5d6d7e' }, itemStyle: { color: '#5d6d7e' },
          markLine: {
            symbol: 'none', silent: false,
            data: [
              { yAxis: 0, lineStyle: { color: '#999', type: 'dashed', width: 1 }, label: { show: false }, silent: true },
              ...r.shifts.map((s) => ({
                xAxis: shiftIdx(s), shift: s,
                lineStyle: { color: '#7d3c98', width: 2, type: 'solid' },
                label: { formatter: `shift ${signed(s.before)} → ${signed(s.after)}`, color: '#7d3c98', position: 'insideStartTop', fontSize: 11 },
              })),
            ],
          },
          markPoint: {
            symbol: 'diamond', symbolSize: 14, label: { show: false },
            data: r.shifts.map((s) => ({
              coord: [shiftIdx(s), Math.max(-1, Math.min(1, s.after))], value: s.score, shift: s,
              itemStyle: { color: '#7d3c98' },
            })),
          },
        },
        ...[1, 2, 3, 4].map((q) => ({
          name: quadNames[q], type: 'bar', stack: 'quad', xAxisIndex: 1, yAxisIndex: 1,
          itemStyle: { color: quadColors[q] }, barMaxWidth: 28,
          data: r.buckets.map((bk) => bk.quad[q - 1] || 0),
        })),
      ],
    }, true);
  };

  // The events load at once, whether or not the series does.
    const efrom = params.get('efrom') ?? undefined;
    const eto = params.get('eto') ?? undefined;
    const quad = params.get('quad') ? Number(params.get('quad')) : undefined;
    showEvents(efrom || eto || quad ? { from: efrom, to: eto, quad, label: `${efrom ?? ''} to ${eto ?? ''}${quad ? ' · ' + quadNames[quad] : ''}` } : {},
      Number(params.get('offset') ?? 0));
  (async () => {
    try {
      const r = await api.relations({ a, b, by: p.by, from: p.from, to: p.to, directed: p.directed ? '1' : '0' }, ctrl.signal);
      const events = r.buckets.reduce((s, bk) => s + bk.events, 0);
      const mentions = r.buckets.reduce((s, bk) => s + bk.mentions, 0);
      const weighted = r.buckets.reduce((s, bk) => s + bk.index * bk.mentions, 0);
      summary.replaceChildren(
        `${int(events)} events, ${int(mentions)} mentions in ${int(r.buckets.length)} ${p.by}s`,
        r.buckets.length ? ` (${r.buckets[0].start} to ${bucketEnd(r.buckets[r.buckets.length - 1].start, r.by)})` : '',
        '; mean index ', indexChip(mentions ? weighted / mentions : 0),
        `, trend ${signed(r.trend, 3)} per ${p.by}, ${int(r.shifts.length)} shift${r.shifts.length === 1 ? '' : 's'} detected.`);
      if (r.buckets.length === 0) {
        chartEl.replaceWith(h('p', { class: 'muted' }, 'No event between these countries in this period.'));
      } else {
        draw(r);
        c.on('click', (x) => {
          const d = x.data as { shift?: Shift } | null;
          if ((x.componentType === 'markLine' || x.componentType === 'markPoint') && d?.shift) {
            selectBucket(r, bucketOf(r.buckets, d.shift.date));
          } else if (x.componentType === 'series') {
            selectBucket(r, x.dataIndex, x.seriesIndex ? x.seriesIndex : undefined);
          }
        });
        // Clicks anywhere in a bucket's column, not only on the symbol.
        c.getZr().on('click', (ev) => {
          if (ev.target) return;
          const pt = [ev.offsetX, ev.offsetY];
          for (const gi of [0, 1]) {
            if (c.containPixel({ gridIndex: gi }, pt)) {
              const i = c.convertFromPixel({ xAxisIndex: gi }, pt) as unknown as number;
              if (typeof i === 'number' && i >= 0) selectBucket(r, Math.round(i));
            }
          }
        });
      }
      shiftsEl.replaceChildren(r.shifts.length === 0 ? '' : h('div', {},
        h('h3', {}, 'Detected shifts'),
        h('table', { class: 'compact shifts' },
          h('thead', {}, h('tr', {}, ['Date', 'Before', 'After', 'Score', 'Method', ''].map((t) => h('th', {}, t)))),
          h('tbody', {}, r.shifts.map((s) => h('tr', {},
            h('td', {}, s.date), h('td', {}, indexChip(s.before)), h('td', {}, indexChip(s.after)),
            h('td', { class: 'num' }, s.score.toFixed(2)), h('td', {}, s.method),
            h('td', {}, h('a', { href: '#', onclick: (e: Event) => { e.preventDefault(); selectBucket(r, bucketOf(r.buckets, s.date)); } }, 'events')))))),
      ));
    } catch (e) {
      if (!isAbort(e)) summary.replaceWith(errorBox(e));
    }
  })();

  return () => disposers.forEach((d) => d());
}
