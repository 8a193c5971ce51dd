import type { Logger } from '../logging';
import { BUILT_IN_JURISDICTIONS } from '../rules/jurisdictions';
import { createDeadlineEngine, type DeadlineEngine, type JurisdictionDefinition } from '../rules/engine';
import { RulesError } from '../rules/errors';
import { withRuleDataFiles } from '../rules/rule-data-files';
import type { RulePin } from '../rules/computed-deadline';
import { sameRuleVersions } from '../rules/rule-pin';
import type { ComputedDeadline, DeadlineRequest, ReminderSchedule } from '../rules/types';
import type { ArchivedRuleData, RuleDataArchive } from '../store/rule-data-archive';
import { listRuleDataDir, readRuleDataFiles } from './rule-data-dir';
import { RuleDataDirError } from './rule-data-dir-error';


/** The rule data now installed: the shipped data with the organisation's directory applied. */
export interface InstalledRules {
  engine: DeadlineEngine;
  definitions: readonly JurisdictionDefinition[];
  /** `built-in` or the directory's files, for the pages and the log. */
  files: readonly string[];
}

export interface RulebookOptions {
  /** DOCKET_RULES_DIR; without it the shipped data is installed. */
  dir?: string | undefined;
  /** Where versions are kept so a pinned case is computed with its own; without it, every computation uses the installed data. */
  archive?: RuleDataArchive;
  logger?: Logger;
}

const packKey = (jurisdiction: string, procedure: string) => `${jurisdiction.trim().toUpperCase()}/${procedure.trim()}`;

function procedureOf(raw: unknown): string {
  return typeof raw === 'object' && raw !== null && 'procedure' in raw ? String(raw.procedure) : '';
}

/** Each pack and calendar of the definitions with the version the engine gave it, ready to archive. */
function versionsOf(engine: DeadlineEngine, definitions: readonly JurisdictionDefinition[]): ArchivedRuleData[] {
  return definitions.flatMap((definition) =>
    definition.packs.flatMap((pack, index) => {
      const versions = engine.ruleDataOf(definition.code, procedureOf(pack));
      const calendar: ArchivedRuleData[] = index === 0 ? [{ kind: 'calendar', version: versions.calendar, content: definition.calendar }] : [];
      return [...calendar, { kind: 'pack', version: versions.pack, content: pack }];
    }),
  );
}

/**
 * Which rule data computes a case's deadlines. The installed data is the shipped data with DOCKET_RULES_DIR
 * applied, reloaded when a file there is added, removed or rewritten (a broken file keeps the previous data
 * installed and is logged; at start it stops the engine). Every version loaded is archived, so a case pinned
 * to a version is computed with exactly that data until it is migrated.
 */
export class Rulebook {
  private installedNow!: InstalledRules;
  private fingerprint = '';
  private loading: Promise<void> | undefined;
  private readonly pinned = new Map<string, DeadlineEngine>();

  private constructor(private readonly options: RulebookOptions) {}

  /** Loads the installed data; a broken rule data directory fails here, with the file and field at fault. */
  static async open(options: RulebookOptions = {}): Promise<Rulebook> {
    const rulebook = new Rulebook(options);
    await rulebook.reload(true);
    return rulebook;
  }

  /** The installed rule data, reloaded first when the directory changed. */
  async installed(): Promise<InstalledRules> {
    if (this.options.dir) {
      this.loading ??= this.reload(false).finally(() => (this.loading = undefined));
      await this.loading;
    }
    return this.installedNow;
  }

