import { sql } from 'kysely';
import { openAccessStore, type AccessStore } from '../../src/access';
import { InvalidInputError } from '../../src/errors/docket-errors';
import { CaseRegister, openRegisterDatabase, type RegisterDatabaseHandle } from '../../src/store';
import { TEST_DATABASES } from '../store/register-databases';

/** Issue 13, read audit: the API's audit of writes and of reads is evidence, kept like the register on both databases. */
describe.each(TEST_DATABASES)('the API audit tables on $name', (database) => {
  let drop: () => Promise<void>;
  let register: RegisterDatabaseHandle;
  let access: AccessStore;
  const clock = { now: new Date('2016-02-01T09:00:00.000Z') };

  beforeEach(async () => {
    clock.now = new Date('2016-02-01T09:00:00.000Z');
    const created = await database.create();
    drop = created.drop;
    register = await openRegisterDatabase(created.options);
    access = await openAccessStore(register, { now: () => clock.now });
  });
  afterEach(async () => {
    await register.close();
    await drop();
  });

  // Matched by message: better-sqlite3's native errors come from the realm of the first test file that loaded it.
  const appendOnly = { message: expect.stringMatching(/append-only/) };
  const refusesChanges = async (table: string) => {
    await expect(sql`update ${sql.table(table)} set actor = 'someone-else'`.execute(register.db)).rejects.toMatchObject(appendOnly);
    await expect(sql`delete from ${sql.table(table)}`.execute(register.db)).rejects.toMatchObject(appendOnly);
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(register.db);
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
  };

  it('refuses to rewrite or delete the audit of writes (api_audit), as the register does', async () => {
    await access.audit.record({ actor: 'cw-0042', via: 'api', action: 'case.open', target: 'RU-TA-2016-0042', outcome: 'ok' });
    await refusesChanges('api_audit');
    expect(await access.audit.list()).toEqual([expect.objectContaining({ actor: 'cw-0042', action: 'case.open' })]);
  });

  // Issue 13 item 15: the audit admins read holds what the cases applied, whether or not a request was logged.
  it('merges the access log with the commands the cases recorded, newest first, and leaves out the engine’s own events', async () => {
    const cases = new CaseRegister(register.db);
    const caseEvent = (id: number, actor: string, at: string, payload: Record<string, unknown>) =>
      cases.append({ idempotencyKey: `case-RU-TA-2016-0042/event/${id}`, caseId: 'case-RU-TA-2016-0042', caseNumber: 'RU-TA-2016-0042', kind: 'case-event', actor, at, payload: { id, ...payload } });
    await caseEvent(1, 'cw-0042', '2016-02-01T08:59:59.000Z', { type: 'case-opened', command: 'openCase' });
    await access.audit.record({ actor: 'cw-0042', via: 'api', action: 'case.open', target: 'RU-TA-2016-0042', outcome: 'ok' });
    // Applied, but its sender died before logging it.
    await caseEvent(2, 'cw-0042', '2016-02-01T09:30:00.000Z', { type: 'application-lodged', command: 'recordEvent', date: '2016-02-01' });
    await caseEvent(3, 'engine', '2016-02-01T09:45:00.000Z', { type: 'protection-lapsed', date: '2016-02-01' });
    clock.now = new Date('2016-02-01T10:00:00.000Z');
    await access.audit.record({ actor: 'adm-1', via: 'api', action: 'token.issue', target: 'dkt_0123456789ab', outcome: 'ok' });

    const shown = (entries: Awaited<ReturnType<AccessStore['trail']['list']>>) => entries.map(({ source, action, actor, target }) => `${source} ${action} ${actor} ${target}`);
    expect(shown(await access.trail.list())).toEqual([
      'access-log token.issue adm-1 dkt_0123456789ab',
      'case-register case.recordEvent cw-0042 RU-TA-2016-0042',
      'access-log case.open cw-0042 RU-TA-2016-0042',
      'case-register case.open cw-0042 RU-TA-2016-0042',
    ]);
    expect((await access.trail.list({ target: 'RU-TA-2016-0042', source: 'case-register' }))[0]).toMatchObject({
      via: 'engine',
      outcome: 'ok',
      at: '2016-02-01T09:30:00.000Z',
      detail: { eventId: 2, event: 'application-lodged' },
    });
    expect(shown(await access.trail.list({ target: 'dkt_0123456789ab' }))).toEqual(['access-log token.issue adm-1 dkt_0123456789ab']);
    expect(shown(await access.trail.list({ limit: 2 }))).toHaveLength(2);
  });

  it('records who read which case through which door and route, lists the reads by filter, newest first, and refuses to rewrite them', async () => {
    await access.reads.record({ actor: 'cw-0042', via: 'api', route: 'GET /api/cases/{caseNumber}', caseNumber: 'RU-TA-2016-0042' });
    clock.now = new Date('2016-02-01T10:00:00.000Z');
    await access.reads.record({ actor: 'sv-1', via: 'dashboard', route: 'GET /api/cases/{caseNumber}/timeline', caseNumber: 'RU-TA-2016-0042' });
    clock.now = new Date('2016-02-02T09:00:00.000Z');
    await access.reads.record({ actor: 'sv-1', via: 'codec', route: 'POST /codec/decode', detail: { namespace: 'default', payloads: 3 } });

    expect(await access.reads.list()).toEqual([
      { seq: 3, at: '2016-02-02T09:00:00.000Z', actor: 'sv-1', via: 'codec', route: 'POST /codec/decode', caseNumber: null, detail: { namespace: 'default', payloads: 3 } },
      { seq: 2, at: '2016-02-01T10:00:00.000Z', actor: 'sv-1', via: 'dashboard', route: 'GET /api/cases/{caseNumber}/timeline', caseNumber: 'RU-TA-2016-0042', detail: {} },
      { seq: 1, at: '2016-02-01T09:00:00.000Z', actor: 'cw-0042', via: 'api', route: 'GET /api/cases/{caseNumber}', caseNumber: 'RU-TA-2016-0042', detail: {} },
    ]);
    const seqs = async (filter: Parameters<AccessStore['reads']['list']>[0]) => (await access.reads.list(filter)).map((read) => read.seq);
    expect(await seqs({ caseNumber: 'RU-TA-2016-0042' })).toEqual([2, 1]);
    expect(await seqs({ actor: 'sv-1' })).toEqual([3, 2]);
    expect(await seqs({ via: 'codec' })).toEqual([3]);
    // An offset is read as the instant it names: 12:30 in Moscow is 09:30 UTC.
    expect(await seqs({ since: '2016-02-01T12:30:00+03:00', until: '2016-02-01T23:59:59Z' })).toEqual([2]);
    expect(await seqs({ limit: 1 })).toEqual([3]);

    await refusesChanges('read_audit');
  });

  it('refuses a bad read filter or read record, naming the field, and records nothing', async () => {
    await expect(access.reads.list({ since: 'yesterday' })).rejects.toMatchObject({ problems: [expect.stringMatching(/^since: expected a date and time/)] });
    await expect(access.reads.list({ since: '2016-02-02T00:00:00Z', until: '2016-02-01T00:00:00Z' })).rejects.toMatchObject({
      problems: ['since: must not be after until'],
    });
    await expect(access.reads.list({ caseNumber: 'Ivan Petrov' })).rejects.toMatchObject({ problems: [expect.stringMatching(/^caseNumber: expected a case number/)] });
    // A reader's name or a URL with its query never reaches the table: only ids and route patterns do.
    await expect(access.reads.record({ actor: 'Ivan Petrov', via: 'api', route: 'GET /api/cases/{caseNumber}' })).rejects.toThrow(InvalidInputError);
    await expect(access.reads.record({ actor: 'sv-1', via: 'api', route: 'GET /api/cases?caseworker=cw-1' })).rejects.toThrow(/route: expected a method and route pattern/);
    expect(await access.reads.list()).toEqual([]);
  });
});
