import { caseIdOf, caseNumberSchema } from '../domain/identifiers';
import type { CaseRegister, RecordedEntry } from '../store';
import type { AuditLog, RecordedAuditEntry } from './audit-log';

/**
 * Where an entry of the trail comes from. `access-log`: the API or CLI logged a request it handled,
 * refused ones included. `case-register`: a case's workflow recorded a command it applied, with its
 * actor, whichever way the command came and whether or not its sender lived to log it.
 */
export const AUDIT_SOURCES = ['access-log', 'case-register'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

export interface AuditTrailEntry extends RecordedAuditEntry {
  source: AuditSource;
}

export interface AuditTrailFilter {
  target?: string;
  /** One source only; both when left out. */
  source?: AuditSource;
  limit?: number;
}

/**
 * The audit admins read: the access log merged with the commands the cases themselves recorded, newest
 * first. A request cut off by a crash after Temporal applied it has no access-log row, but its case's
 * row is there, written by the workflow through an idempotent activity.
 */
export class AuditTrail {
  constructor(
    private readonly log: AuditLog,
    private readonly register: Pick<CaseRegister, 'appliedCommands'>,
  ) {}

  async list(filter: AuditTrailFilter = {}): Promise<AuditTrailEntry[]> {
    const limit = filter.limit ?? 200;
    const logged = filter.source === 'case-register' ? [] : await this.log.list({ ...(filter.target !== undefined ? { target: filter.target } : {}), limit });
    const applied = filter.source === 'access-log' ? [] : await this.appliedCommands(filter.target, limit);
    return [...logged.map((entry) => ({ ...entry, source: 'access-log' as const })), ...applied.map(fromCaseRegister)]
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .slice(0, limit);
  }

  /** A target that is no case number (a token id, a staff id) has no case events. */
  private async appliedCommands(target: string | undefined, limit: number): Promise<RecordedEntry[]> {
    if (target === undefined) return this.register.appliedCommands({ limit });
    const caseNumber = caseNumberSchema.safeParse(target);
    return caseNumber.success ? this.register.appliedCommands({ caseId: caseIdOf(caseNumber.data), limit }) : [];
  }
}

/** Named as the access log names the same command, so a request and its effect read alike. */
function fromCaseRegister(entry: RecordedEntry): AuditTrailEntry {
  const { command, id, type } = entry.payload;
  return {
    source: 'case-register',
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    via: 'engine',
    action: command === 'openCase' ? 'case.open' : `case.${String(command)}`,
    target: entry.caseNumber,
    outcome: 'ok',
    detail: { eventId: id, event: type },
  };
}
