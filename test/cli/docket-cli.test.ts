import { runDocket } from '../../src/cli/docket';
import { createBufferedIo } from '../../src/cli/io';
import { createFeedCommand, createTokenCommand } from '../../src/cli/commands/access-commands';
import { createCaseCommand } from '../../src/cli/commands/case';
import { createDigestCommand } from '../../src/cli/commands/digest';
import { createStaffCommand } from '../../src/cli/commands/staff';
import { VISIBILITY_MS } from '../support/temporal-env';
import { seedOfficeStaff } from '../support/office-staff';
import { waitFor } from '../support/wait-for';
import { daysAgo, startApiEngine, type ApiEngine } from '../api/support/api-engine';
import { operatorServices } from './operator-services';

describe('docket CLI against the dev server', () => {
  let engine: ApiEngine;
  let commands: ReturnType<typeof createCaseCommand>[];

  beforeAll(async () => {
    engine = await startApiEngine('cli-test');
    await seedOfficeStaff(engine.access.staff, 'msk-1', { 'cw-msk': 'caseworker', 'cw-leaving': 'caseworker' });
    await seedOfficeStaff(engine.access.staff, 'spb-1', { 'cw-spb': 'caseworker' });
    await seedOfficeStaff(engine.access.staff, 'hq', { 'adm-1': 'admin' });
    const open = operatorServices(engine);
    commands = [createCaseCommand(open), createDigestCommand(open), createStaffCommand(open), createTokenCommand(open), createFeedCommand(open)];
  });
  afterAll(() => engine?.stop());

  async function docket(...argv: string[]) {
    const io = createBufferedIo();
    const code = await runDocket(argv, io, commands);
    return { code, out: io.stdout, err: io.stderr };
  }

  it('opens the founding case and refuses to open it twice', async () => {
    const opened = await docket('case', 'open', 'RU-TA-2016-0042', '--jurisdiction', 'RU', '--procedure', 'temporary-asylum', '--office', 'msk-1', '--caseworker', 'cw-msk', '--pseudonym', 'Applicant-7F3A', '--as', 'cw-msk');
    expect(opened).toMatchObject({ code: 0, err: '' });
    expect(opened.out).toContain('Opened case RU-TA-2016-0042.');
    expect(opened.out).toMatch(/Stage\s+opened, attempt 0/);
    // Issue 13 item 15: the same opening again (its first answer lost) is no error and changes nothing.
    const retried = await docket('case', 'open', 'RU-TA-2016-0042', '--jurisdiction', 'RU', '--procedure', 'temporary-asylum', '--office', 'msk-1', '--caseworker', 'cw-msk', '--pseudonym', 'Applicant-7F3A', '--as', 'cw-msk');
    expect(retried).toMatchObject({ code: 0, err: '' });
    expect(retried.out).toContain('Case RU-TA-2016-0042 was already open from this same opening; nothing changed.');

    const again = await docket('case', 'open', 'RU-TA-2016-0042', '--jurisdiction', 'RU', '--procedure', 'temporary-asylum', '--office', 'msk-1', '--caseworker', 'cw-msk', '--as', 'cw-msk');
    expect(again.code).toBe(4);
    // The same caller again, but without the pseudonym the case was opened with: not a retry of that opening.
    expect(again.err).toBe('docket case open: Case RU-TA-2016-0042 was already opened by you with a different applicant; nothing was changed: an open case is changed through its commands.\n');
  });

  it('says what was wrong with bad input, naming each field, and opens nothing', async () => {
    const bad = await docket('case', 'open', 'RU-TA-16-42', '--jurisdiction', 'Russia', '--procedure', 'temporary-asylum', '--office', 'msk-1', '--caseworker', 'Ivan Petrov', '--as', 'cw-msk');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('docket case open: Invalid case to open:');
    expect(bad.err).toMatch(/- NUMBER: expected a case number like RU-TA-2016-0042/);
    expect(bad.err).toMatch(/- --jurisdiction: expected a two-letter country code/);
    expect(bad.err).toMatch(/- --caseworker: expected a staff id/);
    expect((await docket('case', 'show', 'RU-TA-16-42')).code).toBe(2);

    const noActor = await docket('case', 'record', 'RU-TA-2016-0042', 'application-lodged', '--on', daysAgo(40));
    expect(noActor.code).toBe(2);
    expect(noActor.err).toContain('say who is acting: --as <staff id>, or set DOCKET_ACTOR');
    const unknownEvent = await docket('case', 'record', 'RU-TA-2016-0042', 'appeal-won', '--as', 'cw-msk');
    expect(unknownEvent.code).toBe(2);
    expect(unknownEvent.err).toContain('RU/temporary-asylum has no event "appeal-won"; its events: application-lodged, refusal-notice-received');
    const noDate = await docket('case', 'record', 'RU-TA-2016-0042', 'application-lodged', '--as', 'cw-msk');
    expect(noDate).toMatchObject({ code: 2, err: expect.stringContaining('--on is required') });
    const badFact = await docket('case', 'record', 'RU-TA-2016-0042', 'application-lodged', '--on', daysAgo(40), '--valid-until', 'soon', '--as', 'cw-msk');
    expect(badFact).toMatchObject({ code: 2, err: expect.stringContaining('application-lodged does not take --valid-until; it takes no facts') });
    expect((await docket('case', 'frobnicate')).code).toBe(2);
    expect((await docket('case', 'show', 'RU-TA-2016-0042', '--colour')).err).toContain("Unknown option '--colour'");
  });

  it('records events, refuses one the stage does not allow, and corrects a date', async () => {
    const lodged = await docket('case', 'record', 'RU-TA-2016-0042', 'application-lodged', '--on', daysAgo(40), '--as', 'cw-msk');
    expect(lodged.code).toBe(0);
    expect(lodged.out).toMatch(/Next deadline\s+\d{4}-\d{2}-\d{2}\s+Decision on the temporary asylum application \(decision-due\)/);
    const refused = await docket('case', 'record', 'RU-TA-2016-0042', 'refusal-notice-received', '--on', daysAgo(4), '--as', 'cw-msk');
    expect(refused.out).toMatch(/Stage\s+refused, attempt 1/);

    const notAllowed = await docket('case', 'record', 'RU-TA-2016-0042', 'renewal-filed', '--on', daysAgo(1), '--as', 'cw-msk');
    expect(notAllowed.code).toBe(4);
    expect(notAllowed.err).toMatch(/^docket case record: Case RU-TA-2016-0042 refused the command: /);

    const corrected = await docket('case', 'correct', 'RU-TA-2016-0042', '--event', '3', '--date', daysAgo(5), '--reason', 'receipt stamp misread', '--as', 'cw-msk');
    expect(corrected.code).toBe(0);
    const shown = JSON.parse((await docket('case', 'show', 'RU-TA-2016-0042', '--json')).out);
    expect(shown.events.find((event: { id: number }) => event.id === 3).on).toBe(daysAgo(5));
    expect(shown.events.at(-1)).toMatchObject({ type: 'event-date-corrected', actor: 'cw-msk' });
  });

  it('shows only the events of the case\'s own procedure in record --help', async () => {
    const help = await docket('case', 'record', 'RU-TA-2016-0042', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Events of RU/temporary-asylum');
    expect(help.out).toContain('complaint-filed --on DATE --forum administrative|court');
    expect(help.out).not.toContain('decision-served');
    expect(help.out).not.toContain('Actions:');
  });

  it('shows a case as tables, with explanations in Russian on request', async () => {
    const shown = await docket('case', 'show', 'RU-TA-2016-0042', '--explain', '--lang', 'ru');
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/DUE\s+DEADLINE\s+STATUS\s+WHO ACTS\s+BASIS\s+ID/);
    expect(shown.out).toMatch(/Complaint against the refusal\s+open\s+applicant\s+statutory, high/);
    expect(shown.out).toContain('Как рассчитано');
    const timeline = await docket('case', 'timeline', 'RU-TA-2016-0042');
    expect(timeline.out.split('\n')[0]).toMatch(/^DATE\s+KIND\s+WHAT\s+DETAIL\s+BY$/);
    expect(timeline.out).toContain('#4 Event date corrected');
    const missing = await docket('case', 'show', 'RU-TA-2016-9999');
    expect(missing).toMatchObject({ code: 3, err: 'docket case show: There is no case RU-TA-2016-9999.\n' });
  });

  it('lists cases by next deadline and counts them by stage', async () => {
    await docket('case', 'open', 'RU-TA-2016-0043', '--jurisdiction', 'RU', '--procedure', 'temporary-asylum', '--office', 'spb-1', '--caseworker', 'cw-spb', '--as', 'sv-spb');
    await docket('case', 'record', 'RU-TA-2016-0043', 'application-lodged', '--on', daysAgo(10), '--as', 'sv-spb');
    const listed = await waitFor(async () => {
      const result = await docket('case', 'list', '--sort', 'next-deadline', '--json');
      const cases = JSON.parse(result.out).cases as Array<{ caseNumber: string; stage: string }>;
      return cases.length === 2 && cases.every((item) => item.stage !== 'opened') ? cases : undefined;
    }, { timeoutMs: VISIBILITY_MS, what: 'both cases to be listed as lodged' });
    expect(listed.map((item) => item.caseNumber)).toEqual(['RU-TA-2016-0042', 'RU-TA-2016-0043']);

    const table = await docket('case', 'list', '--sort', 'next-deadline', '--office', 'spb-1');
    expect(table.out.split('\n')[0]).toMatch(/^CASE\s+STAGE\s+NEXT DEADLINE\s+KIND\s+OFFICE\s+CASEWORKER\s+ATTEMPT$/);
    expect(table.out).toMatch(/RU-TA-2016-0043\s+lodged\s+\d{4}-\d{2}-\d{2}\s+decision-due\s+spb-1\s+cw-spb\s+1/);
    expect(table.out).not.toContain('RU-TA-2016-0042');

    const soon = JSON.parse((await docket('case', 'list', '--due-within', '45', '--json')).out);
    expect(soon.cases.map((item: { caseNumber: string }) => item.caseNumber)).toEqual(['RU-TA-2016-0042']);
    const count = await docket('case', 'list', '--count');
    expect(count.out).toMatch(/lodged\s+1\nrefused\s+1\ntotal\s+2/);
    const badStage = await docket('case', 'list', '--stage', 'pending');
    expect(badStage.code).toBe(2);
    expect(badStage.err).toContain('--stage expects stages among opened, lodged');
    const page = await docket('case', 'list', '--page-size', '1');
    expect(page.err).toMatch(/^More cases: add --page-token \S+ \(or --all\)\.$/m);
  });

  it('issues and revokes tokens and calendar feeds, auditing who did it', async () => {
    const issued = await docket('token', 'issue', '--staff', 'sv-msk', '--label', 'desk', '--as', 'adm-1');
    expect(issued.code).toBe(0);
    const token = issued.out.split('\n')[0] as string;
    expect(await engine.access.tokens.authenticate(token)).toMatchObject({ ok: true, principal: { staffId: 'sv-msk', role: 'supervisor' } });
    const id = token.split('_').slice(0, 2).join('_');
    expect((await docket('token', 'list')).out).toMatch(new RegExp(`${id}\\s+sv-msk\\s+supervisor\\s+msk-1\\s+desk\\s+\\S+\\s+\\d{4}-\\d\\d-\\d\\dT`));
    expect((await docket('token', 'revoke', id, '--as', 'adm-1')).out).toContain(`Token ${id} of sv-msk is revoked`);
    expect(await engine.access.tokens.authenticate(token)).toEqual({ ok: false, reason: 'revoked' });
    // Issue 13 items 1 and 17, in the CLI's words: no token for someone outside the directory, nor one that never ends.
    const stranger = await docket('token', 'issue', '--staff', 'x-1', '--label', 'x', '--expires-in-days', '9999');
    expect(stranger.code).toBe(2);
    expect(stranger.err).toContain('- --expires-in-days: must be at most 366 days');
    const ghost = await docket('token', 'issue', '--staff', 'x-1', '--label', 'x');
    expect(ghost.err).toContain('- --staff: no staff member "x-1" in the staff directory');
    expect((await docket('token', 'issue', '--staff', 'sv-msk', '--role', 'admin', '--label', 'x')).code).toBe(2);
    // Issue 13 item 3: nobody issues themselves case access, and the attempt is audited.
    const self = await docket('token', 'issue', '--staff', 'sv-msk', '--label', 'mine', '--as', 'sv-msk');
    expect(self).toMatchObject({ code: 4, err: 'docket token issue: Nobody may issue themselves a supervisor token: ask another administrator.\n' });
    expect((await engine.access.audit.list({ limit: 1 }))[0]).toMatchObject({ actor: 'sv-msk', action: 'token.issue', target: 'sv-msk', outcome: 'rejected' });

    const feed = await docket('feed', 'create', '--office', 'msk-1', '--as', 'sv-msk');
    expect(feed.out).toMatch(/^https:\/\/docket\.example\.org\/calendar\/cal_[0-9a-f]{12}_[A-Za-z0-9_-]{43}\.ics$/m);
    const feedId = /Calendar feed (cal_[0-9a-f]{12})/.exec(feed.out)?.[1] as string;
    expect((await docket('feed', 'revoke', feedId, '--as', 'sv-msk')).code).toBe(0);
    expect((await docket('feed', 'create', '--office', 'msk-1', '--caseworker', 'cw-msk')).code).toBe(2);

    const audit = await engine.access.audit.list({ limit: 7 });
    expect(audit.map((entry) => `${entry.via} ${entry.action} ${entry.actor} ${entry.outcome}`)).toEqual([
      'cli feed.revoke sv-msk ok',
      'cli feed.create sv-msk ok',
      'cli token.issue sv-msk rejected',
      'cli token.issue operator rejected',
      'cli token.issue operator rejected',
      'cli token.revoke adm-1 ok',
      'cli token.issue adm-1 ok',
    ]);
  });

  it('keeps the staff directory that reminders, escalations and digests go to', async () => {
    const added = await docket('staff', 'add', '--id', 'sv-kzn', '--name', 'Supervisor Kazan', '--role', 'supervisor', '--office', 'kzn-1', '--language', 'ru');
    expect(added).toMatchObject({ code: 0, out: 'Added supervisor sv-kzn to office kzn-1.\n' });
    expect((await docket('staff', 'list', '--office', 'kzn-1')).out).toMatch(/sv-kzn\s+Supervisor Kazan\s+supervisor\s+kzn-1\s+ru\s+yes/);
    const twice = await docket('staff', 'add', '--id', 'sv-kzn', '--name', 'Again', '--role', 'supervisor', '--office', 'kzn-1', '--language', 'ru');
    expect(twice.code).toBe(4);
    expect(twice.err).toContain('already exists');
    const badRole = await docket('staff', 'add', '--id', 'x-1', '--name', 'X', '--role', 'boss', '--office', 'kzn-1', '--language', 'ru');
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('role');
    expect((await docket('staff', 'deactivate', 'sv-kzn')).code).toBe(0);
    expect((await docket('staff', 'list', '--office', 'kzn-1')).out).not.toContain('sv-kzn');
    expect((await docket('staff', 'deactivate', 'nobody-1')).code).toBe(3);
  });

  // Issue 14: how each person is reached, the webhook included, is set from the CLI as from the desk.
  it('changes how a member is named and reached, and names the flag it refuses', async () => {
    await docket('staff', 'add', '--id', 'cw-kzn', '--name', 'Caseworker Kazan', '--role', 'caseworker', '--office', 'kzn-1', '--language', 'ru');
    const set = await docket('staff', 'set', 'cw-kzn', '--email', 'cw-kzn@office.test', '--webhook', 'https://hooks.office.test/cw-kzn', '--webhook-secret-env', 'KZN_HOOK_SECRET', '--language', 'en', '--as', 'adm-1');
    expect(set.code).toBe(0);
    expect(await engine.access.staff.get('cw-kzn')).toMatchObject({
      displayName: 'Caseworker Kazan',
      language: 'en',
      email: 'cw-kzn@office.test',
      webhook: { url: 'https://hooks.office.test/cw-kzn', secretRef: 'KZN_HOOK_SECRET' },
    });
    expect((await docket('staff', 'list', '--office', 'kzn-1')).out).toMatch(/cw-kzn\s+Caseworker Kazan\s+caseworker\s+kzn-1\s+en\s+cw-kzn@office.test\s+https:\/\/hooks.office.test\/cw-kzn\s+yes/);

    const badUrl = await docket('staff', 'set', 'cw-kzn', '--webhook', 'ftp://hooks.office.test', '--webhook-secret-env', 'KZN_HOOK_SECRET');
    expect(badUrl.code).toBe(2);
    expect(badUrl.err).toContain('--webhook');
    const secretItself = await docket('staff', 'set', 'cw-kzn', '--webhook', 'https://hooks.office.test/x', '--webhook-secret-env', 's3cr3t-value');
    expect(secretItself.code).toBe(2);
    expect(secretItself.err).toContain('environment variable');
    expect((await docket('staff', 'set', 'cw-kzn', '--webhook', 'https://hooks.office.test/x')).code).toBe(2);
    expect((await docket('staff', 'set', 'cw-kzn')).code).toBe(2);
    expect((await docket('staff', 'set', 'nobody-2', '--language', 'ru')).code).toBe(3);
    // Nothing refused changed anything.
    expect((await engine.access.staff.get('cw-kzn'))?.webhook?.url).toBe('https://hooks.office.test/cw-kzn');

    expect((await docket('staff', 'set', 'cw-kzn', '--no-email', '--no-webhook', '--as', 'adm-1')).code).toBe(0);
    const cleared = await engine.access.staff.get('cw-kzn');
    expect(cleared?.email).toBeUndefined();
    expect(cleared?.webhook).toBeUndefined();
    const changes = (await engine.access.audit.list({ target: 'cw-kzn' })).filter((entry) => entry.action === 'staff.change');
    // Newest first; the usage errors never reached the directory, so only the two refused values are there.
    expect(changes.map((entry) => [entry.outcome, entry.detail])).toEqual([
      ['ok', expect.objectContaining({ fields: ['email', 'webhook'] })],
      ['rejected', expect.objectContaining({ refusal: 'invalid-input' })],
      ['rejected', expect.objectContaining({ refusal: 'invalid-input' })],
      ['ok', expect.objectContaining({ fields: ['email', 'webhook', 'language'] })],
    ]);
  });

  // Issue 13 items 1 and 2: leaving ends every way in, and never leaves cases with nobody to remind.
  it('deactivates a caseworker only once their cases are reassigned, revoking their tokens and feeds', async () => {
    await docket('case', 'open', 'RU-TA-2016-0091', '--jurisdiction', 'RU', '--procedure', 'temporary-asylum', '--office', 'msk-1', '--caseworker', 'cw-leaving', '--as', 'sv-msk');
    const token = (await docket('token', 'issue', '--staff', 'cw-leaving', '--label', 'desk', '--as', 'adm-1')).out.split('\n')[0] as string;
    await docket('feed', 'create', '--caseworker', 'cw-leaving', '--as', 'adm-1');
    await waitFor(async () => (await engine.cases.listing.count({ caseworker: 'cw-leaving' })) === 1, { timeoutMs: VISIBILITY_MS, what: 'the case to be listed' });

    const refused = await docket('staff', 'deactivate', 'cw-leaving', '--as', 'adm-1');
    expect(refused.code).toBe(4);
    expect(refused.err).toContain('Caseworker "cw-leaving" still holds 1 open case: reassign them first');
    expect((await engine.access.staff.get('cw-leaving'))?.active).toBe(true);
    expect((await engine.access.tokens.authenticate(token)).ok).toBe(true);

    await docket('case', 'reassign', 'RU-TA-2016-0091', '--caseworker', 'cw-msk', '--as', 'sv-msk');
    await waitFor(async () => (await engine.cases.listing.count({ caseworker: 'cw-leaving' })) === 0, { timeoutMs: VISIBILITY_MS, what: 'the reassignment to be listed' });
    const done = await docket('staff', 'deactivate', 'cw-leaving', '--as', 'adm-1');
    expect(done).toMatchObject({ code: 0, out: 'Deactivated cw-leaving: revoked 1 API token and 1 calendar feed.\n' });
    expect(await engine.access.tokens.authenticate(token)).toEqual({ ok: false, reason: 'revoked' });
    expect((await engine.access.audit.list({ target: 'cw-leaving' })).map((entry) => entry.outcome)).toEqual(['ok', 'rejected']);
  });

  it('shows an office’s digest', async () => {
    const digest = await docket('digest', '--office', 'msk-1');
    expect(digest.code).toBe(0);
    expect(digest.out.split('\n')[0]).toBe('Deadline digest, office msk-1: 0 due soon, 0 missed');
    expect(digest.out).toContain('https://docket.example.org/desk');
    expect((await docket('digest')).err).toContain('name the office: --office OFFICE');
  });

  it('runs a German case: a manifestly unfounded rejection served 23 Jan 2017 gives a one-week lawsuit deadline', async () => {
    await docket('case', 'open', 'DE-AS-2017-0001', '--jurisdiction', 'DE', '--procedure', 'asylum', '--office', 'msk-1', '--caseworker', 'cw-msk', '--as', 'cw-msk');
    const recorded = await docket('case', 'record', 'DE-AS-2017-0001', 'decision-served', '--on', '2017-01-23', '--fact', 'manifestlyUnfounded=true', '--as', 'cw-msk');
    expect(recorded).toMatchObject({ code: 0, err: '' });
    // Served Monday 23 Jan 2017; one week (AsylG 74(1), 36(3)) ends on the same weekday, Monday 30 Jan, a working day.
    const shown = await docket('case', 'show', 'DE-AS-2017-0001');
    expect(shown.out).toMatch(/2017-01-30\s+Lawsuit against the BAMF decision \(accelerated\)/);
    const notADate = await docket('case', 'record', 'DE-AS-2017-0001', 'complaint-filed', '--on', '30.01.2017', '--as', 'cw-msk');
    expect(notADate.code).toBe(2);

    const stage = JSON.parse((await docket('case', 'show', 'DE-AS-2017-0001', '--json')).out).stage;
    expect(stage).toBe('refused');
    const voided = await docket('case', 'void', 'DE-AS-2017-0001', '--event', '2', '--reason', 'entered in the wrong case', '--as', 'cw-msk');
    expect(voided.code).toBe(0);
    const afterVoid = JSON.parse((await docket('case', 'show', 'DE-AS-2017-0001', '--json')).out);
    expect(afterVoid.stage).toBe('opened');
    expect(afterVoid.deadlines.map((deadline: { status: string }) => deadline.status)).toEqual(['void', 'void']);

    const badClose = await docket('case', 'close', 'DE-AS-2017-0001', '--reason', 'withdrawn', '--on', '2017-13-40', '--as', 'cw-msk');
    expect(badClose).toMatchObject({ code: 2, err: expect.stringContaining('- --on: ') });
    const badRelation = await docket('case', 'link', 'DE-AS-2017-0001', '--with', 'RU-TA-2016-0042', '--relation', 'cousin', '--as', 'cw-msk');
    expect(badRelation).toMatchObject({ code: 2, err: expect.stringContaining('- --relation: ') });
    const linked = await docket('case', 'link', 'DE-AS-2017-0001', '--with', 'RU-TA-2016-0042', '--relation', 'parallel-procedure', '--as', 'cw-msk');
    expect(linked.code).toBe(0);
    expect(JSON.parse((await docket('case', 'show', 'DE-AS-2017-0001', '--json')).out).linkedCases).toEqual([
      { caseNumber: 'RU-TA-2016-0042', relation: 'parallel-procedure', eventId: 4 },
    ]);
  });

  // Issue 13 item 5 in the CLI's words. The Russian production calendar covers 2014-2027; the RU
  // temporary-asylum pack takes renewalLeadMonths from 0 to 6 (default 1). Granted 2016-05-26 until
  // 2017-05-25, the renewal is due a month before, Tuesday 2017-04-25; two months before is Saturday
  // 2017-03-25, so Friday 2017-03-24.
  it('refuses a date no deadline can be counted from under its flag, and corrects rule parameters with --rule-param', async () => {
    await docket('case', 'open', 'RU-TA-2016-0320', '--jurisdiction', 'RU', '--procedure', 'temporary-asylum', '--office', 'msk-1', '--caseworker', 'cw-msk', '--as', 'cw-msk');
    const yearZero = await docket('case', 'record', 'RU-TA-2016-0320', 'application-lodged', '--on', '0000-01-01', '--as', 'cw-msk');
    expect(yearZero.code).toBe(2);
    expect(yearZero.err).toContain(
      '  - --on: no deadline can be counted from 0000-01-01: it lies before the years the calendar covers (Russian production calendar, 2014-2027)',
    );
    expect(JSON.parse((await docket('case', 'show', 'RU-TA-2016-0320', '--json')).out).events).toHaveLength(1);

    await docket('case', 'record', 'RU-TA-2016-0320', 'application-lodged', '--on', '2016-05-20', '--as', 'cw-msk');
    await docket('case', 'record', 'RU-TA-2016-0320', 'protection-granted', '--on', '2016-05-26', '--valid-until', '2017-05-25', '--as', 'cw-msk');
    const renewal = async () => {
      const view = JSON.parse((await docket('case', 'show', 'RU-TA-2016-0320', '--json')).out);
      const due = view.deadlines.filter((tracked: { deadline: { kind: string } }) => tracked.deadline.kind === 'renewal-filing');
      return { ruleParams: view.ruleParams, due: due.map((tracked: { deadline: { dueDate: string } }) => tracked.deadline.dueDate) };
    };
    expect(await renewal()).toEqual({ ruleParams: {}, due: ['2017-04-25'] });

    const correct = (...flags: string[]) => docket('case', 'correct', 'RU-TA-2016-0320', ...flags, '--reason', 'office policy: two months ahead', '--as', 'cw-msk');
    expect(await correct('--rule-param', 'renewalLeadMonths=9')).toMatchObject({
      code: 2,
      err: expect.stringContaining('docket case: --rule-param renewalLeadMonths must be a whole number from 0 to 6\n'),
    });
    expect((await correct('--rule-param', 'frobnicate=1')).err).toContain('--rule-param frobnicate is not a parameter of RU/temporary-asylum, whose parameters are');
    expect((await correct('--rule-param', 'renewalLeadMonths=2', '--event', '3')).code).toBe(2);
    expect(await renewal()).toEqual({ ruleParams: {}, due: ['2017-04-25'] });

    const corrected = await correct('--rule-param', 'renewalLeadMonths=2');
    expect(corrected).toMatchObject({ code: 0, err: '' });
    expect(corrected.out).toContain('Corrected the rule parameters of case RU-TA-2016-0320; its deadlines were recomputed.');
    expect(await renewal()).toEqual({ ruleParams: { renewalLeadMonths: 2 }, due: ['2017-03-24'] });
    expect((await correct('--rule-param', 'renewalLeadMonths=default')).code).toBe(0);
    expect(await renewal()).toEqual({ ruleParams: {}, due: ['2017-04-25'] });
  });
});
