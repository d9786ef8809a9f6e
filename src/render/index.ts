// Rendering one project into documents: view model → template → Markdown → model → writers.
import { mkdirSync } from 'node:fs';
import { join, relative, resolve, isAbsolute } from 'node:path';
import type { Project } from '../project/types.js';
import type { Method } from '../content/types.js';
import { buildContext, type DokumentId } from './context.js';
import { renderMarkdown } from './template.js';
import { markdownToBlocks } from './markdown.js';
import type { Block, DocModel } from './model.js';
import { chartPng } from './charts.js';
import { writeHtml } from './html/write.js';
import { writeAtomic } from '../project/save.js';
import { fromRoot } from '../paths.js';
import { UsageError } from '../errors.js';

export type Format = 'docx' | 'pdf' | 'html';
export const FORMATS: Format[] = ['docx', 'pdf', 'html'];

export function documentDate(p: Project, dokument: DokumentId, env: NodeJS.ProcessEnv, now = new Date()): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const d = p.beslut?.[dokument]?.datum;
  if (d) return new Date(`${d}T00:00:00Z`);
  return new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
}

/** "Hjo-Tidaholm", "Lindesberg": file-name part from the kommun names, Swedish letters kept. */
export function fileStem(p: Project, dokument: DokumentId, datum: string): string {
  const kommun = p.projekt.kommuner.map((k) => k.namn).join('-');
  const safe = `${kommun}-${dokument}-${datum}`.normalize('NFC').replace(/[^\p{L}\p{N}-]+/gu, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return safe.toLowerCase() || 'dokument';
}

export function buildModel(p: Project, method: Method, dokument: DokumentId, when: Date, templates: string | undefined, warn: (m: string) => void): { model: DocModel; markdown: string } {
  const datum = when.toISOString().slice(0, 10);
  const ctx = buildContext(p, method, dokument, datum);
  const markdown = renderMarkdown(dokument, ctx, templates);
  const blocks = markdownToBlocks(markdown, ctx, warn);
  const beslut = p.beslut?.[dokument];
  const model: DocModel = {
    meta: {
      dokument, titel: ctx.titel as string, projekt: p.projekt.namn, kommun: ctx.kommun as string, period: ctx.period as string,
      version: p.projekt.version ?? '', status: beslut?.status ?? 'utkast', diarienummer: beslut?.diarienummer ?? '',
      datum, tid: when, exempel: Boolean(p.projekt.exempel), lang: 'sv-SE',
    },
    blocks,
  };
  return { model, markdown };
}

export interface RenderedFile { path: string; format: Format; bytes: number }

export async function renderDocument(p: Project, method: Method, dokument: DokumentId, formats: Format[], outDir: string, opts: { templates?: string; env: NodeJS.ProcessEnv; warn: (m: string) => void }): Promise<RenderedFile[]> {
  const when = documentDate(p, dokument, opts.env);
  const { model } = buildModel(p, method, dokument, when, opts.templates, opts.warn);
  const fontDir = fromRoot('assets', 'fonts');
  const images = new Map<Block, { png: Buffer; width: number; height: number }>();
  if (formats.includes('docx') || formats.includes('pdf')) {
    for (const b of model.blocks) if (b.kind === 'figure') images.set(b, await chartPng(b.chart, b.alt, fontDir));
  }
  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });
  const stem = fileStem(p, dokument, model.meta.datum);
  const files: RenderedFile[] = [];
  for (const f of formats) {
    const target = resolve(out, `${stem}.${f}`);
    const rel = relative(out, target);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`filnamnet ${stem}.${f} hamnar utanför ${outDir}`);
    let bytes: Buffer;
    if (f === 'html') bytes = Buffer.from(writeHtml(model, opts.warn), 'utf8');
    else if (f === 'docx') bytes = await (await import('./docx/write.js')).writeDocx(model, images, opts.warn);
    else bytes = await (await import('./pdf/write.js')).writePdf(model, images, fontDir, opts.warn);
    writeAtomic(target, bytes);
    files.push({ path: join(outDir, `${stem}.${f}`), format: f, bytes: bytes.length });
  }
  return files;
}
