// The prompt pieces, driven with @inquirer/testing: Swedish text on screen, Enter keeps an
// answer, "-" and Backspace remove it, invalid answers are refused with the message.
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { render } from '@inquirer/testing';
import { askCheckbox, askConfirm, askSelect, askText } from '../../src/interview/ask.js';
import { AbortedError } from '../../src/errors.js';
import { PasteFilter, editorCommand, editorHelp } from '../../src/interview/terminal.js';
import { LineEditor } from '../../src/interview/text.js';
import { fromLine } from '../../src/interview/text.js';

/**
 * The test output, kept open: each prompt ends its output stream when it is done, and a text
 * question that asks "Ta bort svaret?" shows a second prompt on the same screen.
 */
class KeepOpen extends Writable {
  constructor(private target: NodeJS.WritableStream) { super(); }
  override _write(chunk: any, _enc: BufferEncoding, cb: (e?: Error | null) => void) { this.target.write(chunk); cb(); }
  override end(): this { return this; }
}
const text = (q: Parameters<typeof askText>[0]) => render(((p: any, ctx: any) => askText(p, { ...ctx, output: new KeepOpen(ctx.output) })) as any, q);

describe('askText', () => {
  it('shows the current answer and keeps it on Enter', async () => {
    const { answer, events, getScreen } = await text({ message: 'Demografi', current: 'Många barnfamiljer i Hjo' });
    expect(getScreen()).toContain('Demografi (Enter behåller: Många barnfamiljer i Hjo)');
    events.keypress('enter');
    await expect(answer).resolves.toBeUndefined();
  });

  it('returns typed Swedish text', async () => {
    const { answer, events, getScreen } = await text({ message: 'Skiss' });
    events.type('Föräldrar på öppna förskolan – åäö ÅÄÖ');
    expect(getScreen()).toContain('Föräldrar på öppna förskolan – åäö ÅÄÖ');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Föräldrar på öppna förskolan – åäö ÅÄÖ');
  });

  it('skips an empty question on Enter', async () => {
    const { answer, events } = await text({ message: 'Skiss' });
    events.keypress('enter');
    await expect(answer).resolves.toBeUndefined();
  });

  /** Waits until the screen shows `what` (the prompts render after the keypress is handled). */
  async function shows(getScreen: () => string, what: string): Promise<void> {
    for (let i = 0; i < 200 && !getScreen().includes(what); i++) await new Promise((r) => setTimeout(r, 5));
    expect(getScreen()).toContain(what);
  }

  it('removes an answer with "-" or by erasing it with Backspace, after a yes', async () => {
    const a = await text({ message: 'Skiss', current: 'Gammal' });
    a.events.type('-');
    a.events.keypress('enter');
    await shows(a.getScreen, 'Ta bort svaret');
    a.events.keypress('up');
    a.events.keypress('enter');
    await expect(a.answer).resolves.toBeNull();
    const b = await text({ message: 'Skiss', current: 'Gammal' });
    b.events.keypress('backspace');
    b.events.keypress('enter');
    await shows(b.getScreen, 'Ta bort svaret');
    b.events.keypress('up');
    b.events.keypress('enter');
    await expect(b.answer).resolves.toBeNull();
  });

  it('asks before removing a saved answer, and Enter on the question keeps it ("-", or Tab and an emptied line)', async () => {
    const a = await text({ message: 'Skiss', current: 'Gammal skiss' });
    a.events.type('-');
    a.events.keypress('enter');
    await shows(a.getScreen, 'Ta bort svaret (Gammal skiss)?');
    expect(a.getScreen()).toMatch(/❯ Nej/);
    a.events.keypress('enter');
    await expect(a.answer).resolves.toBeUndefined();
    const b = await text({ message: 'Skiss', current: 'Gammal skiss' });
    b.events.keypress('tab');
    for (let i = 0; i < 'Gammal skiss'.length; i++) b.events.keypress('backspace');
    b.events.keypress('enter');
    await shows(b.getScreen, 'Ta bort svaret (Gammal skiss)?');
    b.events.keypress('enter');
    await expect(b.answer).resolves.toBeUndefined();
  });

  it('"-" on an empty question skips it without asking', async () => {
    const { answer, events } = await text({ message: 'Skiss' });
    events.type('-');
    events.keypress('enter');
    await expect(answer).resolves.toBeUndefined();
  });

  it('puts the current answer on the line with Tab, for editing', async () => {
    const { answer, events } = await text({ message: 'Namn', current: 'Familjecentralen' });
    events.keypress('tab');
    events.type(' i Tidaholm');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Familjecentralen i Tidaholm');
  });

  it('shows line breaks as ¶ and keeps the paragraphs when one sentence is edited with Tab', async () => {
    const current = 'Första stycket om demografi.\n\nAndra stycket:\nmed en radbrytning.';
    const kept = await text({ message: 'Demografi', current });
    expect(kept.getScreen()).toContain('(Enter behåller: Första stycket om demografi. ¶ ¶ Andra stycket: ¶');
    kept.events.keypress('enter');
    await expect(kept.answer).resolves.toBeUndefined();
    const { answer, events } = await text({ message: 'Demografi', current });
    events.keypress('tab');
    for (let i = 0; i < 'radbrytning.'.length; i++) events.keypress('backspace');
    events.type('ny rad.');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Första stycket om demografi.\n\nAndra stycket:\nmed en ny rad.');
  });

  it('a ¶ typed in a new answer starts a new line', async () => {
    const { answer, events } = await text({ message: 'Skiss' });
    events.type('Ett ¶ Två');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Ett\nTvå');
  });

  it('refuses an invalid answer with the message and asks again', async () => {
    const validate = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? true : 'Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-03-31.');
    const { answer, events, getScreen } = await text({ message: 'Datum (ÅÅÅÅ-MM-DD)', validate });
    events.type('31/3');
    events.keypress('enter');
    await new Promise((r) => setTimeout(r, 10));
    expect(getScreen()).toContain('Skriv datumet som ÅÅÅÅ-MM-DD');
    for (let i = 0; i < 4; i++) events.keypress('backspace');
    events.type('2026-03-31');
    events.keypress('enter');
    await expect(answer).resolves.toBe('2026-03-31');
  });

  it('turns Ctrl-C into AbortedError', async () => {
    const ac = new AbortController();
    const { answer } = await render(askText as any, { message: 'Skiss' }, { signal: ac.signal });
    ac.abort();
    await expect(answer).rejects.toBeInstanceOf(AbortedError);
  });
});

