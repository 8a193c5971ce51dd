import { translator } from '../../src/api/desk/i18n/translator';
import { MESSAGES_EN } from '../../src/api/desk/i18n/messages-en';
import type { MessageKey } from '../../src/api/desk/i18n/messages-en';

describe('the desk translator', () => {
  const ru = translator('ru');
  const en = translator('en');

  it('writes Russian dates as dd.mm.yyyy and English ones with the month named', () => {
    expect(ru.date('2016-05-26')).toBe('26.05.2016');
    expect(ru.date('2017-01-03')).toBe('03.01.2017');
    expect(en.date('2016-05-26')).toBe('26 May 2016');
    // Midnight UTC is not the day before anywhere the date is shown: a legal date has no time zone.
    expect(ru.date('2016-02-29')).toBe('29.02.2016');
  });

  it('chooses the Russian plural form by the last digits: 1, 21, 101 день; 2-4, 22-24 дня; 0, 5-20, 25-30 дней', () => {
    const left = (days: number) => ru.t('days.left', { days });
    expect(left(1)).toBe('через 1 день');
    expect(left(2)).toBe('через 2 дня');
    expect(left(4)).toBe('через 4 дня');
    expect(left(5)).toBe('через 5 дней');
    expect(left(11)).toBe('через 11 дней');
    expect(left(12)).toBe('через 12 дней');
    expect(left(21)).toBe('через 21 день');
    expect(left(22)).toBe('через 22 дня');
    expect(left(25)).toBe('через 25 дней');
    expect(left(101)).toBe('через 101 день');
    expect(left(111)).toBe('через 111 дней');
    expect(left(0)).toBe('сегодня');
    expect(ru.t('days.overdue', { days: 3 })).toBe('просрочен на 3 дня');
    expect(ru.t('myWork.protectionEnding', { days: 60 })).toBe('Защита заканчивается в ближайшие 60 дней');
    expect(ru.t('myWork.myCasesCount', { count: 1 })).toBe('У вас 1 открытое дело.');
    expect(ru.t('myWork.myCasesCount', { count: 3 })).toBe('У вас 3 открытых дела.');
    expect(ru.t('myWork.myCasesCount', { count: 7 })).toBe('У вас 7 открытых дел.');
  });

  it('counts characters in the genitive after "не короче": 1 and 21 символа, 12 символов', () => {
    expect(ru.t('signInError.passwordTooShort', { minimum: 12, length: 5 })).toBe('должен быть не короче 12 символов, а в этом — 5');
    expect(ru.t('signInError.passwordTooShort', { minimum: 21, length: 5 })).toBe('должен быть не короче 21 символа, а в этом — 5');
    // CLDR groups thousands in Russian with a no-break space, as Russian typesetting does.
    expect(ru.t('signInError.passwordTooLong', { maximum: 1024 })).toBe('должен быть не длиннее 1\u00a0024 символов');
  });

  it('uses one and other in English', () => {
    expect(en.t('days.left', { days: 1 })).toBe('in 1 day');
    expect(en.t('days.left', { days: 21 })).toBe('in 21 days');
    expect(en.t('days.overdue', { days: 1 })).toBe('1 day overdue');
    expect(en.t('days.reminderBefore', { days: 7, date: '26 May 2016' })).toBe('7 days before, sent 26 May 2016');
  });

  it('formats every message of both catalogues with sample values', () => {
    const values = { count: 2, days: 2, date: 'd', title: 't', staffId: 's', role: 'r', office: 'o', name: 'n', time: '10:15', minimum: 12, maximum: 1024, length: 5, jurisdiction: 'RU', deadline: 'dl', event: 'e', stage: 'st', detail: 'x', fields: 'f', expires: 'ex', email: 'em', id: 'i', pack: 'p', calendar: 'c', files: 'fl', affected: 1, cases: 'cs', years: '2028' };
    for (const key of Object.keys(MESSAGES_EN) as MessageKey[]) {
      expect(en.t(key, values)).not.toBe('');
      expect(ru.t(key, values)).not.toBe('');
    }
  });
});
