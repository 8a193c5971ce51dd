import { parse } from 'csv-parse/sync';
import { WorkflowFailedError } from '@temporalio/client';
import { CASE_WORKFLOW_TYPE, caseWorkflowId } from '../../src/workflows/messages';
import { seedOfficeStaff } from '../support/office-staff';
import { VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';
import { daysAgo, startApiEngine, type ApiEngine } from './support/api-engine';

/**
 * The desk's cases list through the API on a dev server: every case a person may see, found by case
 * number or by pseudonym (a keyed blind index), filtered, sorted, paged and exported as CSV.
 */
const PSEUDONYM = 'Applicant-7F3A';
const OTHER_PSEUDONYM = 'Applicant-9B2C';
const CYRILLIC_PSEUDONYM = 'Заявитель-Ё4D1';

interface Opening {
  caseNumber: string;
  office: string;
  caseworker: string;
  pseudonym: string;
}
const OPENINGS: Opening[] = [
  { caseNumber: 'RU-TA-2016-0501', office: 'msk-1', caseworker: 'cw-msk', pseudonym: PSEUDONYM },
  { caseNumber: 'RU-TA-2016-0502', office: 'msk-1', caseworker: 'cw-msk-2', pseudonym: OTHER_PSEUDONYM },
  { caseNumber: 'RU-TA-2016-0503', office: 'spb-1', caseworker: 'cw-spb', pseudonym: PSEUDONYM },
  { caseNumber: 'RU-TA-2016-0511', office: 'msk-1', caseworker: 'cw-msk', pseudonym: CYRILLIC_PSEUDONYM },
];
const ALL = OPENINGS.map((opening) => opening.caseNumber);

describe('HTTP API: the cases list', () => {
  let engine: ApiEngine;
  let supervisor: string;
  let caseworker: string;
  let caseworkerSpb: string;

  const list = async (query: string, token = supervisor) => {
    const response = await engine.http('GET', `/api/cases?${query}`, { token });
    expect(response.status).toBe(200);
    return response.json() as { cases: Array<{ caseNumber: string; nextDeadline?: { kind: string }; protectedUntil?: string }>; nextPageToken?: string };
  };
  const numbers = async (query: string, token = supervisor) => (await list(`sort=case-number&${query}`, token)).cases.map((item) => item.caseNumber);
  const describeCase = (caseNumber: string) => engine.env.client.workflow.getHandle(caseWorkflowId(caseNumber)).describe();

  beforeAll(async () => {
    engine = await startApiEngine('case-search-test');
    // Cases go only to active caseworkers of their office, and every command's actor is confirmed against the directory.
    await seedOfficeStaff(engine.access.staff, 'msk-1', { 'cw-msk': 'caseworker', 'cw-msk-2': 'caseworker' });
    await seedOfficeStaff(engine.access.staff, 'spb-1', { 'cw-spb': 'caseworker' });
    supervisor = await engine.tokenFor('supervisor', 'sv-msk', 'msk-1');
    caseworker = await engine.tokenFor('caseworker', 'cw-msk', 'msk-1');
    caseworkerSpb = await engine.tokenFor('caseworker', 'cw-spb', 'spb-1');
    for (const { caseNumber, office, caseworker: assigned, pseudonym } of OPENINGS) {
      const opened = await engine.http('POST', '/api/cases', {
        token: supervisor,
        body: { caseNumber, jurisdiction: 'RU', procedure: 'temporary-asylum', office, caseworker: assigned, applicant: { pseudonym } },
      });
      expect(opened.status).toBe(201);
    }
    const command = (caseNumber: string, body: unknown) =>
      engine.http('POST', `/api/cases/${caseNumber}/commands/recordEvent`, { token: supervisor, body });
    // 0501 waits for a decision; 0502 is protected for a year; 0503 and 0511 stay opened, with no deadline.
    expect((await command('RU-TA-2016-0501', { event: 'application-lodged', on: daysAgo(10) })).status).toBe(200);
    expect((await command('RU-TA-2016-0502', { event: 'application-lodged', on: daysAgo(20) })).status).toBe(200);
    expect((await command('RU-TA-2016-0502', { event: 'protection-granted', on: daysAgo(2), facts: { validUntil: daysAgo(-363) } })).status).toBe(200);
    await waitFor(async () => {
      const seen = await list('sort=case-number');
      const granted = seen.cases.find((item) => item.caseNumber === 'RU-TA-2016-0502');
      const lodged = seen.cases.find((item) => item.caseNumber === 'RU-TA-2016-0501');
      return seen.cases.length === OPENINGS.length && granted?.protectedUntil !== undefined && lodged?.nextDeadline !== undefined;
    }, { timeoutMs: VISIBILITY_MS, what: 'visibility to list every case with its deadline and protection' });
  });
  afterAll(() => engine?.stop());

  it('finds a case by pseudonym whatever its case and spacing, and none for a pseudonym no case has', async () => {
    for (const typed of [PSEUDONYM, '  applicant-7f3a ', 'APPLICANT-7F3A\t']) {
      expect(await numbers(`applicant=${encodeURIComponent(typed)}`)).toEqual(['RU-TA-2016-0501', 'RU-TA-2016-0503']);
    }
    expect(await numbers(`applicant=${encodeURIComponent('заявитель-ё4d1')}`)).toEqual(['RU-TA-2016-0511']);
    // Granted, 0502 started its protection period in a new run (continue-as-new), and is still found by its pseudonym.
    await waitFor(
      async () => {
        const granted = await describeCase('RU-TA-2016-0502');
        return granted.raw.workflowExecutionInfo?.firstRunId !== granted.runId;
      },
      { timeoutMs: VISIBILITY_MS, what: 'the granted case to continue as new' },
    );
    expect(await numbers(`applicant=${OTHER_PSEUDONYM.toLowerCase()}`)).toEqual(['RU-TA-2016-0502']);
    expect(await numbers('applicant=Applicant-0000')).toEqual([]);
    // A blind index matches whole pseudonyms only.
    expect(await numbers('applicant=Applicant-7F')).toEqual([]);
  });

  it('keeps only the keyed index in the search attributes: never the pseudonym, in any search attribute or memo', async () => {
    const description = await describeCase('RU-TA-2016-0501');
    const index = description.typedSearchAttributes.getAll().find((pair) => pair.key.name === 'ApplicantIndex')?.value;
    expect(index).toBe(engine.applicantIndex.of(PSEUDONYM));
    expect(index).toMatch(/^[0-9a-f]{32}$/);
    expect(index).not.toContain(PSEUDONYM.toLowerCase());
    for (const { caseNumber, pseudonym } of OPENINGS) {
      const { raw } = await describeCase(caseNumber);
      const info = raw.workflowExecutionInfo;
      expect(Object.keys(info?.memo?.fields ?? {})).toEqual([]);
      const indexed = JSON.stringify(info?.searchAttributes?.indexedFields ?? {});
      for (const form of [pseudonym, pseudonym.toLowerCase(), pseudonym.toUpperCase()]) {
        expect(indexed).not.toContain(form);
        expect(indexed).not.toContain(Buffer.from(JSON.stringify(form)).toString('base64'));
      }
    }
  });

  it('refuses a case started around the client with anything but an HMAC for its index, such as the pseudonym itself', async () => {
    const caseNumber = 'RU-TA-2016-0599';
    const open = { caseNumber, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-msk', actor: 'sv-msk', applicant: { pseudonym: PSEUDONYM } };
    const handle = await engine.env.client.workflow.start(CASE_WORKFLOW_TYPE, {
      taskQueue: engine.taskQueue,
      workflowId: caseWorkflowId(caseNumber),
      args: [{ open, applicantIndex: PSEUDONYM }],
    });
    const failure = await handle.result().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause).toMatchObject({ type: 'InvalidCase', message: expect.stringContaining('applicant index') });
    const indexed = (await handle.describe()).typedSearchAttributes.getAll().map((pair) => pair.key.name);
    expect(indexed).not.toContain('ApplicantIndex');
  });

  it('finds a case by its number exactly or by the start of it', async () => {
    expect(await numbers('caseNumber=RU-TA-2016-0502')).toEqual(['RU-TA-2016-0502']);
    expect(await numbers('caseNumber=ru-ta-2016-0502')).toEqual(['RU-TA-2016-0502']);
    expect(await numbers('caseNumberPrefix=RU-TA-2016-050')).toEqual(['RU-TA-2016-0501', 'RU-TA-2016-0502', 'RU-TA-2016-0503']);
    expect(await numbers('caseNumberPrefix=ru-ta-2016-051')).toEqual(['RU-TA-2016-0511']);
  });

  it('filters by stage, office, caseworker, next-deadline window and protection end', async () => {
    expect(await numbers('stage=opened')).toEqual(['RU-TA-2016-0503', 'RU-TA-2016-0511']);
    expect(await numbers('office=msk-1')).toEqual(['RU-TA-2016-0501', 'RU-TA-2016-0502', 'RU-TA-2016-0511']);
    expect(await numbers('caseworker=cw-msk')).toEqual(['RU-TA-2016-0501', 'RU-TA-2016-0511']);
    expect(await numbers(`nextDeadlineFrom=${daysAgo(0)}&nextDeadlineBefore=${daysAgo(-200)}`)).toContain('RU-TA-2016-0501');
    expect(await numbers(`protectedUntilBefore=${daysAgo(-400)}`)).toEqual(['RU-TA-2016-0502']);
    expect(await numbers(`protectedUntilFrom=${daysAgo(-400)}`)).toEqual([]);
  });

  it('sorts by case number, next deadline or protection end, and pages with tokens checked against the listing', async () => {
    expect(await numbers('')).toEqual(ALL);
    const byProtection = (await list('sort=protected-until')).cases.map((item) => item.caseNumber);
    expect(byProtection[0]).toBe('RU-TA-2016-0502');
    const byDeadline = (await list('sort=next-deadline')).cases;
    expect(byDeadline.map((item) => item.nextDeadline !== undefined)).toEqual([true, true, false, false]);

    const first = await list('sort=case-number&pageSize=3');
    expect(first.cases.map((item) => item.caseNumber)).toEqual(ALL.slice(0, 3));
    expect(first.nextPageToken).toBeDefined();
    const second = await list(`sort=case-number&pageSize=3&pageToken=${first.nextPageToken}`);
    expect(second.cases.map((item) => item.caseNumber)).toEqual(ALL.slice(3));
    expect(second.nextPageToken).toBeUndefined();

    const elsewhere = await engine.http('GET', `/api/cases?sort=protected-until&pageSize=3&pageToken=${first.nextPageToken}`, { token: supervisor });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json().message).toContain('pageToken is not a token this API issued for this filter');
  });

  it('names the field of a search it cannot take', async () => {
    const prefix = await engine.http('GET', `/api/cases?caseNumberPrefix=${encodeURIComponent('RU TA')}`, { token: supervisor });
    expect(prefix.status).toBe(400);
    expect(JSON.stringify(prefix.json())).toContain('caseNumberPrefix');
    const blank = await engine.http('GET', '/api/cases?applicant=%20', { token: supervisor });
    expect(blank.status).toBe(400);
    expect(JSON.stringify(blank.json())).toContain('applicant');
    const window = await engine.http('GET', `/api/cases?protectedUntilFrom=${daysAgo(-10)}&protectedUntilBefore=${daysAgo(0)}`, { token: supervisor });
    expect(window.status).toBe(400);
    expect(JSON.stringify(window.json())).toContain('protectedUntilBefore');
  });

  it('exports the same cases as CSV with a byte order mark, which the csv library reads back', async () => {
    const response = await fetch(`${engine.baseUrl}/api/cases.csv?sort=case-number`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="cases.csv"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row['case number'])).toEqual(ALL);
    expect(Object.keys(rows[0] ?? {})).toEqual(['case number', 'stage', 'office', 'caseworker', 'next deadline', 'next deadline due', 'protected until']);
    const granted = rows.find((row) => row['case number'] === 'RU-TA-2016-0502');
    expect(granted).toMatchObject({ stage: 'granted', office: 'msk-1', caseworker: 'cw-msk-2', 'protected until': daysAgo(-363) });
    const lodged = rows.find((row) => row['case number'] === 'RU-TA-2016-0501');
    expect(lodged?.['next deadline']).not.toBe('');
    expect(lodged?.['next deadline due']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const { pseudonym } of OPENINGS) expect(bytes.toString('utf8')).not.toContain(pseudonym);

    const filtered = await fetch(`${engine.baseUrl}/api/cases.csv?applicant=applicant-7f3a&sort=recent`, { headers: { authorization: `Bearer ${supervisor}` } });
    const filteredRows = parse(Buffer.from(await filtered.arrayBuffer()), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(filteredRows.map((row) => row['case number']).sort()).toEqual(['RU-TA-2016-0501', 'RU-TA-2016-0503']);
  });

  it('shows the same list on the desk page /desk/cases to a signed-in person, in their language, with the export of its filter', async () => {
    const page = async (staffId: string, query: string) => {
      const { credential } = await engine.access.sessions.open(staffId);
      const response = await fetch(`${engine.baseUrl}/desk/cases?${query}`, { headers: { cookie: `docket_session=${encodeURIComponent(credential)}` } });
      return { status: response.status, html: await response.text() };
    };
    const found = await page('sv-msk', 'applicant=%20applicant-7f3a&sort=case-number');
    expect(found.status).toBe(200);
    expect(found.html).toContain('2 cases shown.');
    expect(found.html).toContain('href="/desk/cases/RU-TA-2016-0501"');
    expect(found.html).toContain('href="/desk/cases/RU-TA-2016-0503"');
    expect(found.html).toContain('Decision on the temporary asylum application, ');
    expect(found.html).not.toContain('RU-TA-2016-0502');
    expect(found.html).toContain('href="/api/cases.csv?applicant=applicant-7f3a&amp;sort=case-number&amp;lang=en"');
    for (const pseudonym of [OTHER_PSEUDONYM, CYRILLIC_PSEUDONYM]) expect(found.html).not.toContain(pseudonym);

    const russian = await page('sv-msk', 'caseNumber=RU-TA-2016-050&sort=case-number&lang=ru');
    expect(russian.html).toContain('Показано 3 дела.');
    expect(russian.html).toContain('Номер дела или его начало');
    expect(russian.html).toContain('Решение по заявлению о временном убежище, ');

    const everything = await page('sv-msk', 'sort=case-number');
    expect(everything.html).toContain(`${OPENINGS.length} cases shown.`);
    const own = await page('cw-spb', 'sort=case-number');
    expect(own.html).toContain('1 case shown.');
    expect(own.html).toContain('href="/desk/cases/RU-TA-2016-0503"');
    expect(own.html).not.toContain('name="office"');

    const refused = await page('sv-msk', 'protectedUntilBefore=someday');
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('protectedUntilBefore');
    expect(refused.html).toContain('value="someday"');
  });

  it("never lists another office's cases to a caseworker, by pseudonym, by number or in the export", async () => {
    expect(await numbers(`applicant=${PSEUDONYM}`, caseworkerSpb)).toEqual(['RU-TA-2016-0503']);
    expect(await numbers(`applicant=${PSEUDONYM}`, caseworker)).toEqual(['RU-TA-2016-0501']);
    expect(await numbers('caseNumber=RU-TA-2016-0501', caseworkerSpb)).toEqual([]);
    expect(await numbers('', caseworkerSpb)).toEqual(['RU-TA-2016-0503']);
    const otherOffice = await engine.http('GET', '/api/cases?office=msk-1', { token: caseworkerSpb });
    expect(otherOffice.status).toBe(403);
    const exported = await fetch(`${engine.baseUrl}/api/cases.csv`, { headers: { authorization: `Bearer ${caseworkerSpb}` } });
    const rows = parse(Buffer.from(await exported.arrayBuffer()), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row['case number'])).toEqual(['RU-TA-2016-0503']);
    const exportElsewhere = await engine.http('GET', '/api/cases.csv?office=msk-1', { token: caseworkerSpb });
    expect(exportElsewhere.status).toBe(403);
  });
});
