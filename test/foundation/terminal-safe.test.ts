// The one place that makes printed text harmless on a terminal (src/terminal-safe.ts).
import { describe, expect, it } from 'vitest';
import { jsonText, visible, visibleKeepingColour, xmlText } from '../../src/terminal-safe.js';

const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe('terminal-safe', () => {
  it('visible shows every control as <U+XXXX>, keeps \\t, \\n and ordinary text, and is idempotent', () => {
    expect(visible('a\u001b]52;c;SGVsbG8=\u0007b\u009b2J\u202e\u2066\u200f\u061c\u007f\r\tå\n😀\ud800')).toBe(
      'a<U+001B>]52;c;SGVsbG8=<U+0007>b<U+009B>2J<U+202E><U+2066><U+200F><U+061C><U+007F><U+000D>\tå\n😀<U+D800>');
    const s = visible('\u001b[2J\u202e');
    expect(visible(s)).toBe(s);
  });
  it('visibleKeepingColour keeps SGR colours only', () => {
    expect(visibleKeepingColour('\u001b[31mfel\u001b[39m \u001b[2J \u001b[8m \u001b]0;x\u0007')).toBe('\u001b[31mfel\u001b[39m <U+001B>[2J <U+001B>[8m <U+001B>]0;x<U+0007>');
  });
  it('jsonText keeps the value, escapes C1 and bidi, and makes lone surrogates U+FFFD', () => {
    const v = { 'k\ud800': ['a\u009b\u202e\u001b', 1, null, { x: '\udc00😀' }] };
    const t = jsonText(v);
    expect(t).not.toMatch(UNSAFE);
    expect(JSON.parse(t)).toEqual({ 'k\uFFFD': ['a\u009b\u202e\u001b', 1, null, { x: '\uFFFD😀' }] });
  });
  it('xmlText: what XML 1.0 cannot hold is shown, the rest a character reference', () => {
    expect(xmlText('a\u001b<b>\u009b&\u202e\r\ud800')).toBe('a&lt;U+001B&gt;&lt;b&gt;&#x009B;&amp;&#x202E;&#x000D;&lt;U+D800&gt;');
  });
});