describe('askSelect, askCheckbox, askConfirm', () => {
  it('select: Swedish key help, Enter keeps the default, arrows move', async () => {
    const q = { message: 'Preventionsnivå', choices: [{ name: 'Universell', value: 'universell' }, { name: 'Selektiv', value: 'selektiv' }, { name: 'Indikerad', value: 'indikerad' }], default: 'selektiv' };
    const a = await render(askSelect as any, q);
    expect(a.getScreen()).toContain('flytta');
    expect(a.getScreen()).toContain('välj');
    expect(a.getScreen()).not.toMatch(/navigate|select/);
    a.events.keypress('enter');
    await expect(a.answer).resolves.toBe('selektiv');
    const b = await render(askSelect as any, q);
    b.events.keypress('down');
    b.events.keypress('enter');
    await expect(b.answer).resolves.toBe('indikerad');
  });

  it('select: a digit picks the option with that number, also with a skip option first (the 1–5 scale)', async () => {
    const scale = ['Saknas', 'Svag', 'Delvis', 'God', 'Mycket god'].map((t, i) => ({ name: `${i + 1} – ${t}`, value: i + 1 }));
    for (const [extra, def] of [[[{ name: 'Hoppa över (svara senare)', value: 'skip' }], 'skip'], [[{ name: 'Behåll 7 (inte ett av valen)', value: 7 }], 7]] as const) {
      for (const digit of ['1', '2', '5']) {
        const a = await render(askSelect as any, { message: 'Bedömning (1 saknas – 5 mycket god)', choices: [...extra, ...scale, { separator: ' ' }, { name: 'Ta bort svaret', value: 'clear' }], default: def });
        a.events.type(digit);
        a.events.keypress('enter');
        await expect(a.answer).resolves.toBe(Number(digit));
      }
    }
  });

  it('select: the choices that are not numbered are still there, and Enter keeps the default', async () => {
    const scale = [1, 2, 3].map((v) => ({ name: String(v), value: v }));
    const a = await render(askSelect as any, { message: 'Poäng', choices: [{ name: 'Hoppa över (svara senare)', value: 'skip' }, ...scale], default: 'skip' });
    expect(a.getScreen()).toContain('Hoppa över (svara senare)');
    a.events.keypress('enter');
    await expect(a.answer).resolves.toBe('skip');
  });

  it('select: numbers that cannot be positions (a scale from 0) show the positions the digits pick', async () => {
    const a = await render(askSelect as any, { message: 'Poäng', choices: [0, 1, 2].map((v) => ({ name: `${v} p`, value: v })) });
    expect(a.getScreen()).toContain('1. 0 p');
    a.events.type('2');
    a.events.keypress('enter');
    await expect(a.answer).resolves.toBe(1);
  });

  it('checkbox: ticked items come pre-ticked, space toggles', async () => {
    const q = { message: 'Utvecklingsbehov (id)', choices: [{ name: 'B1  Nå pappor', value: 'B1', checked: true }, { name: 'B2  Nå nyanlända', value: 'B2' }] };
    const a = await render(askCheckbox as any, q);
    expect(a.getScreen()).toContain('blanksteg');
    expect(a.getScreen()).not.toMatch(/navigate|submit/);
    a.events.keypress('down');
    a.events.keypress('space');
    a.events.keypress('enter');
    await expect(a.answer).resolves.toEqual(['B1', 'B2']);
  });

  it('confirm: Ja or Nej, Enter takes the default', async () => {
    const confirm = (props: { message: string; def: boolean }, ctx: any) => askConfirm(props.message, props.def, ctx);
    const a = await render(confirm as any, { message: 'Ta bort AK2?', def: false });
    expect(a.getScreen()).toContain('Nej');
    a.events.keypress('enter');
    await expect(a.answer).resolves.toBe(false);
    const b = await render(confirm as any, { message: 'Ta bort AK2?', def: false });
    b.events.keypress('up');
    b.events.keypress('enter');
    await expect(b.answer).resolves.toBe(true);
  });
});

