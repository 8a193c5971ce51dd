import { DE_CALENDAR } from './calendars/de';
import { RU_CALENDAR } from './calendars/ru';
import { UK_CALENDAR } from './calendars/uk';
import { US_CALENDAR } from './calendars/us';
import type { JurisdictionDefinition } from './engine';
import { builtInProceduresOf } from './procedures';

/** The jurisdictions the engine ships with: a zone, a calendar and the rule packs of each. */
export const BUILT_IN_JURISDICTIONS: readonly JurisdictionDefinition[] = [
  {
    code: 'RU',
    name: { en: 'Russian Federation', ru: 'Российская Федерация' },
    zone: 'Europe/Moscow',
    calendar: RU_CALENDAR,
    ...builtInProceduresOf('RU'),
  },
  {
    code: 'US',
    name: { en: 'United States', ru: 'США' },
    // The Board of Immigration Appeals sits in Falls Church, Virginia.
    zone: 'America/New_York',
    calendar: US_CALENDAR,
    ...builtInProceduresOf('US'),
  },
  {
    code: 'DE',
    name: { en: 'Germany', ru: 'Германия' },
    zone: 'Europe/Berlin',
    calendar: DE_CALENDAR,
    ...builtInProceduresOf('DE'),
  },
  {
    code: 'UK',
    name: { en: 'United Kingdom (England and Wales)', ru: 'Великобритания (Англия и Уэльс)' },
    zone: 'Europe/London',
    calendar: UK_CALENDAR,
    ...builtInProceduresOf('UK'),
  },
];
