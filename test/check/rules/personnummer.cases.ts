// The table of personnummer: valid and invalid cases, run by personnummer.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { personnummer } from '../../../src/check/rules/personnummer.js';
import { findPnr, maskPnr } from '../../../src/check/personnummer.js';
import { type Case } from '../helpers.js';

// Test numbers from Skatteverket's published test series style (valid checksums).
export const PNR = '19121212-1212';
export const PNR10 = '121212-1212';
export const SAMORDNING = '701063-2391';

export const cases: Case[] = [
  { namn: 'inga nummer', yaml: `förankring:\n  motivering: Ring 0581-123456 eller skriv till KS 2025/123\n`, fynd: [] },
  { namn: 'fel kontrollsiffra', yaml: `förankring:\n  motivering: Kontaktperson 19121212-1213\n`, fynd: [] },
  { namn: 'omöjligt datum', yaml: `förankring:\n  motivering: Nummer 19121312-1212\n`, fynd: [] },
  { namn: 'organisationsnummer', yaml: `förankring:\n  motivering: Föreningen 802468-0019 bidrar\n`, fynd: [] },
  { namn: 'personnummer i text', yaml: `förankring:\n  motivering: Kontaktperson ${PNR} på socialtjänsten\n`, fynd: [[8, 29, 'inText', { data: { vad: 'ett personnummer', maskerat: '••••••••-••••' } }]] },
  { namn: 'tio siffror med plus', yaml: `förankring:\n  motivering: "Född ${PNR10.replace('-', '+')}"\n`, fynd: [[8, 21, 'inText', { data: { maskerat: '••••••+••••' } }]] },
  { namn: 'utan bindestreck', yaml: `förankring:\n  motivering: nr 191212121212\n`, fynd: [[8, 18, 'inText', { data: { maskerat: '••••••••••••' } }]] },
  { namn: 'med mellanslag', yaml: `förankring:\n  motivering: nr 121212 1212\n`, fynd: [[8, 18, 'inText', { data: { maskerat: '•••••• ••••' } }]] },
  { namn: 'samordningsnummer', yaml: `förankring:\n  motivering: nr ${SAMORDNING}\n`, fynd: [[8, 18, 'inText', { data: { vad: 'ett samordningsnummer' } }]] },
  { namn: 'i en kommentar', yaml: `# ansvarig: ${PNR}\nförankring:\n  motivering: x\n`, fynd: [[7, 13, 'inComment']] },
  { namn: 'som tal', yaml: `förankring:\n  motivering: x\n  sammanhang: 1212121212\n`, fynd: [[9, 15, 'inText']] },
  { namn: 'i ett fältnamn', yaml: `checklistor:\n  steg1:\n    "${PNR}":\n      status: ja\n`, fynd: [[9, 6, 'inKey']] },
  {
    namn: 'i ett block över flera rader',
    yaml: `förankring:\n  motivering: >-\n    Första raden.\n    Kontakt: ${PNR}.\n`,
    fynd: [[10, 14, 'inText']],
  },
  { namn: 'escape-sekvens som bara syns i datan', yaml: `förankring:\n  motivering: "nr 1912121\\u0032-1212"\n`, fynd: [[8, 15, 'inText']] },
];

export { personnummer as rule };
