// The prompt pieces, driven with @inquirer/testing: Swedish text on screen, Enter keeps an
// answer, "-" and Backspace remove it, invalid answers are refused with the message.
import { describe, expect, it } from 'vitest';
import { render } from '@inquirer/testing';
import { askCheckbox, askConfirm, askSelect, askText } from '../../src/interview/ask.js';
import { AbortedError } from '../../src/errors.js';

const text = (q: Parameters<typeof askText>[0]) => render(askText as any, q);

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

  it('removes an answer with "-" or by erasing it with Backspace', async () => {
    const a = await text({ message: 'Skiss', current: 'Gammal' });
    a.events.type('-');
    a.events.keypress('enter');
    await expect(a.answer).resolves.toBeNull();
    const b = await text({ message: 'Skiss', current: 'Gammal' });
    b.events.keypress('backspace');
    b.events.keypress('enter');
    await expect(b.answer).resolves.toBeNull();
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
