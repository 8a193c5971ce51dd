import type { FeedRecord } from '../../access/feed-store';
import type { TokenRecord } from '../../access/token-store';
import type { StaffMember } from '../../store/staff-directory';
import { deskPage, type DeskViewer } from './desk-shell';
import { FormParts, type RefusedForm } from './form-parts';
import { html, type SafeHtml } from './html';
import type { Translator } from './i18n/translator';
import { cardTable, type Column } from './my-work-page';
import { staffById, staffName, type StaffById } from './staff-name';

export interface TokensView {
  tokens: TokenRecord[];
  feeds: FeedRecord[];
  /** Everyone in the directory, for names; the active ones are who a token can be issued to. */
  staff: StaffMember[];
  now: Date;
  notice?: string;
  refused?: RefusedForm;
}

/** The labels of the issue form's fields, by the names the form and `POST /api/tokens` give them. */
export const TOKEN_FORM_LABELS = { staffId: 'tokens.field.staffId', label: 'tokens.field.label', expiresInDays: 'tokens.field.expiresInDays' } as const;

const day = (t: Translator, iso: string) => t.date(iso.slice(0, 10));

function revokeButton(t: Translator, csrfToken: string, action: string, id: string): SafeHtml {
  return html`<form method="post" action="${action}" class="inline"><input type="hidden" name="csrfToken" value="${csrfToken}"><button type="submit" class="quiet" aria-label="${t.t('tokens.revokeNamed', { id })}">${t.t('tokens.revoke')}</button></form>`;
}

function status(t: Translator, staff: StaffById, record: { revokedAt: string | null; revokedBy: string | null; expiresAt?: string }, now: Date): SafeHtml | string {
  if (record.revokedAt) return html`${t.t('tokens.status.revoked', { date: day(t, record.revokedAt) })}, ${staffName(staff, record.revokedBy ?? '')}`;
  if (record.expiresAt !== undefined && Date.parse(record.expiresAt) <= now.getTime()) return t.t('tokens.status.expired');
  return t.t('tokens.status.valid');
}

function issueForm(viewer: DeskViewer, view: TokensView): SafeHtml {
  const { t } = viewer;
  const parts = new FormParts(t, 'issue-token', view.refused);
  const active = view.staff.filter((member) => member.active);
  return html`<section class="desk-panel" aria-labelledby="issue-title"><h2 id="issue-title">${t.t('tokens.issue.title')}</h2>
    <form method="post" action="/desk/tokens" novalidate>${parts.summary()}<input type="hidden" name="csrfToken" value="${viewer.csrfToken}">
      ${parts.select('staffId', t.t(TOKEN_FORM_LABELS.staffId), active.map((member) => ({ value: member.id, text: `${member.displayName} (${member.id}, ${t.t(`role.${member.role}`)}, ${member.office})` })))}
      ${parts.text('label', t.t(TOKEN_FORM_LABELS.label), { required: true, max: 120 })}
      ${parts.text('expiresInDays', t.t(TOKEN_FORM_LABELS.expiresInDays), { max: 3 })}
      <p><button type="submit">${t.t('tokens.issue.submit')}</button></p></form></section>`;
}

/** `/desk/tokens`: issuing and revoking API tokens, and revoking calendar feeds, for administrators. */
export function tokensPage(viewer: DeskViewer, view: TokensView): string {
  const { t, csrfToken } = viewer;
  const staff = staffById(view.staff);
  const tokenColumns: Column<TokenRecord>[] = [
    { label: t.t('tokens.column.id'), cell: (token) => html`<code>${token.id}</code>` },
    { label: t.t('tokens.column.for'), cell: (token) => html`${staffName(staff, token.staffId)}, ${t.t(`role.${token.role}`)}, ${token.office}` },
    { label: t.t('tokens.column.label'), cell: (token) => token.label },
    { label: t.t('tokens.column.issued'), cell: (token) => html`${day(t, token.createdAt)}, ${staffName(staff, token.createdBy)}` },
    { label: t.t('tokens.column.expires'), cell: (token) => day(t, token.expiresAt) },
    { label: t.t('tokens.column.status'), cell: (token) => status(t, staff, token, view.now) },
    { label: t.t('tokens.column.action'), cell: (token) => (token.revokedAt ? '' : revokeButton(t, csrfToken, `/desk/tokens/${token.id}/revocation`, token.id)) },
  ];
  const feedColumns: Column<FeedRecord>[] = [
    { label: t.t('feeds.column.id'), cell: (feed) => html`<code>${feed.id}</code>` },
    {
      label: t.t('feeds.column.of'),
      cell: (feed) => (feed.scope === 'office' ? t.t('feeds.scope.office', { office: feed.subject }) : t.t('feeds.scope.caseworker', { name: staff.get(feed.subject)?.displayName ?? feed.subject })),
    },
    { label: t.t('feeds.column.createdBy'), cell: (feed) => html`${day(t, feed.createdAt)}, ${staffName(staff, feed.createdBy)}` },
    { label: t.t('tokens.column.status'), cell: (feed) => status(t, staff, feed, view.now) },
    { label: t.t('tokens.column.action'), cell: (feed) => (feed.revokedAt ? '' : revokeButton(t, csrfToken, `/desk/feeds/${feed.id}/revocation`, feed.id)) },
  ];
  return deskPage({
    viewer,
    title: t.t('tokens.title'),
    current: 'tokens',
    path: '/desk/tokens',
    content: html`${view.notice ? html`<p class="status" role="status">${view.notice}</p>` : html``}<section class="desk-panel"><p>${t.t('tokens.lead')}</p></section>
      ${issueForm(viewer, view)}
      <section class="desk-panel" aria-labelledby="tokens-list-title"><h2 id="tokens-list-title">${t.t('tokens.listTitle')}</h2>${cardTable(t, t.t('tokens.listCaption'), tokenColumns, [...view.tokens].reverse())}</section>
      <section class="desk-panel" aria-labelledby="feeds-list-title"><h2 id="feeds-list-title">${t.t('feeds.listTitle')}</h2>${cardTable(t, t.t('feeds.listCaption'), feedColumns, [...view.feeds].reverse())}</section>`,
  });
}
