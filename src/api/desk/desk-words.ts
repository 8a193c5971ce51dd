import type { PasswordProblem } from '../../access/password-rules';
import type { DeskLanguage } from './desk-language';

/** The form fields of the sign-in pages; each error names one by its label. */
export type DeskField = 'staffId' | 'password' | 'newPassword' | 'repeatPassword';

/** Every word of the sign-in pages, in one shape for both languages so neither can miss a text. */
export interface DeskWords {
  /** The other language's name in itself, for the switch on each page. */
  otherLanguage: { lang: DeskLanguage; name: string };
  fields: Record<DeskField, string>;
  newPasswordHint: string;
  signIn: { title: string; lead: string; submit: string };
  welcome: { title: string; lead(name: string, staffId: string): string; resetNote: string; submit: string };
  unusableLink: { title: string; text: string };
  notices: { 'password-set': string; 'signed-out': string };
  errorsTitle: string;
  errors: {
    staffIdMissing: string;
    staffIdFormat: string;
    passwordMissing: string;
    password(problem: PasswordProblem): string;
    mismatch: string;
    wrongCredentials: string;
    locked(time: string): string;
    foreignForm: string;
    signOutToken: string;
  };
}

const en: DeskWords = {
  otherLanguage: { lang: 'ru', name: 'Русский' },
  fields: { staffId: 'Staff id', password: 'Password', newPassword: 'New password', repeatPassword: 'Repeat the new password' },
  newPasswordHint: 'At least 12 characters. A few words that have nothing to do with each other make a good one.',
  signIn: { title: 'Sign in', lead: 'Sign in with your staff id and the password you set through your invitation link.', submit: 'Sign in' },
  welcome: {
    title: 'Set your password',
    lead: (name, staffId) => `This link lets ${name} set the password to sign in with, together with the staff id ${staffId}. It works once.`,
    resetNote: 'Setting a new password signs you out of every open session.',
    submit: 'Set password',
  },
  unusableLink: {
    title: 'This link cannot be used',
    text: 'It has been used already, a newer link has replaced it, or it is older than 72 hours. Ask an administrator for a new one.',
  },
  notices: { 'password-set': 'Your password is set. Sign in with it.', 'signed-out': 'You are signed out.' },
  errorsTitle: 'Please correct:',
  errors: {
    staffIdMissing: 'enter your staff id',
    staffIdFormat: 'is not a staff id: it is written in lowercase Latin letters, digits and . _ -, such as cw-01',
    passwordMissing: 'enter your password',
    password: (problem) => {
      switch (problem.rule) {
        case 'too-short':
          return `must be at least ${problem.minimum} characters long; this one has ${problem.length}`;
        case 'too-long':
          return `must be at most ${problem.maximum} characters long`;
        case 'is-staff-id':
          return 'must not be your staff id';
        case 'too-common':
          return 'is one of the commonest passwords, the first anyone would try: choose another';
      }
    },
    mismatch: 'does not match the new password',
    wrongCredentials: 'The staff id or the password is not right.',
    locked: (time) => `Too many failed sign-ins. Try again at ${time}.`,
    foreignForm: 'This form can be sent only from this server’s own page: open the page again and retry.',
    signOutToken: 'Signing out needs the page’s own token: reload the page and try again.',
  },
};

const ru: DeskWords = {
  otherLanguage: { lang: 'en', name: 'English' },
  fields: { staffId: 'Идентификатор сотрудника', password: 'Пароль', newPassword: 'Новый пароль', repeatPassword: 'Новый пароль ещё раз' },
  newPasswordHint: 'Не короче 12 символов. Хороший пароль — несколько слов, никак не связанных между собой.',
  signIn: { title: 'Вход', lead: 'Войдите со своим идентификатором сотрудника и паролем, который вы задали по ссылке-приглашению.', submit: 'Войти' },
  welcome: {
    title: 'Задайте пароль',
    lead: (name, staffId) => `По этой ссылке ${name} задаёт пароль для входа с идентификатором сотрудника ${staffId}. Ссылка действует один раз.`,
    resetNote: 'Новый пароль завершит все ваши открытые сеансы.',
    submit: 'Задать пароль',
  },
  unusableLink: {
    title: 'Эта ссылка недействительна',
    text: 'Ею уже воспользовались, её заменила более новая ссылка или с её выдачи прошло больше 72 часов. Попросите администратора прислать новую.',
  },
  notices: { 'password-set': 'Пароль задан. Войдите с ним.', 'signed-out': 'Вы вышли из системы.' },
  errorsTitle: 'Исправьте, пожалуйста:',
  errors: {
    staffIdMissing: 'введите свой идентификатор',
    staffIdFormat: 'это не идентификатор сотрудника: он пишется строчными латинскими буквами, цифрами и знаками . _ -, например cw-01',
    passwordMissing: 'введите пароль',
    password: (problem) => {
      switch (problem.rule) {
        // The limits are 12 and 1024, both read "символов" after "не короче" / "не длиннее".
        case 'too-short':
          return `должен быть не короче ${problem.minimum} символов, а в этом — ${problem.length}`;
        case 'too-long':
          return `должен быть не длиннее ${problem.maximum} символов`;
        case 'is-staff-id':
          return 'не должен совпадать с вашим идентификатором сотрудника';
        case 'too-common':
          return 'это один из самых распространённых паролей, его попробуют первым: выберите другой';
      }
    },
    mismatch: 'не совпадает с новым паролем',
    wrongCredentials: 'Неверный идентификатор сотрудника или пароль.',
    locked: (time) => `Слишком много неудачных попыток входа. Попробуйте снова в ${time}.`,
    foreignForm: 'Эту форму можно отправить только со страницы этого сервера: откройте страницу заново и повторите.',
    signOutToken: 'Для выхода нужен ключ самой страницы: обновите страницу и попробуйте снова.',
  },
};

export const DESK_WORDS: Record<DeskLanguage, DeskWords> = { en, ru };
