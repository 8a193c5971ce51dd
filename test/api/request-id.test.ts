import { createLogger } from '../../src/logging';
import { startApiEngine, type ApiEngine } from './support/api-engine';

/**
 * An API call's request id follows it: back in the response header, in the API's log line for it, and
 * through the Temporal update (a header the engine's client interceptor adds) into the activities the
 * workflow runs for it, whose log lines carry it. On a real dev server with the engine's own worker.
 */
describe('the request id of an API call', () => {
  let engine: ApiEngine;
  const lines: string[] = [];
  let supervisor: string;

  beforeAll(async () => {
    engine = await startApiEngine('request-id', { logger: createLogger('debug', (line) => lines.push(line), { format: 'json' }) });
    supervisor = await engine.tokenFor('supervisor', 'sv-msk', 'msk-1');
    await engine.tokenFor('caseworker', 'cw-msk', 'msk-1');
  });
  afterAll(() => engine?.stop());

  const post = (path: string, body: unknown, requestId?: string) =>
    fetch(`${engine.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${supervisor}`, 'content-type': 'application/json', ...(requestId ? { 'x-request-id': requestId } : {}) },
      body: JSON.stringify(body),
    });
  const logged = () => lines.map((line) => JSON.parse(line) as { message: string; level: string; fields?: Record<string, unknown> });

  it('comes back in the response, and reaches the API log and the activities of the update it sent', async () => {
    const opened = await post('/api/cases', { caseNumber: 'RU-TA-2016-0301', jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-msk' });
    expect(opened.status).toBe(201);

    const recorded = await post('/api/cases/RU-TA-2016-0301/commands/recordEvent', { event: 'application-lodged', on: '2016-03-01' }, 'req-test-123');
    expect(recorded.status).toBe(200);
    expect(recorded.headers.get('x-request-id')).toBe('req-test-123');

    const entries = logged();
    expect(entries).toContainEqual(expect.objectContaining({ message: 'api request', fields: expect.objectContaining({ requestId: 'req-test-123', status: 200 }) }));
    // The update computed the lodged application's deadlines in an activity, under the same id.
    expect(entries).toContainEqual(expect.objectContaining({ message: 'activity computeDeadlines completed', fields: { requestId: 'req-test-123' } }));
  });

  it('is a fresh random one when the caller sends an invalid one, and that one reaches the activities', async () => {
    const opened = await post('/api/cases', { caseNumber: 'RU-TA-2016-0302', jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-msk' }, 'has spaces and "quotes"');
    expect(opened.status).toBe(201);
    const given = opened.headers.get('x-request-id');
    expect(given).toMatch(/^[0-9a-f-]{36}$/);

    const recorded = await post('/api/cases/RU-TA-2016-0302/commands/recordEvent', { event: 'application-lodged', on: '2016-03-01' }, 'x'.repeat(65));
    expect(recorded.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(recorded.headers.get('x-request-id')).not.toBe(given);
    const ids = logged().flatMap((entry) => (typeof entry.fields?.requestId === 'string' ? [entry.fields.requestId] : []));
    expect(ids).not.toContain('x'.repeat(65));
    expect(ids).not.toContain('has spaces and "quotes"');
    expect(logged()).toContainEqual(
      expect.objectContaining({ message: 'activity computeDeadlines completed', fields: { requestId: recorded.headers.get('x-request-id') } }),
    );
  });
});
