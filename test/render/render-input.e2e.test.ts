// render and what a user gives it: templates of their own (bounded, escaped, errors in Swedish
// with the template's place), long names, --namn, --ut and SOURCE_DATE_EPOCH. Every mistake is
// exit 2 with a Swedish message, never "internt fel".
import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { hasStackTrace, ROOT, runCliAsync, tempDir } from '../helpers/cli.js';

const EXAMPLE = join(ROOT, 'examples/lindesberg/projekt.yaml');
const env = { SOURCE_DATE_EPOCH: '1760000000' };

/** A --mallar folder with one template for handlingsplan. */
function mallar(src: string): string {
  const dir = tempDir('fsstod-mall-');
  mkdirSync(join(dir, 'handlingsplan'));
  writeFileSync(join(dir, 'handlingsplan', 'dokument.md.hbs'), src);
  return dir;
}
const nested = (n: number, body: string) => `::omslag\n\n${'{{#each @root.plan.insatser}}'.repeat(n)}${body}${'{{/each}}'.repeat(n)}\n`;

async function refused(args: string[], extraEnv: NodeJS.ProcessEnv = {}, cwd?: string) {
  const r = await runCliAsync(args, { env: { ...env, ...extraEnv }, cwd });
  expect(r.code, r.stdout + r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(/internt fel/);
  expect(hasStackTrace(r.stderr)).toBe(false);
  return r.stderr;
}

describe('render: own templates are bounded', () => {
  it('ten nested {{#each}} stop at the size limit with exit 2, naming the template', async () => {
    const dir = mallar(nested(10, 'x {{namn}}\n'));
    const err = await refused(['render', 'handlingsplan', EXAMPLE, '--mallar', dir, '--format', 'html', '--ut', tempDir()], { FSSTOD_MALL_MB: '2' });
    expect(err).toContain(join(dir, 'handlingsplan', 'dokument.md.hbs'));
    expect(err).toMatch(/mallen gav mer än 2 MB text och avbröts/);
  });

  it('ten nested {{#each}} that print nothing stop at the time limit', async () => {
    const dir = mallar(nested(10, ''));
    const err = await refused(['render', 'handlingsplan', EXAMPLE, '--mallar', dir, '--format', 'html', '--ut', tempDir()], { FSSTOD_MALL_SEKUNDER: '1' });
    expect(err).toMatch(/dokument\.md\.hbs: fel: mallen tog längre tid än 1 s och avbröts/);
  });

  it('a bad limit in the environment is refused', async () => {
    expect(await refused(['render', 'handlingsplan', EXAMPLE, '--format', 'html', '--ut', tempDir()], { FSSTOD_MALL_MB: 'mycket' })).toMatch(/FSSTOD_MALL_MB="mycket" är inte ett positivt tal/);
  });
});

describe('render: text from the project file is escaped on every path into the Markdown', () => {
  it('insats names with a line "# X" or "::omslag" in {{charts.*}} (alt texts, labels) print literally', async () => {
    const dir = tempDir();
    const data = parse(readFileSync(EXAMPLE, 'utf8'));
    data.handlingsplan.insatser[0].namn = 'Ny\n# X';
    data.handlingsplan.insatser[1].namn = 'Ny\n::omslag';
    writeFileSync(join(dir, 'p.yaml'), stringify(data));
    const own = mallar('::omslag\n\n# Plan\n\n{{charts.tidslinje.alt}}\n\n{{#each charts.tidslinje.chart.rader}}\n{{etikett}}\n\n{{/each}}\n{{{charts.tidslinje.alt}}}\n');
    const r = await runCliAsync(['render', 'handlingsplan', 'p.yaml', '--mallar', own, '--format', 'html', '--ut', 'ut'], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'ut', readdirSync(join(dir, 'ut'))[0]!), 'utf8');
    // The cover's title is the one h1; the template's "# Plan" is a chapter under it (issue 13).
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('<h2 id="plan" class="n1">Plan</h2>');
    expect(html.match(/<header class="omslag">/g)).toHaveLength(1);
    expect(html).toContain('<p>I1 Ny # X</p>');
    expect(html).toContain('<p>I2 Ny ::omslag</p>');
    expect(html).toMatch(/<p>Tidslinje över de planerade insatserna [^<]*I1 Ny # X/);
  });
});

describe('render: template mistakes in Swedish, with their place', () => {
  it('a helper that does not exist: file, line and column', async () => {
    const dir = mallar('::omslag\n\n# A\n\n{{#each plan.insatser}}\n  {{finnsinte namn}}\n{{/each}}\n');
    const err = await refused(['render', 'handlingsplan', EXAMPLE, '--mallar', dir, '--format', 'html', '--ut', tempDir()]);
    expect(err).toContain(`${join(dir, 'handlingsplan', 'dokument.md.hbs')}:6:3: fel: okänd hjälpfunktion "finnsinte"`);
  });

  it('a syntax error: file and line', async () => {
    const dir = mallar('::omslag\n\n{{#each plan.insatser}}\n{{namn}}\n');
    expect(await refused(['render', 'handlingsplan', EXAMPLE, '--mallar', dir, '--format', 'html', '--ut', tempDir()])).toMatch(/dokument\.md\.hbs:5: fel: mallen kunde inte tolkas/);
  });

  it('--mallar that is a file; a template that is a folder; a template over 1 MB', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'fil'), 'x');
    expect(await refused(['render', 'handlingsplan', EXAMPLE, '--mallar', join(dir, 'fil'), '--format', 'html', '--ut', tempDir()])).toMatch(/mallmappen .*fil är en fil, inte en mapp/);
    const folder = tempDir();
    mkdirSync(join(folder, 'handlingsplan', 'dokument.md.hbs'), { recursive: true });
    expect(await refused(['render', 'handlingsplan', EXAMPLE, '--mallar', folder, '--format', 'html', '--ut', tempDir()])).toMatch(/dokument\.md\.hbs: fel: mallen handlingsplan\/dokument\.md\.hbs är en mapp, inte en fil/);
    const huge = mallar('x'.repeat(1024 * 1024 + 1));
    expect(await refused(['render', 'handlingsplan', EXAMPLE, '--mallar', huge, '--format', 'html', '--ut', tempDir()])).toMatch(/mallen handlingsplan\/dokument\.md\.hbs är för stor \(1\.0 MB, högst 1 MB\)/);
  });
});

