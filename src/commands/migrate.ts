// fsstöd migrera: rewrites a project file of an older formatversion as the current one, in
// place, through the same locked, atomic save as the interview. The loader already reads an old
// file as the current version (project/migrate.ts); this command saves that reading, as edits
// of the user's own lines where it can (project/migrate-text.ts), else as the migrated Document.
// Exit 0 migrated or already current, 2 could not read or save.
import type { IO } from '../io.js';
import { loadProject, parseUserYaml, positionOf, type YamlPath } from '../project/load.js';
import { InputError } from '../errors.js';
import { saveProject } from '../project/save.js';
import { CURRENT_FORMAT } from '../project/migrate.js';
import { asCurrentText } from '../project/migrate-text.js';
import { setNoticeSink } from '../notices.js';
import { SCHEMA_FILE, withLocalSchemaLine, writeSchemaCopy } from '../project/schema-copy.js';
import { displayPath } from '../project/load.js';

/** The schema copy beside the file, brought up to date (what the file's schema line points at). */
function schemaCopy(file: string, io: IO): void {
  const c = writeSchemaCopy(file);
  if (c.state === 'skapad' || c.state === 'uppdaterad') io.out(`  ${displayPath(c.path)}: schemat bredvid filen ${c.state === 'skapad' ? 'skapat' : 'uppdaterat'}.\n`);
  if (c.state === 'främmande') io.err(`varning: ${displayPath(c.path)} är inte fsstöds schema och lämnas orörd.\n`);
}

export interface MigrateOptions {
  fil: string;
  torrkörning?: boolean;
}

export async function migrate(opts: MigrateOptions, io: IO): Promise<number> {
  setNoticeSink(undefined); // this command is the answer to the notice
  const p = loadProject(opts.fil);
  if (p.stdin) throw new InputError('fsstöd migrera skriver om en fil på plats och kan inte läsa från standard in', { file: p.display }, 'Ange filen: fsstöd migrera projekt.yaml');
  if (!p.migratedFrom) {
    // Already current: only the schema line and the schema copy beside the file may need it.
    const text = withLocalSchemaLine(p.text, p.file);
    if (opts.torrkörning) {
      io.out(`${p.display} har redan formatversion ${CURRENT_FORMAT}${text === undefined ? '; inget att ändra' : `; schemaraden skulle peka på ${SCHEMA_FILE} bredvid filen (inget sparat)`}.\n`);
      return 0;
    }
    if (text !== undefined) saveProject(p, { text, data: p.data });
    io.out(`${p.display} har redan formatversion ${CURRENT_FORMAT}${text === undefined ? '; inget att ändra' : `; schemaraden pekar nu på ${SCHEMA_FILE} bredvid filen`}.\n`);
    schemaCopy(p.file, io);
    return 0;
  }
  const changes = p.migration ?? [];
  // Each change with its line in the file as it is now (the original text, not the migrated one).
  const original = parseUserYaml(p.text, p.display);
  const line = (sökväg: string) => positionOf(original, sökväg.split(/\.|(?=\[)/).map((s): string | number => (/^\[\d+\]$/.test(s) ? Number(s.slice(1, -1)) : s)) as YamlPath, { key: true }).line;
  const list = changes.map((c) => ({ c, rad: line(c.sökväg) })).sort((a, b) => a.rad - b.rad)
    .map(({ c, rad }) => `  rad ${rad}: ${c.sökväg}: ${c.ändring}\n`).join('');
  // The text as it will be saved, read back as a project (project/migrate-text.ts).
  const m = asCurrentText(p);
  // Said when the lines cannot be kept as they are: the file is then written out whole.
  const layout = m.layout === undefined ? ''
    : `  obs: raderna kunde inte ändras var för sig (${m.layout}); filen skrivs ut på nytt: kommentarer, ordning och värden behålls, men radbrytningar i långa texter och citattecken kan se annorlunda ut\n`;
  if (opts.torrkörning) {
    io.out(`${p.display}: formatversion ${p.migratedFrom} → ${CURRENT_FORMAT} skulle ändra ${changes.length} ${changes.length === 1 ? 'sak' : 'saker'} (inget sparat):\n${list}${layout}`);
    return 0;
  }
  saveProject(m, { text: withLocalSchemaLine(m.text, p.file) ?? m.text, data: m.data });
  schemaCopy(p.file, io);
  io.out(`✓ ${p.display} har nu formatversion ${CURRENT_FORMAT} (${changes.length} ${changes.length === 1 ? 'ändring' : 'ändringar'}; ${m.layout === undefined ? 'övriga rader oförändrade' : 'kommentarer och ordning behållna'}):\n${list}${layout}`);
  return 0;
}
