import type { LocalDate } from '../../rules/types';
import type { EscalationReason } from '../../domain/case';
import type { ChannelName } from '../channel';

/**
 * Everything language-specific in a message apart from the deadline's explanation, which the rules
 * engine renders. One renderer composes the messages from a phrasebook, so the Russian and English
 * texts cannot drift apart in what they contain.
 */
export interface Phrasebook {
  formatDate(date: LocalDate): string;
  daysLeft(days: number): string;
  daysOverdue(days: number): string;
  labels: {
    case: string;
    rule: string;
    citation: string;
    caseworker: string;
  };
  greeting(displayName: string): string;
  reminder: { subject(title: string, due: string, caseNumber: string): string; lead: string };
  escalation: {
    subject(title: string, due: string, caseNumber: string): string;
    reasons: Record<EscalationReason, string>;
  };
  deadlineChanged: {
    subject(title: string, caseNumber: string): string;
    lead: string;
    moved(from: string, to: string): string;
    added(due: string): string;
    removed(due: string): string;
  };
  deliveryFailed: {
    subject(caseNumber: string): string;
    lead(caseworker: string, channel: ChannelName): string;
    error: string;
    ask: string;
    noActiveCaseworker(caseworker: string, status: 'deactivated' | 'unknown'): string;
    reassign: string;
  };
  footer: string;
}
