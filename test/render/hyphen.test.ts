// Where a long word may break (hyphen.ts): compound joins first, then syllables within the parts.
// Each row is written as a Swedish typesetter would accept it: "-" marks every allowed break point.
// The first rows are the wrong breaks found in the rendered DOCX (webbp-lattform, kommunde-lar …).
import { describe, expect, it } from 'vitest';
import { breakPoints, hyphenateLong, SHY } from '../../src/render/hyphen.js';

/** The word with "-" at each break point. */
const shown = (w: string) => {
  let s = '', from = 0;
  for (const p of breakPoints(w)) { s += w.slice(from, p) + '-'; from = p; }
  return s + w.slice(from);
};

const ROWS = [
  // Seen wrong in the documents (review of the DOCX, section 0).
  'webb-platt-form',
  'vuxen-utbild-nings-för-valt-ningen',
  'fa-milje-omsor-gen',
  'sam-hälls-ori-en-te-ring',
  'för-skole-verk-sam-he-ter',
  'kom-mun-delar',
  'för-äldra-skaps-stöds-pro-gram',
  'För-äldra-grup-per',
  'verk-sam-hets-pla-ne-ring',
  'upp-följ-nings-utskick',
  'stöds-pro-gram',
  'Folk-hälso-stra-teg',
  'För-äldra-kväl-lar',
  'För-valt-nings-che-fen',
  'före-nings-bidrag',
  'fa-milje-cen-tralen',
  // Compounds of the domain.
  'Kom-mun-led-nings-för-valt-ningen',
  'sam-ord-nings-funk-tio-nens',
  'för-äldra-skaps-stödjande',
  'barn-kon-ven-tio-nen',
  'gym-na-sie-sko-lan',
  'so-cial-tjänst-lagen',
  'so-cial-för-valt-ningen',
  'kun-skaps-base-rat',
  'funk-tions-ned-sätt-ning',
  'mödra-vårds-cen-traler',
  'ung-doms-mot-tag-ningen',
  'sam-ver-kans-över-ens-kom-mel-sen',
  'kom-pe-tens-utveck-ling',
  'pre-ven-tions-nivåer',
  'Ut-gångs-värde',
  'id-rotts-före-ningarna',
  'mål-grupps-ana-lys',
  'tjänst-görings-grad',
  'för-sta-gångs-för-äld-rar',
  'läns-sty-rel-ser-nas',
  'be-folk-nings-sta-tis-tik',
  'vård-nads-havare',
  'kom-mun-full-mäk-tige',
  'ar-bets-plats-träf-far',
  'di-strikts-skö-ter-ska',
  'barn-sjuk-vård',
  'ut-vär-de-rings-enkä-ter',
  'skydds-fak-to-rer',
  'lä-ges-bil-den',
  'hand-lings-pla-nen',
  'kom-mun-sty-rel-sen',
  'so-cial-tjän-sten',
  'Ut-gångs-läget',
  'för-säk-rings-kas-san',
  'sex-måna-ders-upp-följ-ningen',
  'ton-års-för-äld-rar',
  'pro-gram-över-sikt',
  'ut-veck-lings-arbe-tet',
  // No part known: the syllable rule alone; ng, ck, x, lj are not split, st/sk/sp after a consonant begin a syllable.
  'med-ve-ten-het',
  'öp-pen-het',
  'de-lak-tig-het',
  'mo-del-len',
  'te-ma-tisk',
  'stra-te-gisk',
];

describe('break points in a word (hyphen.ts)', () => {
  it.each(ROWS)('%s', (row) => {
    expect(shown(row.replace(/-/g, ''))).toBe(row);
  });

  it('never fewer than 2 letters before or 3 after a break, and never in ng, ck, x or lj', () => {
    for (const row of ROWS) {
      const w = row.replace(/-/g, '');
      for (const p of breakPoints(w)) {
        expect(p, w).toBeGreaterThanOrEqual(2);
        expect(w.length - p, w).toBeGreaterThanOrEqual(3);
        expect(['ng', 'ck', 'lj'], `${w} vid ${p}`).not.toContain((w[p - 1]! + w[p]!).toLowerCase());
        expect(w[p]!.toLowerCase(), w).not.toBe('x');
      }
    }
  });

  it('hyphenateLong puts a soft hyphen at each point of a long word and leaves short words alone', () => {
    expect(hyphenateLong('Föräldragrupper i webbplattform', 6)).toBe(`För${SHY}äldra${SHY}grup${SHY}per i webb${SHY}platt${SHY}form`);
    expect(hyphenateLong('en kort rad', 6)).toBe('en kort rad');
  });
});
