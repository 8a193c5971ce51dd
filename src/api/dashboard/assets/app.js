/* global document, window, sessionStorage, location, URLSearchParams */
// The supervisor dashboard: plain DOM, no framework and no build step. Every value from the API is
// inserted as text (textContent / setAttribute), never as HTML, so case data cannot inject markup.
'use strict';

const TOKEN_KEY = 'asylum-docket.token';
const SVG_NS = 'http://www.w3.org/2000/svg';
const DAY_MS = 86400000;
const KIND_COLOURS = ['#1f5fbf', '#b3261e', '#a15c00', '#1e7d32', '#6a3fb5', '#00838f', '#ad1457', '#5d4037'];

const $ = (id) => document.getElementById(id);

/**
 * Builds an element; strings among the children become text nodes. `style` is an object applied through
 * the CSSOM, which the page's Content-Security-Policy allows (style attributes it does not).
 */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'style') for (const [property, propertyValue] of Object.entries(value)) node.style.setProperty(property, propertyValue);
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

/**
 * The page works either from the session cookie of a person signed in at /desk/signin (the cookie goes
 * with every request on its own and no script can read it) or from a pasted API token. With a session
 * it holds the session's CSRF token, which requests that change anything must carry.
 */
let session = null;

class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `HTTP ${status}`);
    this.status = status;
  }
}

async function api(path) {
  // x-docket-client: the read audit records this page's reads as the dashboard's.
  const headers = { 'x-docket-client': 'dashboard' };
  if (token()) headers.authorization = `Bearer ${token()}`;
  const response = await fetch(path, { headers });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

function setStatus(text, isError) {
  const status = $('status');
  status.textContent = text || '';
  status.className = isError ? 'status error' : 'status';
}

function caseLink(caseNumber) {
  return el('a', { href: `#/cases/${encodeURIComponent(caseNumber)}` }, caseNumber);
}

function table(headers, rows, emptyText) {
  if (rows.length === 0) return el('p', { class: 'empty' }, emptyText);
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, headers.map((header) => el('th', { class: header.num ? 'num' : undefined }, header.label)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((cell, index) => el('td', { class: headers[index].num ? 'num' : undefined }, cell))))),
  );
}

function panel(title, ...content) {
  return el('section', { class: 'panel' }, el('h2', {}, title), ...content);
}

function figure(value, label, tone) {
  return el('div', { class: `figure ${tone || ''}` }, el('div', { class: 'value' }, String(value)), el('div', { class: 'label' }, label));
}

function kindColour(kind, kinds) {
  return KIND_COLOURS[kinds.indexOf(kind) % KIND_COLOURS.length];
}

function daysUntil(endsAt, now) {
  return Math.max(0, Math.floor((Date.parse(endsAt) - now) / DAY_MS));
}

