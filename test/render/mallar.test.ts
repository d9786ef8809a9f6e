// The build precompiles the built-in templates (scripts/build.mjs → src/generated/templates.js);
// render uses them when the template's source is unchanged and compiles anything else at run
// time. Both ways must give the same Markdown.
import { cpSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { loadMethod } from '../../src/content/load.js';
import { buildModel } from '../../src/render/index.js';
import precompiled from '../../src/generated/templates.js';
import type { Project } from '../../src/project/types.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const project = loadProject(join(ROOT, 'examples', 'lindesberg', 'projekt.yaml')).data as unknown as Project;
const method = loadMethod();
const when = new Date('2026-01-15T00:00:00Z');

describe('förkompilerade mallar', () => {
  it('finns för varje inbyggd mall', () => {
    expect(Object.keys(precompiled).sort()).toEqual(['delar/beslut.md.hbs', 'delar/checklista.md.hbs', 'förankring/dokument.md.hbs', 'handlingsplan/dokument.md.hbs', 'lägesbild/dokument.md.hbs', 'tjänsteskrivelse/dokument.md.hbs', 'uppföljning/dokument.md.hbs', 'översikt/dokument.md.hbs']);
  });

  it.each(['förankring', 'lägesbild', 'handlingsplan', 'uppföljning'] as const)('%s: samma Markdown förkompilerad som kompilerad vid körning', (dokument) => {
    // A copy of the templates with a comment added is not the precompiled source, so it is compiled.
    const own = tempDir();
    cpSync(join(ROOT, 'templates'), own, { recursive: true });
    for (const rel of Object.keys(precompiled)) appendFileSync(join(own, rel), '{{!-- ändrad --}}');
    const fast = buildModel(project, method, dokument, when, undefined, () => {}).markdown;
    const compiled = buildModel(project, method, dokument, when, own, () => {}).markdown;
    expect(fast.length).toBeGreaterThan(2000);
    expect(compiled).toBe(fast);
  });

  it.each(['handlingsplan', 'lägesbild', 'uppföljning'] as const)('tjänsteskrivelse för %s: samma Markdown förkompilerad som kompilerad vid körning', (dokument) => {
    const own = tempDir();
    cpSync(join(ROOT, 'templates'), own, { recursive: true });
    for (const rel of Object.keys(precompiled)) appendFileSync(join(own, rel), '{{!-- ändrad --}}');
    const fast = buildModel(project, method, dokument, when, undefined, () => {}, undefined, 'tjänsteskrivelse').markdown;
    const compiled = buildModel(project, method, dokument, when, own, () => {}, undefined, 'tjänsteskrivelse').markdown;
    expect(fast).toContain('## Förslag till beslut');
    expect(compiled).toBe(fast);
  });
});
