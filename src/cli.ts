// The command line: flags, Swedish help, lazy imports of each command, and the one catch that
// maps errors to exit codes (0 ok, 1 problems found, 2 could not do the job).
import { Argument, Command, CommanderError, Help, Option } from 'commander';
import { FsstodError, formatError } from './errors.js';
import { processIO, type IO } from './io.js';
import { setNoticeSink } from './notices.js';
import { asciiWords, carriers, dokumentWords } from './content/dokument.js';
import { joinSv } from './text.js';

const TITLES: Record<string, string> = {
  'Usage:': 'Användning:', 'Options:': 'Flaggor:', 'Commands:': 'Kommandon:',
  'Arguments:': 'Argument:', 'Global Options:': 'Gemensamma flaggor:',
};

/**
 * The documents' names in help texts come from the method (content/begrepp.yaml, dokument), read
 * only when help is shown (a command that shows no help never reads the method for it): «dokument»
 * becomes "lägesbild, handlingsplan eller uppföljning", «lista» "lägesbild, handlingsplan, uppföljning",
 * «ascii» the spellings without å, ä, ö; «alla-…» the same with the tjänsteskrivelse, «bär» what it may carry.
 */
function documentNames(s: string): string {
  if (!s.includes('«')) return s;
  return s.replace(/«dokument»/g, () => dokumentWords()).replace(/«lista»/g, () => dokumentWords(',')).replace(/«ascii»/g, () => asciiWords())
    .replace(/«alla-dokument»/g, () => dokumentWords('eller', true)).replace(/«alla-lista»/g, () => dokumentWords(',', true)).replace(/«alla-ascii»/g, () => asciiWords(true))
    .replace(/«bär»/g, () => carriers().flatMap((d) => d.bär ?? []).join(', '));
}

class SwedishHelp extends Help {
  override styleTitle(str: string): string {
    return TITLES[str] ?? str;
  }
  override commandUsage(cmd: Command): string {
    return super.commandUsage(cmd).replace('[options]', '[flaggor]').replace('[command]', '[kommando]');
  }
  override subcommandTerm(cmd: Command): string {
    return super.subcommandTerm(cmd).replace('[options]', '[flaggor]');
  }
  override subcommandDescription(cmd: Command): string {
    return documentNames(super.subcommandDescription(cmd));
  }
  override commandDescription(cmd: Command): string {
    return documentNames(super.commandDescription(cmd));
  }
  override argumentDescription(argument: Argument): string {
    return withExtra(documentNames(argument.description), argument.argChoices, argument.defaultValue, argument.defaultValueDescription);
  }
  override optionDescription(option: Option): string {
    // Flags without a value (booleans) show no default, as commander does.
    const shows = option.required || option.optional;
    return withExtra(documentNames(option.description), option.argChoices, shows ? option.defaultValue : undefined, option.defaultValueDescription);
  }
}

/** "(val: text, json; standard: text)": choices and default in words, never as JSON. */
function withExtra(description: string, choices: readonly string[] | undefined, def: unknown, defDescription: string | undefined): string {
  const extra: string[] = [];
  if (choices?.length) extra.push(`val: ${choices.join(', ')}`);
  if (def !== undefined) extra.push(`standard: ${defDescription ?? (Array.isArray(def) ? def.join(' ') : String(def))}`);
  return extra.length ? `${description}${description ? ' ' : ''}(${extra.join('; ')})` : description;
}

const DEFAULT_FILE = 'projekt.yaml';
/** --fail-severity in Swedish (fel, varning, info) or as in SARIF/ESLint (error, warning). */
const SEVERITY_OF: Record<string, string> = { fel: 'error', varning: 'warning' };
const list = (v: string, prev: string[] = []) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