/** Upcoming deadlines as dots on a day axis, stacked where several fall on one day; each links to its case. */
function timelineChart(upcoming, horizonDays, now) {
  const kinds = [...new Set(upcoming.map((item) => item.nextDeadline.kind))].sort();
  const perDay = new Map();
  for (const item of upcoming) {
    const day = daysUntil(item.nextDeadline.endsAt, now);
    if (!perDay.has(day)) perDay.set(day, []);
    perDay.get(day).push(item);
  }
  const tallest = Math.max(1, ...[...perDay.values()].map((items) => items.length));
  const left = 30;
  const width = 960;
  const step = (width - left - 10) / horizonDays;
  const radius = Math.max(2.5, Math.min(6, step / 2));
  const rowHeight = radius * 2 + 2;
  const plotHeight = Math.min(tallest, 20) * rowHeight + 10;
  const axisY = plotHeight + 4;
  const height = axisY + 34;

  const ticks = [];
  for (let day = 0; day <= horizonDays; day += 7) {
    const x = left + day * step;
    const date = new Date(now + day * DAY_MS).toISOString().slice(5, 10);
    ticks.push(svg('line', { x1: x, x2: x, y1: axisY, y2: axisY + 5, class: 'axis' }));
    ticks.push(svg('text', { x, y: axisY + 18, 'text-anchor': 'middle' }, day === 0 ? 'today' : date));
  }
  const dots = [];
  for (const [day, items] of perDay) {
    items.forEach((item, index) => {
      const row = Math.min(index, 19);
      const title = `${item.caseNumber} · ${item.nextDeadline.kind} · due ${item.nextDeadline.dueDate} · ${item.office}/${item.caseworker}`;
      dots.push(
        svg(
          'a',
          { href: `#/cases/${encodeURIComponent(item.caseNumber)}` },
          svg('circle', { cx: left + day * step + step / 2, cy: plotHeight - row * rowHeight - radius, r: radius, fill: kindColour(item.nextDeadline.kind, kinds) }, svg('title', {}, title)),
        ),
      );
    });
  }
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Upcoming deadlines over the next ${horizonDays} days` },
    svg('line', { x1: left, x2: width - 10, y1: axisY, y2: axisY, class: 'axis' }),
    ...ticks,
    ...dots,
  );
  const legend = el('div', { class: 'legend' }, kinds.map((kind) => el('span', { style: { '--swatch': kindColour(kind, kinds) } }, kind)));
  return el('div', { class: 'chart' }, chart, upcoming.length === 0 ? el('p', { class: 'empty' }, 'No deadlines in this period.') : legend);
}

function stageBars(byStage) {
  const entries = Object.entries(byStage).filter(([, count]) => count > 0);
  if (entries.length === 0) return el('p', { class: 'empty' }, 'No cases yet.');
  const largest = Math.max(...entries.map(([, count]) => count));
  return el(
    'div',
    { class: 'bars' },
    entries.map(([stage, count]) =>
      el('div', { class: 'row' }, el('span', {}, stage), el('div', { class: 'track' }, el('div', { class: 'fill', style: { width: `${(100 * count) / largest}%` } })), el('span', { class: 'num' }, String(count))),
    ),
  );
}

function upcomingTable(items) {
  return table(
    [{ label: 'Due' }, { label: 'Case' }, { label: 'Deadline' }, { label: 'Stage' }, { label: 'Office' }, { label: 'Caseworker' }],
    items.map((item) => [item.nextDeadline.dueDate, caseLink(item.caseNumber), item.nextDeadline.kind, item.stage, item.office, item.caseworker]),
    'Nothing due.',
  );
}

async function showOverview(principal) {
  if (principal.role === 'admin') {
    $('view').replaceChildren(panel('Administrator', el('p', {}, 'Administrator tokens manage access and do not see case data. Use a supervisor token for the dashboard.')));
    return;
  }
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const office = principal.role === 'caseworker' ? principal.office : params.get('office') || '';
  setStatus('Loading…');
  const [overview, inbox] = await Promise.all([api(`/api/overview${office ? `?office=${encodeURIComponent(office)}` : ''}`), api('/api/messages?limit=10')]);
  const now = Date.parse(overview.generatedAt);
  const within = (days) => overview.upcoming.filter((item) => Date.parse(item.nextDeadline.endsAt) < now + days * DAY_MS);

  const picker =
    principal.role === 'supervisor'
      ? el(
          'form',
          { class: 'office-picker', id: 'office-form' },
          el('label', { for: 'office' }, 'Office'),
          el('input', { id: 'office', name: 'office', value: office, placeholder: 'all offices' }),
          el('button', { type: 'submit' }, 'Show'),
        )
      : el('p', {}, `Office ${principal.office}`);
  if (picker.tagName === 'FORM') {
    picker.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = picker.querySelector('input').value.trim();
      location.hash = chosen ? `#/?office=${encodeURIComponent(chosen)}` : '#/';
    });
  }

  $('view').replaceChildren(
    picker,
    el(
      'div',
      { class: 'figures' },
      figure(overview.openCases, 'open cases'),
      figure(overview.dueWithin7Days, 'deadlines in 7 days', overview.dueWithin7Days > 0 ? 'warn' : ''),
      figure(overview.dueWithin30Days, 'deadlines in 30 days'),
      figure(overview.missed.length, `missed (last ${overview.missedLookbackDays} days)`, overview.missed.length > 0 ? 'bad' : ''),
    ),
    panel(`Upcoming deadlines, next ${overview.horizonDays} days`, timelineChart(overview.upcoming, overview.horizonDays, now)),
    el(
      'div',
      { class: 'grid' },
      panel('Due in the next 7 days', upcomingTable(within(7))),
      panel('Due in the next 30 days', upcomingTable(within(30))),
    ),
    el(
      'div',
      { class: 'grid' },
      panel(
        'Missed deadlines',
        table(
          [{ label: 'Was due' }, { label: 'Case' }, { label: 'Deadline' }, { label: 'Who acts' }, { label: 'Office' }, { label: 'Caseworker' }],
          overview.missed.map((item) => [item.dueDate, caseLink(item.caseNumber), item.title.en, item.owner, item.office, item.caseworker]),
          'No missed deadlines.',
        ),
      ),
      panel('Cases by stage', stageBars(overview.byStage)),
    ),
    panel(
      'Your messages (outbox)',
      table(
        [{ label: 'Sent' }, { label: 'About' }, { label: 'Message' }],
        inbox.messages.map((message) => [
          new Date(message.createdAt).toLocaleString(),
          message.caseNumber.startsWith('digest/') ? 'daily digest' : caseLink(message.caseNumber),
          el('details', {}, el('summary', {}, message.subject), el('pre', { lang: message.language }, message.body)),
        ]),
        'No messages.',
      ),
    ),
    panel(
      'Workload per caseworker',
      table(
        [{ label: 'Caseworker' }, { label: 'Office' }, { label: 'Open cases', num: true }, { label: 'Due in 30 days', num: true }, { label: 'Missed', num: true }],
        overview.workload.map((load) => [load.caseworker, load.office, String(load.openCases), String(load.dueWithin30Days), String(load.missed)]),
        'No open cases.',
      ),
    ),
  );
  setStatus(`Updated ${new Date(overview.generatedAt).toLocaleString()}`);
}