describe('pasted text (PasteFilter)', () => {
  const feed = (...chunks: string[]) => { const f = new PasteFilter(); return chunks.map((c) => f.feed(c)).join(''); };

  it('a bracketed paste from Word is part of the line, its CRLF line breaks as ¶, and becomes lines again', () => {
    const line = feed('\x1b[200~Första raden.\r\nAndra raden.\r\n\r\nTredje efter en tom rad.\r\n\x1b[201~');
    expect(line).not.toMatch(/[\r\n\x1b]/);
    expect(fromLine(line)).toBe('Första raden.\nAndra raden.\n\nTredje efter en tom rad.');
  });

  it('CR, LF and a vertical tab are line breaks; tabs are spaces; control keys inside a paste do nothing', () => {
    expect(fromLine(feed('\x1b[200~a\rb\nc\vd\te\x03f\x7f\x1b[201~'))).toBe('a\nb\nc\nd ef');
  });

  it('markers and CRLF split between two reads', () => {
    expect(fromLine(feed('x \x1b[20', '0~Ett\r', '\nTvå\x1b[2', '01~ y'))).toBe('x Ett\nTvå y');
  });

  it('typed keys pass unchanged: a word and Enter, arrows and Enter, Tab, Backspace, a lone Esc', () => {
    for (const k of ['svar\r', '\x1b[A\r', '\x1b[B\x1b[B\r', '\t', '\x7f\x7f12,5', '\r', '\r\r', '\x1b', '\x03']) expect(feed(k)).toBe(k);
  });

  it('without markers, lines that arrive in one read are a paste too (not an answer per line)', () => {
    const line = feed('Rad ett\r\nRad två\r\nRad tre\r\n');
    expect(line).not.toMatch(/[\r\n]/);
    expect(fromLine(line)).toBe('Rad ett\nRad två\nRad tre');
  });
});

