// Typed client of dyad's HTTP API (doc/server.md, /work/contract.md). Every call
// asks the server for one page or one aggregate: the dashboard never downloads
// the whole store.

export interface Actor {
  code: string;
  country: string;
  sector: string;
  text: string;
  start: number;
  end: number;
}

export interface Span {
  start: number;
  end: number;
  text?: string;
}

export interface Event {
  id: number;
  doc_id: string;
  sentence_index: number;
  sentence: string;
  date: string | null;
  date_precision?: string;
  date_rule?: string;
  source: Actor;
  target: Actor | null;
  code: string;
  event_name?: string;
  root: string;
  quad_class: number;
  goldstein: number;
  plover: string | null;
  modality: string;
  modality_cue?: string;
  attribution: Actor | null;
  attribution_text?: string;
  rule: string;
  trigger: Span;
  confidence?: number;
  group_id?: number | null;
  num_mentions?: number;
  num_sources?: number;
  num_articles?: number;
  url?: string | null;
  title?: string | null;
  source_name?: string | null;
}

export interface EventPage {
  total: number;
  limit: number;
  offset: number;
  events: Event[];
}

export interface Stats {
  documents: number;
  events: number;
  event_groups?: number;
  first_date: string | null;
  last_date: string | null;
  countries: number;
}

export interface DyadSummary {
  a: string;
  b: string;
  events: number;
  mentions: number;
  goldstein_mean: number;
  index: number;
  delta?: number;
}

export interface Bucket {
  start: string;
  events: number;
  quad: [number, number, number, number];
  mentions: number;
  goldstein_sum: number;
  goldstein_mean: number;
  index: number;
}

export interface Shift {
  date: string;
  before: number;
  after: number;
  score: number;
  method: string;
}

export interface Relations {
  a: string;
  b: string;
  directed: boolean;
  by: string;
  trend: number;
  buckets: Bucket[];
  shifts: Shift[];
}

export interface Partner {
  country: string;
  events: number;
  mentions: number;
  index: number;
  goldstein_mean: number;
}

export interface NetworkNode {
  id: string;
  events: number;
}

export interface NetworkEdge {
  a: string;
  b: string;
  events: number;
  mentions: number;
  index: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export interface DocumentView {
  id: string;
  url: string | null;
  title: string | null;
  date: string | null;
  source: string | null;
  text: string;
  sentences: { index: number; start: number; end: number }[];
  actors: { start: number; end: number; code: string }[];
  events: Event[];
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export type Params = Record<string, string | number | boolean | null | undefined>;

/** Query string of the non-empty parameters (booleans as 1/0). */
export function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

// Relative to the page, so the dashboard also works under a path prefix.
const base = new URL('api/', document.baseURI);

async function get<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  const url = new URL(path + query(params), base);
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, `cannot reach the dyad server (${url.pathname}): ${(e as Error).message}`);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(res.status, `${url.pathname}: not JSON (HTTP ${res.status})`);
  }
  if (!res.ok) {
    const err = (body as { error?: { message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.message ?? `${url.pathname}: HTTP ${res.status}`);
  }
  return body as T;
}

export const api = {
  health: (s?: AbortSignal) => get<{ status: string; schema_version: number }>('health', {}, s),
  stats: (s?: AbortSignal) => get<Stats>('stats', {}, s),
  events: (p: Params, s?: AbortSignal) => get<EventPage>('events', p, s),
  dyads: (p: Params, s?: AbortSignal) => get<{ dyads: DyadSummary[] }>('dyads', p, s),
  relations: (p: Params, s?: AbortSignal) => get<Relations>('relations', p, s),
  partners: (p: Params, s?: AbortSignal) => get<{ country: string; partners: Partner[] }>('partners', p, s),
  network: (p: Params, s?: AbortSignal) => get<Network>('network', p, s),
  document: (id: string, s?: AbortSignal) =>
    get<DocumentView>('documents/' + encodeURIComponent(id), {}, s),
};
