import { startApiEngine, type ApiEngine } from './support/api-engine';

/**
 * Issue 13, read audit: who viewed or decoded which case, through the API, the dashboard or the codec
 * endpoint, is recorded (case, actor, time, route; no personal data) and queryable by admins.
 */
const CASE_NUMBER = 'RU-TA-2016-0042';
const ELSEWHERE = 'RU-TA-2016-0043';
const PSEUDONYM = 'Applicant-7F3A';

const toBase64 = (text: string) => Buffer.from(text).toString('base64');

describe('read audit through the API, the dashboard and the codec endpoint', () => {
  let engine: ApiEngine;
  let caseworker: string;
  let supervisor: string;
  let admin: string;

  beforeAll(async () => {
    engine = await startApiEngine('read-audit-test');
    caseworker = await engine.tokenFor('caseworker', 'cw-msk', 'msk-1');
    supervisor = await engine.tokenFor('supervisor', 'sv-msk', 'msk-1');
    admin = await engine.tokenFor('admin', 'adm-1', 'hq');
    await engine.tokenFor('caseworker', 'cw-spb', 'spb-1');
    await engine.cases.open({ caseNumber: CASE_NUMBER, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-msk', actor: 'sv-msk', applicant: { pseudonym: PSEUDONYM } });
    await engine.cases.open({ caseNumber: ELSEWHERE, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'spb-1', caseworker: 'cw-spb', actor: 'sv-msk' });
  });
  afterAll(() => engine?.stop());

  const reads = async (query: string, token = admin) => {
    const response = await engine.http('GET', `/api/audit/reads${query}`, { token });
    expect(response.status).toBe(200);
    return response.json().reads as Array<Record<string, unknown>>;
  };

  it('records each read of a case through the API and the desk with its reader, route and case, and nothing the reader saw', async () => {
    expect((await engine.http('GET', `/api/cases/${CASE_NUMBER}`, { token: caseworker })).status).toBe(200);
    // The desk's case page, read with a browser's session, is recorded under the browser pages' channel.
    const { credential } = await engine.access.sessions.open('sv-msk');
    const page = await fetch(`${engine.baseUrl}/desk/cases/${CASE_NUMBER}`, { headers: { cookie: `docket_session=${encodeURIComponent(credential)}` } });
    expect(page.status).toBe(200);
    // A case the caller may not see was not read: its 404 leaves no row.
    expect((await engine.http('GET', `/api/cases/${ELSEWHERE}`, { token: caseworker })).status).toBe(404);

    const recorded = await reads(`?caseNumber=${CASE_NUMBER}`);
    expect(recorded.map(({ seq: _seq, at: _at, ...read }) => read)).toEqual([
      { actor: 'sv-msk', via: 'dashboard', route: 'GET /desk/cases/{caseNumber}', caseNumber: CASE_NUMBER, detail: {} },
      { actor: 'cw-msk', via: 'api', route: 'GET /api/cases/{caseNumber}', caseNumber: CASE_NUMBER, detail: {} },
    ]);
    expect(recorded.every((read) => typeof read.at === 'string' && !Number.isNaN(Date.parse(read.at as string)))).toBe(true);
    expect(await reads(`?caseNumber=${ELSEWHERE}`)).toEqual([]);
    expect(JSON.stringify(await reads(''))).not.toContain(PSEUDONYM);
    expect((await reads('?actor=cw-msk&via=api')).map((read) => read.route)).toEqual(['GET /api/cases/{caseNumber}']);
  });

  it('records each decode through the codec endpoint with its reader, the namespace named and the number of payloads', async () => {
    const clear = { payloads: [1, 2].map((n) => ({ metadata: { encoding: toBase64('json/plain') }, data: toBase64(JSON.stringify({ n })) })) };
    const encoded = await engine.http('POST', '/codec/encode', { token: supervisor, body: clear });
    expect(encoded.status).toBe(200);
    const decode = (namespace: string) =>
      fetch(`${engine.baseUrl}/codec/decode`, {
        method: 'POST',
        headers: { authorization: `Bearer ${supervisor}`, 'content-type': 'application/json', 'x-namespace': namespace },
        body: encoded.text,
      });
    expect((await decode('default')).status).toBe(200);
    // The header is the caller's text: one that names no namespace is left out, and the decode still recorded.
    expect((await decode('<script>')).status).toBe(200);

    expect((await reads('?via=codec')).map(({ seq: _seq, at: _at, ...read }) => read)).toEqual([
      { actor: 'sv-msk', via: 'codec', route: 'POST /codec/decode', caseNumber: null, detail: { payloads: 2 } },
      { actor: 'sv-msk', via: 'codec', route: 'POST /codec/decode', caseNumber: null, detail: { payloads: 2, namespace: 'default' } },
    ]);
  });

  it('shows reads to admins and supervisors only, and refuses a bad filter naming it', async () => {
    expect((await engine.http('GET', '/api/audit/reads', { token: caseworker })).status).toBe(403);
    expect(await reads('', supervisor)).not.toEqual([]);
    const since = await engine.http('GET', '/api/audit/reads?since=yesterday', { token: admin });
    expect(since.status).toBe(400);
    expect(since.json().message).toMatch(/since: expected a date and time such as 2016-02-01T09:00:00Z/);
    const via = await engine.http('GET', '/api/audit/reads?via=email', { token: admin });
    expect(via.status).toBe(400);
    expect(via.json().message).toMatch(/via: /);
    const person = await engine.http('GET', '/api/audit/reads?actor=Ivan%20Petrov', { token: admin });
    expect(person.status).toBe(400);
    expect(person.json().message).toMatch(/actor: expected a staff id/);
  });
});
