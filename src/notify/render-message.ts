import type { EscalationReason } from '../domain/case';
import { renderExplanation } from '../rules';
import { textIn } from '../rules/localized-text';
import type { DeadlineChange } from '../domain/deadline-change';
import type { ComputedDeadline, LocalDate } from '../rules/types';
import type { ChannelName } from './channel';
import { en } from './templates/en';
import type { Phrasebook } from './templates/phrasebook';
import { ru } from './templates/ru';

const PHRASEBOOKS: Record<'ru' | 'en', Phrasebook> = { ru, en };

interface AboutDeadline {
  caseNumber: string;
  deadline: ComputedDeadline;
}
export type MessageContent =
  | (AboutDeadline & { purpose: 'reminder'; daysBefore: number })
  | (AboutDeadline & { purpose: 'escalation'; reason: EscalationReason; caseworker: string; daysOverdue: number; previousDueDate?: LocalDate })
  | (AboutDeadline & { purpose: 'deadline-changed'; change: DeadlineChange })
  | (AboutDeadline & { purpose: 'delivery-failed'; caseworker: string; failure: DeliveryFailure });

/** Why a reminder did not reach its caseworker: their channel refused it, or there is no active caseworker to send it to. */
export type DeliveryFailure = { channel: ChannelName; error: string } | { noActiveCaseworker: 'deactivated' | 'unknown' };

/** Who reads the message: staff, never the applicant. */
export interface Reader {
  displayName: string;
  language: 'ru' | 'en';
}

export interface RenderedMessage {
  subject: string;
  text: string;
  /** The facts of the message as data, for webhook receivers. */
  data: Record<string, unknown>;
}

/**
 * Renders a message in the recipient's language. The subject names the case number and the deadline,
 * never the applicant; the body adds the rule, its citation and the engine's explanation of the date
 * (due day, 24:00 end, basis, confidence, each step, the calendar, warnings).
 */
export function renderMessage(content: MessageContent, reader: Reader): RenderedMessage {
  const { language } = reader;
  const p = PHRASEBOOKS[language];
  const { deadline, caseNumber } = content;
  const title = deadline.title[language];
  const due = p.formatDate(deadline.dueDate);

  const [subject, headline] = ((): [string, string[]] => {
    switch (content.purpose) {
      case 'reminder':
        return [p.reminder.subject(title, due, caseNumber), [p.reminder.lead, '', p.daysLeft(content.daysBefore)]];
      case 'escalation':
        return [
          p.escalation.subject(title, due, caseNumber),
          [
            p.escalation.reasons[content.reason],
            ...(content.previousDueDate ? [p.deadlineChanged.moved(p.formatDate(content.previousDueDate), due)] : []),
            ...(content.daysOverdue > 0 ? [p.daysOverdue(content.daysOverdue)] : []),
            `${p.labels.caseworker}: ${content.caseworker}`,
          ],
        ];
      case 'deadline-changed': {
        const { change } = content;
        const what =
          change.change === 'moved'
            ? p.deadlineChanged.moved(p.formatDate(change.from), due)
            : change.change === 'added'
              ? p.deadlineChanged.added(due)
              : p.deadlineChanged.removed(due);
        return [p.deadlineChanged.subject(title, caseNumber), [p.deadlineChanged.lead, '', what]];
      }
      case 'delivery-failed':
        return [
          p.deliveryFailed.subject(caseNumber),
          'channel' in content.failure
            ? [p.deliveryFailed.lead(content.caseworker, content.failure.channel), `${p.deliveryFailed.error}: ${content.failure.error}`, p.deliveryFailed.ask]
            : [p.deliveryFailed.noActiveCaseworker(content.caseworker, content.failure.noActiveCaseworker), p.deliveryFailed.reassign],
        ];
    }
  })();

  const text = [
    p.greeting(reader.displayName),
    ...headline,
    '',
    `${p.labels.case}: ${caseNumber}`,
    `${p.labels.rule}: ${deadline.ruleId}`,
    `${p.labels.citation}: ${textIn(deadline.citation, language)}`,
    '',
    renderExplanation(deadline, language),
    '',
    '--',
    p.footer,
    '',
  ].join('\n');

  const data = {
    type: content.purpose,
    caseNumber,
    deadline: {
      ruleId: deadline.ruleId,
      kind: deadline.kind,
      title: deadline.title,
      dueDate: deadline.dueDate,
      endsAt: deadline.endsAt,
      zone: deadline.zone,
      basis: deadline.basis,
      // One shape for receivers: a deadline computed before citations carried both languages gives its English text in both.
      citation: { en: textIn(deadline.citation, 'en'), ru: textIn(deadline.citation, 'ru') },
      confidence: deadline.confidence,
    },
    ...(content.purpose === 'reminder' ? { daysBefore: content.daysBefore } : {}),
    ...(content.purpose === 'escalation'
      ? {
          reason: content.reason,
          caseworker: content.caseworker,
          daysOverdue: content.daysOverdue,
          ...(content.previousDueDate ? { previousDueDate: content.previousDueDate } : {}),
        }
      : {}),
    ...(content.purpose === 'deadline-changed'
      ? { change: content.change.change, ...('from' in content.change ? { from: content.change.from } : {}), ...('to' in content.change ? { to: content.change.to } : {}) }
      : {}),
    ...(content.purpose === 'delivery-failed'
      ? {
          caseworker: content.caseworker,
          ...('channel' in content.failure
            ? { failedChannel: content.failure.channel, error: content.failure.error }
            : { noActiveCaseworker: content.failure.noActiveCaseworker }),
        }
      : {}),
  };
  return { subject, text, data };
}
