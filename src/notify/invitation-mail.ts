import type { StaffMember } from '../store';
import type { OutgoingMessage } from './channel';
import { messageIdFor, senderDomain } from './message-id';
import { createSmtpChannel, type SmtpChannelOptions } from './smtp-channel';

export interface InvitationMail {
  member: StaffMember;
  /** Sent in the body only: a subject is read by every mail system on the way and shown in lock screens. */
  link: string;
  invitationId: string;
  purpose: 'invite' | 'reset';
  expiresAt: string;
}

const WORDS = {
  en: {
    subject: { invite: 'Your sign-in link for asylum-docket', reset: 'A link to set a new asylum-docket password' },
    greeting: (name: string) => `Hello ${name},`,
    lead: {
      invite: 'an administrator has given you access to asylum-docket. Set your password through this link:',
      reset: 'an administrator has sent you a link to set a new password for asylum-docket:',
    },
    staffId: (id: string) => `Your staff id, which you sign in with: ${id}`,
    rules: (expiresAt: string) =>
      `The link works once, until ${expiresAt} (UTC), and only until a newer link is sent. Setting a password signs you out of every open session.`,
    unexpected: 'If you did not expect this message, do not use the link and tell your administrator.',
  },
  ru: {
    subject: { invite: 'Ваша ссылка для входа в asylum-docket', reset: 'Ссылка, чтобы задать новый пароль asylum-docket' },
    greeting: (name: string) => `Здравствуйте, ${name}!`,
    lead: {
      invite: 'Администратор открыл вам доступ к asylum-docket. Задайте пароль по этой ссылке:',
      reset: 'Администратор прислал вам ссылку, чтобы задать новый пароль asylum-docket:',
    },
    staffId: (id: string) => `Ваш идентификатор сотрудника для входа: ${id}`,
    rules: (expiresAt: string) =>
      `Ссылка действует один раз, до ${expiresAt} (UTC), и только пока не прислана более новая. Новый пароль завершает все открытые сеансы.`,
    unexpected: 'Если вы не ждали этого письма, не открывайте ссылку и сообщите администратору.',
  },
} as const;

/** The invitation as an e-mail in the member's language. Its subject names nobody; the link is in the body only. */
export function renderInvitationMail(mail: InvitationMail, from: string): OutgoingMessage {
  const { member } = mail;
  const words = WORDS[member.language];
  const expiresAt = mail.expiresAt.slice(0, 16).replace('T', ' ');
  const idempotencyKey = `staff-invitation/${mail.invitationId}`;
  return {
    purpose: 'staff-invitation',
    idempotencyKey,
    messageId: messageIdFor(idempotencyKey, senderDomain(from)),
    // No case: the outbox's label for what a message is about.
    caseNumber: `staff/${member.id}`,
    language: member.language,
    subject: words.subject[mail.purpose],
    text: [words.greeting(member.displayName), '', words.lead[mail.purpose], mail.link, '', words.staffId(member.id), words.rules(expiresAt), '', words.unexpected].join('\n'),
    data: { type: 'staff-invitation', staffId: member.id, purpose: mail.purpose, expiresAt: mail.expiresAt },
  };
}

/** Mails the link through the same SMTP channel reminders use; throws DeliveryError when it was not accepted. */
export async function mailInvitation(smtp: SmtpChannelOptions, mail: InvitationMail): Promise<void> {
  const channel = createSmtpChannel(smtp);
  try {
    await channel.send(mail.member, renderInvitationMail(mail, smtp.from));
  } finally {
    await channel.close();
  }
}