describe('render: file names', () => {
  const withKommuner = (kommuner: { kod: string; namn: string }[]) => {
    const dir = tempDir();
    const data = parse(readFileSync(EXAMPLE, 'utf8'));
    data.projekt.kommuner = kommuner;
    writeFileSync(join(dir, 'p.yaml'), stringify(data));
    return dir;
  };

  it('a samverkan of 32 kommuner, and a long kommun name, get names within 255 bytes', async () => {
    const many = withKommuner(Array.from({ length: 32 }, (_, i) => ({ kod: String(1000 + i), namn: `Kommunen-med-ett-långt-namn-nummer-${i + 1}` })));
    const r = await runCliAsync(['render', 'handlingsplan', 'p.yaml', '--format', 'html', '--ut', 'ut'], { cwd: many, env });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(many, 'ut'))).toEqual(['kommunen-med-ett-långt-namn-nummer-1-m-fl-handlingsplan-2025-10-09.html']);
    const long = withKommuner([{ kod: '1885', namn: 'Ö'.repeat(300) }]);
    const l = await runCliAsync(['render', 'handlingsplan', 'p.yaml', '--format', 'html', '--ut', 'ut'], { cwd: long, env });
    expect(l.code, l.stderr).toBe(0);
    const [name] = readdirSync(join(long, 'ut'));
    expect(Buffer.byteLength(name!)).toBeLessThanOrEqual(255);
    expect(name).toMatch(/^ö+-handlingsplan-2025-10-09\.html$/);
  });

  it('--namn sets the name, made safe; with alla the document is added', async () => {
    const dir = tempDir();
    const r = await runCliAsync(['render', 'handlingsplan', EXAMPLE, '--format', 'html', '--ut', dir, '--namn', '../.Vår plan/2026\\x'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(['Vår-plan-2026-x.html']);
    // (A NUL cannot be passed in an argument; safeName's own test has it.)
    const all = tempDir();
    expect((await runCliAsync(['render', 'alla', EXAMPLE, '--format', 'html', '--ut', all, '--namn', 'plan'], { env })).code).toBe(0);
    expect(readdirSync(all).sort()).toEqual(['plan-förankring.html', 'plan-handlingsplan.html', 'plan-lägesbild.html', 'plan-uppföljning.html']);
    expect(await refused(['render', 'handlingsplan', EXAMPLE, '--format', 'html', '--ut', tempDir(), '--namn', '../..'])).toMatch(/--namn "..\/.." ger inget filnamn/);
  });
});

describe('render: --ut and SOURCE_DATE_EPOCH', () => {
  it('--ut that is a file, or lies under one, or is read-only', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'fil'), 'x');
    expect(await refused(['render', 'handlingsplan', EXAMPLE, '--format', 'html', '--ut', join(dir, 'fil')])).toMatch(/fil: fel: --ut .*fil är en fil, inte en mapp/);
    expect(await refused(['render', 'handlingsplan', EXAMPLE, '--format', 'html', '--ut', join(dir, 'fil', 'under')])).toMatch(/--ut .*under ligger under filen .*fil, inte under en mapp/);
    const ro = join(dir, 'skrivskyddad');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    expect(await refused(['render', 'handlingsplan', EXAMPLE, '--format', 'html', '--ut', ro])).toMatch(/mappen .*skrivskyddad är skrivskyddad/);
    expect(readdirSync(ro)).toEqual([]);
    chmodSync(ro, 0o755);
  });

  it.each(['abc', '12x', '1e20', ' 1760000000', '-5'])('SOURCE_DATE_EPOCH=%j is refused', async (v) => {
    const out = join(tempDir(), 'ut');
    expect(await refused(['render', 'handlingsplan', EXAMPLE, '--format', 'html', '--ut', out], { SOURCE_DATE_EPOCH: v })).toMatch(/SOURCE_DATE_EPOCH=.* är inte ett heltal sekunder/);
    expect(existsSync(out)).toBe(false);
  });

  it('SOURCE_DATE_EPOCH out of range is refused', async () => {
    expect(await refused(['render', 'handlingsplan', EXAMPLE, '--format', 'html', '--ut', tempDir()], { SOURCE_DATE_EPOCH: '100000000000000000000' })).toMatch(/SOURCE_DATE_EPOCH=100000000000000000000 ligger utanför/);
  });
});

describe('safeName', () => {
  it.each([
    ['a\u0000b', 'a-b'], ['..', ''], ['.dold', 'dold'], ['a/b\\c', 'a-b-c'], ['Å'.repeat(150), 'Å'.repeat(100)], ['𝔸'.repeat(60), '𝔸'.repeat(50)], ['😀', ''],
  ])('%j → %j', async (s, want) => {
    const { safeName } = await import('../../src/render/index.js');
    expect(safeName(s)).toBe(want);
    expect(Buffer.byteLength(safeName(s))).toBeLessThanOrEqual(200);
  });
});
