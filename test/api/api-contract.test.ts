import { caseViewSchema, overviewSchema } from '../../src/api/routes/case-schemas';
import { VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';
import { seedOfficeStaff } from '../support/office-staff';
import { daysAgo, ESCALATE_LATE_ENTRIES_AT_ONCE, startApiEngine, type ApiEngine } from './support/api-engine';

/**
 * Every operation of the API against every kind of caller. The expectations are written out here, not
 * derived from the permission table in the code, so a change to who may do what has to change this test.
 */
type Caller = 'caseworker' | 'caseworkerElsewhere' | 'supervisor' | 'admin';
const CALLERS: Caller[] = ['caseworker', 'caseworkerElsewhere', 'supervisor', 'admin'];

/** What a caller may get: 'denied' is 403; otherwise the listed statuses. */
type Expectation = Partial<Record<Caller, number[] | 'denied'>>;

const OK = [200];
const CREATED = [201];
/** A command the caller may send; the case may still refuse it for its stage. */
const COMMAND = [200, 422];
/** Another office's case is answered as a case that does not exist. */
const HIDDEN = [404];

const MSK_CASE = 'RU-TA-2016-0101';

interface Operation {
  method: 'GET' | 'POST' | 'DELETE';
  /** The OpenAPI path this exercises. */
  path: string;
  url: (engine: ApiEngine) => Promise<string> | string;
  body?: unknown | (() => unknown);
  expect: Expectation;
}

let serial = 200;
const nextCaseNumber = () => `RU-TA-2016-${String(serial++).padStart(4, '0')}`;
const adminOnly = (statuses: number[]): Expectation => ({ caseworker: 'denied', caseworkerElsewhere: 'denied', supervisor: 'denied', admin: statuses });
const recordOnly: Expectation = { caseworker: COMMAND, caseworkerElsewhere: HIDDEN, supervisor: COMMAND, admin: 'denied' };
const readCase: Expectation = { caseworker: OK, caseworkerElsewhere: HIDDEN, supervisor: OK, admin: 'denied' };
const readOwnOffice: Expectation = { caseworker: OK, caseworkerElsewhere: OK, supervisor: OK, admin: 'denied' };
const commandUrl = (name: string) => `/api/cases/${MSK_CASE}/commands/${name}`;
const command = (name: string, body: unknown, expect: Expectation = recordOnly): Operation => ({
  method: 'POST',
  path: `/api/cases/{caseNumber}/commands/${name}`,
  url: () => commandUrl(name),
  body,
  expect,
});

const OPERATIONS: Operation[] = [
  { method: 'GET', path: '/api/me', url: () => '/api/me', expect: { caseworker: OK, caseworkerElsewhere: OK, supervisor: OK, admin: OK } },
  { method: 'GET', path: '/api/tokens', url: () => '/api/tokens', expect: { caseworker: 'denied', caseworkerElsewhere: 'denied', supervisor: 'denied', admin: OK } },
  {
    method: 'POST',
    path: '/api/tokens',
    url: () => '/api/tokens',
    body: { staffId: 'cw-new', label: 'contract test' },
    expect: { caseworker: 'denied', caseworkerElsewhere: 'denied', supervisor: 'denied', admin: CREATED },
  },
  {
    method: 'DELETE',
    path: '/api/tokens/{id}',
    url: async (engine) => `/api/tokens/${(await engine.access.tokens.issue({ staffId: 'cw-x', label: 'to revoke' }, 'test')).record.id}`,
    expect: { caseworker: 'denied', caseworkerElsewhere: 'denied', supervisor: 'denied', admin: OK },
  },
  { method: 'GET', path: '/api/staff', url: () => '/api/staff?includeInactive=true', expect: adminOnly(OK) },
  {
    method: 'POST',
    path: '/api/staff',
    url: () => '/api/staff',
    body: () => ({ id: `cw-added-${serial++}`, displayName: 'Caseworker Added', role: 'caseworker', office: 'msk-1', language: 'ru' }),
    expect: adminOnly(CREATED),
  },
  { method: 'POST', path: '/api/staff/{id}', url: () => '/api/staff/cw-msk-2', body: { language: 'en' }, expect: adminOnly(OK) },
  { method: 'POST', path: '/api/staff/{id}/invitation', url: () => '/api/staff/cw-msk-2/invitation', expect: adminOnly(CREATED) },
  {
    method: 'POST',
    path: '/api/staff/{id}/deactivation',
    url: async (engine) => {
      const id = `cw-leaving-${serial++}`;
      await engine.access.staff.add({ id, displayName: 'Caseworker Leaving', role: 'caseworker', office: 'msk-1', language: 'ru' });
      return `/api/staff/${id}/deactivation`;
    },
    expect: adminOnly(OK),
  },
  { method: 'GET', path: '/api/calendar-feeds', url: () => '/api/calendar-feeds', expect: { caseworker: OK, caseworkerElsewhere: OK, supervisor: OK, admin: OK } },
  {
    method: 'POST',
    path: '/api/calendar-feeds',
    url: () => '/api/calendar-feeds',
    body: { scope: 'office', subject: 'msk-1' },
    expect: { caseworker: CREATED, caseworkerElsewhere: 'denied', supervisor: CREATED, admin: 'denied' },
  },
  {
    method: 'DELETE',
    path: '/api/calendar-feeds/{id}',
    url: async (engine) => `/api/calendar-feeds/${(await engine.access.feeds.create({ scope: 'office', subject: 'msk-1' }, 'test')).record.id}`,
    expect: { caseworker: OK, caseworkerElsewhere: 'denied', supervisor: OK, admin: OK },
  },
  { method: 'GET', path: '/api/audit', url: () => '/api/audit', expect: { caseworker: 'denied', caseworkerElsewhere: 'denied', supervisor: OK, admin: OK } },
  { method: 'GET', path: '/api/audit/reads', url: () => '/api/audit/reads', expect: { caseworker: 'denied', caseworkerElsewhere: 'denied', supervisor: OK, admin: OK } },
  {
    method: 'POST',
    path: '/api/cases',
    url: () => '/api/cases',
    body: () => ({ caseNumber: nextCaseNumber(), jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-msk' }),
    expect: { caseworker: CREATED, caseworkerElsewhere: 'denied', supervisor: CREATED, admin: 'denied' },
  },
  { method: 'GET', path: '/api/cases', url: () => '/api/cases', expect: readOwnOffice },
  { method: 'GET', path: '/api/cases/count', url: () => '/api/cases/count', expect: readOwnOffice },
  { method: 'GET', path: '/api/cases.csv', url: () => '/api/cases.csv', expect: readOwnOffice },
  { method: 'GET', path: '/api/cases/{caseNumber}', url: () => `/api/cases/${MSK_CASE}`, expect: readCase },
  { method: 'GET', path: '/api/cases/{caseNumber}/timeline', url: () => `/api/cases/${MSK_CASE}/timeline`, expect: readCase },
  command('recordEvent', { event: 'application-lodged', on: daysAgo(20) }),
  command('correctEventDate', { eventId: 2, correctedDate: daysAgo(21), reason: 'date copied wrongly from the receipt' }),
  command('correctFact', { eventId: 2, fact: 'decidedOn', value: daysAgo(22), reason: 'date of the decision copied from the notice' }),
  command('correctRuleParams', { ruleParams: { renewalLeadMonths: 2 }, reason: 'office policy: file two months ahead' }),
  command('voidEvent', { eventId: 999, reason: 'entered on the wrong case' }),
  command('recordStay', { from: daysAgo(4), to: daysAgo(2), reason: 'court order suspending the period' }),
  command('waiveDeadline', { deadlineId: 'no-such-deadline', reason: 'the applicant gave up the right in writing' }),
  command('linkCase', { caseNumber: 'RU-TA-2016-0102', relation: 'family-member', note: 'spouse' }),
  command('acknowledgeReminder', { reminderId: 'no-such-reminder' }),
  command('reassign', { caseworker: 'cw-msk-2', reason: 'leave cover' }, { caseworker: 'denied', caseworkerElsewhere: 'denied', supervisor: COMMAND, admin: 'denied' }),
  command('migrateRules', { reason: 'new production calendar' }, { caseworker: 'denied', caseworkerElsewhere: 'denied', supervisor: COMMAND, admin: 'denied' }),
  command('overrideDeadline', { deadlineId: 'no-such-deadline', dueDate: daysAgo(0), reason: 'court order' }, { caseworker: 'denied', caseworkerElsewhere: 'denied', supervisor: COMMAND, admin: 'denied' }),
  command('closeCase', { reason: 'withdrawn', closedOn: daysAgo(0) }),
  { method: 'GET', path: '/api/rules/impact', url: () => '/api/rules/impact', expect: { caseworker: 'denied', caseworkerElsewhere: 'denied', supervisor: OK, admin: 'denied' } },
  {
    method: 'POST',
    path: '/api/rules/migrations',
    url: () => '/api/rules/migrations',
    body: { allAffected: true, reason: 'new production calendar', dryRun: true },
    expect: { caseworker: 'denied', caseworkerElsewhere: 'denied', supervisor: OK, admin: 'denied' },
  },
  {
    method: 'GET',
    path: '/api/procedures/{jurisdiction}/{procedure}/lifecycle',
    url: () => '/api/procedures/RU/temporary-asylum/lifecycle',
    expect: readOwnOffice,
  },
  { method: 'GET', path: '/api/deadlines/upcoming', url: () => '/api/deadlines/upcoming?withinDays=30', expect: readOwnOffice },
  { method: 'GET', path: '/api/deadlines/missed', url: () => '/api/deadlines/missed', expect: readOwnOffice },
  { method: 'GET', path: '/api/overview', url: () => '/api/overview', expect: readOwnOffice },
  { method: 'GET', path: '/api/messages', url: () => '/api/messages', expect: { caseworker: OK, caseworkerElsewhere: OK, supervisor: OK, admin: 'denied' } },
  { method: 'GET', path: '/api/digest', url: () => '/api/digest?office=msk-1', expect: { caseworker: 'denied', caseworkerElsewhere: 'denied', supervisor: OK, admin: 'denied' } },
];

describe('HTTP API contract', () => {
  let engine: ApiEngine;
  const tokens = {} as Record<Caller, string>;

  beforeAll(async () => {
    engine = await startApiEngine();
    tokens.caseworker = await engine.tokenFor('caseworker', 'cw-msk', 'msk-1');
    tokens.caseworkerElsewhere = await engine.tokenFor('caseworker', 'cw-spb', 'spb-1');
    tokens.supervisor = await engine.tokenFor('supervisor', 'sv-msk', 'msk-1');
    tokens.admin = await engine.tokenFor('admin', 'adm-1', 'hq');
    await seedOfficeStaff(engine.runtime.staff, 'msk-1', { 'cw-msk-2': 'caseworker', 'cw-new': 'caseworker', 'cw-x': 'caseworker' });
    await engine.cases.open({ caseNumber: MSK_CASE, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-msk', actor: 'sv-msk' });
  });
  afterAll(() => engine?.stop());

  it('covers every operation in the OpenAPI document', async () => {
    const document = (await engine.http('GET', '/openapi.json')).json();
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(OPERATIONS.map((operation) => `${operation.method} ${operation.path}`).sort()).toEqual(documented.sort());
  });

  // Issue 13 item 3: admins manage access and decode nothing.
  it('lets supervisor tokens use the codec endpoint for the Web UI, and no one else', async () => {
    const decode = (token?: string) => engine.http('POST', '/codec/decode', { ...(token ? { token } : {}), body: { payloads: [] } });
    expect((await decode()).status).toBe(401);
    expect((await decode(`dkt_000000000000_${'A'.repeat(43)}`)).status).toBe(401);
    const statuses = await Promise.all(CALLERS.map(async (caller) => [caller, (await decode(tokens[caller])).status]));
    expect(Object.fromEntries(statuses)).toEqual({ caseworker: 403, caseworkerElsewhere: 403, supervisor: 200, admin: 403 });
  });

  it.each(OPERATIONS.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))(
    '%s answers every role as the permission table says',
    async (_name, operation) => {
      const anonymous = await engine.http(operation.method, await operation.url(engine));
      expect(anonymous.status).toBe(401);
      for (const caller of CALLERS) {
        const body = typeof operation.body === 'function' ? (operation.body as () => unknown)() : operation.body;
        const response = await engine.http(operation.method, await operation.url(engine), {
          token: tokens[caller],
          ...(body !== undefined ? { body } : {}),
        });
        const expected = operation.expect[caller];
        const allowed = expected === 'denied' ? [403] : (expected ?? []);
        if (!allowed.includes(response.status)) {
          throw new Error(`${caller}: expected ${allowed.join(' or ')}, got ${response.status}: ${response.text.slice(0, 300)}`);
        }
        if (expected === 'denied') expect(response.json()).toMatchObject({ error: 'forbidden', message: expect.any(String) });
      }
    },
  );
});

describe('HTTP API behaviour', () => {
  let engine: ApiEngine;
  let supervisor: string;
  let caseworker: string;

  beforeAll(async () => {
    engine = await startApiEngine('api-behaviour');
    supervisor = await engine.tokenFor('supervisor', 'sv-msk', 'msk-1');
    caseworker = await engine.tokenFor('caseworker', 'cw-msk', 'msk-1');
    await seedOfficeStaff(engine.runtime.staff, 'spb-1', { 'cw-spb': 'caseworker' });
    await seedOfficeStaff(engine.runtime.staff, 'ber-1', { 'cw-ber': 'caseworker' });
  });
  afterAll(() => engine?.stop());

  const open = async (caseNumber: string, office: string, token: string) => {
    const response = await engine.http('POST', '/api/cases', {
      token,
      body: {
        caseNumber,
        jurisdiction: 'RU',
        procedure: 'temporary-asylum',
        office,
        caseworker: office === 'msk-1' ? 'cw-msk' : 'cw-spb',
        // Deadlines entered already past are escalated at once, so the missed ones show without waiting an hour.
        reminderPolicy: ESCALATE_LATE_ENTRIES_AT_ONCE,
      },
    });
    expect(response.status).toBe(201);
    return response.json();
  };

  it('lists cases for a supervisor by next deadline, earliest first', async () => {
    await open('RU-TA-2016-0042', 'msk-1', caseworker);
    await open('RU-TA-2016-0043', 'msk-1', caseworker);
    await open('RU-TA-2016-0044', 'spb-1', supervisor);
    const record = (caseNumber: string, path: string, body: unknown) =>
      engine.http('POST', `/api/cases/${caseNumber}/commands/${path}`, { token: supervisor, body });
    // A refusal starts the one-month complaint clock; a lodged application the three-month decision clock.
    const recordEvent = (caseNumber: string, event: string, on: string) => record(caseNumber, 'recordEvent', { event, on });
    expect((await recordEvent('RU-TA-2016-0042', 'application-lodged', daysAgo(30))).status).toBe(200);
    expect((await recordEvent('RU-TA-2016-0042', 'refusal-notice-received', daysAgo(3))).status).toBe(200);
    expect((await recordEvent('RU-TA-2016-0043', 'application-lodged', daysAgo(10))).status).toBe(200);
    expect((await recordEvent('RU-TA-2016-0044', 'application-lodged', daysAgo(40))).status).toBe(200);

    const listed = await waitFor(async () => {
      const response = (await engine.http('GET', '/api/cases?sort=next-deadline', { token: supervisor })).json();
      return response.cases.length === 3 && response.cases.every((item: { nextDeadline?: unknown }) => item.nextDeadline) ? response.cases : undefined;
    }, { timeoutMs: VISIBILITY_MS, what: 'the three cases to be listed with their next deadlines' });
    expect(listed.map((item: { caseNumber: string }) => item.caseNumber)).toEqual(['RU-TA-2016-0042', 'RU-TA-2016-0044', 'RU-TA-2016-0043']);
    expect(listed[0].nextDeadline).toMatchObject({ kind: 'complaint', dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    const own = (await engine.http('GET', '/api/cases?sort=next-deadline', { token: caseworker })).json();
    expect(own.cases.map((item: { caseNumber: string }) => item.caseNumber)).toEqual(['RU-TA-2016-0042', 'RU-TA-2016-0043']);
    const elsewhere = await engine.http('GET', '/api/cases?office=spb-1', { token: caseworker });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.json().message).toBe('Your caseworker token is for office "msk-1"; it cannot see office "spb-1".');
  });

  it('pages through a listing and counts by stage', async () => {
    const first = (await engine.http('GET', '/api/cases?pageSize=2', { token: supervisor })).json();
    expect(first.cases).toHaveLength(2);
    const second = (await engine.http('GET', `/api/cases?pageSize=2&pageToken=${first.nextPageToken}`, { token: supervisor })).json();
    expect(second.cases).toHaveLength(1);
    expect(second.nextPageToken).toBeUndefined();
    const count = (await engine.http('GET', '/api/cases/count?stage=refused,lodged', { token: supervisor })).json();
    expect(count).toMatchObject({ total: 3, byStage: { refused: 1, lodged: 2, granted: 0 } });
  });

  it('shows a case with its history and deadline explanations in English and Russian', async () => {
    const response = await engine.http('GET', '/api/cases/RU-TA-2016-0042', { token: caseworker });
    // Case data is never kept by a browser or a proxy, nor is a refusal.
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await engine.http('GET', '/api/cases/RU-TA-2016-0042')).headers.get('cache-control')).toBe('no-store');
    const view = caseViewSchema.parse(response.json());
    const complaint = view.deadlines.find((deadline) => deadline.deadline.kind === 'complaint');
    expect(complaint?.deadline.citation).toEqual({
      en: 'Law No. 4528-1 "On Refugees", art. 10 p. 3; MVD model refusal notice; UNHCR Russia guidance',
      ru: 'Закон РФ от 19.02.1993 № 4528-1 «О беженцах», ст. 10 п. 3; типовое уведомление МВД об отказе; разъяснения УВКБ ООН',
    });
    expect(complaint?.explanationText.en).toContain('Law No. 4528-1 "On Refugees", art. 10 p. 3');
    expect(complaint?.explanationText.ru).toContain('Закон РФ от 19.02.1993 № 4528-1 «О беженцах», ст. 10 п. 3');
    const timeline = (await engine.http('GET', '/api/cases/RU-TA-2016-0042/timeline', { token: caseworker })).json();
    // By legal date: the application and the refusal happened before the case was opened here today.
    expect(timeline.entries.filter((entry: { kind: string }) => entry.kind === 'event').map((entry: { title: string }) => entry.title)).toEqual([
      '#2 Application lodged',
      '#3 Written refusal notice received',
      '#1 Case opened',
    ]);
  });

  it('answers a caseworker asking for another office\'s case exactly as for a case that does not exist', async () => {
    const spb = await engine.tokenFor('caseworker', 'cw-spb', 'spb-1');
    const elsewhere = await engine.http('GET', '/api/cases/RU-TA-2016-0042', { token: spb });
    const missing = await engine.http('GET', '/api/cases/RU-TA-2016-9999', { token: spb });
    expect([elsewhere.status, missing.status]).toEqual([404, 404]);
    expect(elsewhere.json()).toEqual({ error: 'not-found', message: 'There is no case RU-TA-2016-0042.' });
    expect(missing.json()).toEqual({ error: 'not-found', message: 'There is no case RU-TA-2016-9999.' });
  });

  it('refuses ids no directory could hold in report filters at once, before they reach visibility', async () => {
    const startedMs = Date.now();
    const nul = await engine.http('GET', '/api/deadlines/upcoming?caseworker=cw%00msk', { token: supervisor });
    expect(nul.status).toBe(400);
    expect(nul.json().problems).toEqual([expect.stringContaining('caseworker')]);
    expect((await engine.http('GET', '/api/overview?office=msk%001', { token: supervisor })).status).toBe(400);
    expect((await engine.http('GET', '/api/cases?pageToken=AAAA', { token: supervisor })).status).toBe(400);
    expect(Date.now() - startedMs).toBeLessThan(5_000);
  });

  it('takes the actor from the token, refuses a body that names one, and audits each write', async () => {
    const named = await engine.http('POST', '/api/cases/RU-TA-2016-0043/commands/recordEvent', {
      token: caseworker,
      body: { event: 'renewal-filed', on: daysAgo(1), actor: 'sv-msk' },
    });
    expect(named.status).toBe(400);
    expect(named.json().problems).toEqual([expect.stringContaining('actor')]);
    const refused = await engine.http('POST', '/api/cases/RU-TA-2016-0043/commands/recordEvent', {
      token: caseworker,
      body: { event: 'renewal-filed', on: daysAgo(1) },
    });
    expect(refused.status).toBe(422);
    expect(refused.json()).toMatchObject({ error: 'rejected', message: expect.stringContaining('RU-TA-2016-0043') });
    const audit = (await engine.http('GET', '/api/audit?target=RU-TA-2016-0043&source=access-log', { token: supervisor })).json().entries;
    expect(audit.map((entry: { action: string; actor: string; outcome: string }) => `${entry.action} ${entry.actor} ${entry.outcome}`)).toEqual([
      'case.recordEvent cw-msk rejected',
      'case.recordEvent sv-msk ok',
      'case.open cw-msk ok',
    ]);
  });

  it('gives the dashboard its figures and a supervisor the digest, with missed deadlines from the register', async () => {
    // Lodged 40 days ago and refused with a notice received 35 days ago: the one-month complaint period has passed unmet.
    await open('RU-TA-2016-0045', 'msk-1', supervisor);
    await engine.http('POST', '/api/cases/RU-TA-2016-0045/commands/recordEvent', { token: supervisor, body: { event: 'application-lodged', on: daysAgo(40) } });
    await engine.http('POST', '/api/cases/RU-TA-2016-0045/commands/recordEvent', {
      token: supervisor,
      body: { event: 'refusal-notice-received', on: daysAgo(35) },
    });
    const overview = await waitFor(async () => {
      const body = overviewSchema.parse((await engine.http('GET', '/api/overview?office=msk-1', { token: supervisor })).json());
      return body.missed.length > 0 && body.openCases === 3 ? body : undefined;
    }, { timeoutMs: VISIBILITY_MS, what: 'the overview to show the missed deadline of three open cases' });
    expect(overview.missed).toEqual([expect.objectContaining({ caseNumber: 'RU-TA-2016-0045', kind: 'complaint', owner: 'applicant' })]);
    expect(overview.byStage).toMatchObject({ refused: 2, lodged: 1 });
    expect(overview.upcoming.map((item) => item.caseNumber)).toEqual(['RU-TA-2016-0042', 'RU-TA-2016-0043']);
    expect(overview.workload).toEqual([{ caseworker: 'cw-msk', office: 'msk-1', openCases: 3, dueWithin30Days: 1, missed: 1 }]);

    const digest = (await engine.http('GET', '/api/digest?office=msk-1', { token: supervisor })).json();
    expect(digest.upcoming).toEqual([]);
    expect(digest.missed.map((item: { caseNumber: string }) => item.caseNumber)).toEqual(['RU-TA-2016-0045']);
  });

  it('shows staff the messages the outbox keeps for them, and supervisors anyone’s', async () => {
    const own = (await engine.http('GET', '/api/messages', { token: supervisor })).json();
    expect(own.recipient).toBe('sv-msk');
    expect(own.messages.some((message: { caseNumber: string; subject: string }) => message.caseNumber === 'RU-TA-2016-0045' && message.subject.includes('RU-TA-2016-0045'))).toBe(true);
    expect((await engine.http('GET', '/api/messages?recipient=sv-spb', { token: supervisor })).status).toBe(200);
    const nosy = await engine.http('GET', '/api/messages?recipient=sv-msk', { token: caseworker });
    expect(nosy.status).toBe(403);
    expect(nosy.json().message).toBe('A caseworker reads only their own messages.');
  });

  it('serves an ICS feed of an office’s deadlines with their reminders until the feed is revoked', async () => {
    const created = await engine.http('POST', '/api/calendar-feeds', { token: caseworker, body: { scope: 'office', subject: 'msk-1' } });
    const feedPath = new URL(created.json().url).pathname;
    const feed = await engine.http('GET', feedPath);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const events = feed.text.split('BEGIN:VEVENT').slice(1);
    const complaint = events.find((event) => event.includes('SUMMARY:RU-TA-2016-0042: '));
    expect(complaint).toMatch(/DTSTART;VALUE=DATE:\d{8}/);
    // One alarm per reminder day of the case's complaint deadline; how many there are depends on where
    // weekends fall relative to today, since reminders on days off move to the working day before.
    const shown = (await engine.http('GET', '/api/cases/RU-TA-2016-0042', { token: supervisor })).json();
    const reminderDays = shown.deadlines.find((tracked: { deadline: { kind: string } }) => tracked.deadline.kind === 'complaint').deadline.reminderDates;
    expect(reminderDays.length).toBeGreaterThanOrEqual(4);
    expect(complaint?.match(/BEGIN:VALARM/g)?.length).toBe(reminderDays.length);
    expect(events.some((event) => event.includes('SUMMARY:MISSED: RU-TA-2016-0045'))).toBe(true);
    expect(feed.text).not.toContain('RU-TA-2016-0044');

    const revoked = await engine.http('DELETE', `/api/calendar-feeds/${created.json().record.id}`, { token: caseworker });
    expect(revoked.status).toBe(200);
    const gone = await engine.http('GET', feedPath);
    expect(gone.status).toBe(404);
    expect(gone.text).toContain('does not exist or was revoked');
  });

  it('keeps a German case by its own procedure: the events it takes, the deadlines they start, and its lifecycle table', async () => {
    // In an office of its own, so the Moscow figures above stay as they are.
    const opened = await engine.http('POST', '/api/cases', {
      token: supervisor,
      body: { caseNumber: 'DE-AS-2017-0001', jurisdiction: 'DE', procedure: 'asylum', office: 'ber-1', caseworker: 'cw-ber' },
    });
    expect(opened.status).toBe(201);
    const recordEvent = (body: unknown) => engine.http('POST', '/api/cases/DE-AS-2017-0001/commands/recordEvent', { token: supervisor, body });

    // Served on Monday 23 January 2017 as manifestly unfounded: one week, ending on Monday 30 January, a working day.
    const served = await recordEvent({ event: 'decision-served', on: '2017-01-23', facts: { manifestlyUnfounded: true } });
    expect(served.status).toBe(200);
    const view = caseViewSchema.parse((await engine.http('GET', '/api/cases/DE-AS-2017-0001', { token: supervisor })).json());
    expect(view.stage).toBe('refused');
    const lawsuit = view.deadlines.find((deadline) => deadline.deadline.ruleId === 'de-lawsuit-accelerated');
    expect(lawsuit?.deadline).toMatchObject({ kind: 'appeal', ruleId: 'de-lawsuit-accelerated', dueDate: '2017-01-30' });
    expect(view.deadlines.map((deadline) => deadline.deadline.ruleId)).not.toContain('de-lawsuit');

    // Renewals are a Russian temporary-asylum event; the German procedure has none.
    const foreign = await recordEvent({ event: 'renewal-filed', on: '2017-01-24' });
    expect(foreign.status).toBe(422);
    expect(foreign.json()).toMatchObject({ error: 'rejected', message: expect.stringContaining('renewal-filed') });

    const lifecycle = await engine.http('GET', '/api/procedures/DE/asylum/lifecycle', { token: caseworker });
    expect(lifecycle.status).toBe(200);
    expect(lifecycle.json()).toMatchObject({ jurisdiction: 'DE', procedure: 'asylum', stages: expect.arrayContaining(['opened', 'refused']) });
    expect(lifecycle.json().transitions).toEqual(
      expect.arrayContaining([expect.objectContaining({ event: 'decision-served', to: 'refused', from: expect.arrayContaining(['opened']) })]),
    );
    const unknown = await engine.http('GET', '/api/procedures/DE/temporary-asylum/lifecycle', { token: caseworker });
    expect(unknown.status).toBe(404);
  });
});
