import { eventTitle } from '../event-titles';
import { parseLocalDate } from '../local-date';
import type { Lang } from '../localized-text';
import type { RuleDataVersion } from '../computed-deadline';
import { versionName } from '../rule-data-version';
import type { ComputedDeadline } from '../types';
import { BASIS_TEXT, CONFIDENCE_TEXT, OWNER_TEXT, formatDay } from './format';

const LABELS = {
  en: {
    due: 'due',
    until: 'until 24:00',
    owner: 'Who acts',
    basis: 'Basis',
    confidence: 'Confidence',
    informational: 'for information only, never escalated',
    steps: 'How it was computed',
    rawEnd: 'End of the period before any move',
    metBy: 'Met by',
    supersededBy: 'No longer needed after',
    reminders: 'Reminders (days before)',
    warnings: 'Warnings',
    note: 'Note',
    ruleData: 'Rule data',
    pack: 'pack',
    calendar: 'calendar',
    from: 'from',
    installed: 'the versions installed when it was computed',
    pinned: 'the versions the case is pinned to',
    notMigrated: 'not migrated to the installed',
  },
  ru: {
    due: 'срок',
    until: 'до 24:00',
    owner: 'Кто действует',
    basis: 'Основание',
    confidence: 'Достоверность',
    informational: 'для сведения, без эскалации',
    steps: 'Как рассчитано',
    rawEnd: 'Окончание срока до переносов',
    metBy: 'Выполняется событием',
    supersededBy: 'Теряет значение после',
    reminders: 'Напоминания (за дней)',
    warnings: 'Предупреждения',
    note: 'Примечание',
    ruleData: 'Данные правил',
    pack: 'пакет',
    calendar: 'календарь',
    from: 'с',
    installed: 'версии, установленные при расчёте',
    pinned: 'версии, закреплённые за делом',
    notMigrated: 'дело не переведено на установленные',
  },
} as const;

function dayText(date: string, lang: Lang): string {
  const day = parseLocalDate(date);
  return day ? formatDay(day)[lang] : date;
}

function events(names: readonly string[], lang: Lang): string {
  return names.map((name) => eventTitle(name)?.[lang] ?? name).join('; ');
}

/** A short readable account of one deadline and how it was reached, in English or Russian. */
export function renderExplanation(deadline: ComputedDeadline, lang: Lang): string {
  const label = LABELS[lang];
  const lines: string[] = [];
  lines.push(`${deadline.title[lang]} — ${label.due} ${dayText(deadline.dueDate, lang)}, ${label.until} ${deadline.zone} (${deadline.endsAt})`);
  const facts = [
    `${label.owner}: ${OWNER_TEXT[deadline.owner][lang]}`,
    `${label.basis}: ${BASIS_TEXT[deadline.basis][lang]}`,
    `${label.confidence}: ${CONFIDENCE_TEXT[deadline.confidence]?.[lang] ?? deadline.confidence}`,
  ];
  if (deadline.informational) facts.push(label.informational);
  lines.push(facts.join(' · '));
  lines.push(`${label.steps}:`);
  deadline.explanation.steps
    .filter((step) => step.kind !== 'warning' && step.kind !== 'calendar')
    .forEach((step, index) => lines.push(`  ${index + 1}. ${step.kind === 'note' ? `${label.note}: ` : ''}${step[lang]}`));
  lines.push(`${label.rawEnd}: ${dayText(deadline.explanation.rawEndDate, lang)}`);
  if (deadline.satisfiedBy.length > 0) lines.push(`${label.metBy}: ${events(deadline.satisfiedBy, lang)}`);
  if (deadline.supersededBy.length > 0) lines.push(`${label.supersededBy}: ${events(deadline.supersededBy, lang)}`);
  if (deadline.reminderOffsetsDays) lines.push(`${label.reminders}: ${deadline.reminderOffsetsDays.join(', ')}`);
  for (const step of deadline.explanation.steps.filter((candidate) => candidate.kind === 'calendar')) lines.push(step[lang]);
  if (deadline.ruleData) {
    const version = (kind: string, data: RuleDataVersion) => `${kind} ${versionName(data)}${data.effectiveFrom ? ` (${label.from} ${data.effectiveFrom})` : ''}`;
    const { pack, calendar, applied, installed } = deadline.ruleData;
    const which = applied ? ` (${label[applied]})` : '';
    lines.push(`${label.ruleData}${which}: ${version(label.pack, pack)}; ${version(label.calendar, calendar)}`);
    if (installed) {
      const newer = [installed.pack.hash !== pack.hash ? version(label.pack, installed.pack) : '', installed.calendar.hash !== calendar.hash ? version(label.calendar, installed.calendar) : ''];
      lines.push(`  ${label.notMigrated}: ${newer.filter(Boolean).join('; ')}`);
    }
  }
  const warnings = deadline.explanation.steps.filter((step) => step.kind === 'warning');
  if (warnings.length > 0) {
    lines.push(`${label.warnings}:`);
    for (const warning of warnings) lines.push(`  ! ${warning[lang]}`);
  }
  return lines.join('\n');
}
