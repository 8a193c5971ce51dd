import { inviteStaff } from '../../access/invite-staff';
import { deliverInvitation } from '../../notify/invitation-delivery';
import type { CliIo } from '../io';
import type { CliServices } from './services';

/**
 * `docket staff invite STAFF`: prints the one-time link that lets the member set their password (a
 * reset link when they have one) and mails it to them when SMTP_URL is set and they have an address.
 * The link is printed even when the mail fails, so the operator can hand it over another way; it is
 * never written anywhere else.
 */
export async function inviteFromCli(services: Pick<CliServices, 'access' | 'config'>, staffId: string, actor: string, json: boolean, io: CliIo): Promise<void> {
  const invitation = await inviteStaff(services.access, staffId, { id: actor, via: 'cli' }, services.config.api.publicUrl);
  const { member, record, link } = invitation;
  const delivery = await deliverInvitation(services.config.smtp, invitation);
  const { mailed } = delivery;
  if (delivery.mailed === 'failed') io.err(`docket staff invite: the link was not mailed (${delivery.failure}); give it to ${member.id} another way.`);
  if (json) {
    io.out(JSON.stringify({ staffId: member.id, invitationId: record.id, purpose: record.purpose, expiresAt: record.expiresAt, link, mailed }));
    return;
  }
  const what = record.purpose === 'invite' ? 'Invitation' : 'Password reset link';
  const how = {
    sent: `Mailed to ${member.email ?? ''}.`,
    'no-smtp': 'SMTP_URL is not set, so it was not mailed: give it to them in person or over a channel you trust.',
    'no-address': `${member.id} has no e-mail address in the staff directory, so it was not mailed: give it to them in person or over a channel you trust.`,
    failed: 'Not mailed (see above).',
  }[mailed];
  io.out(
    [
      `${what} for ${member.id}, valid once until ${record.expiresAt} (a newer link replaces it):`,
      link,
      how,
      ...(record.purpose === 'reset' ? ['Their current password works until they set the new one; setting it ends their open sessions.'] : []),
    ].join('\n'),
  );
}
