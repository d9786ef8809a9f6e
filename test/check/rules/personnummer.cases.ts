// The table of personnummer: valid and invalid cases, run by personnummer.test.ts;
// test/check/meta.test.ts checks that they expect every messageId of the rule.
import { personnummer } from '../../../src/check/rules/personnummer.js';
import { type Case } from '../helpers.js';

// Test numbers with valid dates and checksums (checked with the personnummer package).
export const PNR = '19121212-1212';
export const PNR10 = '121212-1212';
export const SAMORDNING = '701063-2391';
export const DATE = '19811218'; // with LAST: valid; with BAD: wrong checksum
export const LAST = '9876';
export const BAD = '9875';

// Every separator a user's editor may put between the date and the last four digits: what is
// typed, what Word makes of it, and what a wrapped line leaves in the text or in the value.
export const SEPARATORS: [string, string][] = [
  ['bindestreck', '-'],
  ['inget', ''],
  ['mellanslag', ' '],
  ['tabb', '\t'],
  ['tankstreck (U+2013)', '\u2013'],
  ['långt tankstreck (U+2014)', '\u2014'],
  ['hårt bindestreck (U+2011)', '\u2011'],
  ['bindestreck (U+2010)', '\u2010'],
  ['siffertankstreck (U+2012)', '\u2012'],
  ['minustecken (U+2212)', '\u2212'],
  ['hårt mellanslag (U+00A0)', '\u00A0'],
  ['smalt hårt mellanslag (U+202F)', '\u202F'],
  ['tunt mellanslag (U+2009)', '\u2009'],
  ['siffermellanslag (U+2007)', '\u2007'],
  ['mjukt bindestreck (U+00AD)', '\u00AD'],
  ['mellanslag kring tankstreck', ' \u2013 '],
  ['mellanslag före bindestreck (hopvikt rad)', ' -'],
  ['mellanslag efter bindestreck (hopvikt rad)', '- '],
  ['radbrytning efter bindestreck', '-\n'],
  ['radbrytning med indrag', '-\n    '],
  ['radbrytning utan bindestreck', '\n  '],
  ['CRLF-radbrytning', '-\r\n  '],
];

export type Expect = 'personnummer' | 'samordningsnummer' | null;
export const texts: [string, Expect][] = [
  ...SEPARATORS.map(([, sep]): [string, Expect] => [`Kontakt ${DATE}${sep}${LAST}.`, 'personnummer']),
  ...SEPARATORS.map(([, sep]): [string, Expect] => [`Kontakt ${DATE.slice(2)}${sep}${LAST}.`, 'personnummer']),
  ...SEPARATORS.map(([, sep]): [string, Expect] => [`Kontakt ${SAMORDNING.replace('-', sep)}.`, 'samordningsnummer']),
  [`Född ${PNR10.replace('-', '+')}`, 'personnummer'],
  // Wrong checksum, with every separator: normalising never makes a number valid.
  ...SEPARATORS.map(([, sep]): [string, Expect] => [`Kontakt ${DATE}${sep}${BAD}.`, null]),
  ...SEPARATORS.map(([, sep]): [string, Expect] => [`Kontakt ${DATE.slice(2)}${sep}${BAD}.`, null]),
  // Phone numbers, organisationsnummer, dates, diarienummer.
  ['Ring 070-123 45 67', null],
  ['Ring 08-123 456 78', null],
  ['Ring +46 70 123 45 67', null],
  ['Ring 0581-123456', null],
  ['Ring 0701234567', null],
  ['Ring 070\u2013123\u00A045\u00A067', null],
  ['Skatteverket 212000-1892', null],
  ['Skatteverket 212000\u20131892', null],
  ['Skatteverket 16212000-1892', null],
  ['Föreningen 802468-0019', null],
  ['Beslut 2025-01-15, 20250115', null],
  ['Beslut 20250115 1430', null],
  ['Dnr KS 2025/123', null],
  ['Dnr 2025-00123', null],
  ['Dnr 2025\u201300123', null],
  ['Omöjligt datum 19121312-1212', null],
  // Not a separator: two sign characters, two line breaks (a new paragraph), inside a longer number.
  [`${DATE}--${LAST}`, null],
  [`${DATE}-+${LAST}`, null],
  [`${DATE}\n\n${LAST}`, null],
  [`1${DATE}${LAST}`, null],
  [`${DATE}${LAST}1`, null],
];


