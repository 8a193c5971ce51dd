import { ConflictError } from '../errors/docket-errors';
import type { AccessStore } from './index';
import { inDocketTerms } from './staff-refusal';

export interface Deactivation {
  staffId: string;
  revokedTokens: string[];
  revokedFeeds: string[];
  /** Browser sessions ended; the directory check would refuse them anyway, but a later reactivation must not revive them. */
  endedSessions: number;
}

/**
 * Someone leaves: they stop receiving reminders and lose every way in at once, their tokens, the
 * calendar feeds they hold or made, their browser sessions and any unused link to set a password. A caseworker who still holds open cases is refused, because their
 * reminders would reach nobody: the cases are reassigned first. Each step is audited.
 */
export async function deactivateStaff(
  access: AccessStore,
  staffId: string,
  actor: { id: string; via: 'api' | 'cli' },
  openCasesOf: (staffId: string) => Promise<number>,
): Promise<Deactivation> {
  const member = await inDocketTerms(() => access.staff.requireKnown(staffId));
  if (member.role === 'caseworker') {
    const open = await openCasesOf(staffId);
    if (open > 0) {
      await access.audit.record({ actor: actor.id, via: actor.via, action: 'staff.deactivate', target: staffId, outcome: 'rejected', detail: { openCases: open } });
      throw new ConflictError(
        `Caseworker "${staffId}" still holds ${open} open case${open === 1 ? '' : 's'}: reassign them first (docket case list --caseworker ${staffId}, then docket case reassign CASE --caseworker STAFF).`,
      );
    }
  }
  await access.staff.deactivate(staffId);
  const revokedTokens = await access.tokens.revokeAllOf(staffId, actor.id);
  const revokedFeeds = await access.feeds.revokeAllOf(staffId, actor.id);
  const endedSessions = await access.sessions.endAllOf(staffId);
  const revokedLinks = await access.invitations.revokeAllOf(staffId);
  await access.audit.record({
    actor: actor.id,
    via: actor.via,
    action: 'staff.deactivate',
    target: staffId,
    outcome: 'ok',
    detail: { revokedTokens, revokedFeeds, endedSessions, revokedLinks },
  });
  return { staffId, revokedTokens, revokedFeeds, endedSessions };
}
