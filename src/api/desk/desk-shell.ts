import { isAllowed, type Action } from '../../access/permissions';
import type { Principal, Role } from '../../access/roles';
import { html, type SafeHtml } from './html';
import { pageHead } from './page-head';
import type { MessageKey } from './i18n/messages-en';
import type { Translator } from './i18n/translator';

/** The signed-in desk's sections. Each is shown to the roles whose permissions its page needs. */
const SECTIONS = [
  { id: 'work', href: '/desk/work', label: 'shell.myWork', shownTo: (role: Role) => isAllowed(role, 'case.read') },
  { id: 'cases', href: '/desk/cases', label: 'shell.cases', shownTo: (role: Role) => isAllowed(role, 'case.read') },
  // Caseworkers may read their own office's overview in the API, but the Office section is the supervisors' desk.
  { id: 'office', href: '/desk/office', label: 'shell.office', shownTo: (role: Role) => isAllowed(role, 'case.reassign') },
  { id: 'rules', href: '/desk/rules', label: 'shell.rules', shownTo: (role: Role) => isAllowed(role, 'rules.migrate') },
  { id: 'staff', href: '/desk/staff', label: 'shell.staff', shownTo: (role: Role) => isAllowed(role, 'staff.manage') },
  { id: 'tokens', href: '/desk/tokens', label: 'shell.tokens', shownTo: (role: Role) => isAllowed(role, 'tokens.manage') },
] as const satisfies readonly { id: string; href: string; label: MessageKey; shownTo(role: Role): boolean }[];

export type DeskSection = (typeof SECTIONS)[number]['id'];

/** Where a signed-in person starts: My work for those who read cases, the administration page for admins. */
export function homePath(principal: Principal): string {
  return isAllowed(principal.role, 'case.read') ? '/desk/work' : '/desk/admin';
}

/** Who the page is for: the signed-in person, their session's CSRF token (for sign-out) and the page's language. */
export interface DeskViewer {
  principal: Principal;
  /** Their name in the staff directory, shown beside their id. */
  displayName: string;
  csrfToken: string;
  t: Translator;
}

export interface DeskPage {
  viewer: DeskViewer;
  title: string;
  current?: DeskSection;
  /** The page's own path (without the query), for the language switch. */
  path: string;
  content: SafeHtml;
}

const CASE_SEARCH: Action = 'case.read';

/**
 * The one layout of the signed-in desk: a skip link, the sections the person's role may use, the case
 * search (only for roles that read cases), who is signed in, the language switch and sign-out, which
 * posts the session's CSRF token as the sign-out route asks.
 */
export function deskPage(page: DeskPage): string {
  const { principal, csrfToken, t } = page.viewer;
  const other = t.language === 'ru' ? 'en' : 'ru';
  const sections = SECTIONS.filter((section) => section.shownTo(principal.role));
  return html`${pageHead(t.language, page.title, html`<link rel="stylesheet" href="/desk/desk.css">`)}
<body>
  <a class="skip-link" href="#content">${t.t('shell.skipToContent')}</a>
  <header class="desk-bar">
    <a class="brand" href="${homePath(principal)}">asylum-docket</a>
    <nav class="desk-nav" aria-label="${t.t('shell.navigation')}"><ul>${sections.map(
      (section) => html`<li><a href="${section.href}"${section.id === page.current ? html` aria-current="page"` : html``}>${t.t(section.label)}</a></li>`,
    )}</ul></nav>
    <div class="desk-tools">
      ${isAllowed(principal.role, CASE_SEARCH)
        ? html`<form method="get" action="/desk/cases" role="search"><label class="visually-hidden" for="case-search">${t.t('shell.searchLabel')}</label><input id="case-search" type="search" name="q" autocomplete="off" spellcheck="false"><button class="quiet" type="submit">${t.t('shell.searchButton')}</button></form>`
        : html``}
      <span class="who" id="who">${t.t('shell.signedInAs', { name: page.viewer.displayName, staffId: principal.staffId, role: t.t(`role.${principal.role}`), office: principal.office })}</span>
      <a href="${page.path}?lang=${other}" lang="${other}" hreflang="${other}">${t.t('shell.languageSwitch')}</a>
      <form method="post" action="/desk/signout?lang=${t.language}"><input type="hidden" name="csrfToken" value="${csrfToken}"><button class="quiet" type="submit">${t.t('shell.signOut')}</button></form>
    </div>
  </header>
  <main id="content" tabindex="-1">
    <h1>${page.title}</h1>
    ${page.content}
  </main>
</body>
</html>
`.markup;
}

export type DeskErrorKind = 'notFound' | 'forbidden' | 'failed';

/** An error page inside the layout, with the way back to the person's start page. */
export function deskErrorPage(viewer: DeskViewer, kind: DeskErrorKind, path: string): string {
  const { t } = viewer;
  return deskPage({
    viewer,
    title: t.t(`error.${kind}.title`),
    path,
    content: html`<section class="desk-panel"><p>${t.t(`error.${kind}.text`)}</p><p><a href="${homePath(viewer.principal)}">${t.t('error.back')}</a></p></section>`,
  });
}
