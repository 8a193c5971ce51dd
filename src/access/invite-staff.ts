import { InvalidInputError } from '../errors/docket-errors';
import { auditedGrant } from './audited-grant';
import type { AccessStore } from './index';
import type { InvitationRecord } from './staff-invitations';
import type { StaffMember } from '../store';

export interface Invitation {
  member: StaffMember;
  record: InvitationRecord;
  /** `<public URL>/desk/welcome/<secret>`: shown or mailed once, never stored or logged. */
  link: string;
}

/** Where a link's secret sits in the desk's URL space; the desk's welcome page reads it from there. */
export const WELCOME_PATH = '/desk/welcome';

/**
 * Gives an active staff member a one-time link to set their password: their first (an invitation)
 * or a new one (a reset, when they have one already; the old password works until the new one is
 * set, and setting it ends their sessions). A new link replaces any earlier one. Audited, the
 * refusals too, with the link's id and never its secret.
 */
export async function inviteStaff(
  access: Pick<AccessStore, 'staff' | 'passwords' | 'invitations' | 'audit'>,
  staffId: string,
  actor: { id: string; via: 'api' | 'cli' },
  publicUrl: string,
): Promise<Invitation> {
  const entry = { actor: actor.id, via: actor.via, action: 'staff.invite', target: staffId } as const;
  const { member, issued } = await auditedGrant(access.audit, entry, async () => {
    const member = await access.staff.get(staffId);
    if (!member) throw new InvalidInputError('Invalid invitation', [`STAFF: no staff member "${staffId}" in the staff directory; add them first`]);
    if (!member.active) throw new InvalidInputError('Invalid invitation', [`STAFF: staff member "${staffId}" is deactivated`]);
    const purpose = (await access.passwords.has(staffId)) ? 'reset' : 'invite';
    return { member, issued: await access.invitations.issue(staffId, purpose, actor.id) };
  });
  await access.audit.record({ ...entry, outcome: 'ok', detail: { invitationId: issued.record.id, purpose: issued.record.purpose, expiresAt: issued.record.expiresAt } });
  return { member, record: issued.record, link: `${publicUrl.replace(/\/$/, '')}${WELCOME_PATH}/${issued.credential}` };
}