  private async reload(first: boolean): Promise<void> {
    const { dir, logger } = this.options;
    try {
      const listing = dir ? await listRuleDataDir(dir) : { files: [], fingerprint: '' };
      if (!first && listing.fingerprint === this.fingerprint) return;
      const files = await readRuleDataFiles(listing);
      const definitions = withRuleDataFiles(BUILT_IN_JURISDICTIONS, files);
      let engine: DeadlineEngine;
      try {
        engine = createDeadlineEngine(definitions);
      } catch (error) {
        if (error instanceof RulesError) throw new RuleDataDirError(`the rule data in ${dir} does not fit the shipped procedures: ${error.message}`);
        throw error;
      }
      await this.options.archive?.keep(versionsOf(engine, definitions));
      this.installedNow = { engine, definitions, files: files.length > 0 ? files.map((file) => file.file) : ['built-in'] };
      this.fingerprint = listing.fingerprint;
      if (!first) logger?.info('installed new rule data', { files: this.installedNow.files });
    } catch (error) {
      const failure = error instanceof RulesError ? new RuleDataDirError(`DOCKET_RULES_DIR: ${error.message}`) : error;
      if (first) throw failure;
      logger?.error('the rule data directory changed but cannot be installed; the previous rule data stays installed', {
        error: failure instanceof Error ? failure.message : String(failure),
      });
    }
  }

  /**
   * The deadlines of a request, computed with the versions the case is pinned to, or with the installed ones
   * when it has none yet (its first computation pins it) or was just migrated. A pinned version missing from
   * the archive (kept before versions were archived) cannot be reproduced: the installed one applies, and each
   * deadline says so in a warning.
   */
  async compute(request: DeadlineRequest, reminders?: ReminderSchedule, pin?: RulePin): Promise<ComputedDeadline[]> {
    const installed = await this.installed();
    const current = installed.engine.ruleDataOf(request.jurisdiction, request.procedure);
    if (!pin) return installed.engine.computeDeadlines(request, reminders).map((deadline) => stamp(deadline, 'installed'));
    const same = sameRuleVersions(pin, current);
    const engine = same ? installed.engine : await this.pinnedEngine(request, pin, installed);
    if (!engine) {
      const missing: ComputedDeadline['warnings'][number] = {
        en: `The rule data this case is pinned to (${pin.pack.id} ${pin.pack.label} #${pin.pack.hash}, ${pin.calendar.id} ${pin.calendar.label} #${pin.calendar.hash}) is not in the archive; the installed versions applied.`,
        ru: `Данные правил, закреплённые за делом (${pin.pack.id} ${pin.pack.label} #${pin.pack.hash}, ${pin.calendar.id} ${pin.calendar.label} #${pin.calendar.hash}), не найдены в архиве; применены установленные версии.`,
      };
      return installed.engine
        .computeDeadlines(request, reminders)
        .map((deadline) => ({ ...stamp(deadline, 'installed'), warnings: [...deadline.warnings, missing] }));
    }
    return engine.computeDeadlines(request, reminders).map((deadline) => stamp(deadline, 'pinned', same ? undefined : current));
  }

  /** An engine over the archived pack and calendar of the pin alone, built once per pin. */
  private async pinnedEngine(request: DeadlineRequest, pin: RulePin, installed: InstalledRules): Promise<DeadlineEngine | undefined> {
    const key = `${packKey(request.jurisdiction, request.procedure)}#${pin.pack.hash}#${pin.calendar.hash}`;
    const cached = this.pinned.get(key);
    if (cached) return cached;
    const archive = this.options.archive;
    const definition = installed.definitions.find((candidate) => candidate.code === request.jurisdiction.trim().toUpperCase());
    if (!archive || !definition) return undefined;
    const [pack, calendar] = await Promise.all([archive.find('pack', pin.pack.hash), archive.find('calendar', pin.calendar.hash)]);
    if (!pack || !calendar) return undefined;
    // Lifecycles stay out: they belong to the release and are checked against the installed pack; computing needs none.
    const engine = createDeadlineEngine([{ ...definition, calendar: calendar.content, packs: [pack.content], lifecycles: [] }]);
    const rebuilt = engine.ruleDataOf(request.jurisdiction, request.procedure);
    if (!sameRuleVersions(rebuilt, pin)) return undefined;
    this.pinned.set(key, engine);
    return engine;
  }
}

function stamp(deadline: ComputedDeadline, applied: 'installed' | 'pinned', installed?: RulePin): ComputedDeadline {
  if (!deadline.ruleData) return deadline;
  return { ...deadline, ruleData: { ...deadline.ruleData, applied, ...(installed ? { installed } : {}) } };
}
