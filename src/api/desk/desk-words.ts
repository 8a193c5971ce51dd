import type { PasswordProblem } from '../../access/password-rules';
import type { DeskLanguage } from './desk-language';
import { translator } from './i18n/translator';

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

/**
 * The sign-in pages' words, taken from the desk's catalogue (src/api/desk/i18n), so that every text of
 * the desk is in one place per language and counted with ICU plural rules. The shape stays, so a page
 * cannot ask for a word that is not there.
 */
function wordsIn(language: DeskLanguage): DeskWords {
  const { t } = translator(language);
  return {
    otherLanguage: { lang: language === 'ru' ? 'en' : 'ru', name: t('signIn.otherLanguageName') },
    fields: { staffId: t('field.staffId'), password: t('field.password'), newPassword: t('field.newPassword'), repeatPassword: t('field.repeatPassword') },
    newPasswordHint: t('signIn.newPasswordHint'),
    signIn: { title: t('signIn.title'), lead: t('signIn.lead'), submit: t('signIn.submit') },
    welcome: { title: t('welcome.title'), lead: (name, staffId) => t('welcome.lead', { name, staffId }), resetNote: t('welcome.resetNote'), submit: t('welcome.submit') },
    unusableLink: { title: t('unusableLink.title'), text: t('unusableLink.text') },
    notices: { 'password-set': t('notice.passwordSet'), 'signed-out': t('notice.signedOut') },
    errorsTitle: t('signIn.errorsTitle'),
    errors: {
      staffIdMissing: t('signInError.staffIdMissing'),
      staffIdFormat: t('signInError.staffIdFormat'),
      passwordMissing: t('signInError.passwordMissing'),
      password: (problem) => {
        switch (problem.rule) {
          case 'too-short':
            return t('signInError.passwordTooShort', { minimum: problem.minimum, length: problem.length });
          case 'too-long':
            return t('signInError.passwordTooLong', { maximum: problem.maximum });
          case 'is-staff-id':
            return t('signInError.passwordIsStaffId');
          case 'too-common':
            return t('signInError.passwordTooCommon');
        }
      },
      mismatch: t('signInError.mismatch'),
      wrongCredentials: t('signInError.wrongCredentials'),
      locked: (time) => t('signInError.locked', { time }),
      foreignForm: t('signInError.foreignForm'),
      signOutToken: t('signInError.signOutToken'),
    },
  };
}

export const DESK_WORDS: Record<DeskLanguage, DeskWords> = { en: wordsIn('en'), ru: wordsIn('ru') };
