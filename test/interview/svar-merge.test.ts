// How an answers file (fsstöd step N --svar) is merged into the project data: lists of items
// merge by id or by their key (a member's roll), new items are appended with the next free
// id, ta_bort beside a list removes items (and the references to them), lists of plain values
// replace. Table-driven on svarEdits; the edits are applied the way the session applies them.
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { loadMethod } from '../../src/content/load.js';
import { positionOf, type YamlPath } from '../../src/project/load.js';
import { svarEdits } from '../../src/interview/svar.js';
import { withValue } from '../../src/interview/yaml-edit.js';

const steps = loadMethod().steg;

function merge(step: number, data: unknown, svar: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(svar, { lineCounter });
  const where = (path: YamlPath, key = false) => positionOf({ doc, lineCounter } as any, path, { key });
  const plan = svarEdits(steps.find((s) => s.nummer === step)!, data, doc.toJS(), where, 'svar.yaml');
  let after = data;
  for (const e of plan.edits) after = withValue(after, e.path, e.value);
  return { plan, after: after as any, problems: plan.problems.map((p) => `${p.line}:${p.col}: ${p.message}`) };
}

const org = () => ({
  organisation: {
    arenor: [
      { id: 'AR1', namn: 'Familjecentralen', huvudman: 'kommun' },
      { id: 'AR2', namn: 'Öppen förskola', huvudman: 'kommun' },
    ],
    aktörer: [
      { id: 'AK1', namn: 'Socialtjänsten', arenor: ['AR1', 'AR2'] },
      { id: 'AK2', namn: 'Skolan' },
    ],
    grupper: [{
      id: 'G1',
      typ: 'styrgrupp',
      finns: true,
      medlemmar: [
        { roll: 'Socialchef (ordförande)', aktör: 'AK1' },
        { roll: 'Skolchef', aktör: 'AK2' },
        { roll: 'Kultur- och fritidschef' },
      ],
    }],
  },
});

