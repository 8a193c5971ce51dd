import { formFields, readClose, readCorrectDate, readOpenCase, readRecordEvent } from '../../src/api/desk/case-action-forms';
import { translator } from '../../src/api/desk/i18n/translator';
import { lifecycleOf } from '../../src/rules';

const ru = translator('ru');
const en = translator('en');
const event = (name: string) => {
  const found = lifecycleOf('RU', 'temporary-asylum').events.find((candidate) => candidate.event === name);
  if (!found) throw new Error(`no event ${name}`);
  return found;
};

describe('reading the case page’s forms', () => {
  it('names a missing or impossible date by its label, in the page’s language', () => {
    expect(readRecordEvent(ru, { event: 'refusal-notice-received', on: '' }, event('refusal-notice-received'))).toEqual({
      ok: false,
      errors: [{ field: 'on', message: 'Дата события (для уведомления — день получения): укажите дату' }],
    });
    // 30 February does not exist.
    expect(readRecordEvent(en, { on: '2016-02-30' }, event('refusal-notice-received'))).toEqual({
      ok: false,
      errors: [{ field: 'on', message: 'Date of the event (for a notice: the day it was received): enter a real date, as the date picker gives it (day, month, year)' }],
    });
  });

  it('turns the facts an event carries into the command’s facts, and refuses a value the form did not offer', () => {
    expect(readRecordEvent(en, { on: '2016-05-26', 'fact.validUntil': '2017-05-26', note: ' ' }, event('protection-granted'))).toEqual({
      ok: true,
      body: { event: 'protection-granted', on: '2016-05-26', facts: { validUntil: '2017-05-26' } },
    });
    expect(readRecordEvent(en, { on: '2016-02-20', 'fact.forum': 'court' }, event('complaint-filed'))).toMatchObject({ ok: true, body: { facts: { forum: 'court' } } });
    const refused = readRecordEvent(ru, { on: '2016-02-20', 'fact.forum': 'parliament' }, event('complaint-filed'));
    expect(refused).toMatchObject({ ok: false, errors: [{ field: 'fact.forum', message: expect.stringMatching(/: выберите одно из предложенных значений$/) }] });
    // A fact the event does not carry is not read at all.
    expect(readRecordEvent(en, { on: '2015-11-02', 'fact.validUntil': '2016-01-01' }, event('application-lodged'))).toEqual({ ok: true, body: { event: 'application-lodged', on: '2015-11-02' } });
  });

  it('asks for the event, the date and the reason of a correction', () => {
    expect(readCorrectDate(ru, { eventId: '9', correctedDate: '2016-01-27', reason: '' }, [1, 2, 3])).toEqual({
      ok: false,
      errors: [
        { field: 'eventId', message: 'Событие, дату которого нужно исправить: выберите одно из предложенных значений' },
        { field: 'reason', message: 'Причина: заполните это поле' },
      ],
    });
    expect(readCorrectDate(en, { eventId: '2', correctedDate: '2016-01-27', reason: 'typed the postmark' }, [1, 2])).toEqual({ ok: true, body: { eventId: 2, correctedDate: '2016-01-27', reason: 'typed the postmark' } });
  });

  it('closes only for a reason the form offers', () => {
    expect(readClose(en, { closeReason: 'left-country', closedOn: '2016-06-01' })).toEqual({ ok: true, body: { reason: 'left-country', closedOn: '2016-06-01' } });
    expect(readClose(ru, { closeReason: 'bored', closedOn: '' })).toMatchObject({ ok: false, errors: [{ field: 'closeReason' }, { field: 'closedOn' }] });
  });

  it('opens a case only with a number of its jurisdiction and the offered office and caseworker', () => {
    const offered = { procedures: ['RU/temporary-asylum'], offices: ['msk-1'], caseworkers: ['cw-ru'] };
    expect(readOpenCase(en, { caseNumber: ' ru-ta-2016-0042 ', procedure: 'RU/temporary-asylum', office: 'msk-1', caseworker: 'cw-ru', pseudonym: 'Applicant-7F3A' }, offered)).toEqual({
      ok: true,
      body: { caseNumber: 'RU-TA-2016-0042', jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-ru', applicant: { pseudonym: 'Applicant-7F3A' } },
    });
    const wrong = readOpenCase(ru, { caseNumber: 'DE-AS-2016-0042', procedure: 'RU/temporary-asylum', office: 'spb-1', caseworker: 'cw-ru' }, offered);
    expect(wrong).toEqual({
      ok: false,
      errors: [
        { field: 'office', message: 'Отделение: выберите одно из предложенных значений' },
        { field: 'caseNumber', message: 'Номер дела: номер дела этой процедуры начинается с RU-' },
      ],
    });
  });

  it('reads a body that is not a form of strings as empty fields, never as values', () => {
    expect(formFields({ on: ['2016-01-01', '2016-01-02'], note: 7, event: 'application-lodged' })).toEqual({ on: '', note: '', event: 'application-lodged' });
    expect(formFields(undefined)).toEqual({});
  });
});
