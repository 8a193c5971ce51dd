import { deskPage, type DeskViewer } from './desk-shell';
import { html } from './html';

/** `/desk/admin`: an administrator's start page, which shows no case data. */
export function adminPage(viewer: DeskViewer): string {
  const { t } = viewer;
  return deskPage({
    viewer,
    title: t.t('admin.title'),
    path: '/desk/admin',
    content: html`<section class="desk-panel"><p>${t.t('admin.lead')}</p><ul><li><a href="/desk/staff">${t.t('shell.staff')}</a></li><li><a href="/desk/tokens">${t.t('shell.tokens')}</a></li></ul></section>`,
  });
}
