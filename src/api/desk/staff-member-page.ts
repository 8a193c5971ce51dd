import type { StaffMember } from '../../store/staff-directory';
import { FormParts, type RefusedForm } from './form-parts';
import { deskPage, type DeskViewer } from './desk-shell';
import { html, type SafeHtml } from './html';
import { STAFF_FORM_LABELS, staffFormValues } from './staff-forms';
import { contactFields, LANGUAGE_NAMES, languageChoices, signInState, staffPath } from './staff-directory-page';

export interface StaffMemberView {
  member: StaffMember;
  passwordSetAt: string | null;
  notice?: string;
  refused?: RefusedForm;
}

function details(viewer: DeskViewer, { member, passwordSetAt }: StaffMemberView): SafeHtml {
  const { t } = viewer;
  const row = (label: string, value: string) => html`<dt>${label}</dt><dd>${value}</dd>`;
  return html`<section class="desk-panel" aria-labelledby="details-title"><h2 id="details-title">${t.t('staff.member.details')}</h2>
    ${member.active ? html`` : html`<p class="status">${t.t('staff.member.inactive')}</p>`}
    <dl class="facts">${row(t.t('staff.column.id'), member.id)}${row(t.t('staff.column.role'), t.t(`role.${member.role}`))}${row(t.t('staff.column.office'), member.office)}${row(
      t.t('staff.column.language'),
      LANGUAGE_NAMES[member.language],
    )}${row(t.t('staff.column.signIn'), signInState(t, passwordSetAt))}</dl></section>`;
}

function changeForm(viewer: DeskViewer, view: StaffMemberView): SafeHtml {
  const { t } = viewer;
  const parts = new FormParts(t, 'change-staff', view.refused, staffFormValues(view.member));
  const label = (field: keyof typeof STAFF_FORM_LABELS) => t.t(STAFF_FORM_LABELS[field]);
  return html`<section class="desk-panel" aria-labelledby="change-staff-title"><h2 id="change-staff-title">${t.t('staff.change.title')}</h2>
    <form method="post" action="${staffPath(view.member.id)}" novalidate>
      ${parts.summary()}
      <input type="hidden" name="csrfToken" value="${viewer.csrfToken}">
      ${parts.text('displayName', label('displayName'), { required: true, max: 200 })}
      ${parts.select('language', label('language'), languageChoices())}
      ${contactFields(parts)}
      <p><button type="submit">${t.t('staff.change.submit')}</button></p>
    </form></section>`;
}

function inviteForm(viewer: DeskViewer, view: StaffMemberView): SafeHtml {
  const { t } = viewer;
  const parts = new FormParts(t, 'invite', view.refused);
  const reset = view.passwordSetAt !== null;
  return html`<section class="desk-panel" aria-labelledby="invite-title"><h2 id="invite-title">${t.t('staff.invite.title')}</h2>
    <p>${t.t(reset ? 'staff.invite.leadReset' : 'staff.invite.leadInvite')}</p>
    <form method="post" action="${staffPath(view.member.id)}/invitation">${parts.summary()}<input type="hidden" name="csrfToken" value="${viewer.csrfToken}">
      <p><button type="submit">${t.t(reset ? 'staff.invite.submitReset' : 'staff.invite.submitInvite')}</button></p></form></section>`;
}

function deactivateForm(viewer: DeskViewer, view: StaffMemberView): SafeHtml {
  const { t } = viewer;
  const parts = new FormParts(t, 'deactivate', view.refused);
  return html`<section class="desk-panel" aria-labelledby="deactivate-title"><h2 id="deactivate-title">${t.t('staff.deactivate.title')}</h2>
    <p>${t.t('staff.deactivate.lead')}</p>
    <form method="post" action="${staffPath(view.member.id)}/deactivation" novalidate>${parts.summary()}<input type="hidden" name="csrfToken" value="${viewer.csrfToken}">
      ${parts.checkbox('confirm', t.t('staff.field.confirm'))}
      <p><button type="submit" class="danger">${t.t('staff.deactivate.submit')}</button></p></form></section>`;
}

/** `/desk/staff/<id>`: one member, how they are named and reached, their sign-in link, and leaving. */
export function staffMemberPage(viewer: DeskViewer, view: StaffMemberView): string {
  const { member } = view;
  return deskPage({
    viewer,
    title: member.displayName,
    current: 'staff',
    path: staffPath(member.id),
    content: html`${view.notice ? html`<p class="status" role="status">${view.notice}</p>` : html``}${details(viewer, view)}${
      member.active ? html`${changeForm(viewer, view)}${inviteForm(viewer, view)}${deactivateForm(viewer, view)}` : html``
    }`,
  });
}
