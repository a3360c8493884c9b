// (d) Document view: the stored text with actor mentions and event triggers
// highlighted. Hovering a trigger shows the rule that fired and the code;
// ?event=<id> marks one event's sentence and trigger.
import { api, type DocumentView, type Event as DyadEvent } from '../api';
import {
  ByteIndex, countryName, errorBox, eventName, h, isAbort, quadColors, quadNames, route,
} from '../util';

interface Mark {
  from: number; // string indices
  to: number;
  kind: 'actor' | 'trigger' | 'sentence';
  code?: string;
  event?: DyadEvent;
}

function tipText(e: DyadEvent): string {
  return [
    `${e.code} ${eventName(e)}${e.plover ? ' · ' + e.plover : ''}`,
    `${e.source?.code ?? '–'} → ${e.target?.code ?? '–'} · ${quadNames[e.quad_class] ?? ''} · Goldstein ${e.goldstein}`,
    `modality: ${e.modality}${e.modality_cue ? ` (“${e.modality_cue}”)` : ''}`,
    `rule: ${e.rule}`,
  ].join('\n');
}

/** The text split at every mark boundary; each piece carries the marks covering it. */
function renderText(doc: DocumentView, selected: number | null): { el: HTMLElement; triggers: Map<number, HTMLElement> } {
  const bi = new ByteIndex(doc.text);
  const marks: Mark[] = [];
  for (const a of doc.actors ?? []) marks.push({ from: bi.at(a.start), to: bi.at(a.end), kind: 'actor', code: a.code });
  for (const e of doc.events ?? []) {
    if (e.trigger && e.trigger.end > e.trigger.start) {
      marks.push({ from: bi.at(e.trigger.start), to: bi.at(e.trigger.end), kind: 'trigger', event: e });
    }
  }
  const sel = doc.events?.find((e) => e.id === selected);
  if (sel) {
    const s = doc.sentences?.find((x) => x.index === sel.sentence_index);
    if (s) marks.push({ from: bi.at(s.start), to: bi.at(s.end), kind: 'sentence' });
  }
  const cuts = new Set<number>([0, doc.text.length]);
  for (const m of marks) {
    cuts.add(m.from);
    cuts.add(m.to);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const el = h('div', { class: 'doc-text', id: 'doc-text' });
  const triggers = new Map<number, HTMLElement>();
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = doc.text.slice(from, to);
    const on = marks.filter((m) => m.from <= from && m.to >= to && m.to > m.from);
    if (on.length === 0) {
      el.append(piece);
      continue;
    }
    const cls: string[] = [];
    const attrs: Record<string, string> = {};
    const actor = on.find((m) => m.kind === 'actor');
    const trig = on.filter((m) => m.kind === 'trigger');
    if (on.some((m) => m.kind === 'sentence')) cls.push('sel-sentence');
    if (actor) {
      cls.push('actor');
      attrs['data-actor'] = actor.code ?? '';
      attrs['aria-label'] = `actor ${actor.code}`;
      if (!trig.length) attrs.title = `${actor.code}${countryName(actor.code?.slice(0, 3)) ? ' · ' + countryName(actor.code?.slice(0, 3)) : ''}`;
    }
    if (trig.length) {
      const e = trig[0].event!;
      cls.push('trigger', `q${e.quad_class}`);
      if (trig.some((m) => m.event!.id === selected)) cls.push('sel-trigger');
      attrs['data-event'] = trig.map((m) => m.event!.id).join(' ');
      attrs['data-tip'] = trig.map((m) => tipText(m.event!)).join('\n\n');
      attrs['data-code'] = e.code;
      attrs['data-rule'] = e.rule;
      attrs.tabindex = '0';
    }
    const span = h(trig.length ? 'mark' : 'span', { class: cls.join(' '), ...attrs }, piece);
    for (const m of trig) if (!triggers.has(m.event!.id)) triggers.set(m.event!.id, span);
    el.append(span);
  }
  return { el, triggers };
}

