import { z } from 'zod';
import { loadCalendar } from './calendar/load-calendar';
import { ChangeEntrySchema } from './changelog';
import type { JurisdictionDefinition } from './engine';
import { RulesError } from './errors';
import { loadRulePack } from './pack/load-pack';
import { rulesErrorFromZod } from './zod-issues';

/** One file of an organisation's rule data directory, already parsed from JSON or YAML. */
export interface RuleDataFile {
  /** As the organisation names it, e.g. `calendars/ru-2028.yaml`: every error starts with it. */
  file: string;
  kind: 'calendar' | 'pack';
  content: unknown;
}

/**
 * A calendar file either replaces a shipped calendar whole (it has the shipped calendar's `id`) or extends one:
 * `extends: ru-production` with the new year table rows (a new year's decree, or a corrected year, which
 * replaces the shipped row of that year) and the changelog entries that say what changed and on whose authority.
 */
const CalendarExtensionSchema = z.strictObject({
  extends: z.string().min(1),
  yearTable: z.array(z.looseObject({ year: z.number().int() })).min(1),
  changelog: z.array(ChangeEntrySchema).min(1, 'say in the changelog what changed and on whose authority'),
});

/** Data from a file must say what it changed: a file without a changelog entry would hide a change behind an old label. */
const WithChangelogSchema = z.looseObject({
  changelog: z.array(z.unknown()).min(1, 'say in the changelog what changed and on whose authority'),
});

function inFile(file: string, error: unknown): never {
  if (error instanceof RulesError) throw new RulesError(error.code, `${file}: ${error.reason}`, error.path);
  throw error;
}

function calendarIdOf(definition: JurisdictionDefinition): string {
  const calendar = definition.calendar;
  return typeof calendar === 'object' && calendar !== null && 'id' in calendar ? String(calendar.id) : '';
}

function extendCalendar(base: Record<string, unknown>, extension: z.output<typeof CalendarExtensionSchema>): Record<string, unknown> {
  const rows = Array.isArray(base.yearTable) ? (base.yearTable as Array<{ year: number }>) : [];
  const replaced = new Set(extension.yearTable.map((row) => row.year));
  return {
    ...base,
    yearTable: [...rows.filter((row) => !replaced.has(row.year)), ...extension.yearTable].sort((a, b) => a.year - b.year),
    changelog: [...(Array.isArray(base.changelog) ? base.changelog : []), ...extension.changelog],
  };
}

/**
 * The shipped jurisdictions with an organisation's rule data applied, files taken in the order given (the
 * rulebook sorts them by name). Each file is checked on its own first, so an error names the file and the
 * field; the engine built from the result checks the rest (lifecycles against a replaced pack).
 */
export function withRuleDataFiles(builtIns: readonly JurisdictionDefinition[], files: readonly RuleDataFile[]): JurisdictionDefinition[] {
  const definitions = builtIns.map((definition) => ({ ...definition, packs: [...definition.packs] }));
  const replacedPacks = new Map<string, string>();
  for (const { file, kind, content } of files) {
    if (kind === 'calendar') {
      const extension = typeof content === 'object' && content !== null && 'extends' in content;
      const parsed = extension ? CalendarExtensionSchema.safeParse(content) : WithChangelogSchema.safeParse(content);
      if (!parsed.success) throw rulesErrorFromZod('invalid-calendar', `${file}: the calendar is malformed`, parsed.error);
      const id = extension ? (parsed.data as z.output<typeof CalendarExtensionSchema>).extends : String((content as { id?: unknown }).id ?? '');
      const target = definitions.find((definition) => calendarIdOf(definition) === id);
      if (!target) {
        const known = definitions.map(calendarIdOf).join(', ');
        throw new RulesError('invalid-calendar', `${file}: no shipped calendar has the id "${id}"; known: ${known}`, extension ? 'extends' : 'id');
      }
      const calendar = extension ? extendCalendar(target.calendar as Record<string, unknown>, parsed.data as z.output<typeof CalendarExtensionSchema>) : content;
      try {
        loadCalendar(calendar);
      } catch (error) {
        inFile(file, error);
      }
      target.calendar = calendar;
      continue;
    }
    const parsed = WithChangelogSchema.safeParse(content);
    if (!parsed.success) throw rulesErrorFromZod('invalid-pack', `${file}: the rule pack is malformed`, parsed.error);
    let pack;
    try {
      pack = loadRulePack(content);
    } catch (error) {
      inFile(file, error);
    }
    const name = `${pack.jurisdiction}/${pack.procedure}`;
    const earlier = replacedPacks.get(name);
    if (earlier) throw new RulesError('invalid-pack', `${file}: rule pack ${name} is already given by ${earlier}; keep one file per pack`, 'procedure');
    replacedPacks.set(name, file);
    const target = definitions.find((definition) => definition.code === pack.jurisdiction);
    if (!target) {
      throw new RulesError('invalid-pack', `${file}: unknown jurisdiction "${pack.jurisdiction}"; known: ${definitions.map((definition) => definition.code).join(', ')}`, 'jurisdiction');
    }
    const procedureOf = (raw: unknown) => (typeof raw === 'object' && raw !== null && 'procedure' in raw ? String(raw.procedure) : '');
    // In place, so that the listings keep the shipped order; a new procedure comes last.
    const shipped = target.packs.findIndex((candidate) => procedureOf(candidate) === pack.procedure);
    target.packs = shipped < 0 ? [...target.packs, content] : target.packs.map((candidate, index) => (index === shipped ? content : candidate));
  }
  return definitions;
}
