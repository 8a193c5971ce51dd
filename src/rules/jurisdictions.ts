import { DE_CALENDAR } from './calendars/de';
import { RU_CALENDAR } from './calendars/ru';
import { UK_CALENDAR } from './calendars/uk';
import { US_CALENDAR } from './calendars/us';
import type { JurisdictionDefinition } from './engine';
import { DE_ASYLUM } from './packs/de/asylum';
import { DE_ASYLUM_LIFECYCLE } from './packs/de/asylum.lifecycle';
import { RU_REFUGEE_STATUS } from './packs/ru/refugee-status';
import { RU_REFUGEE_STATUS_LIFECYCLE } from './packs/ru/refugee-status.lifecycle';
import { RU_TEMPORARY_ASYLUM } from './packs/ru/temporary-asylum';
import { RU_TEMPORARY_ASYLUM_LIFECYCLE } from './packs/ru/temporary-asylum.lifecycle';
import { UK_ASYLUM } from './packs/uk/asylum';
import { UK_ASYLUM_LIFECYCLE } from './packs/uk/asylum.lifecycle';
import { US_ASYLUM } from './packs/us/asylum';
import { US_ASYLUM_LIFECYCLE } from './packs/us/asylum.lifecycle';

/** The jurisdictions the engine ships with: a zone, a calendar and the rule packs of each. */
export const BUILT_IN_JURISDICTIONS: readonly JurisdictionDefinition[] = [
  {
    code: 'RU',
    name: { en: 'Russian Federation', ru: 'Российская Федерация' },
    zone: 'Europe/Moscow',
    calendar: RU_CALENDAR,
    packs: [RU_TEMPORARY_ASYLUM, RU_REFUGEE_STATUS],
    lifecycles: [RU_TEMPORARY_ASYLUM_LIFECYCLE, RU_REFUGEE_STATUS_LIFECYCLE],
  },
  {
    code: 'US',
    name: { en: 'United States', ru: 'США' },
    // The Board of Immigration Appeals sits in Falls Church, Virginia.
    zone: 'America/New_York',
    calendar: US_CALENDAR,
    packs: [US_ASYLUM],
    lifecycles: [US_ASYLUM_LIFECYCLE],
  },
  {
    code: 'DE',
    name: { en: 'Germany', ru: 'Германия' },
    zone: 'Europe/Berlin',
    calendar: DE_CALENDAR,
    packs: [DE_ASYLUM],
    lifecycles: [DE_ASYLUM_LIFECYCLE],
  },
  {
    code: 'UK',
    name: { en: 'United Kingdom (England and Wales)', ru: 'Великобритания (Англия и Уэльс)' },
    zone: 'Europe/London',
    calendar: UK_CALENDAR,
    packs: [UK_ASYLUM],
    lifecycles: [UK_ASYLUM_LIFECYCLE],
  },
];
