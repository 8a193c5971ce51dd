import { seedOfficeStaff } from '../support/office-staff';
import { startApiEngine, type ApiEngine } from './support/api-engine';

const MSK_CASE = 'RU-TA-2016-0811';
const SPB_CASE = 'RU-TA-2016-0812';
const MSK_PSEUDONYM = 'Applicant-6B2F';
const SPB_PSEUDONYM = 'Applicant-8E4D';
const MSK_NOTE = 'Seen at the reception desk on Tuesday';
/** Enough for every page the desk links to; a crawl that needs more has found a loop. */
const MAX_PAGES = 60;

/**
 * Every page a signed-in person can reach from the desk by following its links (and the case pages
 * they might type), fetched with their session: whatever a page shows, it shows only what their role
 * and office may see. The crawl finds pages added later without this test being told of them.
 */
describe('no desk page shows case data to a role or office that may not see it', () => {
  let engine: ApiEngine;

  beforeAll(async () => {
    engine = await startApiEngine('desk-personal-data-test');
    await seedOfficeStaff(engine.access.staff, 'msk-1', { 'cw-msk': 'caseworker' });
    await seedOfficeStaff(engine.access.staff, 'spb-1', { 'cw-spb': 'caseworker' });
    await seedOfficeStaff(engine.access.staff, 'hq', { 'adm-1': 'admin' });
    await engine.cases.open({ caseNumber: MSK_CASE, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-msk', actor: 'sv-msk', applicant: { pseudonym: MSK_PSEUDONYM } });
    await engine.cases.command(MSK_CASE, 'recordEvent', { actor: 'cw-msk', event: 'application-lodged', on: '2016-01-11', note: MSK_NOTE });
    await engine.cases.open({ caseNumber: SPB_CASE, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'spb-1', caseworker: 'cw-spb', actor: 'sv-spb', applicant: { pseudonym: SPB_PSEUDONYM } });
  });
  afterAll(() => engine?.stop());

  /** The pages reachable from `/desk` and the given addresses, with their bodies; links that change anything are forms, not followed. */
  async function crawl(staffId: string, alsoTry: string[]): Promise<Map<string, { status: number; body: string }>> {
    const { credential } = await engine.access.sessions.open(staffId);
    const cookie = `docket_session=${encodeURIComponent(credential)}`;
    const seen = new Map<string, { status: number; body: string }>();
    const queue = ['/desk', ...alsoTry];
    while (queue.length > 0 && seen.size < MAX_PAGES) {
      const path = queue.shift() as string;
      if (seen.has(path)) continue;
      const response = await fetch(`${engine.baseUrl}${path}`, { headers: { cookie } });
      const body = await response.text();
      seen.set(path, { status: response.status, body });
      for (const [, href] of body.matchAll(/href="(\/(?:desk|api)[^"#]*)"/g)) {
        const link = (href as string).replace(/&amp;/g, '&');
        if (!link.startsWith('/desk/signout') && !seen.has(link)) queue.push(link);
      }
    }
    expect(seen.size).toBeLessThan(MAX_PAGES);
    return seen;
  }

  it('shows an admin no case number, pseudonym or note on any page, and refuses the case pages', async () => {
    const pages = await crawl('adm-1', [`/desk/cases/${MSK_CASE}`, '/desk/cases', '/desk/work', `/api/cases/${MSK_CASE}`, '/api/cases.csv']);
    expect([...pages.keys()]).toEqual(expect.arrayContaining(['/desk', '/desk/admin']));
    for (const [path, { status, body }] of pages) {
      for (const secret of [MSK_CASE, SPB_CASE, MSK_PSEUDONYM, SPB_PSEUDONYM, MSK_NOTE]) {
        // A refusal page names the address asked for (its language switch links back to it), which the admin typed.
        if (path.includes(secret)) continue;
        if (body.includes(secret)) throw new Error(`${path} (${status}) shows an admin ${secret}`);
      }
    }
    expect(pages.get(`/desk/cases/${MSK_CASE}`)?.status).toBe(403);
    expect(pages.get(`/api/cases/${MSK_CASE}`)?.status).toBe(403);
  });

  it('shows a caseworker of another office nothing of the case, not even that it exists', async () => {
    const pages = await crawl('cw-spb', [`/desk/cases/${MSK_CASE}`, `/desk/cases?q=${MSK_CASE}`, `/desk/cases?applicant=${MSK_PSEUDONYM}`, '/api/cases.csv?lang=ru']);
    for (const [path, { status, body }] of pages) {
      for (const secret of [MSK_CASE, MSK_PSEUDONYM, MSK_NOTE]) {
        // As for the admin: the not-found page names only the address the caseworker typed.
        if (path.includes(secret)) continue;
        if (body.includes(secret)) throw new Error(`${path} (${status}) shows another office's caseworker ${secret}`);
      }
    }
    expect(pages.get(`/desk/cases/${MSK_CASE}`)?.status).toBe(404);
    // Their own case is there, with its pseudonym on its page: the crawl does reach case data it may show.
    expect([...pages.values()].some(({ body }) => body.includes(SPB_CASE))).toBe(true);
  });
});
