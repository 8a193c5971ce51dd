import { createLogger, currentRequestId, requestIdFrom, withLogContext } from '../../src/logging';

/** The engine's logger: text for a person at a terminal, one JSON object a line for a log collector. */
describe('the logger', () => {
  const capture = (format?: 'text' | 'json') => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line), format ? { format } : {});
    return { logger, lines };
  };

  it('writes text as ISO time, level, message and the fields as JSON, by default', () => {
    const { logger, lines } = capture();
    logger.warn('reminder refused', { case: 'case-ru-ta-2016-0042', channel: 'email' });
    logger.info('started');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z WARN reminder refused \{"case":"case-ru-ta-2016-0042","channel":"email"\}\n$/);
    expect(lines[1]).toMatch(/^\S+ INFO started\n$/);
  });

  it('writes json as one object a line: time, level, message and fields', () => {
    const { logger, lines } = capture('json');
    logger.error('the worker failed', { error: 'line one\nline two' });
    logger.info('started');
    logger.debug('not at info');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
    const [failed, started] = lines.map((line) => JSON.parse(line));
    expect(failed).toEqual({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/), level: 'error', message: 'the worker failed', fields: { error: 'line one\nline two' } });
    expect(Date.parse(failed.time)).not.toBeNaN();
    expect(started).toEqual({ time: expect.any(String), level: 'info', message: 'started' });
  });

  it('never throws on fields it cannot write as JSON', () => {
    const { logger, lines } = capture('json');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    logger.info('odd fields', { cyclic, big: 1n });
    expect(JSON.parse(lines[0]!)).toMatchObject({ message: 'odd fields', fields: { unloggable: expect.any(String) } });
  });

  it('adds the request id of the call running now to every line, in both formats', async () => {
    const text = capture('text');
    const json = capture('json');
    await withLogContext({ requestId: 'req-test-123' }, async () => {
      await Promise.resolve();
      expect(currentRequestId()).toBe('req-test-123');
      text.logger.info('api request', { status: 200 });
      json.logger.info('api request', { status: 200 });
    });
    json.logger.info('outside');
    expect(text.lines[0]).toContain('api request {"requestId":"req-test-123","status":200}');
    expect(JSON.parse(json.lines[0]!).fields).toEqual({ requestId: 'req-test-123', status: 200 });
    expect(JSON.parse(json.lines[1]!).fields).toBeUndefined();
    expect(currentRequestId()).toBeUndefined();
  });

  it('takes a request id of 1-64 letters, digits, dots, underscores and dashes, and makes up a random one otherwise', () => {
    expect(requestIdFrom('req-test-123')).toBe('req-test-123');
    expect(requestIdFrom('A.b_C-9')).toBe('A.b_C-9');
    expect(requestIdFrom('x'.repeat(64))).toBe('x'.repeat(64));
    for (const invalid of [undefined, '', 'x'.repeat(65), 'has space', 'quote"', 'new\nline', ['a', 'b']]) {
      expect(requestIdFrom(invalid)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});
