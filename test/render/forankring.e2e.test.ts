// The Förankringsunderlag (steps 1–2) end to end: render förankring / forankring, what it
// prints (groups with their mandate and members by role, arenas and actors with their
// descriptions, the definitions, samverkan, its decision, checklists 1–2), that persons'
// names never reach it, and what check --for förankring and render --strikt require.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { runCliAsync, tempDir } from '../helpers/cli.js';

const ja = { status: 'ja', kommentar: 'Klart.' };
const PROJEKT = {
  formatversion: 2,
  projekt: {
    namn: 'Föräldraskapsstöd i Hjo och Tidaholm',
    kommuner: [{ kod: '1484', namn: 'Hjo', län: 'Västra Götalands län', länskod: '14', roll: 'huvudkommun' }, { kod: '1498', namn: 'Tidaholm', länskod: '14', roll: 'samverkande' }],
    samverkan: { namn: 'Föräldraskapsstöd Hjo–Tidaholm', organisation: 'Kommunalförbundet Östra Skaraborg', beskrivning: 'Kommunerna samverkar om stödet.', parter: [{ namn: 'Västra Götalandsregionen', typ: 'region', roll: 'Barnhälsovård' }] },
    samordnare: { roll: 'Folkhälsostrateg', namn: 'Kerstin Kontaktsson', aktör: 'AK1' },
  },
  förankring: {
    motivering: 'Barn i kommunerna ska ha jämlika uppväxtvillkor.',
    sammanhang: 'Arbetet hänger ihop med folkhälsoplanen.',
    skiss: 'Organisation 2026, lägesbild 2027.',
    bedömning: { typ: 'preliminär bedömning', av: 'Kommunledningsgruppen', datum: '2026-02', beskrivning: 'Gå vidare med arbetet.' },
    förankringsplan: 'Avstämning varje kvartal.',
    stödjande_organisation: 'Ledningsgruppen finns; samordnare saknas.',
    källor: ['Folkhälsoplan 2025–2028'],
  },
  organisation: {
    struktur: 'Arbetet ingår i den befintliga strukturen för folkhälsa.',
    arenor: [{ id: 'AR1', namn: 'Familjecentralen', huvudman: 'kommun', beskrivning: 'Samlokaliserad med barnavårdscentralen.' }],
    aktörer: [{ id: 'AK1', namn: 'Socialtjänsten', huvudman: 'kommun', förvaltning: 'Socialförvaltningen', arenor: ['AR1'], inbjuden: true, beskrivning: 'Förebyggande enheten.' }],
    grupper: [
      { id: 'G1', typ: 'styrgrupp', organ: 'Beredningen för barn och unga', finns: true, medlemmar: [{ roll: 'Ordförande', namn: 'Stina Styrsson' }, { organ: 'Socialnämndens presidium' }], mandat: 'Beslutar om inriktningen.', uppdrag: 'Leder arbetet strategiskt.', resurser: 'Tio procent av en tjänst.', syfte: 'Samlad styrning.', mötesfrekvens: 'Fyra gånger per år', sammankallande: 'Beredningens ordförande' },
      { id: 'G2', typ: 'arbetsgrupp', namn: 'Arbetsgruppen för föräldraskapsstöd', medlemmar: [{ roll: 'Familjebehandlare', namn: 'Arne Arbetsson', aktör: 'AK1', tjänstgöringsgrad: 20 }], uppdrag: 'Planerar insatserna.', rollfördelning: 'Samordnaren leder.', kompetensutveckling: 'Utbildning i programmen.', befintlig_struktur: 'Barn- och ungagruppen' },
    ],
    samordning: { personer: [{ roll: 'Samordnare för föräldraskapsstöd', namn: 'Sara Samordnarsson', aktör: 'AK1', tjänstgöringsgrad: 50 }], mandat: 'Styrgruppens mandat att driva arbetet.', kompetensutveckling: 'Nätverk i länet.' },
    definitioner: { föräldrar: 'Alla vuxna som barnet ser som förälder.', föräldraskapsstöd: 'Den nationella strategins definition.' },
  },
  beslut: { förankring: { status: 'beslutad', organ: 'Kommunstyrelsen', datum: '2026-03-10', diarienummer: 'KS 2026/17', paragraf: '§ 12', dokumentdatum: '2026-02-20' } },
  checklistor: {
    steg1: { c1: ja, c2: ja, c3: ja, c4: ja },
    steg2: { c1: ja, c2: ja, c3: ja, c4: ja, c5: ja, c6: ja },
  },
};
const NAMN = ['Kerstin Kontaktsson', 'Stina Styrsson', 'Arne Arbetsson', 'Sara Samordnarsson'];

const write = (dir: string, data: unknown) => {
  const f = join(dir, 'projekt.yaml');
  writeFileSync(f, stringify(data));
  return f;
};
const html = (dir: string) => readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.html'))!), 'utf8');