function build(io: IO, run: (p: Promise<number>) => void): Command {
  const program = new Command('fsstöd');
  program.createHelp = () => new SwedishHelp();
  program
    .description('Bygg kommunens föräldraskapsstöd steg för steg enligt Länsstyrelsernas metodstöd 2023:5.')
    .helpOption('-h, --help', 'visa hjälp')
    .helpCommand('help [kommando]', 'visa hjälp för ett kommando')
    .option('--debug', 'visa tekniska detaljer (stackspår) vid fel')
    .addHelpText('after', `
Exempel:
  fsstöd init --kommun Örebro           skapa projekt.yaml för Örebro kommun
  fsstöd step 3                         gå igenom steg 3 (analys) och spara svaren
  fsstöd status examples/*/projekt.yaml  se hur långt kommunerna kommit
  fsstöd render handlingsplan           skapa handlingsplanen som DOCX och PDF
  fsstöd check --for handlingsplan      kontrollera att planen är klar för beslut`)
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => {} })
    .exitOverride();
  program.version(VERSION, '-V, --version', 'visa versionsnummer');

  const sub = (name: string, parent: Command = program) => {
    const c = parent.command(name).helpOption('-h, --help', 'visa hjälp');
    c.createHelp = () => new SwedishHelp();
    return c.configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: () => {} }).exitOverride();
  };

  sub('init')
    .description('skapa en ny projektfil för en kommun eller flera samverkande kommuner')
    .argument('[fil]', 'projektfilen som skapas', DEFAULT_FILE)
    .option('-k, --kommun <namn>', 'kommunens namn eller kommunkod; upprepa eller separera med komma för samverkan', list)
    .option('--namn <text>', 'projektets namn')
    .option('--period <år-år>', 'planperiod, t.ex. 2026-2029')
    .action((fil, o) => run(import('./commands/init.js').then((m) => m.init({ fil, ...o }, io))));

  sub('step')
    .alias('steg')
    .description('gå igenom ett steg i metoden (1–6): moment, frågor och checklista; varje svar sparas direkt')
    .argument('<steg>', 'stegets nummer, 1–6')
    .argument('[fil]', 'projektfilen', DEFAULT_FILE)
    .option('--moment <nr>', 'börja vid ett moment, t.ex. 3.2')
    .option('--checklista', 'fråga bara stegets checklista')
    .option('--bara-tomma', 'fråga bara det som ännu inte är besvarat (för att fortsätta)')
    .option('--svar <fil>', 'ta stegets svar från en YAML- eller JSON-fil i stället för att fråga')
    .action((steg, fil, o) => run(import('./commands/step.js').then((m) => m.step({ steg, fil, moment: o.moment, checklista: Boolean(o.checklista), baraTomma: Boolean(o.baraTomma), svar: o.svar }, io))));

  sub('visa')
    .description('skriv ut ett stegs svar (eller alla steg) som läsbar text, moment för moment, t.ex. inför ett möte')
    .argument('[steg]', 'stegets nummer, 1–6 (standard: alla steg)')
    .argument('[fil]', 'projektfilen (standard: projekt.yaml)')
    .action((steg, fil) => run(import('./commands/visa.js').then((m) => m.visa({ steg, fil }, io))));

  sub('migrera')
    .description('uppgradera en projektfil till den senaste formatversionen (2); kommentarer och ordning behålls')
    .argument('[fil]', 'projektfilen', DEFAULT_FILE)
    .option('--torrkörning', 'visa vad som skulle ändras, utan att spara')
    .action((fil, o) => run(import('./commands/migrate.js').then((m) => m.migrate({ fil, torrkörning: Boolean(o.torrkörning) }, io))));

  sub('status')
    .description('visa hur mycket av varje steg som är besvarat; flera filer ger en tabell med en rad per kommun')
    .argument('[filer...]', 'projektfiler', [DEFAULT_FILE])
    .option('--json', 'skriv resultatet som JSON')
    .action((filer, o) => run(import('./commands/status.js').then((m) => m.status({ filer, json: Boolean(o.json) }, io))));

  sub('validate')
    .description('kontrollera projektfilen mot schemat och att alla id-hänvisningar finns')
    .argument('[fil]', 'projektfilen', DEFAULT_FILE)
    .option('--json', 'skriv felen som JSON')
    .action((fil, o) => run(import('./commands/validate.js').then((m) => m.validate({ fil, json: Boolean(o.json) }, io))));

  sub('check')
    .description('kontrollera om planen är komplett och hållbar (för CI); avslutas med 1 om något når --fail-severity')
    .argument('[filer...]', 'projektfiler eller mönster (t.ex. "kommuner/*.yaml")', [DEFAULT_FILE])
    .addOption(new Option('-f, --format <format>', 'utdataformat').choices(['text', 'json', 'junit', 'sarif', 'github']).default('text'))
    .addOption(new Option('--fail-severity <nivå>', 'lägsta allvarlighetsgrad som ger exitkod 1').choices(['fel', 'varning', 'info', 'error', 'warning']).default('fel'))
    .option('--for <dokument>', 'kontrollera om filen är klar för ett dokument: «dokument»')
    .option('--steg <nr>', 'kontrollera bara ett steg (1–6)')
    .option('--konfig <fil>', 'regelkonfiguration (standard: .fsstod-check.yaml om den finns)')
    .action((filer, o) => run(import('./commands/check.js').then((m) => m.check({ filer, format: o.format, failSeverity: SEVERITY_OF[o.failSeverity as string] ?? o.failSeverity, for: o.for, steg: o.steg, konfig: o.konfig }, io))));

  sub('render')
    .description('skapa «alla-dokument» som DOCX, PDF och HTML')
    .argument('<dokument>', '«alla-lista» eller alla (även «alla-ascii»)')
    .argument('[fil]', 'projektfilen', DEFAULT_FILE)
    .option('--format <format>', 'format, kommaseparerade: docx, pdf, html', 'docx,pdf')
    .option('--ut <mapp>', 'mapp för de skapade filerna', 'ut')
    .option('--mallar <mapp>', 'egna mallar som ersätter de inbyggda')
    .option('--strikt', 'vägra skapa dokumentet om något som behövs saknas')
    .option('--namn <text>', 'filernas namn utan ändelse; med alla läggs dokumentet till (standard: kommun-dokument-datum)')
    .option('--profil <mapp>', 'kommunens profil: mapp med profil.yaml, logotyp, typsnitt och Word-mall (ersätter dokument.profil i projektfilen)')
    .option('--for <dokument>', 'för tjänsteskrivelsen: dokumentet den bär till beslut, «bär» (standard: det första)')
    .action((dokument, fil, o) => run(import('./commands/render.js').then((m) => m.render({ dokument, fil, format: o.format, ut: o.ut, mallar: o.mallar, strikt: Boolean(o.strikt), namn: o.namn, profil: o.profil, för: o.for }, io))));

  const nyckeltal = sub('nyckeltal')
    .description('nyckeltal från Kolada (RKA) till målgruppsanalysen (3.1): sök, hämta (kräver internet) eller importera ett sparat svar');
  sub('sök', nyckeltal)
    .alias('sok')
    .description('sök nyckeltal i Kolada vars namn innehåller ordet (kräver internet)')
    .argument('<ord>', 'ord i nyckeltalets namn, t.ex. "ekonomiskt utsatta"')
    .action((ord) => run(import('./commands/nyckeltal.js').then((m) => m.sök({ ord }, io))));
  sub('hämta', nyckeltal)
    .alias('hamta')
    .description('hämta nyckeltal från Kolada till projektfilen, för varje kommun och med jämförelser (kräver internet)')
    .argument('<id...>', 'nyckeltalens id i Kolada (t.ex. N15033), sist projektfilen om den inte heter projekt.yaml')
    .option('--år <år>', 'året som hämtas (standard: det senaste år Kolada har)')
    .option('--ar <år>', 'samma som --år')
    .option('--torrkörning', 'visa vad som skulle ändras, utan att spara')
    .option('--torrkorning', 'samma som --torrkörning')
    .action((argument, o) => run(import('./commands/nyckeltal.js').then((m) => m.hämta({ argument, år: o.år ?? o.ar, torrkörning: Boolean(o.torrkörning || o.torrkorning) }, io))));
  sub('importera', nyckeltal)
    .description('läs in nyckeltal från ett svar som sparats från Kolada (JSON), utan internet')
    .argument('<svar.json>', 'svaret från Kolada API v2, eller en lista [svar1, svar2]')
    .argument('[fil]', 'projektfilen', DEFAULT_FILE)
    .option('--år <år>', 'bara det året (standard: det senaste året i svaret)')
    .option('--ar <år>', 'samma som --år')
    .option('--torrkörning', 'visa vad som skulle ändras, utan att spara')
    .option('--torrkorning', 'samma som --torrkörning')
    .action((svar, fil, o) => run(import('./commands/nyckeltal.js').then((m) => m.importera({ svar, fil, år: o.år ?? o.ar, torrkörning: Boolean(o.torrkörning || o.torrkorning) }, io))));

  sub('översikt')
    .alias('oversikt')
    .description('länsstyrelsens översikt över alla kommuner i ett län: DOCX, PDF, HTML och CSV; --jämför visar förändringen sedan förra året')
    .argument('[filer...]', 'projektfiler, mappar eller mönster (standard: mappen du står i)')
    .option('--län <namn|kod>', 'länet, t.ex. "Örebro län" eller 18; riket för hela landet (standard: filernas län)')
    .option('--format <format>', 'format, kommaseparerade: docx, pdf, html, csv', 'docx,pdf,csv')
    .option('--ut <mapp>', 'mapp för de skapade filerna', 'ut')
    .option('--jämför <mapp>', 'förra årets projektfiler att jämföra med')
    .option('--mallar <mapp>', 'egna mallar som ersätter de inbyggda (översikt/dokument.md.hbs)')
    .action((filer, o) => run(import('./commands/oversikt.js').then((m) => m.oversikt({ filer, län: o.län, format: o.format, ut: o.ut, jämför: o.jämför, mallar: o.mallar }, io))));

  return program;
}

