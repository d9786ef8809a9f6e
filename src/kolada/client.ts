// Asks Kolada's REST API v2 with Node's own fetch: a timeout per request, one retry when the
// service could not be reached, did not answer in time or failed itself (HTTP 5xx), and every
// page of an answer (next_page). The base URL is FSSTOD_KOLADA_URL (tests replay answers locally).
import { ServiceError } from '../errors.js';
import { FormatProblem, readDataRow, readKpi, readPage, type DataRow, type KpiMeta } from './format.js';

export const DEFAULT_BASE = 'https://api.kolada.se';
const DEFAULT_TIMEOUT_MS = 20_000;
/** Kolada's id for the whole country. */
const RIKET_ID = '0000';
/** Kolada answers at most 5000 posts a page; more pages than this is a loop, not an answer. */
const MAX_PAGES = 200;

const OFFLINE_HINT = 'Kontrollera internetanslutningen. På en dator utan internet: spara Kolada-svaret (JSON) på en dator som har det och läs in det med fsstöd nyckeltal importera svar.json';

export interface KoladaClient {
  searchKpi(word: string): Promise<KpiMeta[]>;
  kpis(ids: string[]): Promise<KpiMeta[]>;
  data(kpi: string, municipalities: string[], year?: number): Promise<DataRow[]>;
  /** The latest year with a value for riket, per key figure (the documented metadata has no such field). */
  latestYears(kpis: string[]): Promise<Map<string, number>>;
  /** Where answers come from, for messages. */
  readonly base: string;
}

export function clientFromEnv(env: NodeJS.ProcessEnv): KoladaClient {
  const raw = (env.FSSTOD_KOLADA_URL ?? '').trim() || DEFAULT_BASE;
  let base: URL;
  try {
    base = new URL(raw);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error();
  } catch {
    throw new ServiceError(`FSSTOD_KOLADA_URL="${raw.slice(0, 80)}" är ingen http- eller https-adress`, undefined, `Ange t.ex. FSSTOD_KOLADA_URL=${DEFAULT_BASE}, eller ta bort variabeln.`);
  }
  const t = Number(env.FSSTOD_KOLADA_TIMEOUT_MS);
  return new HttpKolada(base, Number.isFinite(t) && t > 0 ? t : DEFAULT_TIMEOUT_MS);
}

/** Why fetch failed, in words (Node puts the system error code on err.cause). */
function reason(e: unknown): string {
  const code = (e as { cause?: { code?: string } })?.cause?.code ?? (e as { code?: string })?.code;
  const words: Record<string, string> = {
    ECONNREFUSED: 'anslutningen nekades', ENOTFOUND: 'adressen hittades inte (DNS)', EAI_AGAIN: 'adressen kunde inte slås upp (DNS)',
    ECONNRESET: 'anslutningen bröts', ETIMEDOUT: 'anslutningen tog för lång tid', ENETUNREACH: 'nätverket kan inte nås', EHOSTUNREACH: 'servern kan inte nås',
    UND_ERR_SOCKET: 'anslutningen bröts', CERT_HAS_EXPIRED: 'serverns certifikat har gått ut',
  };
  return (code && words[code]) ?? (code ? `nätverksfel ${code}` : 'nätverksfel');
}

class HttpKolada implements KoladaClient {
  readonly base: string;
  private readonly root: URL;

  constructor(root: URL, private readonly timeoutMs: number) {
    // "https://api.kolada.se", ".../" or ".../v2" all mean the same service.
    const path = root.pathname.replace(/\/+$/, '').replace(/\/v2$/, '');
    this.root = new URL(root.origin + path + '/');
    this.base = root.origin + path;
  }

  private url(path: string): URL {
    return new URL(`v2/${path}`, this.root);
  }

