import type { DeskLanguage } from './desk-language';
import { DESK_WORDS, type DeskField, type DeskWords } from './desk-words';
import { html, type SafeHtml } from './html';
import { pageHead } from './page-head';

/** One problem with what was sent, already worded "Field label: what is wrong" in the page's language. */
export interface FieldError {
  field: DeskField;
  message: string;
}

/** What the pages around the forms show: a refusal that is about no single field, or a notice. */
export interface Announcement {
  kind: 'error' | 'notice';
  text: string;
}

function layout(language: DeskLanguage, title: string, content: SafeHtml, switchHref: string): string {
  const words = DESK_WORDS[language];
  return html`${pageHead(language, title, html`<link rel="stylesheet" href="/desk/desk.css">
  <script src="/desk/desk.js" defer></script>`)}
<body>
  <header class="desk-bar"><a class="brand" href="/desk/signin">asylum-docket</a></header>
  <main>
    <section class="desk-panel narrow">
      <h1>${title}</h1>
      ${content}
      <p><a href="${switchHref}" lang="${words.otherLanguage.lang}" hreflang="${words.otherLanguage.lang}">${words.otherLanguage.name}</a></p>
    </section>
  </main>
</body>
</html>
`.markup;
}

function announcement(item: Announcement | undefined): SafeHtml {
  if (!item) return html``;
  return item.kind === 'error' ? html`<p class="error" role="alert">${item.text}</p>` : html`<p class="status" role="status">${item.text}</p>`;
}

/** The list at the top that a screen reader announces, each entry linking to its field. */
function errorSummary(words: DeskWords, errors: readonly FieldError[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="error" role="alert" id="form-errors"><p>${words.errorsTitle}</p><ul>${errors.map(
    (error) => html`<li><a href="#${error.field}">${error.message}</a></li>`,
  )}</ul></div>`;
}

interface FieldOptions {
  type: 'text' | 'password';
  autocomplete: string;
  value?: string;
  hint?: string;
}

function field(words: DeskWords, name: DeskField, errors: readonly FieldError[], options: FieldOptions): SafeHtml {
  const error = errors.find((candidate) => candidate.field === name);
  const described = [options.hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return html`<label for="${name}">${words.fields[name]}</label>
      <input id="${name}" name="${name}" type="${options.type}" autocomplete="${options.autocomplete}" required${
        options.type === 'text' ? html` autocapitalize="none" spellcheck="false" value="${options.value ?? ''}"` : html``
      }${described ? html` aria-describedby="${described}"` : html``}${error ? html` aria-invalid="true"` : html``}>
      ${options.hint ? html`<p class="hint" id="${name}-hint">${options.hint}</p>` : html``}
      ${error ? html`<p class="error" id="${name}-error">${error.message}</p>` : html``}`;
}

export interface SignInPage {
  language: DeskLanguage;
  staffId?: string;
  errors?: readonly FieldError[];
  announcement?: Announcement;
}

/** `/desk/signin`. The form posts to itself, keeping the language chosen; the script adds the browser's time zone. */
export function signInPage(page: SignInPage): string {
  const words = DESK_WORDS[page.language];
  const errors = page.errors ?? [];
  return layout(
    page.language,
    words.signIn.title,
    html`<p>${words.signIn.lead}</p>
      ${announcement(page.announcement)}
      ${errorSummary(words, errors)}
      <form method="post" action="/desk/signin?lang=${page.language}" novalidate>
      <input type="hidden" name="timeZone" value="">
      ${field(words, 'staffId', errors, { type: 'text', autocomplete: 'username', ...(page.staffId !== undefined ? { value: page.staffId } : {}) })}
      ${field(words, 'password', errors, { type: 'password', autocomplete: 'current-password' })}
      <button type="submit">${words.signIn.submit}</button>
      </form>`,
    `/desk/signin?lang=${words.otherLanguage.lang}`,
  );
}

export interface WelcomePage {
  language: DeskLanguage;
  /** The link's own path, which the form posts back to. */
  path: string;
  staffId: string;
  displayName: string;
  purpose: 'invite' | 'reset';
  errors?: readonly FieldError[];
}

/** `/desk/welcome/<secret>`: where an invited (or reset) member sets their password, in their own language. */
export function welcomePage(page: WelcomePage): string {
  const words = DESK_WORDS[page.language];
  const errors = page.errors ?? [];
  return layout(
    page.language,
    words.welcome.title,
    html`<p>${words.welcome.lead(page.displayName, page.staffId)}</p>
      ${page.purpose === 'reset' ? html`<p>${words.welcome.resetNote}</p>` : html``}
      ${errorSummary(words, errors)}
      <form method="post" action="${page.path}?lang=${page.language}" novalidate>
      <input type="text" name="username" autocomplete="username" value="${page.staffId}" hidden>
      ${field(words, 'newPassword', errors, { type: 'password', autocomplete: 'new-password', hint: words.newPasswordHint })}
      ${field(words, 'repeatPassword', errors, { type: 'password', autocomplete: 'new-password' })}
      <button type="submit">${words.welcome.submit}</button>
      </form>`,
    `${page.path}?lang=${words.otherLanguage.lang}`,
  );
}

/** A link that is unknown, used, replaced or expired: one page for all, which tells nothing of whose it was. */
export function unusableLinkPage(language: DeskLanguage, path: string): string {
  const words = DESK_WORDS[language];
  return layout(language, words.unusableLink.title, html`<p>${words.unusableLink.text}</p>`, `${path}?lang=${words.otherLanguage.lang}`);
}

/** A refusal with no form to show again (a form posted from another site, a sign-out without its token), and the way back. */
export function refusalPage(language: DeskLanguage, text: string): string {
  const words = DESK_WORDS[language];
  return layout(
    language,
    words.signIn.title,
    html`${announcement({ kind: 'error', text })}<p><a href="/desk/signin?lang=${language}">${words.signIn.title}</a></p>`,
    `/desk/signin?lang=${words.otherLanguage.lang}`,
  );
}