declare const VERSION: string;

const quoted = (m: string) => m.match(/'([^']+)'/)?.[1] ?? '';
const COMMANDER_MESSAGES: Record<string, (m: string) => string> = {
  'commander.unknownOption': (m) => `okänd flagga ${quoted(m)}`,
  'commander.unknownCommand': (m) => `okänt kommando ${quoted(m)}`,
  'commander.missingArgument': (m) => `argumentet ${quoted(m)} saknas`,
  'commander.optionMissingArgument': (m) => `flaggan ${quoted(m)} behöver ett värde`,
  'commander.missingMandatoryOptionValue': (m) => `flaggan ${quoted(m)} måste anges`,
  'commander.conflictingOption': () => 'två flaggor som inte går att kombinera',
  'commander.excessArguments': (m) => `för många argument (${m.match(/got (\d+)/)?.[1] ?? '?'} angivna, högst ${m.match(/Expected (\d+)/)?.[1] ?? '?'})`,
  'commander.invalidArgument': invalidArgument,
};

/**
 * commander's "option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are a, b."
 * (and the same for a command argument) in Swedish: the value, the flag, and what is allowed.
 */
function invalidArgument(m: string): string {
  const opt = m.match(/option '([^']+)' argument '([^']*)' is invalid/);
  const arg = m.match(/command-argument value '([^']*)' is invalid for argument '([^']+)'/);
  const allowed = m.match(/Allowed choices are (.+?)\.?$/m)?.[1];
  const flag = opt ? (opt[1]!.match(/--[^\s,]+/)?.[0] ?? opt[1]!) : undefined;
  const head = opt ? `ogiltigt värde "${opt[2]}" för ${flag}` : arg ? `ogiltigt värde "${arg[1]}" för ${arg[2]}` : 'ogiltigt värde';
  return allowed ? `${head}; tillåtna värden är ${allowed}` : head;
}

