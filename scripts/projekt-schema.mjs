// The published project schema (schemas/projekt.schema.json) takes the method's texts from
// content/ at build: the checklists' titles and questions, the titles of the answer maps that
// moments name in svar_i (3.2, 3.4, 6.1), and one beslut.<id> per document. Everything else in
// the schema is written by hand; these parts are overwritten, so they are never edited twice.

/** The schema node at a dotted path (e.g. "analys.kartläggning.svar"), following $refs into $defs. */
function nodeAt(schema, dotted) {
  let node = schema;
  // A segment may select one item of a list (grupper[typ=styrgrupp], uppföljningar[senaste]).
  for (const seg of dotted.split('.')) {
    const key = seg.replace(/\[.*\]$/, '');
    while (node.$ref) node = schema.$defs[node.$ref.replace('#/$defs/', '')];
    node = node.properties?.[key];
    if (node && seg !== key) {
      while (node.$ref) node = schema.$defs[node.$ref.replace('#/$defs/', '')];
      node = node.items;
    }
    if (!node) throw new Error(`schemas/projekt.schema.json saknar ${dotted} (content/ anger det som svar_i)`);
  }
  while (node.$ref && !node.properties) node = schema.$defs[node.$ref.replace('#/$defs/', '')];
  return node;
}

/** Properties for questions, in content's order: existing keys kept, the title from content. */
function questions(old, qs, fallback) {
  return Object.fromEntries(qs.map((q) => [q.id, { ...(old?.[q.id] ?? fallback), title: q.text }]));
}

/** Checklist answers are one per question, or per sub-question where a question has them. */
const items = (qs) => qs.flatMap((q) => (q.delfrågor?.length ? q.delfrågor : [q]));

/** The schema with content's texts put in (a new object; the argument is not changed). */
export function withMethodTexts(source, method) {
  const schema = structuredClone(source);
  const text = { $ref: '#/$defs/text' };
  const cl = schema.$defs.checklistor;
  cl.properties = Object.fromEntries(method.steg.map((s) => {
    const old = cl.properties?.[`steg${s.nummer}`] ?? { type: 'object', additionalProperties: false };
    return [`steg${s.nummer}`, { ...old, title: s.checklista.titel, properties: questions(old.properties, items(s.checklista.frågor), { $ref: '#/$defs/checksvar' }) }];
  }));
  for (const s of method.steg) {
    for (const m of s.moment) {
      if (!m.svar_i) continue;
      const node = nodeAt(schema, m.svar_i);
      if (m.frågor) node.properties = questions(node.properties, m.frågor, text);
      if (m.frågegrupper) {
        node.properties = Object.fromEntries(m.frågegrupper.map((g) => {
          const old = node.properties?.[g.id] ?? { type: 'object', additionalProperties: false };
          return [g.id, { ...old, title: g.titel, properties: questions(old.properties, g.frågor, text) }];
        }));
      }
    }
  }
  const beslut = schema.$defs.beslutPerDokument;
  // A carrier (the tjänsteskrivelse, with bär) has no decision of its own: it reads the carried document's.
  beslut.properties = Object.fromEntries(method.begrepp.dokument.filter((d) => !d.bär).map((d) => [d.id, { ...(beslut.properties?.[d.id] ?? {}), title: d.namn ?? d.titel, $ref: '#/$defs/beslut' }]));
  return schema;
}

/** The file's text, as it is committed (2-space JSON, Swedish letters as they are). */
export const schemaText = (schema) => JSON.stringify(schema, null, 2) + '\n';
