import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDocket } from '../../src/cli/docket';
import { createRulesCommand } from '../../src/cli/commands/rules';
import { createBufferedIo } from '../../src/cli/io';
import type { CaseView } from '../../src/domain';
import { operatorServices } from '../cli/operator-services';
import { russianCalendarFix } from '../support/russian-calendar-fix';
import { waitFor } from '../support/wait-for';
import { startApiEngine, type ApiEngine } from './support/api-engine';

/**
 * Rule data changed on a running engine: a corrected 2027 production calendar and a new 2028 one are
 * dropped into DOCKET_RULES_DIR while cases run. The rows are invented for the test (no such decree
 * exists); every date below is worked out by hand from the rules and these rows.
 */
// The shipped 2027 row with Monday 11 January and Friday 29 October also days off, and a 2028 row.
const CORRECTED_CALENDAR = russianCalendarFix({ extraDaysOff2027: '01-11, 10-29', with2028: true });

const OFFICE = 'msk-1';
const CASEWORKER = 'cw-msk';
const SUPERVISOR = 'sv-msk';

describe('rule data changed on a running engine: impact, migration and pinned cases', () => {
  let engine: ApiEngine;
  let rulesDir: string;
  let supervisor: string;
  let caseworker: string;

  beforeAll(async () => {
    rulesDir = mkdtempSync(path.join(os.tmpdir(), 'docket-rules-'));
    mkdirSync(path.join(rulesDir, 'calendars'));
    engine = await startApiEngine('rule-migration-test', { rulesDir });
    supervisor = await engine.tokenFor('supervisor', SUPERVISOR, OFFICE);
    caseworker = await engine.tokenFor('caseworker', CASEWORKER, OFFICE);
  });
  afterAll(async () => {
    await engine?.stop();
    rmSync(rulesDir, { recursive: true, force: true });
  });

  const open = async (caseNumber: string, events: Array<{ event: string; on: string; facts?: Record<string, string> }>) => {
    const opened = await engine.http('POST', '/api/cases', {
      token: caseworker,
      body: { caseNumber, jurisdiction: 'RU', procedure: 'temporary-asylum', office: OFFICE, caseworker: CASEWORKER, applicant: { pseudonym: `Applicant-${caseNumber.slice(-4)}` } },
    });
    expect(opened.status).toBe(201);
    for (const event of events) {
      const recorded = await engine.http('POST', `/api/cases/${caseNumber}/commands/recordEvent`, { token: caseworker, body: event });
      expect(recorded.status).toBe(200);
    }
  };
  const view = async (caseNumber: string): Promise<CaseView> => (await engine.http('GET', `/api/cases/${caseNumber}`, { token: supervisor })).json();
  const due = async (caseNumber: string, kind: string) => (await view(caseNumber)).deadlines.filter((tracked) => tracked.deadline.kind === kind).at(-1)?.deadline;
  const messagesOf = async (recipient: string) =>
    ((await engine.http('GET', `/api/messages?recipient=${recipient}&limit=500`, { token: supervisor })).json().messages as Array<{ subject: string; body: string; caseNumber: string }>);

  // Refusal notice received Tue 1 Dec 2026: one month ends on Fri 1 Jan 2027, a holiday; 1-8 January are
  // days off and 9-10 January a weekend, so the complaint is due Mon 11 January (then Tue 12 January, once
  // the corrected row makes the 11th a day off).
  const COMPLAINT = 'RU-TA-2026-0101';
  const UNMIGRATED = 'RU-TA-2026-0102';
  // Granted Mon 30 Nov 2026 for a year, to Tue 30 Nov 2027: the renewal is due a month before, on Sat 30 October,
  // which moves back to Fri 29 October (then Thu 28 October: earlier, once the 29th is a day off).
  const RENEWAL = 'RU-TA-2026-0103';
  // Granted to 1 Mar 2028: the renewal falls on Tue 1 Feb 2028, counted on weekends and fixed holidays alone
  // until the 2028 row arrives, where it is a working day: the date stays, the warning goes.
  const INTO_2028 = 'RU-TA-2026-0104';
  // Refusal notice received Fri 20 Nov 2026: the complaint is due Mon 21 Dec 2026, which no change touches.
  const UNTOUCHED = 'RU-TA-2026-0105';

  it('computes every case with the shipped data first, pinned to it', async () => {
    await open(COMPLAINT, [{ event: 'application-lodged', on: '2026-11-02' }, { event: 'refusal-notice-received', on: '2026-12-01' }]);
    await open(UNMIGRATED, [{ event: 'application-lodged', on: '2026-11-02' }, { event: 'refusal-notice-received', on: '2026-12-01' }]);
    await open(RENEWAL, [{ event: 'application-lodged', on: '2026-11-02' }, { event: 'protection-granted', on: '2026-11-30' }]);
    await open(INTO_2028, [{ event: 'application-lodged', on: '2026-11-02' }, { event: 'protection-granted', on: '2026-11-30', facts: { validUntil: '2028-03-01' } }]);
    await open(UNTOUCHED, [{ event: 'application-lodged', on: '2026-11-02' }, { event: 'refusal-notice-received', on: '2026-11-20' }]);
    expect((await due(COMPLAINT, 'complaint'))?.dueDate).toBe('2027-01-11');
    expect((await due(RENEWAL, 'renewal-filing'))?.dueDate).toBe('2027-10-29');
    const into2028 = await due(INTO_2028, 'renewal-filing');
    expect(into2028?.dueDate).toBe('2028-02-01');
    expect(into2028?.warnings).toContainEqual(expect.objectContaining({ en: expect.stringMatching(/^No calendar data for 2028/) }));
    expect((await due(UNTOUCHED, 'complaint'))?.dueDate).toBe('2026-12-21');
    // The first computation (the lodging's) pins the case; the grant's is computed with the pinned versions.
    const decision = (await view(INTO_2028)).deadlines.find((tracked) => tracked.deadline.kind === 'decision-due')?.deadline;
    expect(decision?.ruleData).toMatchObject({ applied: 'installed', calendar: { id: 'ru-production' } });
    expect(into2028?.ruleData).toMatchObject({ applied: 'pinned', pack: decision?.ruleData?.pack, calendar: decision?.ruleData?.calendar });

    const impact = await engine.http('GET', '/api/rules/impact', { token: supervisor });
    expect(impact.status).toBe(200);
    expect(impact.json()).toMatchObject({ installedFiles: ['built-in'], affected: [] });
  });

  it('lists exactly the cases the dropped calendar would change, with old and new dates, and those counted with the fallback', async () => {
    writeFileSync(path.join(rulesDir, 'calendars', 'ru-2027-2028.yaml'), CORRECTED_CALENDAR);
    // Visibility lists a case a moment after it opened.
    const impact = await waitFor(
      async () => {
        const report = (await engine.http('GET', '/api/rules/impact', { token: supervisor })).json();
        return report.casesChecked === 5 && report;
      },
      { timeoutMs: 20_000, what: 'all five cases to be listed' },
    );
    expect(impact.installedFiles).toEqual(['calendars/ru-2027-2028.yaml']);
    expect(impact.casesChecked).toBe(5);
    const byCase = Object.fromEntries(
      (impact.affected as Array<{ caseNumber: string; deadlines: Array<{ kind: string; from: string; to: string; earlier: boolean; fallbackCovered: number[] }> }>).map((affected) => [
        affected.caseNumber,
        affected.deadlines.map(({ kind, from, to, earlier, fallbackCovered }) => ({ kind, from, to, earlier, fallbackCovered })),
      ]),
    );
    expect(Object.keys(byCase).sort()).toEqual([COMPLAINT, UNMIGRATED, RENEWAL, INTO_2028].sort());
    expect(byCase[COMPLAINT]).toEqual([{ kind: 'complaint', from: '2027-01-11', to: '2027-01-12', earlier: false, fallbackCovered: [] }]);
    expect(byCase[RENEWAL]).toEqual([{ kind: 'renewal-filing', from: '2027-10-29', to: '2027-10-28', earlier: true, fallbackCovered: [] }]);
    expect(byCase[INTO_2028]).toEqual([{ kind: 'renewal-filing', from: '2028-02-01', to: '2028-02-01', earlier: false, fallbackCovered: [2028] }]);
    // Its dates stay; only the 2027 row's source, cited in its explanations, reads differently.
    expect(impact.wordingOnly).toEqual([UNTOUCHED]);
    // Every case here was computed by this release, so each has its computations on record.
    expect(impact.unrecorded).toEqual([]);

    // The CLI reads the same report.
    const io = createBufferedIo();
    expect(await runDocket(['rules', 'impact', '--json'], io, [createRulesCommand(operatorServices(engine))], {})).toBe(0);
    expect(JSON.parse(io.stdout).affected.map((affected: { caseNumber: string }) => affected.caseNumber).sort()).toEqual(Object.keys(byCase).sort());
  });

  it('keeps an unmigrated case on its pinned data through a date correction, and says the installed data did not apply', async () => {
    const refusal = (await view(UNMIGRATED)).events.find((event) => event.type === 'refusal-notice-received')!;
    const corrected = await engine.http('POST', `/api/cases/${UNMIGRATED}/commands/correctEventDate`, {
      token: caseworker,
      body: { eventId: refusal.id, correctedDate: '2026-12-02', reason: 'the notice was received a day later' },
    });
    expect(corrected.status).toBe(200);
    // One month from Wed 2 Dec 2026 ends on Sat 2 Jan 2027, in the holidays: the first working day under the
    // shipped 2027 row is Mon 11 January; the installed row would give Tue 12 January.
    const complaint = await due(UNMIGRATED, 'complaint');
    expect(complaint?.dueDate).toBe('2027-01-11');
    expect(complaint?.ruleData).toMatchObject({ applied: 'pinned', installed: { calendar: { label: 'test-2027.2' } } });
  });

  it('refuses a migration by a caseworker, and one without a reason, changing nothing', async () => {
    const byCaseworker = await engine.http('POST', '/api/rules/migrations', { token: caseworker, body: { caseNumbers: [COMPLAINT], reason: 'new calendar' } });
    expect(byCaseworker.status).toBe(403);
    const noReason = await engine.http('POST', '/api/rules/migrations', { token: supervisor, body: { caseNumbers: [COMPLAINT] } });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('reason');
    expect((await due(COMPLAINT, 'complaint'))?.dueDate).toBe('2027-01-11');
  });

  it('migrates through the API: a dry run changes nothing; then timers move, the caseworker hears of each date and the supervisors of the earlier one', async () => {
    const dryRun = await engine.http('POST', '/api/rules/migrations', { token: supervisor, body: { caseNumbers: [COMPLAINT, RENEWAL], reason: 'corrected 2027 calendar', dryRun: true } });
    expect(dryRun.status).toBe(200);
    expect(dryRun.json().outcomes.map((outcome: { result: string }) => outcome.result)).toEqual(['dry-run', 'dry-run']);
    expect((await due(RENEWAL, 'renewal-filing'))?.dueDate).toBe('2027-10-29');

    const migrated = await engine.http('POST', '/api/rules/migrations', { token: supervisor, body: { caseNumbers: [COMPLAINT, RENEWAL], reason: 'corrected 2027 calendar' } });
    expect(migrated.status).toBe(200);
    expect(migrated.json().outcomes.map((outcome: { caseNumber: string; result: string }) => [outcome.caseNumber, outcome.result])).toEqual([
      [COMPLAINT, 'migrated'],
      [RENEWAL, 'migrated'],
    ]);
    expect((await due(COMPLAINT, 'complaint'))?.dueDate).toBe('2027-01-12');
    const renewal = await view(RENEWAL);
    expect(renewal.deadlines.find((tracked) => tracked.deadline.kind === 'renewal-filing')?.deadline).toMatchObject({
      dueDate: '2027-10-28',
      ruleData: { calendar: { label: 'test-2027.2' } },
    });
    expect(renewal.events.at(-1)).toMatchObject({ type: 'rules-migrated', actor: SUPERVISOR, changes: [expect.objectContaining({ change: 'moved', from: '2027-10-29', to: '2027-10-28' })] });
    expect(renewal.escalations).toContainEqual(expect.objectContaining({ reason: 'moved-earlier', dueDate: '2027-10-28', previousDueDate: '2027-10-29' }));

    const told = await waitFor(
      async () => {
        const messages = (await messagesOf(CASEWORKER)).filter((message) => message.subject.includes('Deadline changed by new rule data'));
        return messages.length === 2 && messages;
      },
      { timeoutMs: 20_000, what: 'the caseworker to be told of both changed deadlines' },
    );
    expect(told.find((message) => message.caseNumber === RENEWAL)?.body).toContain('The due date moved from 2027-10-29 to 2027-10-28.');
    expect(told.find((message) => message.caseNumber === COMPLAINT)?.body).toContain('The due date moved from 2027-01-11 to 2027-01-12.');
    const escalated = await waitFor(
      async () => (await messagesOf(SUPERVISOR)).find((message) => message.subject.startsWith('[asylum-docket] Escalation') && message.caseNumber === RENEWAL),
      { timeoutMs: 20_000, what: 'the supervisor to hear of the earlier date' },
    );
    expect(escalated.body).toContain('now falls EARLIER than before');
    expect((await messagesOf(SUPERVISOR)).some((message) => message.caseNumber === COMPLAINT && message.subject.startsWith('[asylum-docket] Escalation'))).toBe(false);

    // Migrated cases are on the installed data: the impact report no longer lists them.
    const after = (await engine.http('GET', '/api/rules/impact', { token: supervisor })).json();
    expect(after.affected.map((affected: { caseNumber: string }) => affected.caseNumber).sort()).toEqual([UNMIGRATED, INTO_2028].sort());
  });

  it('keeps a supervisor’s date set by hand through a migration, showing the rule’s new date beside it', async () => {
    const complaintId = (await view(UNMIGRATED)).deadlines.find((tracked) => tracked.deadline.kind === 'complaint')!.id;
    const body = { deadlineId: complaintId, dueDate: '2027-01-25', reason: 'court order extending the period' };
    expect((await engine.http('POST', `/api/cases/${UNMIGRATED}/commands/overrideDeadline`, { token: caseworker, body })).status).toBe(403);
    expect((await engine.http('POST', `/api/cases/${UNMIGRATED}/commands/overrideDeadline`, { token: supervisor, body })).status).toBe(200);
    const migrated = await engine.http('POST', '/api/rules/migrations', { token: supervisor, body: { caseNumbers: [UNMIGRATED], reason: 'corrected 2027 calendar' } });
    expect(migrated.json().outcomes).toEqual([expect.objectContaining({ result: 'migrated' })]);
    const complaint = (await view(UNMIGRATED)).deadlines.find((tracked) => tracked.id === complaintId)!;
    // The refusal was corrected to 2 Dec 2026: under the installed row the rule now gives Tue 12 January.
    expect(complaint).toMatchObject({ deadline: { dueDate: '2027-01-25' }, override: { computedDueDate: '2027-01-12' } });
  });
});
