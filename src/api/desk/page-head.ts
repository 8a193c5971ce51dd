import { html, type SafeHtml } from './html';

/**
 * The opening of every desk page up to its body: the language, a viewport for phones, no Referer (a
 * case number in a link must not travel to another site), the title and the page's own assets.
 */
export function pageHead(language: string, title: string, assets: SafeHtml): SafeHtml {
  return html`<!doctype html>
<html lang="${language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <title>${title} · asylum-docket</title>
  ${assets}
</head>`;
}
