// Property-based tests (fast-check): generated project files, valid and broken, through the
// real command functions. Nothing crashes, no internal error or stack trace reaches the user,
// exit codes stay in {0, 1, 2}, and a generated valid file validates, passes status and renders.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { main } from '../../src/cli.js';
import type { IO } from '../../src/io.js';
import { tempDir } from '../helpers/cli.js';

function memIO(): IO & { text: () => string } {
  let buf = '';
  return {
    out: (s) => { buf += s; }, err: (s) => { buf += s; },
    stdoutIsTTY: false, stdinIsTTY: false, color: false, env: {},
    text: () => buf,
  };
}

async function cli(...args: string[]) {
  const io = memIO();
  const code = await main(['node', 'fsstod', ...args], io);
  return { code, out: io.text() };
}

// Text a coordinator might type, including Markdown/HTML syntax and Swedish letters.
const hostile = fc.constantFrom('|', '#', '**', '_', '[x]', '<script>alert(1)</script>', '`kod`', '> citat', '---', '\\', 'å ä ö Å Ä Ö', '1. ', '- ', '&amp;', '"', "'", ': ', '{a}', '%', '€');
const text = fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), hostile), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(' ').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim() || 'text');
const datum = fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const nivå = fc.constantFrom('universell', 'selektiv', 'indikerad');

const project = fc.record({
  nMål: fc.integer({ min: 0, max: 4 }),
  nInsatser: fc.integer({ min: 0, max: 5 }),
  nBehov: fc.integer({ min: 0, max: 3 }),
  texts: fc.array(text, { minLength: 20, maxLength: 20 }),
  dates: fc.array(datum, { minLength: 10, maxLength: 10 }),
  nivåer: fc.array(nivå, { minLength: 5, maxLength: 5 }),
  status: fc.constantFrom('utkast', 'remiss', 'beslutad'),
  checks: fc.array(fc.constantFrom('ja', 'delvis', 'nej', 'ej aktuellt'), { minLength: 4, maxLength: 4 }),
}).map((g) => {
  const t = (i: number) => g.texts[i % g.texts.length]!;
  const behov = Array.from({ length: g.nBehov }, (_, i) => ({ id: `B${i + 1}`, rubrik: t(i), beskrivning: t(i + 1) }));
  const mål = Array.from({ length: g.nMål }, (_, i) => ({ id: `M${i + 1}`, text: t(i + 2), horisont: 'kort', typ: 'process', ...(behov.length ? { behov: [behov[i % behov.length]!.id] } : {}) }));
  const insatser = Array.from({ length: g.nInsatser }, (_, i) => {
    const [a, b] = [g.dates[i % 10]!, g.dates[(i + 1) % 10]!].sort();
    return { id: `I${i + 1}`, namn: t(i + 5), nivå: g.nivåer[i % 5], start: a, slut: b, målgrupp: t(i + 6), ...(mål.length ? { mål: [mål[i % mål.length]!.id] } : {}) };
  });
  return {
    formatversion: 1,
    projekt: { namn: t(0), kommuner: [{ kod: '1885', namn: 'Lindesberg', länskod: '18', län: 'Örebro län' }], period: { från: 2025, till: 2028 }, version: '1.0' },
    förankring: { motivering: t(10), skiss: t(11) },
    analys: { utvecklingsbehov: behov, lägesbild: { sammanfattning: t(12) } },
    handlingsplan: { mål, insatser },
    beslut: { handlingsplan: { status: g.status, organ: t(13), datum: g.dates[0], diarienummer: 'KS 2025/1' } },
    checklistor: { steg1: Object.fromEntries(g.checks.map((s, i) => [`c${i + 1}`, { status: s, kommentar: t(14 + i) }])) },
  };
});

describe('generated valid project files', () => {
  it('validate and status accept them; render produces HTML', async () => {
    await fc.assert(fc.asyncProperty(project, async (p) => {
      const dir = tempDir('fsstod-pbt-');
      const f = join(dir, 'projekt.yaml');
      writeFileSync(f, stringify(p));
      const v = await cli('validate', f);
      expect(v.code, v.out).toBe(0);
      const s = await cli('status', f);
      expect(s.code, s.out).toBe(0);
      const r = await cli('render', 'handlingsplan', f, '--format', 'html', '--ut', join(dir, 'ut'));
      expect(r.code, r.out).toBe(0);
      const c = await cli('check', f);
      expect([0, 1]).toContain(c.code);
      for (const x of [v, s, r, c]) expect(x.out).not.toMatch(/internt fel|\n\s+at .*:\d+:\d+/);
    }), { numRuns: 15 });
  });
});

describe('broken project files', () => {
  const mutation = fc.record({
    kind: fc.constantFrom('truncate', 'flip', 'tab', 'insert', 'delete-line', 'dup-line'),
    pos: fc.nat(),
    ch: fc.constantFrom('\t', ':', '-', '[', '{', '"', "'", '&a', '*a', '!x', '#', '|', '>', '\n  ', '\u00e5', '\ufeff', '%'),
  });
  it('never crash, never show a stack trace, and exit with 0, 1 or 2', async () => {
    await fc.assert(fc.asyncProperty(project, fc.array(mutation, { minLength: 1, maxLength: 4 }), async (p, muts) => {
      let text = stringify(p);
      for (const m of muts) {
        const i = m.pos % Math.max(1, text.length);
        const lines = text.split('\n');
        const li = m.pos % lines.length;
        switch (m.kind) {
          case 'truncate': text = text.slice(0, i); break;
          case 'flip': text = text.slice(0, i) + m.ch + text.slice(i + 1); break;
          case 'tab': lines[li] = '\t' + lines[li]; text = lines.join('\n'); break;
          case 'insert': text = text.slice(0, i) + m.ch + text.slice(i); break;
          case 'delete-line': lines.splice(li, 1); text = lines.join('\n'); break;
          case 'dup-line': lines.splice(li, 0, lines[li]!); text = lines.join('\n'); break;
        }
      }
      const dir = tempDir('fsstod-pbt-');
      const f = join(dir, 'projekt.yaml');
      writeFileSync(f, text);
      for (const args of [['validate', f], ['status', f], ['check', f], ['render', 'lägesbild', f, '--format', 'html', '--ut', join(dir, 'ut')]]) {
        const r = await cli(...args);
        expect([0, 1, 2], `${args[0]}: ${r.out}`).toContain(r.code);
        expect(r.out, args[0]).not.toMatch(/internt fel|\n\s+at .*:\d+:\d+/);
      }
    }), { numRuns: 40 });
  });
});
