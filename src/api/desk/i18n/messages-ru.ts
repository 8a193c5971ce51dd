import type { MessageKey } from './messages-en';

/**
 * The Russian catalogue: the same keys as the English one (the type makes a missing one a compile
 * error). Plurals name all four CLDR categories of Russian: one (1, 21, 101), few (2-4, 22-24), many
 * (0, 5-20, 25-30), other (fractions).
 */
export const MESSAGES_RU: Record<MessageKey, string> = {
  'shell.skipToContent': 'Перейти к содержанию',
  'shell.navigation': 'Главное меню',
  'shell.myWork': 'Моя работа',
  'shell.cases': 'Дела',
  'shell.office': 'Отделение',
  'shell.staff': 'Сотрудники',
  'shell.tokens': 'Токены',
  'shell.signOut': 'Выйти',
  'shell.signedInAs': 'Вы вошли как {staffId} ({role}, отделение {office})',
  'shell.searchLabel': 'Найти дело по номеру',
  'shell.searchButton': 'Найти',
  'shell.languageSwitch': 'English',

  'role.caseworker': 'специалист',
  'role.supervisor': 'руководитель',
  'role.admin': 'администратор',

  'myWork.title': 'Моя работа',
  'myWork.myCases': 'Мои дела',
  'myWork.myCasesCount':
    '{count, plural, =0 {У вас нет открытых дел.} one {У вас # открытое дело.} few {У вас # открытых дела.} many {У вас # открытых дел.} other {У вас # открытого дела.}}',
  'myWork.overdue': 'Просрочено',
  'myWork.dueToday': 'Срок сегодня',
  'myWork.dueThisWeek': 'Срок в ближайшие 7 дней',
  'myWork.reminders': 'Напоминания, которые я не подтвердил(а)',
  'myWork.protectionEnding': 'Защита заканчивается в ближайшие {days, plural, one {# день} few {# дня} many {# дней} other {# дня}}',
  'myWork.nothing': 'Ничего нет.',

  'column.case': 'Дело',
  'column.stage': 'Стадия',
  'column.deadline': 'Срок',
  'column.dueDate': 'Истекает',
  'column.when': 'Когда',
  'column.nextDeadline': 'Ближайший срок',
  'column.protectedUntil': 'Защита до',
  'column.whoActs': 'Кто действует',
  'column.reminder': 'Напоминание',

  'days.left': '{days, plural, =0 {сегодня} one {через # день} few {через # дня} many {через # дней} other {через # дня}}',
  'days.overdue': '{days, plural, one {просрочен на # день} few {просрочен на # дня} many {просрочен на # дней} other {просрочен на # дня}}',
  'days.reminderBefore':
    '{days, plural, =0 {в день истечения} one {за # день} few {за # дня} many {за # дней} other {за # дня}}, отправлено {date}',
  'deadline.forInformation': '{title} (для сведения), {date}',
  'deadline.none': 'нет',

  'owner.applicant': 'заявитель',
  'owner.authority': 'орган',

  'stage.opened': 'открыто',
  'stage.lodged': 'заявление подано',
  'stage.under-consideration': 'рассматривается',
  'stage.awaiting-decision': 'ожидается новое решение',
  'stage.refused': 'отказ',
  'stage.complaint-pending': 'жалоба на рассмотрении',
  'stage.granted': 'защита предоставлена',
  'stage.renewal-filed': 'подано заявление о продлении',
  'stage.extended': 'защита продлена',
  'stage.renewal-refused': 'отказ в продлении',
  'stage.protection-withdrawn': 'защита утрачена или отозвана',
  'stage.lapsed': 'срок защиты истёк',
  'stage.departure-period': 'срок для выезда',
  'stage.finally-refused': 'окончательный отказ',
  'stage.closed': 'закрыто',

  'status.open': 'открыт',
  'status.met': 'соблюдён',
  'status.superseded': 'больше не нужен',
  'status.void': 'недействителен',
  'status.waived': 'отказ от права',
  'status.missed': 'пропущен',
  'status.expired': 'истёк (для сведения)',

  'admin.title': 'Администрирование',
  'admin.lead': 'Администраторы управляют сотрудниками, токенами API и календарями. Данные дел им недоступны.',

  'error.back': 'На начальную страницу',
  'error.notFound.title': 'Страница не найдена',
  'error.notFound.text': 'По этому адресу страницы нет.',
  'error.forbidden.title': 'Недоступно для вашей роли',
  'error.forbidden.text': 'Ваша роль не даёт доступа к этой странице.',
  'error.failed.title': 'Что-то пошло не так',
  'error.failed.text': 'Страницу сейчас не удалось показать. Попробуйте ещё раз через минуту; если не получится, сообщите администратору, когда это случилось.',
};
