import type { CaseListItem } from '../../client/case-listing';
import type { TimelineEntry } from '../../reports/timeline';
import type { CaseSummary, CaseView } from '../../domain';
import { deadlineStatusText } from '../../reports/deadline-status-text';
import { renderExplanation, type Lang } from '../../rules';
import { renderFacts, renderTable } from './table';

export function renderSummary(summary: CaseSummary): string {
  return renderFacts([
    ['Case', `${summary.caseNumber} (${summary.jurisdiction} / ${summary.procedure})`],
    ['Stage', `${summary.stage}, attempt ${summary.attempt}`],
    ['Office', `${summary.office}, caseworker ${summary.caseworker}`],
    ['Protected until', summary.protectedUntil ?? '—'],
    ['Next deadline', summary.nextDeadline ? `${summary.nextDeadline.dueDate}  ${summary.nextDeadline.title.en} (${summary.nextDeadline.kind})` : '—'],
    ['Deadlines', `${summary.openDeadlines} open, ${summary.missedDeadlines} missed`],
  ]);
}

export function renderCase(view: CaseView, options: { explain: boolean; languages: Lang[] }): string {
  const deadlines = [...view.deadlines].sort((a, b) => a.deadline.dueDate.localeCompare(b.deadline.dueDate));
  const sections = [
    renderSummary(view),
    '',
    'Deadlines',
    deadlines.length === 0
      ? '  none yet: record the first event'
      : renderTable(
          ['due', 'deadline', 'status', 'who acts', 'basis', 'id'],
          deadlines.map((item) => [
            item.override ? `${item.deadline.dueDate} (by hand; rule: ${item.override.computedDueDate})` : item.deadline.dueDate,
            `${item.deadline.title.en}${item.deadline.informational ? ' (for information)' : ''}`,
            deadlineStatusText(view, item),
            item.deadline.owner,
            `${item.deadline.basis}, ${item.deadline.confidence}`,
            item.id,
          ]),
        ),
  ];
  if (options.explain) {
    for (const item of deadlines) {
      for (const lang of options.languages) sections.push('', renderExplanation(item.deadline, lang));
    }
  }
  if (view.linkedCases.length > 0) {
    sections.push('', 'Related cases', renderTable(['case', 'relation', 'linked by'], view.linkedCases.map((link) => [link.caseNumber, link.relation, `event #${link.eventId}`])));
  }
  const pending = view.reminders.filter((reminder) => reminder.delivery && !reminder.acknowledged);
  if (pending.length > 0) {
    sections.push('', 'Reminders sent, not yet acknowledged', renderTable(['id', 'due', 'days before'], pending.map((r) => [r.id, r.dueDate, String(r.daysBefore)])));
  }
  return sections.join('\n');
}

export function renderList(cases: readonly CaseListItem[]): string {
  if (cases.length === 0) return 'No cases match.';
  return renderTable(
    ['case', 'stage', 'next deadline', 'kind', 'office', 'caseworker', 'attempt'],
    cases.map((item) => [
      item.caseNumber,
      item.stage,
      item.nextDeadline?.dueDate ?? '—',
      item.nextDeadline?.kind ?? '',
      item.office,
      item.caseworker,
      String(item.attempt),
    ]),
  );
}

export function renderTimeline(entries: readonly TimelineEntry[]): string {
  return renderTable(
    ['date', 'kind', 'what', 'detail', 'by'],
    entries.map((entry) => [entry.date, entry.kind, entry.title, entry.detail, entry.actor ?? '']),
  );
}