describe('svarEdits: lists of items merge', () => {
  const cases: { name: string; svar: string; expect: (r: ReturnType<typeof merge>) => void }[] = [
    {
      name: 'an item with a known id updates that item; the others stay',
      svar: 'organisation:\n  arenor:\n    - id: AR2\n      namn: Öppna förskolan\n      beskrivning: Tre dagar i veckan.\n',
      expect: ({ after, plan, problems }) => {
        expect(problems).toEqual([]);
        expect(after.organisation.arenor).toEqual([
          { id: 'AR1', namn: 'Familjecentralen', huvudman: 'kommun' },
          { id: 'AR2', namn: 'Öppna förskolan', huvudman: 'kommun', beskrivning: 'Tre dagar i veckan.' },
        ]);
        // Two fields of one item: one change.
        expect([plan.added, plan.changed, plan.removed]).toEqual([[], 1, []]);
      },
    },
    {
      name: 'null in an item removes that key of the item',
      svar: 'organisation:\n  arenor:\n    - {id: AR1, huvudman: null}\n',
      expect: ({ after, plan }) => {
        expect(after.organisation.arenor[0]).toEqual({ id: 'AR1', namn: 'Familjecentralen' });
        expect(after.organisation.arenor).toHaveLength(2);
        expect(plan.changed).toBe(1);
      },
    },
    {
      name: 'an item without id is appended with the next free id of the list',
      svar: 'organisation:\n  arenor:\n    - namn: Biblioteket\n',
      expect: ({ after, plan, problems }) => {
        expect(problems).toEqual([]);
        expect(after.organisation.arenor.map((a: any) => a.id)).toEqual(['AR1', 'AR2', 'AR3']);
        expect(after.organisation.arenor[2]).toEqual({ id: 'AR3', namn: 'Biblioteket' });
        expect([plan.added, plan.changed, plan.removed]).toEqual([['AR3'], 0, []]);
      },
    },
    {
      name: 'an item with a free id of its own is appended with that id; items without id count on from it',
      svar: 'organisation:\n  arenor:\n    - {id: AR7, namn: Biblioteket}\n    - {namn: Simhallen}\n',
      expect: ({ after, plan }) => {
        expect(after.organisation.arenor.map((a: any) => a.id)).toEqual(['AR1', 'AR2', 'AR7', 'AR8']);
        expect(plan.added).toEqual(['AR7', 'AR8']);
      },
    },
    {
      name: 'a new item whose id is another list\'s id is an error at the id',
      svar: 'organisation:\n  arenor:\n    - id: AK2\n      namn: Biblioteket\n',
      expect: ({ problems, plan }) => {
        expect(problems).toEqual(['3:11: organisation.arenor: id AK2 används redan av aktör AK2 i organisation.aktörer; en ny post behöver ett eget id – utelämna id så får den nästa lediga (AR3)']);
        expect(plan.edits).toEqual([]);
      },
    },
    {
      name: 'ta_bort beside the list removes the item, and the references to it',
      svar: 'organisation:\n  ta_bort: [AR1]\n',
      expect: ({ after, plan, problems }) => {
        expect(problems).toEqual([]);
        expect(after.organisation.arenor.map((a: any) => a.id)).toEqual(['AR2']);
        expect(after.organisation.aktörer[0].arenor).toEqual(['AR2']);
        expect([plan.added, plan.changed, plan.removed]).toEqual([[], 0, ['AR1']]);
        expect(plan.references).toEqual(['Steg 2 Skapa en organisation › Aktörer › AK1 › Arenor (id)']);
      },
    },
    {
      name: 'ta_bort, an update and a new item in one list: removal last, indices right',
      svar: 'organisation:\n  arenor:\n    - {id: AR2, huvudman: region}\n    - {namn: Biblioteket}\n  ta_bort:\n    - AR1\n',
      expect: ({ after, plan }) => {
        expect(after.organisation.arenor).toEqual([
          { id: 'AR2', namn: 'Öppen förskola', huvudman: 'region' },
          { id: 'AR3', namn: 'Biblioteket' },
        ]);
        expect([plan.added, plan.changed, plan.removed]).toEqual([['AR3'], 1, ['AR1']]);
      },
    },
    {
      name: 'an id in ta_bort that is not in the lists beside it is an error at that id',
      svar: 'organisation:\n  ta_bort: [AR2, AR9]\n',
      expect: ({ problems, plan }) => {
        expect(problems).toEqual(['2:18: ta_bort: AR9 finns inte i organisation.arenor eller organisation.aktörer eller organisation.grupper']);
        expect(plan.edits).toEqual([]);
      },
    },
    {
      name: 'ta_bort in the wrong place names where the id is',
      svar: 'ta_bort: [AR2]\n',
      expect: ({ problems }) => {
        expect(problems).toEqual(['1:11: ta_bort: här finns ingen lista att ta bort ur; ta_bort står bredvid listan, t.ex. organisation: {ta_bort: [AR3]} (AR2 är arena i organisation.arenor; skriv ta_bort bredvid den listan)']);
      },
    },
    {
      name: 'an item both changed and removed is an error',
      svar: 'organisation:\n  ta_bort: [AR2]\n  arenor:\n    - {id: AR2, namn: Ny}\n',
      expect: ({ problems }) => {
        expect(problems).toEqual(['2:13: ta_bort: AR2 ändras också i samma svarsfil; ta antingen bort posten eller ändra den']);
      },
    },
    {
      name: 'members (no id) merge by roll: a known roll updates that member, a new one is appended',
      svar: 'organisation:\n  grupper:\n    - typ: styrgrupp\n      medlemmar:\n        - roll: Skolchef\n          namn: Eva Exempel\n        - roll: Folkhälsostrateg\n',
      expect: ({ after, plan, problems }) => {
        expect(problems).toEqual([]);
        expect(after.organisation.grupper).toHaveLength(1);
        expect(after.organisation.grupper[0].medlemmar).toEqual([
          { roll: 'Socialchef (ordförande)', aktör: 'AK1' },
          { roll: 'Skolchef', aktör: 'AK2', namn: 'Eva Exempel' },
          { roll: 'Kultur- och fritidschef' },
          { roll: 'Folkhälsostrateg' },
        ]);
        expect(after.organisation.grupper[0].finns).toBe(true);
        expect([plan.added, plan.changed, plan.removed]).toEqual([['"Folkhälsostrateg"'], 1, []]);
      },
    },
    {
      name: 'ta_bort beside members removes by roll',
      svar: 'organisation:\n  grupper:\n    - typ: styrgrupp\n      ta_bort: [Kultur- och fritidschef]\n',
      expect: ({ after, plan }) => {
        expect(after.organisation.grupper[0].medlemmar.map((m: any) => m.roll)).toEqual(['Socialchef (ordförande)', 'Skolchef']);
        expect(plan.removed).toEqual(['"Kultur- och fritidschef"']);
      },
    },
    {
      name: 'a list of plain values (arena ids of an aktör) replaces the list',
      svar: 'organisation:\n  aktörer:\n    - id: AK1\n      arenor: [AR2]\n',
      expect: ({ after, plan }) => {
        expect(after.organisation.aktörer[0]).toEqual({ id: 'AK1', namn: 'Socialtjänsten', arenor: ['AR2'] });
        expect(after.organisation.aktörer).toHaveLength(2);
        expect(plan.changed).toBe(1);
      },
    },
    {
      name: 'answers that are already in the file change nothing',
      svar: 'organisation:\n  arenor:\n    - {id: AR1, namn: Familjecentralen}\n  grupper:\n    - typ: styrgrupp\n      medlemmar:\n        - {roll: Skolchef, aktör: AK2}\n',
      expect: ({ plan }) => {
        expect(plan.edits).toEqual([]);
        expect(plan.answered).toBe(true);
      },
    },
    {
      name: 'the same id twice in the answers is an error at the second',
      svar: 'organisation:\n  arenor:\n    - {id: AR1, namn: A}\n    - {id: AR1, namn: B}\n',
      expect: ({ problems }) => {
        expect(problems).toEqual(['4:12: organisation.arenor: id AR1 står två gånger i svarsfilen; skriv postens ändringar på ett ställe']);
      },
    },
  ];
  it.each(cases)('$name', ({ svar, expect: check }) => check(merge(2, org(), svar)));

  it('a list the file does not have yet is written whole, every item counted as added', () => {
    const { after, plan } = merge(3, {}, 'analys:\n  utvecklingsbehov:\n    - rubrik: Nå pappor\n    - rubrik: Nå nyanlända\n');
    expect(after.analys.utvecklingsbehov).toEqual([{ id: 'B1', rubrik: 'Nå pappor' }, { id: 'B2', rubrik: 'Nå nyanlända' }]);
    expect(plan.edits).toHaveLength(1);
    expect([plan.added, plan.changed]).toEqual([['B1', 'B2'], 0]);
  });

  it('step 6 status entries merge by their insats, in the last round when the answer gives no id', () => {
    const data = { handlingsplan: { insatser: [{ id: 'I1', namn: 'A' }, { id: 'I2', namn: 'B' }] }, uppföljningar: [{ id: 'U1', insatser: [{ insats: 'I2', status: 'planerad' }] }, { id: 'U2', insatser: [{ insats: 'I1', status: 'pågår' }, { insats: 'I2', status: 'planerad' }] }] };
    const { after, plan, problems } = merge(6, data, 'uppföljningar:\n  - insatser:\n      - {insats: I2, status: genomförd}\n');
    expect(problems).toEqual([]);
    expect(after.uppföljningar[0].insatser).toEqual([{ insats: 'I2', status: 'planerad' }]);
    expect(after.uppföljningar[1].insatser).toEqual([{ insats: 'I1', status: 'pågår' }, { insats: 'I2', status: 'genomförd' }]);
    expect(plan.changed).toBe(1);
  });

  it('step 6: a round with a new id is a new round; the first round of a file gets U1', () => {
    const data = { uppföljningar: [{ id: 'U1', period: { från: '2026', till: '2026' } }] };
    const r = merge(6, data, 'uppföljningar:\n  - id: U2\n    period: {från: "2027", till: "2027"}\n');
    expect(r.problems).toEqual([]);
    expect(r.after.uppföljningar.map((u: any) => u.id)).toEqual(['U1', 'U2']);
    const fresh = merge(6, {}, 'uppföljningar:\n  - lärdomar: Fler pappor nås på kvällstid.\n');
    expect(fresh.after.uppföljningar).toEqual([{ id: 'U1', lärdomar: 'Fler pappor nås på kvällstid.' }]);
  });

  it('step 2: the styrgrupp of a file without groups is created as G1 with its typ; another kind gets the next id', () => {
    const r = merge(2, {}, 'organisation:\n  grupper:\n    - typ: styrgrupp\n      mandat: Beslutar om inriktning.\n');
    expect(r.problems).toEqual([]);
    expect(r.after.organisation.grupper).toEqual([{ id: 'G1', typ: 'styrgrupp', mandat: 'Beslutar om inriktning.' }]);
    const more = merge(2, org(), 'organisation:\n  grupper:\n    - {typ: nätverk, namn: Föräldranätverket}\n    - {typ: styrgrupp, mandat: Beslutar.}\n');
    expect(more.problems).toEqual([]);
    expect(more.after.organisation.grupper.map((g: any) => [g.id, g.typ])).toEqual([['G1', 'styrgrupp'], ['G2', 'nätverk']]);
    expect(more.after.organisation.grupper[0].mandat).toBe('Beslutar.');
  });

  it('step 2: a v1-shaped styrgrupp answer is refused, naming organisation.grupper with typ styrgrupp', () => {
    const r = merge(2, org(), 'organisation:\n  styrgrupp:\n    mandat: Beslutar.\n');
    expect(r.problems).toEqual([expect.stringMatching(/^2:3: organisation\.styrgrupp finns inte i formatversion 2: .*organisation\.grupper med typ styrgrupp/)]);
    expect(r.plan.edits).toEqual([]);
  });
});