// Issue 10: the prompts are written by @inquirer straight to the terminal, past the output
// sanitiser; a saved value may hold a bidi control (the loader allows them in values). What a
// prompt shows has it as <U+XXXX>; what is kept or chosen is the value itself.
describe('prompts show unsafe characters as <U+XXXX>', () => {
  it('askText shows a saved answer with U+202E visibly and Enter keeps it unchanged', async () => {
    const { answer, events, getScreen } = await text({ message: 'Demografi \u202Eiv', current: 'abc\u202Edef' });
    expect(getScreen()).toContain('Demografi <U+202E>iv (Enter behåller: abc<U+202E>def)');
    expect(getScreen()).not.toContain('\u202E');
    events.keypress('enter');
    await expect(answer).resolves.toBeUndefined();
  });

  it('askText shows the answer being edited visibly and returns it as typed', async () => {
    const { answer, events, getScreen } = await text({ message: 'Skiss', current: 'abc\u202Edef' });
    events.keypress('tab');
    events.type('\u200Fx');
    expect(getScreen()).toContain('abc<U+202E>def<U+200F>x');
    expect(getScreen()).not.toMatch(/[\u202E\u200F]/);
    events.keypress('enter');
    await expect(answer).resolves.toBe('abc\u202Edef\u200Fx');
  });

  it('askSelect and askCheckbox show message, choices and descriptions visibly; the value is unchanged', async () => {
    const a = await render(askSelect as any, { message: 'Välj \u202E', choices: [{ name: 'AK1 \u202Eabc', value: 'a\u202E', description: 'beskr \u2066x' }, { name: 'AK2', value: 'b' }] });
    expect(a.getScreen()).toContain('Välj <U+202E>');
    expect(a.getScreen()).toContain('AK1 <U+202E>abc');
    expect(a.getScreen()).toContain('beskr <U+2066>x');
    expect(a.getScreen()).not.toMatch(/[\u202E\u2066]/);
    a.events.keypress('enter');
    await expect(a.answer).resolves.toBe('a\u202E');
    const b = await render(askCheckbox as any, { message: 'Vilka \u202E', choices: [{ name: 'AK1 \u202Eabc', value: 'a\u202E' }] });
    expect(b.getScreen()).toContain('Vilka <U+202E>');
    expect(b.getScreen()).toContain('AK1 <U+202E>abc');
    expect(b.getScreen()).not.toContain('\u202E');
    b.events.keypress('space');
    b.events.keypress('enter');
    await expect(b.answer).resolves.toEqual(['a\u202E']);
  });
});