/** commander's "(Did you mean x?)" / "(Did you mean one of x, y?)" as "menade du x?". */
function suggestion(m: string, program: Command): string {
  const s = m.match(/\(Did you mean (?:one of )?(.+)\?\)/)?.[1];
  if (!s) return '';
  // An alias beside its command (steg, step) is one suggestion.
  const aliasOf = new Map(program.commands.flatMap((c) => c.aliases().map((a) => [a, c.name()] as const)));
  const parts = s.split(', ').filter((x, _i, all) => !(aliasOf.has(x) && all.includes(aliasOf.get(x)!)));
  return `menade du ${joinSv(parts, 'eller')}?`;
}

export async function main(argv: string[], io: IO = processIO()): Promise<number> {
  const debug = argv.includes('--debug');
  let pending: Promise<number> | undefined;
  setNoticeSink((display, message, hint) => io.err(`${display}: obs: ${message}\n  → ${hint}\n`));
  const program = build(io, (p) => { pending = p; });
  let code = 0;
  try {
    await program.parseAsync(argv);
    if (pending) code = await pending;
  } catch (e) {
    code = report(e, io, debug, argv, program);
  }
  // Output that could not be written is a job not done, whatever the command found (src/io.ts).
  return io.failed?.() ? 2 : code;
}

/** Entry of a check worker thread (src/check/parallel.ts starts it through bin/load-cli.cjs). */
export async function checkWorker(): Promise<void> {
  (await import('./check/parallel.js')).serveWorker();
}

/** Entry of the översikt's worker thread (src/oversikt/parallel.ts starts it through bin/load-cli.cjs). */
export async function oversiktWorker(): Promise<void> {
  (await import('./oversikt/parallel.js')).serveWorker();
}

/** " eller fsstöd check --help" when the arguments name a command. */
function helpFor(argv: string[], program: Command): string {
  const cmd = argv.slice(2).find((a) => !a.startsWith('-'));
  return cmd && program.commands.some((c) => c.name() === cmd || c.aliases().includes(cmd)) ? ` eller fsstöd ${cmd} --help` : '';
}

function report(e: unknown, io: IO, debug: boolean, argv: string[], program: Command): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    const msg = COMMANDER_MESSAGES[e.code]?.(e.message) ?? e.message.replace(/^error: /, '');
    const hint = suggestion(e.message, program);
    io.err(`fel: ${msg}\n  → ${hint ? `${hint[0]!.toUpperCase()}${hint.slice(1)} ` : ''}Se fsstöd --help${helpFor(argv, program)}\n`);
    return 2;
  }
  if (e instanceof FsstodError) {
    io.err(formatError(e) + '\n');
    if (debug && e.stack) io.err(e.stack + '\n');
    return e.exitCode;
  }
  const err = e as Error;
  io.err(`fel: ett internt fel inträffade i fsstöd (${err?.message ?? String(e)}). Din projektfil har inte ändrats.\n  → Kör igen med --debug och rapportera felet.\n`);
  if (debug && err?.stack) io.err(err.stack + '\n');
  return 2;
}
