// The kommun's Word template as a reference DOCX, as pandoc's --reference-doc: the document takes
// the template's styles.xml (its defaults, headings, normal text, captions …) and theme; a style
// the writer uses that the template lacks is added from ours. A template saved by a Swedish Word
// names its styles "Rubrik1" where ours say "Heading1": styles are matched by their name
// ("heading 1"), as Word does, and the document's references are renamed to the template's ids.
import type { WordMall } from '../profil.js';
import type { DocxPart } from './adapter.js';

interface StyleEl { id: string; name: string; xml: string }

const STYLE = /<w:style\b[^>]*>[\s\S]*?<\/w:style>/g;

function styles(xml: string): StyleEl[] {
  return [...xml.matchAll(STYLE)].map(([el]) => ({
    id: /w:styleId="([^"]*)"/.exec(el)?.[1] ?? '',
    name: (/<w:name w:val="([^"]*)"/.exec(el)?.[1] ?? '').toLowerCase(),
    xml: el,
  }));
}

/** Renames style references (pStyle, rStyle, tblStyle, basedOn, next, link) through `map`. */
function renameRefs(xml: string, map: Map<string, string>): string {
  if (!map.size) return xml;
  return xml.replace(/(<w:(?:pStyle|rStyle|tblStyle|basedOn|next|link) w:val=")([^"]*)(")/g, (all, a: string, id: string, b: string) => (map.has(id) ? `${a}${map.get(id)}${b}` : all));
}

const THEME_TYPE = 'application/vnd.openxmlformats-officedocument.theme+xml';
const THEME_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme';

/**
 * Puts the template's styles (and theme) into the package's XML parts, in place (`xmls` by part
 * name), and returns the parts that are new (the theme), to be zipped with the others.
 */
export function withReferenceStyles(xmls: Map<string, string>, mall: WordMall): DocxPart[] {
  const ours = styles(xmls.get('word/styles.xml') ?? '');
  const ref = styles(mall.styles);
  const refById = new Map(ref.map((s) => [s.id, s]));
  const refByName = new Map(ref.filter((s) => s.name).map((s) => [s.name, s]));
  const map = new Map<string, string>();
  const missing: StyleEl[] = [];
  for (const s of ours) {
    const match = refByName.get(s.name) ?? refById.get(s.id);
    if (match) { if (match.id !== s.id) map.set(s.id, match.id); } else missing.push(s);
  }
  // A style the document names without declaring it (Word's built-in Caption) is found by its name too.
  const declared = new Set(ours.map((s) => s.id));
  for (const [, id] of (xmls.get('word/document.xml') ?? '').matchAll(/<w:[pr]Style w:val="([^"]*)"/g)) {
    const match = !declared.has(id!) && !refById.has(id!) ? refByName.get(id!.toLowerCase()) : undefined;
    if (match) map.set(id!, match.id);
  }
  // Our styles that the template lacks keep our look, based on the template's styles.
  const added = missing.map((s) => renameRefs(s.xml, map)).join('');
  xmls.set('word/styles.xml', mall.styles.replace(/<\/w:styles>\s*$/, `${added}</w:styles>`));
  for (const [name, xml] of xmls) if (/^word\/(document|header\d*|footer\d*|footnotes|comments|numbering)\.xml$/.test(name)) xmls.set(name, renameRefs(xml, map));
  const extra: DocxPart[] = [];
  if (mall.theme && !xmls.has('word/theme/theme1.xml')) {
    const name = 'word/theme/theme1.xml';
    xmls.set(name, mall.theme);
    extra.push({ name, data: async () => Buffer.from(xmls.get(name)!, 'utf8') });
    const rels = 'word/_rels/document.xml.rels';
    xmls.set(rels, (xmls.get(rels) ?? '').replace('</Relationships>', `<Relationship Id="rIdTheme1" Type="${THEME_REL}" Target="theme/theme1.xml"/></Relationships>`));
    const types = '[Content_Types].xml';
    xmls.set(types, (xmls.get(types) ?? '').replace('</Types>', `<Override ContentType="${THEME_TYPE}" PartName="/word/theme/theme1.xml"/></Types>`));
  }
  return extra;
}

/** The template's paragraph defaults with widow control on (Word's Normal.dotm has it; not every template does). */
export function withWidowControl(xml: string): string {
  if (/<w:pPrDefault>[\s\S]*?<w:widowControl\b[\s\S]*?<\/w:pPrDefault>/.test(xml)) return xml;
  if (/<w:pPrDefault\s*\/>/.test(xml)) return xml.replace(/<w:pPrDefault\s*\/>/, '<w:pPrDefault><w:pPr><w:widowControl/></w:pPr></w:pPrDefault>');
  if (/<w:pPrDefault>\s*<w:pPr>/.test(xml)) return xml.replace(/<w:pPrDefault>(\s*)<w:pPr>/, '<w:pPrDefault>$1<w:pPr><w:widowControl/>');
  if (/<w:pPrDefault>\s*<w:pPr\s*\/>/.test(xml)) return xml.replace(/<w:pPrDefault>(\s*)<w:pPr\s*\/>/, '<w:pPrDefault>$1<w:pPr><w:widowControl/></w:pPr>');
  if (/<\/w:rPrDefault>/.test(xml) && !/<w:pPrDefault/.test(xml)) return xml.replace('</w:rPrDefault>', '</w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/></w:pPr></w:pPrDefault>');
  return xml;
}
