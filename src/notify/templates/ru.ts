import type { Phrasebook } from './phrasebook';

const pluralRules = new Intl.PluralRules('ru');
const days = (n: number) => {
  const form = pluralRules.select(n);
  return `${n} ${form === 'one' ? 'день' : form === 'few' ? 'дня' : 'дней'}`;
};

export const ru: Phrasebook = {
  formatDate: (date) => date.split('-').reverse().join('.'),
  daysLeft: (n) => (n === 0 ? 'Срок истекает сегодня.' : `Осталось ${days(n)}.`),
  daysOverdue: (n) => `Просрочено на ${days(n)}.`,
  labels: { case: 'Дело', rule: 'Правило', citation: 'Норма', caseworker: 'Ответственный сотрудник' },
  greeting: (displayName) => `Здравствуйте, ${displayName}!`,
  reminder: {
    subject: (title, due, caseNumber) => `[asylum-docket] Напоминание: ${title} до ${due} (дело ${caseNumber})`,
    lead: 'приближается срок по одному из ваших дел.',
  },
  escalation: {
    subject: (title, due, caseNumber) => `[asylum-docket] Эскалация: ${title} до ${due} (дело ${caseNumber})`,
    reasons: {
      missed: 'Срок истёк, а действие, которое его соблюдает, не зарегистрировано.',
      lapsed: 'Срок защиты истёк, а продление не зарегистрировано.',
      'authority-overdue': 'Орган власти не принял решение в установленный законом срок.',
      'moved-earlier': 'Руководитель перевёл дело на новые данные правил, и этот срок теперь наступает РАНЬШЕ, чем прежде.',
    },
  },
  deadlineChanged: {
    subject: (title, caseNumber) => `[asylum-docket] Срок изменён новыми данными правил: ${title} (дело ${caseNumber})`,
    lead: 'одно из ваших дел переведено на установленные сейчас данные правил, и срок изменился.',
    moved: (from, to) => `Срок перенесён с ${from} на ${to}.`,
    added: (due) => `Это новый срок, до ${due}.`,
    removed: (due) => `Срок до ${due} по новым данным правил больше не действует.`,
  },
  deliveryFailed: {
    subject: (caseNumber) => `[asylum-docket] Напоминание не доставлено (дело ${caseNumber})`,
    lead: (caseworker, channel) => `напоминание сотруднику ${caseworker} не удалось доставить (канал: ${channel}).`,
    error: 'Ошибка',
    ask: 'Пожалуйста, убедитесь, что сотрудник знает об этом сроке, и исправьте его контактные данные.',
    noActiveCaseworker: (caseworker, status) =>
      `напоминание по этому делу не удалось отправить: ответственный сотрудник ${caseworker} ${status === 'deactivated' ? 'деактивирован' : 'отсутствует в справочнике сотрудников'}.`,
    reassign: 'Пожалуйста, передайте дело активному сотруднику и проследите, чтобы этот срок был соблюдён.',
  },
  footer: 'Отправлено системой asylum-docket. Полная история дела — на рабочем месте сотрудника.',
};
