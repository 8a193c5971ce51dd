import { renderMessage } from '../../src/notify';
import { renderExplanation } from '../../src/rules';
import { complaintDeadline } from '../store/founding-case';

const about = { caseNumber: 'RU-TA-2016-0042', deadline: complaintDeadline() };
const petrova = (language: 'ru' | 'en') => ({ displayName: 'Caseworker Petrova', language });

describe('rendering messages', () => {
  it('puts the case number and the deadline in an English subject, and nothing about people', () => {
    const { subject } = renderMessage({ ...about, purpose: 'reminder', daysBefore: 7 }, petrova('en'));
    expect(subject).toBe('[asylum-docket] Reminder: Complaint against the refusal due 2016-02-26 (case RU-TA-2016-0042)');
  });

  it('writes a Russian reminder with the rule, its citation and the engine’s explanation of the date', () => {
    const { subject, text } = renderMessage({ ...about, purpose: 'reminder', daysBefore: 7 }, petrova('ru'));
    expect(subject).toBe('[asylum-docket] Напоминание: Жалоба на отказ до 26.02.2016 (дело RU-TA-2016-0042)');
    expect(text).toContain(
      'Дело: RU-TA-2016-0042\nПравило: ru-complaint\n' +
        'Норма: Закон РФ от 19.02.1993 № 4528-1 «О беженцах», ст. 10 п. 3; типовое уведомление МВД об отказе; разъяснения УВКБ ООН\n',
    );
    expect(text).not.toContain('Law No. 4528-1');
    expect(text).toContain(renderExplanation(about.deadline, 'ru'));
    expect(text).toContain('до 24:00 Europe/Moscow');
    expect(text).toContain('Осталось 7 дней.');
  });

  it.each([
    [0, 'Срок истекает сегодня.', 'The deadline is today.'],
    [1, 'Осталось 1 день.', '1 day left.'],
    [3, 'Осталось 3 дня.', '3 days left.'],
    [11, 'Осталось 11 дней.', '11 days left.'],
    [21, 'Осталось 21 день.', '21 days left.'],
  ])('counts %i days left in both languages', (daysBefore, russian, english) => {
    expect(renderMessage({ ...about, purpose: 'reminder', daysBefore }, petrova('ru')).text).toContain(russian);
    expect(renderMessage({ ...about, purpose: 'reminder', daysBefore }, petrova('en')).text).toContain(english);
  });

  it('tells the supervisor why a case is escalated, whose it is and how late', () => {
    const { subject, text, data } = renderMessage(
      { ...about, purpose: 'escalation', reason: 'missed', caseworker: 'cw-petrova', daysOverdue: 2 },
      { displayName: 'Supervisor Smith', language: 'en' },
    );
    expect(subject).toBe('[asylum-docket] Escalation: Complaint against the refusal due 2016-02-26 (case RU-TA-2016-0042)');
    expect(text).toContain('The deadline passed without the action that meets it.\n2 days overdue.\nCaseworker: cw-petrova');
    expect(data).toMatchObject({ type: 'escalation', reason: 'missed', caseworker: 'cw-petrova', daysOverdue: 2 });
  });

  it('tells the caseworker in their language how a rule migration moved a deadline, with both dates', () => {
    const change = { deadlineId: '3:ru-complaint', deadline: { ...about.deadline, dueDate: '2016-02-29' }, change: 'moved' as const, from: '2016-02-26', to: '2016-02-29' };
    const english = renderMessage({ caseNumber: about.caseNumber, deadline: change.deadline, purpose: 'deadline-changed', change }, petrova('en'));
    expect(english.subject).toBe('[asylum-docket] Deadline changed by new rule data: Complaint against the refusal (case RU-TA-2016-0042)');
    expect(english.text).toContain('The due date moved from 2016-02-26 to 2016-02-29.');
    expect(english.data).toMatchObject({ type: 'deadline-changed', change: 'moved', from: '2016-02-26', to: '2016-02-29' });
    const russian = renderMessage({ caseNumber: about.caseNumber, deadline: change.deadline, purpose: 'deadline-changed', change }, petrova('ru'));
    expect(russian.text).toContain('Срок перенесён с 26.02.2016 на 29.02.2016.');
  });

  it('escalates a deadline a migration moved earlier loudly, with the date it had', () => {
    const { text } = renderMessage(
      { ...about, purpose: 'escalation', reason: 'moved-earlier', caseworker: 'cw-petrova', daysOverdue: 0, previousDueDate: '2016-02-29' },
      { displayName: 'Supervisor Smith', language: 'en' },
    );
    expect(text).toContain('now falls EARLIER than before.\nThe due date moved from 2016-02-29 to 2016-02-26.\nCaseworker: cw-petrova');
  });

  it('writes the English citation into an English message, and gives webhook receivers both', () => {
    const { text, data } = renderMessage({ ...about, purpose: 'reminder', daysBefore: 7 }, petrova('en'));
    expect(text).toContain(
      'Case: RU-TA-2016-0042\nRule: ru-complaint\nCitation: Law No. 4528-1 "On Refugees", art. 10 p. 3; MVD model refusal notice; UNHCR Russia guidance\n',
    );
    expect(data.deadline).toMatchObject({
      citation: {
        en: 'Law No. 4528-1 "On Refugees", art. 10 p. 3; MVD model refusal notice; UNHCR Russia guidance',
        ru: 'Закон РФ от 19.02.1993 № 4528-1 «О беженцах», ст. 10 п. 3; типовое уведомление МВД об отказе; разъяснения УВКБ ООН',
      },
    });
  });

  it('still renders a deadline recorded before citations carried both languages, with the English citation it has', () => {
    const recorded = { ...about.deadline, citation: 'Law No. 4528-1, art. 10 p. 3', warnings: ['Check the date.'] };
    const russian = renderMessage({ ...about, deadline: recorded, purpose: 'reminder', daysBefore: 7 }, petrova('ru'));
    expect(russian.text).toContain('Правило: ru-complaint\nНорма: Law No. 4528-1, art. 10 p. 3\n');
    expect(russian.data.deadline).toMatchObject({ citation: { en: 'Law No. 4528-1, art. 10 p. 3', ru: 'Law No. 4528-1, art. 10 p. 3' } });
    expect(renderMessage({ ...about, deadline: recorded, purpose: 'reminder', daysBefore: 7 }, petrova('en')).text).toContain(
      'Rule: ru-complaint\nCitation: Law No. 4528-1, art. 10 p. 3\n',
    );
  });

  it('writes the English explanation into an English message', () => {
    const { text } = renderMessage({ ...about, purpose: 'reminder', daysBefore: 30 }, petrova('en'));
    expect(text).toContain(renderExplanation(about.deadline, 'en'));
    expect(text).not.toContain(renderExplanation(about.deadline, 'ru'));
  });

  it('reports an undeliverable reminder with the error and no deadline date in the subject', () => {
    const { subject, text } = renderMessage(
      { ...about, purpose: 'delivery-failed', caseworker: 'cw-petrova', failure: { channel: 'email', error: 'SMTP rejected (550)' } },
      { displayName: 'Supervisor Ivanova', language: 'ru' },
    );
    expect(subject).toBe('[asylum-docket] Напоминание не доставлено (дело RU-TA-2016-0042)');
    expect(text.startsWith('Здравствуйте, Supervisor Ivanova!\n')).toBe(true);
    expect(text).toContain('напоминание сотруднику cw-petrova не удалось доставить (канал: email).\nОшибка: SMTP rejected (550)');
  });

  // Issue 13 item 2: a reminder that has nobody to go to says so, and asks for a reassignment.
  it('tells supervisors when a reminder has no active caseworker to go to', () => {
    const { subject, text, data } = renderMessage(
      { ...about, purpose: 'delivery-failed', caseworker: 'cw-petrova', failure: { noActiveCaseworker: 'deactivated' } },
      { displayName: 'Supervisor Ivanova', language: 'en' },
    );
    expect(subject).toBe('[asylum-docket] Undeliverable reminder (case RU-TA-2016-0042)');
    expect(text).toContain(
      'a reminder for this case could not be sent: its caseworker cw-petrova has been deactivated.\nPlease reassign the case to an active caseworker and make sure this deadline is kept.',
    );
    expect(data).toMatchObject({ caseworker: 'cw-petrova', noActiveCaseworker: 'deactivated' });
  });
});