/**
 * A deadline's citation in English and, where it reads differently, Russian. A deadline computed before
 * citations carried both languages has the English text alone, as a string.
 */
function citation(text) {
  if (typeof text === 'string') return el('span', { lang: 'en' }, text);
  if (text.ru === text.en) return el('span', {}, text.en);
  return [el('span', { lang: 'en' }, text.en), ' · ', el('span', { lang: 'ru' }, text.ru)];
}

/** A period nobody must act on (a court period) is no next deadline, but it runs: said so, rather than "—" as if nothing ran. */
function nextDeadlineText(view) {
  if (view.nextDeadline) return `${view.nextDeadline.title.en}, ${view.nextDeadline.dueDate}`;
  return view.nextForInformation ? `${view.nextForInformation.title.en}, ${view.nextForInformation.dueDate} (for information)` : '—';
}

async function showCase(caseNumber) {
  setStatus('Loading…');
  const [view, timeline] = await Promise.all([api(`/api/cases/${encodeURIComponent(caseNumber)}`), api(`/api/cases/${encodeURIComponent(caseNumber)}/timeline`)]);
  const facts = [
    ['Stage', view.stage],
    ['Attempt', String(view.attempt)],
    ['Jurisdiction / procedure', `${view.jurisdiction} / ${view.procedure}`],
    ['Office', view.office],
    ['Caseworker', view.caseworker],
    ['Protected until', view.protectedUntil || '—'],
    ['Next deadline', nextDeadlineText(view)],
    ['Applicant', view.applicant ? view.applicant.pseudonym : '—'],
    ['Related cases', view.linkedCases.length > 0 ? view.linkedCases.map((link, index) => [index > 0 ? ', ' : '', caseLink(link.caseNumber), ` (${link.relation})`]) : '—'],
  ];
  const deadlines = [...view.deadlines].sort((a, b) => a.deadline.dueDate.localeCompare(b.deadline.dueDate));
  $('view').replaceChildren(
    el('p', {}, el('a', { href: '#/' }, '← Overview')),
    panel(`Case ${view.caseNumber}`, el('dl', { class: 'facts' }, facts.map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]))),
    panel(
      'Deadlines and how they were computed',
      table(
        [{ label: 'Due' }, { label: 'Deadline' }, { label: 'Status' }, { label: 'Who acts' }, { label: 'Basis' }, { label: 'Explanation' }],
        deadlines.map((item) => [
          item.deadline.dueDate,
          item.deadline.title.en + (item.deadline.informational ? ' (for information)' : ''),
          el('span', { class: `tag ${item.status}`, title: item.statusText }, item.statusText),
          item.deadline.owner,
          `${item.deadline.basis}, ${item.deadline.confidence}`,
          el(
            'details',
            {},
            el('summary', {}, citation(item.deadline.citation)),
            el('pre', { lang: 'en' }, item.explanationText.en),
            el('pre', { lang: 'ru' }, item.explanationText.ru),
          ),
        ]),
        'No deadlines yet: record the first event.',
      ),
    ),
    panel(
      'History',
      table(
        [{ label: 'Date' }, { label: 'What' }, { label: 'Detail' }, { label: 'By' }],
        timeline.entries.map((entry) => [entry.date, `${entry.kind}: ${entry.title}`, entry.detail, entry.actor || '']),
        'Nothing recorded.',
      ),
    ),
  );
  setStatus('');
}

