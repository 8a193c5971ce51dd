import type { LocalizedText } from './localized-text';

/** What the engine knows, for listings (CLI `deadlines --list`, API discovery). */
export interface JurisdictionSummary {
  code: string;
  name: LocalizedText;
  zone: string;
  calendar: { id: string; name: LocalizedText; coverage: { from: number; to: number }; regions: string[] };
  procedures: string[];
}

export interface ParamSummary {
  name: string;
  default: number;
  min: number;
  max: number;
  status: 'policy' | 'unconfirmed';
  description: LocalizedText;
}

export interface ProcedureSummary {
  procedure: string;
  title: LocalizedText;
  params: ParamSummary[];
}

export interface FactSummary {
  name: string;
  type: 'date' | 'boolean' | 'enum';
  values?: string[];
  description: LocalizedText;
}

export interface EventSummary {
  event: string;
  title: LocalizedText;
  note?: LocalizedText;
  facts: FactSummary[];
  /** The deadlines the event can start (rules in force at some date, under some facts). */
  deadlines: Array<{
    ruleId: string;
    kind: string;
    title: LocalizedText;
    informational: boolean;
    /** Whether stays recorded on a case stop this clock. */
    stopsForRequestSuspensions: boolean;
    effectiveFrom: string;
    effectiveTo?: string;
  }>;
}
