import type { RefusedForm } from './form-parts';
import { FormParts } from './form-parts';
import { deskPage, type DeskViewer } from './desk-shell';
import { html, type SafeHtml } from './html';
import type { Translator } from './i18n/translator';
import { cardTable, type Column } from './my-work-page';
import { STAFF_FORM_LABELS } from './staff-forms';
import { STAFF_LANGUAGES, STAFF_ROLES, type StaffMember } from '../../store/staff-directory';

/** A member as the directory page lists them: the record, and when (if ever) they set a password. */
export interface ListedMember {
  member: StaffMember;
  passwordSetAt: string | null;
}

export const staffPath = (id: string) => `/desk/staff/${encodeURIComponent(id)}`;

/** Each language named in itself, as language switches do. */
export const LANGUAGE_NAMES: Record<StaffMember['language'], string> = { ru: 'Русский', en: 'English' };

export const roleChoices = (t: Translator) => STAFF_ROLES.map((role) => ({ value: role, text: t.t(`role.${role}`) }));
export const languageChoices = () => STAFF_LANGUAGES.map((language) => ({ value: language, text: LANGUAGE_NAMES[language] }));

/** Whether and since when a member can sign in. */
export function signInState(t: Translator, passwordSetAt: string | null): string {
  return passwordSetAt ? t.t('staff.signIn.since', { date: t.date(passwordSetAt.slice(0, 10)) }) : t.t('staff.signIn.notYet');
}

/** How a member is reached, the same fields on the form that adds them and the one that changes them. */
export function contactFields(parts: FormParts): SafeHtml {
  const label = (field: keyof typeof STAFF_FORM_LABELS) => parts.t.t(STAFF_FORM_LABELS[field]);
  return html`${parts.text('email', label('email'), { max: 320 })}
      ${parts.text('webhookUrl', label('webhookUrl'), { max: 2000 })}
      ${parts.text('webhookSecretRef', label('webhookSecretRef'), { max: 128 })}`;
}

function addForm(viewer: DeskViewer, refused: RefusedForm | undefined): SafeHtml {
  const { t } = viewer;
  const parts = new FormParts(t, 'add-staff', refused);
  const label = (field: keyof typeof STAFF_FORM_LABELS) => t.t(STAFF_FORM_LABELS[field]);
  return html`<section class="desk-panel" aria-labelledby="add-staff-title"><h2 id="add-staff-title">${t.t('staff.add.title')}</h2><p>${t.t('staff.add.lead')}</p>
    <form method="post" action="/desk/staff" novalidate>
      ${parts.summary()}
      <input type="hidden" name="csrfToken" value="${viewer.csrfToken}">
      ${parts.text('id', label('id'), { required: true, max: 64 })}
      ${parts.text('displayName', label('displayName'), { required: true, max: 200 })}
      ${parts.select('role', label('role'), roleChoices(t))}
      ${parts.text('office', label('office'), { required: true, max: 64 })}
      ${parts.select('language', label('language'), languageChoices())}
      ${contactFields(parts)}
      <p><button type="submit">${t.t('staff.add.submit')}</button></p>
    </form></section>`;
}

/** `/desk/staff`: the staff directory, each member one click from their page, and the form that adds one. */
export function staffDirectoryPage(viewer: DeskViewer, listing: { members: ListedMember[]; includeInactive: boolean; refused?: RefusedForm }): string {
  const { t } = viewer;
  const columns: Column<ListedMember>[] = [
    { label: t.t('staff.column.name'), cell: ({ member }) => html`<a href="${staffPath(member.id)}">${member.displayName}</a>` },
    { label: t.t('staff.column.id'), cell: ({ member }) => member.id },
    { label: t.t('staff.column.role'), cell: ({ member }) => t.t(`role.${member.role}`) },
    { label: t.t('staff.column.office'), cell: ({ member }) => member.office },
    { label: t.t('staff.column.language'), cell: ({ member }) => LANGUAGE_NAMES[member.language] },
    { label: t.t('staff.column.email'), cell: ({ member }) => member.email ?? t.t('staff.none') },
    { label: t.t('staff.column.webhook'), cell: ({ member }) => member.webhook?.url ?? t.t('staff.none') },
    { label: t.t('staff.column.signIn'), cell: ({ passwordSetAt }) => signInState(t, passwordSetAt) },
    { label: t.t('staff.column.active'), cell: ({ member }) => t.t(member.active ? 'act.yes' : 'act.no') },
  ];
  return deskPage({
    viewer,
    title: t.t('staff.title'),
    current: 'staff',
    path: '/desk/staff',
    content: html`<section class="desk-panel"><p>${t.t('staff.lead')}</p>
      <form method="get" action="/desk/staff" class="desk-filters"><p class="field field-check"><input type="checkbox" id="show-inactive" name="all" value="1"${listing.includeInactive ? html` checked` : html``}> <label for="show-inactive">${t.t('staff.showInactive')}</label></p> <button type="submit">${t.t('staff.show')}</button></form>
      ${cardTable(t, t.t('staff.listCaption'), columns, listing.members)}</section>
      ${addForm(viewer, listing.refused)}`,
  });
}
