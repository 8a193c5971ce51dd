import type { Notifier } from '../notify';
import type { StaffDirectory } from '../store';
import type { CaseReader } from '../client/case-reader';
import { buildDigest } from './build-digest';
import { renderDigest } from './digest-message';
import type { EscalatedCases } from '../store/escalated-cases';
import { officeDay, type OfficeDay } from './office-day';

export interface DigestRecipient {
  office: string;
  staffId: string;
}

export interface DigestDelivery {
  channel: string;
  messageId: string;
  upcoming: number;
  missed: number;
}

/** What the digest workflow asks of the outside world. Workflows import this file as types only. */
export interface DigestActivities {
  digestDay(input: { jurisdiction: string; at: string }): Promise<OfficeDay>;
  digestRecipients(): Promise<DigestRecipient[]>;
  sendDigest(input: DigestRecipient & { date: string; at: string }): Promise<DigestDelivery>;
}

export interface DigestActivityDeps {
  cases: CaseReader;
  escalated: EscalatedCases;
  staff: StaffDirectory;
  notifier: Notifier;
  /** Where the staff desk lives, for the link at the end of each digest. */
  deskUrl: string;
}

export function createDigestActivities(deps: DigestActivityDeps): DigestActivities {
  return {
    digestDay: async ({ jurisdiction, at }) => officeDay(jurisdiction, new Date(at)),

    /** Every active supervisor, with the office whose digest they read. */
    digestRecipients: async () => (await deps.staff.list({ role: 'supervisor' })).map((member) => ({ office: member.office, staffId: member.id })),

    /**
     * One supervisor's digest as of the schedule's time. The idempotency key names the office, the day and
     * the reader, so a retried activity hands the channel the same message (same Message-ID) again.
     */
    sendDigest: async ({ office, staffId, date, at }) => {
      const recipient = await deps.staff.requireActive(staffId);
      const digest = await buildDigest(deps.cases, deps.escalated, office, new Date(at));
      const { subject, text } = renderDigest(digest, recipient.language, deps.deskUrl);
      const idempotencyKey = `digest/${office}/${date}/${staffId}`;
      const messageId = deps.notifier.messageIdFor(idempotencyKey);
      const channel = await deps.notifier.send(recipient, {
        purpose: 'digest',
        idempotencyKey,
        messageId,
        // A digest is about an office's cases, not one; the register's outbox files it under this label.
        caseNumber: `digest/${office}`,
        language: recipient.language,
        subject,
        text,
        data: { type: 'digest', office, date, upcoming: digest.upcoming, missed: digest.missed },
      });
      return { channel, messageId, upcoming: digest.upcoming.length, missed: digest.missed.length };
    },
  };
}
