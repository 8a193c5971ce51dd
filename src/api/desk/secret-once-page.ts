import { deskPage, type DeskSection, type DeskViewer } from './desk-shell';
import { html } from './html';

export interface SecretOnce {
  title: string;
  /** What it is, how long it works, and where it went besides this page. */
  lead: readonly string[];
  label: string;
  secret: string;
  back: { href: string; text: string };
  current: DeskSection;
  path: string;
}

/**
 * A secret the engine keeps only hashed (a sign-in link, an API token), shown the one time it exists
 * in the clear: in a read-only field to copy, on a page no browser or proxy may keep.
 */
export function secretOncePage(viewer: DeskViewer, secret: SecretOnce): string {
  return deskPage({
    viewer,
    title: secret.title,
    current: secret.current,
    path: secret.path,
    content: html`<section class="desk-panel">${secret.lead.map((line) => html`<p>${line}</p>`)}
      <p class="field"><label for="secret-once">${secret.label}</label><input type="text" id="secret-once" class="secret-once" value="${secret.secret}" readonly spellcheck="false" autocomplete="off"></p>
      <p><a href="${secret.back.href}">${secret.back.text}</a></p></section>`,
  });
}
