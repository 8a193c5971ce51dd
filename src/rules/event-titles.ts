import type { LocalizedText } from './localized-text';
import { TRIGGER_EVENTS } from './types';

type KnownEvent = (typeof TRIGGER_EVENTS)[number];

/** How staff read each event of the shared vocabulary; packs may only use events named here. */
export const EVENT_TITLES: Readonly<Record<KnownEvent, LocalizedText>> = {
  'application-lodged': { en: 'application lodged', ru: 'подано заявление (ходатайство)' },
  'refusal-notice-received': { en: 'written refusal notice received', ru: 'получено письменное уведомление об отказе' },
  'protection-granted': { en: 'protection granted', ru: 'предоставлена защита' },
  'complaint-filed': { en: 'complaint or appeal filed', ru: 'подана жалоба' },
  'final-refusal-notice-received': {
    en: 'notice refusing the complaint received (final refusal)',
    ru: 'получено уведомление об отказе по жалобе (окончательный отказ)',
  },
  'refusal-overturned': {
    en: 'refusal overturned on complaint or appeal',
    ru: 'отказ отменён по жалобе или в суде',
  },
  'renewal-filed': { en: 'application to extend filed', ru: 'подано заявление о продлении' },
  'protection-extended': { en: 'protection extended', ru: 'срок защиты продлён' },
  'renewal-refusal-notice-received': { en: 'refusal to extend received', ru: 'получен отказ в продлении' },
  'protection-withdrawal-notice-received': {
    en: 'notice of loss or withdrawal of protection received',
    ru: 'получено уведомление об утрате или лишении защиты',
  },
  'certificate-issued': { en: 'certificate issued', ru: 'выдано свидетельство' },
  'last-arrival': { en: 'last arrival in the country', ru: 'последний въезд в страну' },
  'decision-served': { en: 'decision served', ru: 'решение вручено' },
  'oral-decision': { en: 'oral decision stated', ru: 'решение оглашено устно' },
  'written-decision-mailed': { en: 'written decision mailed', ru: 'письменное решение отправлено почтой' },
  'decision-sent': { en: 'notice of decision sent', ru: 'уведомление о решении отправлено' },
};

export function eventTitle(event: string): LocalizedText | undefined {
  return Object.prototype.hasOwnProperty.call(EVENT_TITLES, event) ? EVENT_TITLES[event as KnownEvent] : undefined;
}
