import type { RuleDataVersion } from '../computed-deadline';
import { RulesError } from '../errors';
import { ruleDataVersion } from '../rule-data-version';
import type { LocalizedText } from '../localized-text';
import { rulesErrorFromZod } from '../zod-issues';
import { CalendarDataSchema } from './schema';
import { WorkingCalendar } from './working-calendar';

/** A jurisdiction's calendar with its regional variants (e.g. German Länder), all compiled and checked at load. */
export class CalendarFamily {
  constructor(
    readonly id: string,
    readonly name: LocalizedText,
    readonly regions: Readonly<Record<string, LocalizedText>>,
    /** The calendar data's version as loaded, which every deadline counted on it records. */
    readonly version: RuleDataVersion,
    private readonly base: WorkingCalendar,
    private readonly byRegion: ReadonlyMap<string, WorkingCalendar>,
  ) {}

  get coverage(): WorkingCalendar['coverage'] {
    return this.base.coverage;
  }

  /** The calendar for `region`, or the region-independent one. */
  forRegion(region?: string): WorkingCalendar {
    if (region === undefined) return this.base;
    const calendar = this.byRegion.get(region);
    if (!calendar) {
      throw new RulesError('invalid-request', `unknown region "${region}"; known: ${[...this.byRegion.keys()].join(', ') || 'none'}`);
    }
    return calendar;
  }
}

/** Validates calendar data and compiles it; a malformed calendar fails here with the path of the bad field. */
export function loadCalendar(raw: unknown): CalendarFamily {
  const parsed = CalendarDataSchema.safeParse(raw);
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : 'calendar';
  if (!parsed.success) throw rulesErrorFromZod('invalid-calendar', `calendar ${id} is malformed`, parsed.error);
  const data = parsed.data;
  const regions = data.regions ?? {};
  try {
    const byRegion = new Map(Object.keys(regions).map((region) => [region, WorkingCalendar.compile(data, region)] as const));
    return new CalendarFamily(data.id, data.name, regions, ruleDataVersion(data.id, data), WorkingCalendar.compile(data), byRegion);
  } catch (error) {
    if (error instanceof RulesError) throw new RulesError(error.code, `calendar ${id}: ${error.reason}`, error.path);
    throw error;
  }
}
