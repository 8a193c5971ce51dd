import type { Digest } from './build-digest';

export interface DigestText {
  subject: string;
  text: string;
}

const WORDS = {
  en: {
    subject: (office: string, upcoming: number, missed: number) => `Deadline digest, office ${office}: ${upcoming} due soon, ${missed} missed`,
    upcoming: (days: number) => `Next deadlines in the coming ${days} days`,
    missed: (days: number) => `Missed deadlines (last ${days} days, cases still open)`,
    none: 'none',
    desk: 'Staff desk',
    byWhom: (who: string) => `applicant's side, caseworker ${who}`,
    authority: (who: string) => `authority; caseworker ${who}`,
  },
  ru: {
    subject: (office: string, upcoming: number, missed: number) => `Сводка сроков, отдел ${office}: скоро ${upcoming}, пропущено ${missed}`,
    upcoming: (days: number) => `Ближайшие сроки на ${days} дн.`,
    missed: (days: number) => `Пропущенные сроки (за ${days} дн., дела открыты)`,
    none: 'нет',
    desk: 'Рабочее место',
    byWhom: (who: string) => `сторона заявителя, сотрудник ${who}`,
    authority: (who: string) => `орган власти; сотрудник ${who}`,
  },
} as const;

/** The digest as an e-mail: case numbers, deadline kinds and dates only, never applicant data. */
export function renderDigest(digest: Digest, language: 'en' | 'ru', deskUrl: string): DigestText {
  const words = WORDS[language];
  const upcoming = digest.upcoming.map(
    (item) => `  ${item.nextDeadline?.dueDate ?? ''}  ${item.caseNumber}  ${item.nextDeadline?.kind ?? ''}  (${item.stage}; ${item.caseworker})`,
  );
  const missed = digest.missed.map(
    (item) =>
      `  ${item.dueDate}  ${item.caseNumber}  ${item.title[language]}  (${item.owner === 'authority' ? words.authority(item.caseworker) : words.byWhom(item.caseworker)})`,
  );
  const text = [
    words.upcoming(digest.upcomingDays),
    ...(upcoming.length > 0 ? upcoming : [`  ${words.none}`]),
    '',
    words.missed(digest.missedLookbackDays),
    ...(missed.length > 0 ? missed : [`  ${words.none}`]),
    '',
    `${words.desk}: ${deskUrl}`,
  ].join('\n');
  return { subject: words.subject(digest.office, digest.upcoming.length, digest.missed.length), text };
}
