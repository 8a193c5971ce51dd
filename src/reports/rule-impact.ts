import type { CaseListing } from '../client/case-listing';
import { caseIdOf } from '../domain/identifiers';
import type { Rulebook } from '../rulebook';
import type { RulePin } from '../rules/computed-deadline';
import { calendarFallbackYears } from '../rules/explain/phrasebook';
import { ruleVersionsOf, sameRuleVersions } from '../rules/rule-pin';
import { renderExplanation } from '../rules';
import type { ComputedDeadline, LocalDate } from '../rules/types';
import type { CaseComputation, CaseComputations } from '../store/case-computations';
import type { ReportScope } from './deadline-report';

/** How one deadline of a case would read under the installed rule data. */
export interface DeadlineImpact {
  /** `<event id>:<rule id>`, as the case names it. */
  deadlineId: string;
  title: ComputedDeadline['title'];
  kind: string;
  /** The date the case holds now, absent for a deadline the installed data adds. */
  from?: LocalDate;
  /** The date under the installed data, absent for a deadline it no longer gives. */
  to?: LocalDate;
  /** The date moves earlier: a migration escalates it. */
  earlier: boolean;
  /** Lines of the English explanation that go and that come (the versions line aside). */
  explanation: { removed: string[]; added: string[] };
  /** Years counted on weekends and fixed holidays alone that the installed calendar now covers. */
  fallbackCovered: number[];
}

export interface CaseImpact {
  caseNumber: string;
  office: string;
  caseworker: string;
  jurisdiction: string;
  procedure: string;
  /** The versions the case is pinned to (absent when its deadlines predate versions). */
  pinned?: RulePin;
  installed: RulePin;
  deadlines: DeadlineImpact[];
}

export interface RuleImpact {
  generatedAt: string;
  /** The rule data files installed (`built-in` for the shipped data alone). */
  installedFiles: readonly string[];
  casesChecked: number;
  /** Running cases pinned to other versions than the installed ones, whose deadlines would not change at all. */
  pinnedUnchanged: number;
  /** Cases whose dates stay and whose explanations alone would read differently (a calendar's source renamed): no need to migrate. */
  wordingOnly: string[];
  /**
   * Running cases with no computation on record: computed before the register kept them (an earlier release).
   * They stay pinned to the versions their deadlines name, and are assessed here from their next computation on.
   */
  unrecorded: string[];
  /** Cases where a date would move, a deadline come or go, or a year counted with the fallback is now covered. */
  affected: CaseImpact[];
}

export interface RuleImpactSources {
  listing: Pick<CaseListing, 'scan'>;
  computations: Pick<CaseComputations, 'ofCases'>;
  rulebook: Pick<Rulebook, 'installed'>;
}

const BATCH = 500;

/** The explanation a reader compares: the same text staff see, without the versions line that always differs. */
function explanationLines(deadline: ComputedDeadline): string[] {
  const { ruleData: _ruleData, ...rest } = deadline;
  return renderExplanation(rest, 'en').split('\n');
}

function lineDiff(before: readonly string[], after: readonly string[]): DeadlineImpact['explanation'] {
  const kept = new Set(after);
  const had = new Set(before);
  return { removed: before.filter((line) => !kept.has(line)), added: after.filter((line) => !had.has(line)) };
}

function deadlineImpact(eventId: string, before: ComputedDeadline | undefined, after: ComputedDeadline | undefined): DeadlineImpact | undefined {
  const shown = (after ?? before)!;
  const explanation = lineDiff(before ? explanationLines(before) : [], after ? explanationLines(after) : []);
  if (before && after && before.dueDate === after.dueDate && explanation.removed.length === 0 && explanation.added.length === 0) return undefined;
  const stillFallback = new Set(after ? calendarFallbackYears(after.warnings) : []);
  return {
    deadlineId: `${eventId}:${shown.ruleId}`,
    title: shown.title,
    kind: shown.kind,
    ...(before ? { from: before.dueDate } : {}),
    ...(after ? { to: after.dueDate } : {}),
    earlier: before !== undefined && after !== undefined && after.dueDate < before.dueDate,
    explanation,
    fallbackCovered: before ? calendarFallbackYears(before.warnings).filter((year) => !stillFallback.has(year)) : [],
  };
}

/** Each rule the event's deadlines came from, compared before and after. */
function eventImpact(computation: CaseComputation, recomputed: readonly ComputedDeadline[]): DeadlineImpact[] {
  const ruleIds = [...new Set([...computation.deadlines, ...recomputed].map((deadline) => deadline.ruleId))];
  return ruleIds.flatMap((ruleId) => {
    const impact = deadlineImpact(
      computation.eventId,
      computation.deadlines.find((deadline) => deadline.ruleId === ruleId),
      recomputed.find((deadline) => deadline.ruleId === ruleId),
    );
    return impact ? [impact] : [];
  });
}

/**
 * What the installed rule data would change in the running cases: each case's current computations, as
 * the register keeps them, are computed again with the installed data and compared deadline by deadline.
 * A case already on the installed versions is skipped unread; no workflow is asked or touched.
 */
export async function ruleImpact(sources: RuleImpactSources, scope: ReportScope, now: Date): Promise<RuleImpact> {
  const installed = await sources.rulebook.installed();
  const affected: CaseImpact[] = [];
  const wordingOnly: string[] = [];
  const unrecorded: string[] = [];
  let casesChecked = 0;
  let pinnedUnchanged = 0;
  const assess = async (batch: Array<{ caseNumber: string; office: string; caseworker: string; jurisdiction: string; procedure: string }>) => {
    const byCase = new Map<string, CaseComputation[]>();
    for (const computation of await sources.computations.ofCases(batch.map((item) => caseIdOf(item.caseNumber)))) {
      byCase.set(computation.caseId, [...(byCase.get(computation.caseId) ?? []), computation]);
    }
    for (const item of batch) {
      const computations = byCase.get(caseIdOf(item.caseNumber)) ?? [];
      if (computations.length === 0) {
        unrecorded.push(item.caseNumber);
        continue;
      }
      const current = installed.engine.ruleDataOf(item.jurisdiction, item.procedure);
      const pinned = ruleVersionsOf(computations.flatMap((computation) => computation.deadlines));
      if (!pinned || sameRuleVersions(pinned, current)) continue;
      const deadlines = computations.flatMap((computation) => {
        const reminders = computation.reminderOffsetsDays && { offsetsDays: computation.reminderOffsetsDays };
        return eventImpact(computation, installed.engine.computeDeadlines(computation.request, reminders));
      });
      const material = deadlines.filter((deadline) => deadline.from !== deadline.to || deadline.fallbackCovered.length > 0);
      if (material.length > 0) {
        const { caseNumber, office, caseworker, jurisdiction, procedure } = item;
        affected.push({ caseNumber, office, caseworker, jurisdiction, procedure, pinned, installed: current, deadlines: material });
      } else if (deadlines.length > 0) wordingOnly.push(item.caseNumber);
      else pinnedUnchanged += 1;
    }
  };
  let batch: Parameters<typeof assess>[0] = [];
  for await (const item of sources.listing.scan({ ...scope })) {
    casesChecked += 1;
    batch.push(item);
    if (batch.length === BATCH) {
      await assess(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await assess(batch);
  return { generatedAt: now.toISOString(), installedFiles: installed.files, casesChecked, pinnedUnchanged, wordingOnly: wordingOnly.sort(), unrecorded: unrecorded.sort(), affected };
}
