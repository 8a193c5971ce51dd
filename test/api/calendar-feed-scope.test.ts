import { VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';
import { daysAgo, startApiEngine, type ApiEngine } from './support/api-engine';

const CASEWORKER = 'cw-moved';
const EARLIER_CASE = 'RU-TA-2016-0701';
const CURRENT_CASE = 'RU-TA-2016-0702';

/**
 * Issue 13 item 8: a caseworker's own feed shows what their token may read, their cases in the office
 * the staff directory gives them, and not the cases they still hold in another office.
 */
describe("a caseworker's calendar feed", () => {
  let engine: ApiEngine;

  beforeAll(async () => {
    engine = await startApiEngine('feed-scope');
  });
  afterAll(() => engine?.stop());

  const openLodged = async (caseNumber: string, office: string, supervisor: string) => {
    await engine.cases.open({ caseNumber, jurisdiction: 'RU', procedure: 'temporary-asylum', office, caseworker: CASEWORKER, actor: supervisor });
    await engine.cases.command(caseNumber, 'recordEvent', { event: 'application-lodged', on: daysAgo(5), actor: supervisor });
  };

  it('lists only their cases in their own office, as their token reads them', async () => {
    // Their case in Moscow stays theirs after they moved to St Petersburg, until a supervisor reassigns it.
    await engine.tokenFor('caseworker', CASEWORKER, 'msk-1');
    await openLodged(EARLIER_CASE, 'msk-1', 'sv-msk');
    const caseworker = await engine.tokenFor('caseworker', CASEWORKER, 'spb-1');
    await openLodged(CURRENT_CASE, 'spb-1', 'sv-spb');
    const supervisor = await engine.tokenFor('supervisor', 'sv-spb', 'spb-1');
    await waitFor(
      async () => {
        const listed = (await engine.http('GET', `/api/cases?caseworker=${CASEWORKER}`, { token: supervisor })).json();
        return listed.cases?.length === 2 ? listed : undefined;
      },
      { timeoutMs: VISIBILITY_MS, what: 'both cases of the caseworker to be listed' },
    );

    const created = await engine.http('POST', '/api/calendar-feeds', { token: caseworker, body: { scope: 'caseworker', subject: CASEWORKER } });
    expect(created.status).toBe(201);
    const feed = await engine.http('GET', new URL(created.json().url).pathname);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(`SUMMARY:${CURRENT_CASE}: `);
    expect(feed.text).not.toContain(EARLIER_CASE);
    // What the feed leaves out is what their token cannot read either.
    expect((await engine.http('GET', `/api/cases/${EARLIER_CASE}`, { token: caseworker })).status).toBe(404);
  });

  it('answers a feed of someone the staff directory does not know as one that does not exist', async () => {
    const { secretPath } = await engine.access.feeds.create({ scope: 'caseworker', subject: 'cw-never-hired' }, 'sv-msk');
    const feed = await engine.http('GET', secretPath);
    expect(feed.status).toBe(404);
    expect(feed.text).toBe('This calendar feed does not exist or was revoked.\n');
  });
});
