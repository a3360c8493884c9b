// The dashboard: one page, hash routes, one view at a time.
//   #/network?from&to&min_events&limit&country   relations network
//   #/dyad?a&b&by&from&to&directed               dyad series and its events
//   #/events?q&actor&country&a&b&code&root&quad&modality&from&to&sort&offset
//   #/document/<id>?event=<event id>              text with highlights
import './style.css';
import { api } from './api';
import { countryDatalist, h, int, isAbort } from './util';
import { documentView } from './views/document';
import { eventsView } from './views/events';

// The chart views load ECharts on demand: the event table and documents do
// not wait for it.
type View = (root: HTMLElement, params: URLSearchParams) => () => void;
const lazy = (load: () => Promise<View>): View => (root, params) => {
  let disposed = false;
  let dispose = () => { disposed = true; };
  load().then((view) => {
    if (!disposed) dispose = view(root, params);
  }).catch((e) => root.replaceChildren(h('div', { class: 'error' }, `cannot load the view: ${(e as Error).message}`)));
  return () => dispose();
};
const networkView = lazy(() => import('./views/network').then((m) => m.networkView));
const dyadView = lazy(() => import('./views/dyad').then((m) => m.dyadView));

const app = document.getElementById('app')!;
const main = h('main', { id: 'view' });
const stats = h('span', { class: 'stats', id: 'stats' }, '');
const links: [string, string][] = [['network', 'Network'], ['dyad', 'Dyad'], ['events', 'Events']];
const nav = h('nav', {}, links.map(([v, t]) => h('a', { href: '#/' + v, 'data-view': v }, t)));
app.replaceChildren(
  h('header', {}, h('h1', {}, h('a', { href: '#/network' }, 'dyad')), nav, stats),
  main, countryDatalist());

let dispose: () => void = () => {};

function render(): void {
  dispose();
  const hash = location.hash.replace(/^#\/?/, '');
  const qi = hash.indexOf('?');
  const path = qi < 0 ? hash : hash.slice(0, qi);
  const params = new URLSearchParams(qi < 0 ? '' : hash.slice(qi + 1));
  const [view, ...rest] = path.split('/');
  for (const a of nav.querySelectorAll('a')) a.classList.toggle('active', a.dataset.view === (view || 'network'));
  document.title = `dyad · ${view || 'network'}`;
  window.scrollTo(0, 0);
  switch (view) {
    case 'dyad': dispose = dyadView(main, params); break;
    case 'events': dispose = eventsView(main, params); break;
    case 'document': dispose = documentView(main, decodeURIComponent(rest.join('/')), params); break;
    default: dispose = networkView(main, params);
  }
}

window.addEventListener('hashchange', render);
render();

api.stats().then((s) => {
  stats.textContent = `${int(s.documents)} documents · ${int(s.events)} events` +
    (s.event_groups !== undefined ? ` (${int(s.event_groups)} merged)` : '') +
    ` · ${int(s.countries)} countries` + (s.first_date ? ` · ${s.first_date} to ${s.last_date}` : '');
}).catch((e) => {
  if (!isAbort(e)) {
    stats.textContent = `API: ${(e as Error).message}`;
    stats.classList.add('error-text');
  }
});
