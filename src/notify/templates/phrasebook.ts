import type { ComputedDeadline, LocalDate } from '../../rules/types';
import type { EscalationRequest } from '../../activities/types';
import type { ChannelName } from '../channel';

/**
 * Everything language-specific in a message. One renderer composes the messages from a phrasebook,
 * so the Russian and English texts cannot drift apart in what they contain.
 */
export interface Phrasebook {
  formatDate(date: LocalDate): string;
  daysLeft(days: number): string;
  daysOverdue(days: number): string;
  owner: Record<ComputedDeadline['owner'], string>;
  basis: Record<ComputedDeadline['basis'], string>;
  confidence: Record<ComputedDeadline['confidence'], string>;
  labels: {
    case: string;
    deadline: string;
    due: string;
    /** "until 24:00 (zone)" */
    endOfDay(zone: string): string;
    rule: string;
    citation: string;
    basis: string;
    confidence: string;
    owner: string;
    howComputed: string;
    calendar: string;
    warnings: string;
    caseworker: string;
    informational: string;
  };
  greeting(displayName: string): string;
  reminder: { subject(title: string, due: string, caseNumber: string): string; lead: string };
  escalation: {
    subject(title: string, due: string, caseNumber: string): string;
    reasons: Record<EscalationRequest['reason'], string>;
  };
  deliveryFailed: {
    subject(caseNumber: string): string;
    lead(caseworker: string, channel: ChannelName): string;
    error: string;
    ask: string;
  };
  footer: string;
}