  /** One GET with the timeout; a second try if the first could not be completed or got a 5xx. */
  private async getJson(url: URL): Promise<unknown> {
    const shown = url.href;
    let last: ServiceError | undefined;
    for (let attempt = 1; attempt <= 2; attempt++) {
      let res: Response;
      try {
        res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), headers: { accept: 'application/json' } });
      } catch (e) {
        const name = (e as Error)?.name;
        last = name === 'TimeoutError' || name === 'AbortError'
          ? new ServiceError(`Kolada svarade inte inom ${this.timeoutMs / 1000} sekunder (${shown}), inte heller vid andra försöket`, undefined, OFFLINE_HINT)
          : new ServiceError(`kunde inte nå Kolada (${url.host}): ${reason(e)}, inte heller vid andra försöket`, undefined, OFFLINE_HINT);
        continue;
      }
      if (res.status >= 500) {
        await res.body?.cancel().catch(() => {});
        last = new ServiceError(`Kolada svarade HTTP ${res.status} (ett fel hos Kolada) för ${shown}, även vid andra försöket`, undefined, 'Försök igen senare; kvarstår felet kan det rapporteras till RKA (kolada.se).');
        continue;
      }
      if (res.status >= 400) {
        await res.body?.cancel().catch(() => {});
        const what = res.status === 404 ? 'adressen finns inte' : res.status === 400 ? 'frågan är ogiltig, t.ex. ett felstavat id eller en för lång adress' : 'frågan avvisades';
        throw new ServiceError(`Kolada svarade HTTP ${res.status} (${what}) för ${shown}`, undefined, 'Kontrollera nyckeltalens id med fsstöd nyckeltal sök <ord>.');
      }
      if (res.status !== 200) {
        await res.body?.cancel().catch(() => {});
        throw new ServiceError(`Kolada svarade HTTP ${res.status} i stället för ett svar med data för ${shown}`);
      }
      let text: string;
      try {
        text = await res.text();
      } catch (e) {
        last = new ServiceError(`svaret från Kolada (${shown}) avbröts: ${reason(e)}, även vid andra försöket`, undefined, OFFLINE_HINT);
        continue;
      }
      try {
        return JSON.parse(text);
      } catch {
        throw new ServiceError(`Kolada svarade med något som inte är JSON för ${shown} (${JSON.stringify(text.slice(0, 60))}…)`, undefined, 'Är FSSTOD_KOLADA_URL rätt adress? Standard är ' + DEFAULT_BASE);
      }
    }
    throw last!;
  }

  /** Every page's values, following next_page (on the same host only). */
  private async all<T>(first: URL, read: (v: unknown, i: number) => T): Promise<T[]> {
    const out: T[] = [];
    let url: URL | undefined = first;
    for (let n = 0; url; n++) {
      if (n >= MAX_PAGES) throw new ServiceError(`Kolada gav fler än ${MAX_PAGES} sidor för ${first.href}; svaret läses inte`);
      const shown: string = url.href;
      try {
        const page = readPage(await this.getJson(url));
        page.values.forEach((v, i) => out.push(read(v, i)));
        if (!page.nextPage) break;
        const next: URL = new URL(page.nextPage, url);
        if (next.hostname !== this.root.hostname) throw new FormatProblem(`"next_page" pekar på en annan server (${next.host})`);
        url = next;
      } catch (e) {
        if (e instanceof FormatProblem) throw new ServiceError(`Kolada svarade inte i det dokumenterade formatet för ${shown}: ${e.message}`, undefined, 'Är FSSTOD_KOLADA_URL rätt adress? Standard är ' + DEFAULT_BASE);
        throw e;
      }
    }
    return out;
  }

  searchKpi(word: string): Promise<KpiMeta[]> {
    // Percent-encoded as the README's own example (%20 for a space, not '+').
    return this.all(new URL(`v2/kpi?title=${encodeURIComponent(word)}`, this.root), readKpi);
  }

  kpis(ids: string[]): Promise<KpiMeta[]> {
    return this.all(this.url(`kpi/${ids.map(encodeURIComponent).join(',')}`), readKpi);
  }

  data(kpi: string, municipalities: string[], year?: number): Promise<DataRow[]> {
    const m = municipalities.map(encodeURIComponent).join(',');
    return this.all(this.url(`data/kpi/${encodeURIComponent(kpi)}/municipality/${m}${year === undefined ? '' : `/year/${year}`}`), readDataRow);
  }

  async latestYears(kpis: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    // Ids in groups, since the URL's length is the limit (README: "a too long URL generates HTTP 400").
    for (let i = 0; i < kpis.length; i += 25) {
      const ids = kpis.slice(i, i + 25).map(encodeURIComponent).join(',');
      for (const r of await this.all(this.url(`data/kpi/${ids}/municipality/${RIKET_ID}`), readDataRow)) {
        if (r.values.some((v) => v.gender === 'T' && v.value !== null)) out.set(r.kpi, Math.max(out.get(r.kpi) ?? 0, r.period));
      }
    }
    return out;
  }
}