describe('editorCommand (the :e editor)', () => {
  const none = () => undefined;
  it('takes VISUAL, then EDITOR, then nano where installed, else none (the built-in editor); splits at unescaped spaces', () => {
    expect(editorCommand({ VISUAL: 'nano -w', EDITOR: 'vim' }, none)).toEqual({ bin: 'nano', args: ['-w'] });
    expect(editorCommand({ VISUAL: '', EDITOR: 'code --wait' }, none)).toEqual({ bin: 'code', args: ['--wait'] });
    expect(editorCommand({ EDITOR: '/opt/my\\ editor -x' }, none)).toEqual({ bin: '/opt/my editor', args: ['-x'] });
    expect(editorCommand({}, (b) => (b === 'nano' ? '/usr/bin/nano' : undefined))).toEqual({ bin: 'nano', args: [] });
    // Never vi: a person who has not learnt it cannot leave it.
    expect(editorCommand({}, none)).toBeUndefined();
    expect(editorCommand({ PATH: '/nonexistent' })).toBeUndefined();
  });
  it.each([
    ['nano', /Ctrl\+O och Enter, stäng med Ctrl\+X/],
    ['/usr/bin/vim', /Esc, skriv :wq och Enter/],
    ['code', /spara texten och stäng editorn/],
  ])('says how to save and close %s before it opens', (bin, msg) => {
    expect(editorHelp(bin)).toMatch(msg);
  });
});

describe('a line break typed with a key a Swedish keyboard has (PasteFilter.lineBreaks)', () => {
  const feed = (on: boolean, ...chunks: string[]) => { const f = new PasteFilter(); f.lineBreaks = on; return chunks.map((c) => f.feed(c)).join(''); };
  it.each([
    ['Alt+Enter (ESC CR)', ['Första', '\x1b\r', 'Andra'], 'Första ¶ Andra'],
    ['Alt+Enter typed ahead, in cooked mode (ESC LF)', ['Första', '\x1b\n', 'Andra'], 'Första ¶ Andra'],
    ['Shift+Enter where the terminal reports it (CSI u, modifyOtherKeys)', ['Ett', '\x1b[13;2u', 'Två', '\x1b[27;2;13~', 'Tre'], 'Ett ¶ Två ¶ Tre'],
    ['Enter (CR) still submits', ['Första', '\r'], 'Första\r'],
    // Enter typed ahead while no prompt holds raw mode arrives as LF (ICRNL): it stays Enter,
    // which is why Ctrl+J (also LF) cannot be the line-break key.
    ['Enter typed ahead (LF) still submits', ['Första', '\n'], 'Första\n'],
  ])('%s', (_what, chunks, want) => {
    expect(feed(true, ...chunks)).toBe(want);
  });
  it('only in a text prompt: elsewhere the keys pass unchanged', () => {
    expect(feed(false, 'a', '\n')).toBe('a\n');
    expect(feed(false, '\x1b\r')).toBe('\x1b\r');
  });
});

describe('the built-in editor (LineEditor)', () => {
  const run = (old: string | undefined, answers: string[]) => {
    const ed = new LineEditor(old);
    const asked: (string | undefined)[] = [];
    let end = 'mer';
    for (const a of answers) {
      asked.push(ed.next.old);
      end = ed.feed(a);
      if (end !== 'mer') break;
    }
    return { end, text: ed.text, asked };
  };
  it('writes a new text with a paragraph: lines, an empty line, "." saves', () => {
    expect(run(undefined, ['Första stycket.', '', 'Andra stycket.', '.'])).toEqual({ end: 'spara', text: 'Första stycket.\n\nAndra stycket.', asked: [undefined, undefined, undefined, undefined] });
  });
  it('offers each old line: Enter keeps it (its default), new text replaces it, "-" removes it; "." keeps the rest', () => {
    const r = run('Ett\nTvå\nTre\nFyra', ['Ett', 'Två, ändrad', '-', '.']);
    expect(r.asked).toEqual(['Ett', 'Två', 'Tre', 'Fyra']);
    expect(r).toMatchObject({ end: 'spara', text: 'Ett\nTvå, ändrad\nFyra' });
  });
  it('a ¶ (Alt+Enter, a pasted text) splits a line', () => {
    expect(run(undefined, ['Ett ¶ Två', '.']).text).toBe('Ett\nTvå');
  });
  it('":q" closes without saving', () => {
    expect(run('Gammal', ['Ny', ':q']).end).toBe('avbryt');
  });
});
