import type { AccessStore } from './index';
import type { InvitationRecord } from './staff-invitations';
import { requireAcceptablePassword } from './staff-passwords';
import type { StaffMember } from '../store';

/** A link that can still set a password, and whose it is. */
export interface UsableLink {
  invitation: InvitationRecord;
  member: StaffMember;
}

/** The link's invitation and member, or undefined when it is unknown, used, replaced, expired or its member has left. */
export async function usableLink(access: Pick<AccessStore, 'staff' | 'invitations'>, credential: string): Promise<UsableLink | undefined> {
  const invitation = await access.invitations.resolve(credential);
  if (!invitation) return undefined;
  const member = await access.staff.get(invitation.staffId);
  return member?.active ? { invitation, member } : undefined;
}

/**
 * Sets a staff member's password through their link. A password that breaks a rule is refused
 * (PasswordRejectedError) before the link is spent, so the person can try another. Then the link is
 * used up first, so that of two requests racing with one link only one sets a password; every session
 * the member had ends (a reset is often a suspicion), and a sign-in lock on their id is lifted.
 * Returns false when another request used the link first.
 */
export async function setPasswordByLink(
  access: Pick<AccessStore, 'invitations' | 'passwords' | 'sessions' | 'throttle' | 'audit'>,
  link: UsableLink,
  password: string,
): Promise<{ endedSessions: number } | false> {
  const { invitation, member } = link;
  requireAcceptablePassword(member.id, password);
  if (!(await access.invitations.use(invitation.id))) return false;
  await access.passwords.set(member.id, password);
  const endedSessions = await access.sessions.endAllOf(member.id);
  await access.throttle.forgive(member.id);
  await access.audit.record({
    actor: member.id,
    via: 'api',
    action: 'staff.password.set',
    target: member.id,
    outcome: 'ok',
    detail: { invitationId: invitation.id, purpose: invitation.purpose, endedSessions },
  });
  return { endedSessions };
}
