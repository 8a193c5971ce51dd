import type { StaffMember } from '../store';
import { DeliveryError } from './delivery-error';
import { mailInvitation } from './invitation-mail';
import type { SmtpChannelOptions } from './smtp-channel';

/** How an invitation link reached its member: mailed, or why not (then whoever asked for it hands it over). */
export type InvitationDelivery = { mailed: 'sent' | 'no-smtp' | 'no-address' } | { mailed: 'failed'; failure: string };

export interface IssuedInvitation {
  member: StaffMember;
  record: { id: string; purpose: 'invite' | 'reset'; expiresAt: string };
  link: string;
}

/**
 * Mails a new invitation or reset link when SMTP is set and the member has an address. A refused mail is
 * an answer, not an error: the link was issued and the person who asked for it still holds it.
 */
export async function deliverInvitation(smtp: SmtpChannelOptions | undefined, invitation: IssuedInvitation): Promise<InvitationDelivery> {
  const { member, record, link } = invitation;
  if (!smtp) return { mailed: 'no-smtp' };
  if (!member.email) return { mailed: 'no-address' };
  try {
    await mailInvitation(smtp, { member, link, invitationId: record.id, purpose: record.purpose, expiresAt: record.expiresAt });
    return { mailed: 'sent' };
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    return { mailed: 'failed', failure: error.message };
  }
}
