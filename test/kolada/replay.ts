// A local stand-in for Kolada's REST API v2 (node:http), answering in the format RKA documents
// (github.com/Hypergene/kolada): { values, count, next_page } envelopes, key-figure metadata and
// data rows { kpi, municipality, period, values: [{ gender, value, status, count }] }. It pages
// its answers (per_page) so that clients must follow next_page, and it can fail on purpose.
// All values are made up for the tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Kpi {
  id: string;
  title: string;
  is_divided_by_gender: 0 | 1;
  municipality_type: 'K' | 'L' | 'A';
  publ_period?: string;
  [k: string]: unknown;
}

export interface Row {
  kpi: string;
  municipality: string;
  period: number;
  values: { gender: 'T' | 'K' | 'M'; value: number | null; status: string; count: number }[];
}

export type Failure =
  | { kind: 'status'; status: number; times?: number }
  | { kind: 'hang' }
  | { kind: 'body'; body: string }
  | { kind: 'reset' };

export interface Replay {
  url: string;
  kpis: Kpi[];
  rows: Row[];
  perPage: number;
  /** Requests seen (path and query), in order. */
  seen: string[];
  /** The next requests fail so (a status with `times` fails that many requests, then answers). */
  fail?: Failure;
  close(): Promise<void>;
}

export const row = (kpi: string, municipality: string, period: number, t: number | null, k?: number | null, m?: number | null): Row => ({
  kpi, municipality, period,
  values: [
    ...(k !== undefined ? [{ gender: 'K' as const, value: k, status: '', count: 1 }] : []),
    ...(m !== undefined ? [{ gender: 'M' as const, value: m, status: '', count: 1 }] : []),
    { gender: 'T' as const, value: t, status: t === null ? 'Värde saknas' : '', count: 1 },
  ],
});

function page<T>(rp: Replay, req: URL, all: T[]): object {
  const n = Math.max(1, Number(req.searchParams.get('page') ?? '1'));
  const per = Number(req.searchParams.get('per_page') ?? rp.perPage);
  const values = all.slice((n - 1) * per, n * per);
  const body: Record<string, unknown> = { values, count: values.length };
  const link = (k: number) => { const u = new URL(req.href); u.searchParams.set('page', String(k)); return u.href; };
  if (n * per < all.length) body.next_page = link(n + 1);
  if (n > 1) body.previous_page = link(n - 1);
  return body;
}

export async function startReplay(kpis: Kpi[], rows: Row[], perPage = 2): Promise<Replay> {
  const sockets = new Set<import('node:net').Socket>();
  const rp: Replay = { url: '', kpis, rows, perPage, seen: [], close: async () => {} };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', rp.url);
    rp.seen.push(u.pathname + u.search);
    const f = rp.fail;
    if (f?.kind === 'hang') return; // never answers: the client's timeout must end it
    if (f?.kind === 'reset') { req.socket.destroy(); return; }
    if (f?.kind === 'body') { res.writeHead(200, { 'content-type': 'application/json' }).end(f.body); return; }
    if (f?.kind === 'status') {
      if (f.times === undefined || f.times > 0) {
        if (f.times !== undefined) f.times--;
        res.writeHead(f.status, { 'content-type': 'text/plain' }).end(`HTTP ${f.status}`);
        return;
      }
    }
    const json = (b: object) => res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(b));
    const parts = u.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'v2') { res.writeHead(404).end(); return; }
    if (parts[1] === 'kpi' && parts.length === 2) {
      const t = (u.searchParams.get('title') ?? '').toLocaleLowerCase('sv-SE');
      return json(page(rp, u, rp.kpis.filter((k) => k.title.toLocaleLowerCase('sv-SE').includes(t))));
    }
    if (parts[1] === 'kpi' && parts.length === 3) {
      const ids = parts[2]!.split(',');
      return json(page(rp, u, rp.kpis.filter((k) => ids.includes(k.id))));
    }
    if (parts[1] === 'data' && parts[2] === 'kpi' && parts[4] === 'municipality') {
      const kpi = parts[3]!.split(',');
      const mun = parts[5]!.split(',');
      const years = parts[6] === 'year' ? parts[7]!.split(',').map(Number) : undefined;
      return json(page(rp, u, rp.rows.filter((r) => kpi.includes(r.kpi) && mun.includes(r.municipality) && (!years || years.includes(r.period)))));
    }
    res.writeHead(404).end();
  };
  const server: Server = createServer(handle);
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  rp.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  rp.close = () => new Promise<void>((ok) => { for (const s of sockets) s.destroy(); server.close(() => ok()); });
  return rp;
}

/** A port nothing listens on: a server started and closed again. */
export async function deadUrl(): Promise<string> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((ok) => s.close(() => ok()));
  return `http://127.0.0.1:${port}`;
}
