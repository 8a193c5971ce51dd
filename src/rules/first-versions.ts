import type { ChangeEntryInput } from './changelog';
import type { LocalizedText } from './localized-text';

/** The day the shipped packs and calendars were first versioned; what was encoded before is that version. */
const FIRST = { label: '2026.12-1', effectiveFrom: '2026-12-02' } as const;
const REVIEW: LocalizedText = { en: 'the engine maintainers’ review of the cited sources', ru: 'проверка указанных источников разработчиками системы' };

/** A calendar's first changelog entry. */
export const CALENDAR_FIRST_VERSIONED: ChangeEntryInput = {
  ...FIRST,
  change: {
    en: 'First versioned state: the calendar as encoded in the earlier rounds from the acts it cites.',
    ru: 'Первая версия: календарь в том виде, в каком он закодирован ранее по указанным в нём актам.',
  },
  authority: REVIEW,
};

/** A pack's first changelog entry, with what was corrected in it at the same time and on whose authority. */
export function packFirstVersioned(corrected?: { change: LocalizedText; authority: LocalizedText }): ChangeEntryInput {
  const first = {
    en: 'First versioned state: the rules as encoded in the earlier rounds and checked against the sources each rule cites.',
    ru: 'Первая версия: правила в том виде, в каком они закодированы ранее и сверены с источниками, указанными в каждом правиле.',
  };
  return {
    ...FIRST,
    change: corrected ? { en: `${first.en} ${corrected.change.en}`, ru: `${first.ru} ${corrected.change.ru}` } : first,
    authority: corrected?.authority ?? REVIEW,
  };
}
