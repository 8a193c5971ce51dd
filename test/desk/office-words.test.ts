import { translator } from '../../src/api/desk/i18n/translator';

describe('the office page’s counts in Russian', () => {
  const ru = translator('ru');

  it('take the plural form of the count: 1 (one), 2 (few), 5 (many)', () => {
    expect([1, 2, 5].map((count) => ru.t('office.openCount', { count }))).toEqual(['1 открытое дело', '2 открытых дела', '5 открытых дел']);
    expect([1, 2, 5].map((count) => ru.t('office.missedCount', { count }))).toEqual(['1 пропущенный срок', '2 пропущенных срока', '5 пропущенных сроков']);
    expect([1, 2, 5].map((count) => ru.t('office.authorityOverdueCount', { count }))).toEqual([
      '1 просроченное решение органа',
      '2 просроченных решения органа',
      '5 просроченных решений органа',
    ]);
    expect(ru.t('office.dueWithin', { count: 5, days: 21 })).toBe('5 дел со сроком в ближайший 21 день');
    expect(ru.t('office.protectionEnding', { days: 90 })).toBe('Защита кончается в ближайшие 90 дней');
  });
});
