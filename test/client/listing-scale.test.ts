import { mapLimit } from '../../src/client/map-limit';
import { compareByNextDeadline } from '../../src/client/case-listing';
import { seedOfficeStaff } from '../support/office-staff';
import { waitFor } from '../support/wait-for';
import { daysAgo, startCaseEngine, type CaseEngine } from './support/case-engine';

/**
 * Listing at the scale of a real office network: 1,200 real case workflows on the dev server, with
 * applications lodged on different days so their next deadlines spread over three months.
 */
const CASES = 1200;
const OFFICES = ['msk-1', 'msk-2', 'spb-1', 'kzn-1'];
const DAY_MS = 86_400_000;

describe('listing over more than a thousand cases', () => {
  let engine: CaseEngine;

  beforeAll(async () => {
    engine = await startCaseEngine({ taskQueue: 'listing-scale' });
    // Twelve caseworkers, three to an office, so case i goes to cw-(i mod 12) in office i mod 4.
    for (let index = 0; index < 12; index += 1) {
      await seedOfficeStaff(engine.staff, OFFICES[index % OFFICES.length] as string, { [`cw-${index}`]: 'caseworker' });
    }
    // Who records the applications: a supervisor may act on every office's cases.
    await seedOfficeStaff(engine.staff, 'msk-1', { 'sv-1': 'supervisor' });
    const started = Date.now();
    await mapLimit(
      Array.from({ length: CASES }, (_, index) => index),
      24,
      async (index) => {
        const caseNumber = `RU-TA-2016-${String(1000 + index).padStart(4, '0')}`;
        const office = OFFICES[index % OFFICES.length] as string;
        await engine.cases.open({ caseNumber, jurisdiction: 'RU', procedure: 'temporary-asylum', office, caseworker: `cw-${index % 12}`, actor: 'sv-1' });
        // Two cases in three get an application, lodged 0-89 days ago; the rest stay opened, without a deadline.
        if (index % 3 !== 2) await engine.cases.command(caseNumber, 'recordEvent', { actor: 'sv-1', event: 'application-lodged', on: daysAgo(index % 90) });
      },
    );
    console.info(`opened ${CASES} cases in ${Math.round((Date.now() - started) / 1000)} s`);
    await waitFor(async () => (await engine.cases.listing.count({ stages: ['lodged'] })) === (CASES / 3) * 2, {
      timeoutMs: 120_000,
      what: 'every lodged case to be indexed',
    });
  }, 900_000);
  afterAll(() => engine?.stop());

  it('counts every case, by office and by stage', async () => {
    expect(await engine.cases.listing.count({})).toBe(CASES);
    const byOffice = await Promise.all(OFFICES.map((office) => engine.cases.listing.count({ office })));
    expect(byOffice).toEqual(OFFICES.map(() => CASES / OFFICES.length));
    expect(await engine.cases.listing.countByStage({})).toMatchObject({ opened: CASES / 3, lodged: (CASES / 3) * 2, refused: 0 });
    expect(await engine.cases.listing.count({ caseworker: 'cw-5', office: 'msk-2' })).toBe(CASES / 12);
  });

  it('pages through all of them, each exactly once', async () => {
    const seen = new Set<string>();
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const page = await engine.cases.listing.page({}, { pageSize: 250, ...(pageToken ? { pageToken } : {}) });
      page.cases.forEach((item) => seen.add(item.caseNumber));
      pageToken = page.nextPageToken;
      pages += 1;
    } while (pageToken);
    expect(seen.size).toBe(CASES);
    expect(pages).toBeGreaterThanOrEqual(CASES / 250);
  });

  it('lists a next-deadline window in deadline order, and the windows add up', async () => {
    const now = Date.now();
    const window = (fromDays: number, toDays: number) => ({
      nextDeadlineFrom: new Date(now + fromDays * DAY_MS).toISOString(),
      nextDeadlineBefore: new Date(now + toDays * DAY_MS).toISOString(),
    });
    const soon = await engine.cases.listing.byNextDeadline(window(0, 30));
    const later = await engine.cases.listing.byNextDeadline(window(30, 120));
    expect(soon.length + later.length).toBe((CASES / 3) * 2);
    expect(soon.length).toBeGreaterThan(100);
    expect([...soon].sort(compareByNextDeadline)).toEqual(soon);
    expect(soon.every((item) => item.stage === 'lodged' && item.nextDeadline?.kind === 'decision-due')).toBe(true);
    const first = soon[0]?.nextDeadline?.endsAt as string;
    const last = soon.at(-1)?.nextDeadline?.endsAt as string;
    expect(Date.parse(first)).toBeLessThanOrEqual(Date.parse(last));

    const msk = await engine.cases.listing.byNextDeadline({ ...window(0, 120), office: 'msk-1' });
    expect(msk.length).toBe(await engine.cases.listing.count({ ...window(0, 120), office: 'msk-1' }));
    expect(msk.every((item) => item.office === 'msk-1')).toBe(true);
  });
});
