/**
 * The desk's and My work's English catalogue, in ICU MessageFormat: plural forms are the message's own
 * (`{count, plural, ...}`), chosen by the language's CLDR rules, never by code. Stage and status words
 * live here once; deadline and event titles come from the rule packs, which already carry both languages.
 */
export const MESSAGES_EN = {
  'shell.skipToContent': 'Skip to the content',
  'shell.navigation': 'Main menu',
  'shell.myWork': 'My work',
  'shell.cases': 'Cases',
  'shell.office': 'Office',
  'shell.staff': 'Staff',
  'shell.tokens': 'Tokens',
  'shell.signOut': 'Sign out',
  'shell.signedInAs': 'Signed in as {staffId} ({role}, office {office})',
  'shell.searchLabel': 'Find a case by its number',
  'shell.searchButton': 'Find',
  'shell.languageSwitch': 'Русский',

  'role.caseworker': 'caseworker',
  'role.supervisor': 'supervisor',
  'role.admin': 'administrator',

  'myWork.title': 'My work',
  'myWork.myCases': 'My cases',
  'myWork.myCasesCount': '{count, plural, =0 {You have no open cases.} one {You have # open case.} other {You have # open cases.}}',
  'myWork.overdue': 'Overdue',
  'myWork.dueToday': 'Due today',
  'myWork.dueThisWeek': 'Due in the next 7 days',
  'myWork.reminders': 'Reminders I have not acknowledged',
  'myWork.protectionEnding': 'Protection ends within {days, plural, one {# day} other {# days}}',
  'myWork.nothing': 'Nothing here.',

  'column.case': 'Case',
  'column.stage': 'Stage',
  'column.deadline': 'Deadline',
  'column.dueDate': 'Due',
  'column.when': 'When',
  'column.nextDeadline': 'Next deadline',
  'column.protectedUntil': 'Protected until',
  'column.whoActs': 'Who acts',
  'column.reminder': 'Reminder',

  'days.left': '{days, plural, =0 {today} one {in # day} other {in # days}}',
  'days.overdue': '{days, plural, one {# day overdue} other {# days overdue}}',
  'days.reminderBefore': '{days, plural, =0 {on the due day} one {# day before} other {# days before}}, sent {date}',
  'deadline.forInformation': '{title} (for information), {date}',
  'deadline.none': 'none',

  'owner.applicant': 'the applicant',
  'owner.authority': 'the authority',

  'stage.opened': 'opened',
  'stage.lodged': 'application lodged',
  'stage.under-consideration': 'under consideration',
  'stage.awaiting-decision': 'awaiting a new decision',
  'stage.refused': 'refused',
  'stage.complaint-pending': 'complaint pending',
  'stage.granted': 'protection granted',
  'stage.renewal-filed': 'extension applied for',
  'stage.extended': 'protection extended',
  'stage.renewal-refused': 'extension refused',
  'stage.protection-withdrawn': 'protection withdrawn',
  'stage.lapsed': 'protection lapsed',
  'stage.departure-period': 'departure period',
  'stage.finally-refused': 'finally refused',
  'stage.closed': 'closed',

  'status.open': 'open',
  'status.met': 'met',
  'status.superseded': 'no longer needed',
  'status.void': 'void',
  'status.waived': 'waived',
  'status.missed': 'missed',
  'status.expired': 'ended (for information)',

  'admin.title': 'Administration',
  'admin.lead': 'Administrators manage staff, API tokens and calendar feeds. They do not see case data.',

  'error.back': 'Back to the start page',
  'error.notFound.title': 'Page not found',
  'error.notFound.text': 'There is no page at this address.',
  'error.forbidden.title': 'Not for your role',
  'error.forbidden.text': 'Your role does not give access to this page.',
  'error.failed.title': 'Something went wrong',
  'error.failed.text': 'The page could not be shown just now. Try again in a moment; if it keeps happening, tell your administrator the time it happened.',
} as const;

export type MessageKey = keyof typeof MESSAGES_EN;
