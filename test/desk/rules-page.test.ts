import { rulesPage } from '../../src/api/desk/rules-page';
import { translator } from '../../src/api/desk/i18n/translator';
import type { RuleImpact } from '../../src/reports/rule-impact';

const version = (label: string, hash: string) => ({ id: 'ru-production', label, effectiveFrom: '2026-12-01', hash });
const pin = { pack: { ...version('2026.12-1', 'aaaaaaaaaaaa'), id: 'RU/temporary-asylum' }, calendar: version('2026.12-1', 'bbbbbbbbbbbb') };
const impact: RuleImpact = {
  generatedAt: '2026-12-03T09:00:00.000Z',
  installedFiles: ['calendars/ru-2027.yaml'],
  casesChecked: 21,
  pinnedUnchanged: 0,
  wordingOnly: ['RU-TA-2026-0105'],
  unrecorded: [],
  affected: [
    {
      caseNumber: 'RU-TA-2026-0103',
      office: 'msk-1',
      caseworker: 'cw-msk',
      jurisdiction: 'RU',
      procedure: 'temporary-asylum',
      pinned: pin,
      installed: { ...pin, calendar: version('test-2027.2', 'cccccccccccc') },
      deadlines: [
        {
          deadlineId: '3:ru-ta-renewal',
          title: { en: 'Renewal application', ru: 'Заявление о продлении' },
          kind: 'renewal-filing',
          from: '2027-10-29',
          to: '2027-10-28',
          earlier: true,
          explanation: { removed: ['  5. Fri 29 Oct 2027 is a working day: the date stays.'], added: ['  5. Fri 29 Oct 2027 is a day off: the date moves back.'] },
          fallbackCovered: [],
        },
      ],
    },
  ],
};
const viewer = (language: 'ru' | 'en') => ({
  principal: { staffId: 'sv-msk', role: 'supervisor' as const, office: 'msk-1', tokenId: 'dks_test' },
  displayName: 'Supervisor Test',
  csrfToken: 'csrf-test',
  t: translator(language),
});

describe('the rule changes page', () => {
  it('lists each changed deadline with both dates, flags an earlier one, and offers the migration with the CSRF token', () => {
    const page = rulesPage(viewer('en'), { impact });
    expect(page).toContain('21 running cases checked; 1 would change.');
    expect(page).toContain('29 October 2027');
    expect(page).toContain('28 October 2027 <strong class="alert">EARLIER</strong>');
    expect(page).toContain('<del>5. Fri 29 Oct 2027 is a working day: the date stays.</del>');
    expect(page).toContain('Same dates, explanations worded differently (no need to migrate): RU-TA-2026-0105');
    expect(page).toContain('<input type="hidden" name="csrfToken" value="csrf-test">');
    expect(page).toContain('Migrate this case');
  });

  it('speaks Russian with Russian plurals, and offers no form when nothing would change', () => {
    const page = rulesPage(viewer('ru'), { impact });
    expect(page).toContain('Проверено 21 открытое дело; изменится 1.');
    expect(page).toContain('29.10.2027');
    expect(page).toContain('РАНЬШЕ');
    expect(rulesPage(viewer('ru'), { impact: { ...impact, affected: [], wordingOnly: [], unrecorded: [] } })).not.toContain('/desk/rules/migrate');
  });
});