export function documentView(root: HTMLElement, id: string, params: URLSearchParams): () => void {
  const ctrl = new AbortController();
  const selected = params.get('event') ? Number(params.get('event')) : null;
  root.replaceChildren(h('section', { class: 'view view-document' }, h('h2', {}, 'Document'), h('p', { class: 'muted' }, 'Loading…')));

  const tip = h('div', { class: 'tooltip', id: 'trigger-tooltip', role: 'tooltip', hidden: true });
  const showTip = (target: HTMLElement) => {
    tip.textContent = target.dataset.tip ?? '';
    tip.hidden = false;
    const r = target.getBoundingClientRect();
    tip.style.left = `${Math.max(8, Math.min(window.innerWidth - 440, r.left + window.scrollX))}px`;
    tip.style.top = `${r.bottom + window.scrollY + 6}px`;
  };
  const hideTip = () => { tip.hidden = true; };

  (async () => {
    try {
      const doc = await api.document(id, ctrl.signal);
      const { el, triggers } = renderText(doc, selected);
      const tipOn = (ev: Event) => {
        const t = (ev.target as HTMLElement).closest?.('mark.trigger') as HTMLElement | null;
        if (t) showTip(t);
        else hideTip();
      };
      el.addEventListener('mouseover', tipOn);
      el.addEventListener('focusin', tipOn);
      el.addEventListener('mouseleave', hideTip);

      const eventItem = (e: DyadEvent) => h('li', { class: e.id === selected ? 'selected' : '', 'data-event': e.id },
        h('a', {
          href: route('document/' + encodeURIComponent(doc.id), { event: e.id }),
          onclick: (ev: Event) => {
            const span = triggers.get(e.id);
            if (!span) return;
            ev.preventDefault();
            history.replaceState(null, '', route('document/' + encodeURIComponent(doc.id), { event: e.id }));
            document.querySelectorAll('.doc-text .sel-trigger').forEach((x) => x.classList.remove('sel-trigger'));
            span.classList.add('sel-trigger');
            span.scrollIntoView({ behavior: 'smooth', block: 'center' });
            span.focus({ preventScroll: true });
          },
        },
        h('span', { class: 'dot', style: `background:${quadColors[e.quad_class] ?? '#999'}` }),
        `${e.date ?? 'undated'} ${e.source?.code ?? '–'} → ${e.target?.code ?? '–'}`),
        ' ', h('b', {}, e.code), ' ', eventName(e),
        h('div', { class: 'muted small' }, `${e.modality} · “${e.trigger?.text ?? ''}” · ${e.rule}`));

      const meta = [doc.date, doc.source, doc.id].filter(Boolean).join(' · ');
      const countries = [...new Set((doc.actors ?? []).map((a) => a.code.slice(0, 3)))].filter((c) => countryName(c));
      root.replaceChildren(h('section', { class: 'view view-document' },
        h('h2', {}, doc.title || doc.id),
        h('p', { class: 'muted' }, meta, doc.url ? [' · ', h('a', { href: doc.url, target: '_blank', rel: 'noopener noreferrer' }, 'original article')] : null),
        h('div', { class: 'legend' },
          h('span', { class: 'actor' }, 'actor'), ' ',
          [1, 2, 3, 4].map((q) => [h('mark', { class: `trigger q${q}` }, quadNames[q]), ' ']),
          h('span', { class: 'muted' }, ' — hover or focus a trigger for its code and rule'),
          countries.length ? h('span', { class: 'muted' }, ' · countries: ', countries.join(', ')) : null),
        h('div', { class: 'split doc-split' },
          h('article', {}, el),
          h('aside', { class: 'panel' },
            h('h3', {}, `${doc.events?.length ?? 0} events`),
            h('ol', { class: 'doc-events' }, (doc.events ?? []).map(eventItem)))),
        tip));
      const sel = selected !== null ? triggers.get(selected) : undefined;
      if (sel) sel.scrollIntoView({ block: 'center' });
    } catch (e) {
      if (!isAbort(e)) root.replaceChildren(h('section', { class: 'view view-document' }, h('h2', {}, 'Document'), errorBox(e)));
    }
  })();

  return () => ctrl.abort();
}