describe('the Förankringsunderlag', () => {
  it('render forankring (ASCII) prints steps 1–2, the groups by role and the decision, never a person\'s name', async () => {
    const dir = tempDir();
    const f = write(dir, PROJEKT);
    const r = await runCliAsync(['render', 'forankring', f, '--format', 'html', '--ut', join(dir, 'ut')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'ut'))).toEqual(['hjo-tidaholm-förankring-2026-02-20.html']);
    const page = html(join(dir, 'ut'));
    for (const s of [
      'Förankringsunderlag', 'Barn i kommunerna ska ha jämlika uppväxtvillkor.', 'preliminär bedömning', 'februari 2026', 'Avstämning varje kvartal.',
      'Styrgrupp: Beredningen för barn och unga', 'Beslutar om inriktningen.', 'Fyra gånger per år', 'Beredningens ordförande', 'Socialnämndens presidium', 'Ordförande',
      'Arbetsgrupp: Arbetsgruppen för föräldraskapsstöd', 'Samordnaren leder.', 'Familjebehandlare', '20 % av heltid', 'Barn- och ungagruppen',
      'Samordnare för föräldraskapsstöd', '50 % av heltid', 'Samlokaliserad med barnavårdscentralen.', 'Förebyggande enheten.', 'Socialförvaltningen',
      'Alla vuxna som barnet ser som förälder.', 'Kommunalförbundet Östra Skaraborg', 'Huvudkommun', 'Samverkande', 'Västra Götalandsregionen', 'Folkhälsostrateg',
      'Folkhälsoplan 2025–2028', 'KS 2026/17', '§ 12', '10 mars 2026', '20 februari 2026', 'Bilaga: Checklista 1', 'Bilaga: Checklista 2',
    ]) expect(page.replace(/\u00a0/g, ' '), 'datum och tal med hårda mellanslag läses som mellanslag').toContain(s);
    for (const n of NAMN) expect(page).not.toContain(n);
    // Issue 13: the län by its name only – from SCB's list when the file gives only the code – never "(14)".
    expect(page).toMatch(/Tidaholm<\/td>\s*<td[^>]*>1498<\/td>\s*<td[^>]*>Västra Götalands län<\/td>/);
    expect(page).not.toMatch(/län \(14\)|>\s*\(14\)/);
  }, 120_000);

  it('render alla makes it, first, and förankringsunderlag names it too', async () => {
    const dir = tempDir();
    const f = write(dir, PROJEKT);
    expect((await runCliAsync(['render', 'alla', f, '--format', 'html', '--ut', join(dir, 'alla')])).code).toBe(0);
    expect(readdirSync(join(dir, 'alla')).sort()).toEqual(['hjo-tidaholm-förankring-2026-02-20.html', expect.stringMatching(/handlingsplan/), expect.stringMatching(/lägesbild/), expect.stringMatching(/uppföljning/)]);
    expect((await runCliAsync(['render', 'förankringsunderlag', f, '--format', 'html', '--ut', join(dir, 'u2')])).code).toBe(0);
  }, 120_000);

  it('check --for förankring checks steps 1 and 2: their moments, checklists 1–2 and the decision', async () => {
    const dir = tempDir();
    const ok = await runCliAsync(['check', '--for', 'förankring', '--format', 'json', write(dir, PROJEKT)]);
    expect(ok.code, ok.stdout).toBe(0);
    const report = JSON.parse(ok.stdout);
    expect(report.inställningar.för).toBe('förankring');
    expect(report.filer[0].steg).toEqual([1, 2]);

    const gaps = structuredClone(PROJEKT) as any;
    delete gaps.förankring.motivering;
    delete gaps.organisation.definitioner;
    delete gaps.checklistor.steg2.c6;
    delete gaps.beslut.förankring.diarienummer;
    const f = write(dir, gaps);
    const bad = await runCliAsync(['check', '--for', 'forankring', '--format', 'json', f]);
    expect(bad.code).toBe(1);
    const fynd = JSON.parse(bad.stdout).filer[0].fynd.map((x: { regel: string; meddelande: string }) => `${x.regel}: ${x.meddelande}`);
    expect(fynd).toEqual(expect.arrayContaining([
      expect.stringMatching(/^moment-ifyllda: Moment 1\.1 .*Motivera föräldraskapsstödet/),
      expect.stringMatching(/^moment-ifyllda: Moment 2\.3 /),
      expect.stringMatching(/^checklista-besvarad: Checklista 2, fråga c6 /),
      expect.stringMatching(/^beslut-komplett: Förankringsunderlaget är markera[dt] som beslutad men saknar diarienummer/),
    ]));
    // render --strikt refuses exactly what check --for finds; without it the gaps say "Ej ifyllt".
    const strikt = await runCliAsync(['render', 'förankring', f, '--strikt', '--format', 'html', '--ut', join(dir, 's')]);
    expect(strikt.code).not.toBe(0);
    expect(strikt.stderr).toMatch(/--strikt: check hittar 4 fel/);
    const plain = await runCliAsync(['render', 'förankring', f, '--format', 'html', '--ut', join(dir, 'p')]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(html(join(dir, 'p'))).toContain('Ej ifyllt');
  }, 120_000);

  it('the fixture is valid v2 (so the cases above are about the document, not the file)', async () => {
    const dir = tempDir();
    const r = await runCliAsync(['validate', write(dir, PROJEKT)]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(parse(readFileSync(join(dir, 'projekt.yaml'), 'utf8')).formatversion).toBe(2);
  });
});
