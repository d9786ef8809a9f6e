// Builds examples/profil/mall.docx, the fictional kommun's Word template: pandoc's own reference
// DOCX (a Word file with theme, latent styles and the built-in styles) with the kommun's look —
// Liberation Serif, green headings, Swedish language — and the style ids a Swedish Word writes
// ("Rubrik1" for "heading 1"), so that the profile test shows styles matched by name.
// Run: node scripts/profil-mall.mjs (needs pandoc, unzip and zip). The result is committed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, utimesSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const out = resolve('examples/profil/mall.docx');
const dir = mkdtempSync(join(tmpdir(), 'profil-mall-'));
execFileSync('pandoc', ['-o', join(dir, 'ref.docx'), '--print-default-data-file', 'reference.docx']);
execFileSync('unzip', ['-q', 'ref.docx', '-d', 'x'], { cwd: dir });
const stylesFile = join(dir, 'x', 'word', 'styles.xml');
let s = readFileSync(stylesFile, 'utf8');
const serif = '<w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" w:eastAsia="Liberation Serif" w:cs="Liberation Serif" />';
s = s.replace(/<w:rFonts w:asciiTheme="[^"]*" w:eastAsiaTheme="[^"]*" w:hAnsiTheme="[^"]*" w:cstheme="[^"]*" \/>/g, serif);
s = s.replace(/<w:lang w:val="en-US"[^>]*\/>/, '<w:lang w:val="sv-SE" w:eastAsia="en-US" w:bidi="ar-SA" />');
s = s.replace(/<w:sz w:val="24" \/>\s*<w:szCs w:val="24" \/>/, '<w:sz w:val="22" /><w:szCs w:val="22" />');
// Headings and the title in the kommun's green.
s = s.replace(/<w:color w:val="[0-9A-F]{6}" w:themeColor="accent1"[^>]*\/>/g, '<w:color w:val="0B6E4F" />');
// Swedish Word's style ids.
const ids = { Title: 'Titel', Heading1: 'Rubrik1', Heading2: 'Rubrik2', Heading3: 'Rubrik3', Heading4: 'Rubrik4', Heading5: 'Rubrik5', Heading6: 'Rubrik6', Caption: 'Beskrivning' };
for (const [en, sv] of Object.entries(ids)) s = s.replace(new RegExp(`(w:(?:styleId|val)=")${en}(")`, 'g'), `$1${sv}$2`);
// The caption centred, as the kommun's template has it.
s = s.replace(/(<w:style w:type="paragraph" w:styleId="Beskrivning">[\s\S]*?<w:pPr>)/, '$1<w:jc w:val="center" />');
writeFileSync(stylesFile, s);
// Fixed dates, entries in name order: the same file each time.
const files = [];
const walk = (d) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else files.push(p.slice(join(dir, 'x').length + 1)); } };
walk(join(dir, 'x'));
files.sort();
for (const f of files) utimesSync(join(dir, 'x', f), new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
rmSync(out, { force: true });
execFileSync('zip', ['-X', '-q', '-D', out, ...files], { cwd: join(dir, 'x') });
rmSync(dir, { recursive: true, force: true });
console.log(`skrev ${out}`);