async function route(principal) {
  const match = /^#\/cases\/([^?]+)/.exec(location.hash);
  try {
    if (match) await showCase(decodeURIComponent(match[1]));
    else await showOverview(principal);
  } catch (error) {
    if (error.status === 401) {
      // The session or token has ended: show why, beside the ways to sign in again.
      session = null;
      return signOut(error.message);
    }
    $('view').replaceChildren();
    setStatus(error.message, true);
  }
}

/** This browser's session, or why the one it had has ended (nothing when it never signed in). */
async function deskSession() {
  const response = await fetch('/desk/session');
  const body = await response.json().catch(() => null);
  if (response.ok) return { session: body };
  return { endedBecause: body && body.sessionEnded ? body.message : undefined };
}

function signOut(reason) {
  if (session) {
    // Ends the session on the server; the sign-in page follows.
    $('csrf-token').value = session.csrfToken;
    $('sign-out-form').submit();
    return;
  }
  sessionStorage.removeItem(TOKEN_KEY);
  $('view').replaceChildren();
  $('sign-in').hidden = false;
  $('case-search').hidden = true;
  $('sign-out').hidden = true;
  $('who').textContent = '';
  $('sign-in-error').textContent = reason || '';
  setStatus('');
}

async function start() {
  if (!token()) {
    const found = await deskSession();
    session = found.session || null;
    if (!session) return signOut(found.endedBecause);
  }
  let principal;
  try {
    principal = await api('/api/me');
  } catch (error) {
    session = null;
    return signOut(error.message);
  }
  $('sign-in').hidden = true;
  $('sign-out').hidden = false;
  $('case-search').hidden = principal.role === 'admin';
  $('who').textContent = `${principal.staffId} · ${principal.role} · ${principal.office}`;
  window.onhashchange = () => route(principal);
  await route(principal);
}

$('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
  $('token').value = '';
  start();
});
$('sign-out').addEventListener('click', () => signOut());
$('case-search').addEventListener('submit', (event) => {
  event.preventDefault();
  const caseNumber = $('case-number').value.trim().toUpperCase();
  if (caseNumber) location.hash = `#/cases/${encodeURIComponent(caseNumber)}`;
});
start();