export const cases: Case[] = [
  { namn: 'inga nummer', yaml: `förankring:\n  motivering: Ring 0581-123456 eller skriv till KS 2025/123\n`, fynd: [] },
  { namn: 'fel kontrollsiffra', yaml: `förankring:\n  motivering: Kontaktperson 19121212-1213\n`, fynd: [] },
  { namn: 'omöjligt datum', yaml: `förankring:\n  motivering: Nummer 19121312-1212\n`, fynd: [] },
  { namn: 'organisationsnummer', yaml: `förankring:\n  motivering: Föreningen 802468-0019 bidrar\n`, fynd: [] },
  { namn: 'personnummer i text', yaml: `förankring:\n  motivering: Kontaktperson ${PNR} på socialtjänsten\n`, fynd: [[8, 29, 'inText', { data: { maskerat: '••••••••-••••', vad: 'ett personnummer' } }]] },
  { namn: 'tio siffror med plus', yaml: `förankring:\n  motivering: "Född ${PNR10.replace('-', '+')}"\n`, fynd: [[8, 21, 'inText', { data: { maskerat: '••••••+••••', vad: 'ett personnummer' } }]] },
  { namn: 'utan bindestreck', yaml: `förankring:\n  motivering: nr 191212121212\n`, fynd: [[8, 18, 'inText', { data: { maskerat: '••••••••••••', vad: 'ett personnummer' } }]] },
  { namn: 'med mellanslag', yaml: `förankring:\n  motivering: nr 121212 1212\n`, fynd: [[8, 18, 'inText', { data: { maskerat: '•••••• ••••' } }]] },
  { namn: 'samordningsnummer', yaml: `förankring:\n  motivering: nr ${SAMORDNING}\n`, fynd: [[8, 18, 'inText', { data: { vad: 'ett samordningsnummer' } }]] },
  { namn: 'i en kommentar', yaml: `# ansvarig: ${PNR}\nförankring:\n  motivering: x\n`, fynd: [[7, 13, 'inComment', { data: { vad: 'ett personnummer' } }]] },
  { namn: 'i en kommentar, med tankstreck', yaml: `# ansvarig: 19121212\u20131212\nförankring:\n  motivering: x\n`, fynd: [[7, 13, 'inComment', { data: { maskerat: '••••••••-••••', vad: 'ett personnummer' } }]] },
  { namn: 'som tal', yaml: `förankring:\n  motivering: x\n  sammanhang: 1212121212\n`, fynd: [[9, 15, 'inText', { data: { vad: 'ett personnummer' } }]] },
  { namn: 'i ett fältnamn', yaml: `checklistor:\n  steg1:\n    "${PNR}":\n      status: ja\n`, fynd: [[9, 6, 'inKey', { data: { vad: 'ett personnummer' } }]] },
  { namn: 'i ett fältnamn, med tankstreck', yaml: `checklistor:\n  steg1:\n    "19121212\u20131212":\n      status: ja\n`, fynd: [[9, 6, 'inKey', { data: { vad: 'ett personnummer' } }]] },
  {
    namn: 'i ett block över flera rader',
    yaml: `förankring:\n  motivering: >-\n    Första raden.\n    Kontakt: ${PNR}.\n`,
    fynd: [[10, 14, 'inText', { data: { vad: 'ett personnummer' } }]],
  },
  { namn: 'escape-sekvens som bara syns i datan', yaml: `förankring:\n  motivering: "nr 1912121\\u0032-1212"\n`, fynd: [[8, 15, 'inText', { data: { vad: 'ett personnummer' } }]] },
  // Numbers wrapped over two lines: found, and pointed at where the number starts.
  { namn: 'hopvikt block (>-), brutet efter bindestrecket', yaml: `förankring:\n  motivering: >-\n    Kontakt ${DATE}-\n    ${LAST} på socialtjänsten.\n`, fynd: [[9, 13, 'inText', { data: { maskerat: '••••••••-••••', vad: 'ett personnummer' } }]] },
  { namn: 'hopvikt block (>), brutet före bindestrecket', yaml: `förankring:\n  motivering: >\n    Kontakt ${DATE}\n    -${LAST} på socialtjänsten.\n`, fynd: [[9, 13, 'inText', { data: { maskerat: '••••••••-••••', vad: 'ett personnummer' } }]] },
  { namn: 'hopvikt block (>-), utan bindestreck', yaml: `förankring:\n  motivering: >-\n    Kontakt ${DATE}\n    ${LAST}.\n`, fynd: [[9, 13, 'inText', { data: { maskerat: '•••••••• ••••', vad: 'ett personnummer' } }]] },
  { namn: 'bokstavligt block (|)', yaml: `förankring:\n  motivering: |\n    Kontakt ${DATE}-\n    ${LAST}.\n`, fynd: [[9, 13, 'inText', { data: { vad: 'ett personnummer' } }]] },
  { namn: 'vanlig skalär över två rader', yaml: `förankring:\n  motivering: Kontakt ${DATE}-\n    ${LAST} på socialtjänsten.\n`, fynd: [[8, 23, 'inText', { data: { vad: 'ett personnummer' } }]] },
  { namn: 'citerad skalär över två rader', yaml: `förankring:\n  motivering: "Kontakt ${DATE}\n    -${LAST}"\n`, fynd: [[8, 24, 'inText', { data: { vad: 'ett personnummer' } }]] },
  { namn: 'hopvikt block med tankstreck', yaml: `förankring:\n  motivering: >-\n    Kontakt ${DATE} \u2013\n    ${LAST}.\n`, fynd: [[9, 13, 'inText', { data: { maskerat: '••••••••-••••', vad: 'ett personnummer' } }]] },
  { namn: 'samordningsnummer över två rader', yaml: `förankring:\n  motivering: >-\n    nr 701063-\n    2391\n`, fynd: [[9, 8, 'inText', { data: { vad: 'ett samordningsnummer' } }]] },
  // A blank line in a folded block leaves a line break in the value: found there, pointed at the value.
  { namn: 'hopvikt block med tom rad', yaml: `förankring:\n  motivering: >-\n    Kontakt ${DATE}-\n\n    ${LAST}.\n`, fynd: [[8, 15, 'inText', { data: { vad: 'ett personnummer' } }]] },
  // Numbers in another form, written out by String(): only the data shows the digits.
  { namn: 'som hexadecimalt tal', yaml: `förankring:\n  motivering: x\n  sammanhang: 0x2c85216c7c\n`, fynd: [[9, 15, 'inText', { data: { maskerat: '••••••••••••', vad: 'ett personnummer' } }]] },
  { namn: 'som tal med exponent', yaml: `förankring:\n  motivering: x\n  sammanhang: 198112.189876e6\n`, fynd: [[9, 15, 'inText', { data: { maskerat: '••••••••••••', vad: 'ett personnummer' } }]] },
  // Separators from Word on one line.
  ...SEPARATORS.filter(([, sep]) => !/\n/.test(sep)).map(([namn, sep]): Case => ({
    namn: `avgränsare: ${namn}`,
    yaml: `förankring:\n  motivering: "Kontakt ${DATE}${sep}${LAST}"\n`,
    fynd: [[8, 24, 'inText', { data: { vad: 'ett personnummer' } }]],
  })),
  // Two YAML items that only look like one number in the text.
  { namn: 'två poster i en lista', yaml: `förankring:\n  motivering: x\n  sammanhang:\n    - 19121212\n    - 1212\n`, fynd: [] },
  { namn: 'fel kontrollsiffra över två rader', yaml: `förankring:\n  motivering: >-\n    Kontakt ${DATE}-\n    ${BAD}.\n`, fynd: [] },
];

export { personnummer as rule };
