import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';
import { runDocket } from '../../src/cli/docket';
import { createBufferedIo } from '../../src/cli/io';
import { ApiCases } from '../../src/cli/commands/api-cases';
import { createCaseCommand } from '../../src/cli/commands/case';
import { deadlinesCommand } from '../../src/cli/commands/deadlines';
import { createStaffCommand } from '../../src/cli/commands/staff';
import { caseWorkflowId } from '../../src/workflows/messages';
import { TEMPORAL_CLI, VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';
import { daysAgo, startApiEngine, type ApiEngine } from '../api/support/api-engine';
import { operatorServices } from './operator-services';

/**
 * Who the docket CLI acts as. Without a token it is the operator's tool: it holds the engine's keys,
 * `--as` only names the staff member, the audit adds the operating-system user, and the case still
 * refuses an actor the staff directory does not know. With `--token` (or DOCKET_TOKEN) a staff member's
 * case commands go through the HTTP API, under the token's staff member, role and office.
 * Staff ids, case numbers and pseudonyms are invented.
 */
const CASE_NUMBER = 'RU-TA-2016-0142';

describe('docket as the operator and as a staff member with a token', () => {
  let engine: ApiEngine;
  let docket: (argv: string[], environment?: NodeJS.ProcessEnv) => Promise<{ code: number; out: string; err: string }>;

  beforeAll(async () => {
    engine = await startApiEngine('cli-acting-as');
    for (const [id, office] of [
      ['cw-msk', 'msk-1'],
      ['cw-msk-2', 'msk-1'],
      ['cw-spb', 'spb-1'],
    ] as const) {
      await engine.access.staff.upsert({ id, displayName: `Caseworker ${id}`, language: 'en', role: 'caseworker', office });
    }
    const open = operatorServices(engine);
    const commands = [createCaseCommand(open, (token) => new ApiCases(engine.baseUrl, token)), deadlinesCommand, createStaffCommand(open)];
    docket = async (argv, environment = {}) => {
      const io = createBufferedIo();
      const code = await runDocket(argv, io, commands, environment);
      return { code, out: io.stdout, err: io.stderr };
    };
  });
  afterAll(() => engine?.stop());

  const shown = async (argv: string[] = []) => JSON.parse((await docket([...argv, 'case', 'show', CASE_NUMBER, '--json'])).out);

  it('refuses with exit code 4 an operator command whose --as the staff directory does not know, naming the actor, and changes nothing', async () => {
    const opened = await docket(['case', 'open', CASE_NUMBER, '--jurisdiction', 'RU', '--procedure', 'temporary-asylum', '--office', 'msk-1', '--caseworker', 'cw-msk', '--as', 'cw-msk']);
    expect(opened).toMatchObject({ code: 0, err: '' });

    const invented = await docket(['case', 'record', CASE_NUMBER, 'application-lodged', '--on', daysAgo(40), '--as', 'nobody-real']);
    expect(invented.code).toBe(4);
    expect(invented.err).toBe(
      `docket case record: Case ${CASE_NUMBER} refused the command: actor "nobody-real" is not in the staff directory: only its active staff may act on a case\n`,
    );
    const elsewhere = await docket(['case', 'record', CASE_NUMBER, 'application-lodged', '--on', daysAgo(40), '--as', 'cw-spb']);
    expect(elsewhere).toMatchObject({ code: 4, err: expect.stringContaining('actor "cw-spb" is a caseworker of office "spb-1", not of this case\'s office "msk-1"') });
    // The same command sent around docket with Temporal's own CLI, as anyone who reaches the server could.
    const input = JSON.stringify({ actor: 'nobody-real', event: 'application-lodged', on: daysAgo(40) });
    const sentDirectly = await promisify(execFile)(TEMPORAL_CLI, [
      'workflow', 'update', 'execute', '--address', engine.env.address, '--namespace', 'default',
      '--workflow-id', caseWorkflowId(CASE_NUMBER), '--name', 'recordEvent', '--input', input,
    ]).then(
      () => 'accepted',
      (error: { stderr: string }) => error.stderr,
    );
    // Failure messages are encrypted like payloads; the type is what an outsider's CLI can read.
    expect(sentDirectly).toContain('type: ActorRefused');
    const view = await shown();
    expect(view.events.map((event: { type: string }) => event.type)).toEqual(['case-opened']);
    expect(view.stage).toBe('opened');
    const [latest] = await engine.access.audit.list({ target: CASE_NUMBER, limit: 1 });
    expect(latest).toMatchObject({ actor: 'cw-spb', via: 'cli', action: 'case.recordEvent', outcome: 'rejected' });
  });

  it('audits every operator write under the operating-system user beside --as, and says in its help that it is an operator tool', async () => {
    expect((await docket(['case', 'record', CASE_NUMBER, 'application-lodged', '--on', daysAgo(40), '--as', 'cw-msk'])).code).toBe(0);
    const entries = await engine.access.audit.list({ target: CASE_NUMBER });
    expect(entries.map((entry) => `${entry.action} ${entry.actor} ${entry.outcome}`)).toEqual([
      'case.recordEvent cw-msk ok',
      'case.recordEvent cw-spb rejected',
      'case.recordEvent nobody-real rejected',
      'case.open cw-msk ok',
    ]);
    const osUser = os.userInfo().username;
    expect(entries.map((entry) => [entry.via, entry.detail.osUser])).toEqual(entries.map(() => ['cli', osUser]));

    // Adding staff grants access (a token acts with the member's role and office), so it is audited too; a refused id is not kept as typed.
    const added = await docket(['staff', 'add', '--id', 'sv-kzn', '--name', 'Supervisor Kazan', '--role', 'supervisor', '--office', 'kzn-1', '--language', 'ru', '--as', 'adm-1']);
    expect(added.code).toBe(0);
    expect((await docket(['staff', 'add', '--id', 'Surname Name', '--name', 'X', '--role', 'supervisor', '--office', 'kzn-1', '--language', 'ru'])).code).toBe(2);
    const staffWrites = (await engine.access.audit.list({ limit: 2 })).map(({ actor, via, action, target, outcome, detail }) => ({ actor, via, action, target, outcome, detail }));
    expect(staffWrites).toEqual([
      { actor: 'operator', via: 'cli', action: 'staff.add', target: 'invalid-staff-id', outcome: 'rejected', detail: { refusal: 'invalid-input', osUser } },
      { actor: 'adm-1', via: 'cli', action: 'staff.add', target: 'sv-kzn', outcome: 'ok', detail: { role: 'supervisor', office: 'kzn-1', osUser } },
    ]);

    const help = await docket(['--help']);
    expect(help.out).toContain("docket is the operator's tool: it uses the engine's own keys");
    expect(help.out).toContain('--token TOKEN');
    expect((await docket(['case', '--help'])).out).toContain('--as names the staff member you act for');
  });

  it('with --token or DOCKET_TOKEN, sends case commands through the API as the token’s staff member, within their role and office', async () => {
    const own = await engine.tokenFor('caseworker', 'cw-msk', 'msk-1');
    const otherOffice = await engine.tokenFor('caseworker', 'cw-spb', 'spb-1');
    const supervisor = await engine.tokenFor('supervisor', 'sv-msk', 'msk-1');

    // The same rendering, whichever way the case came.
    const asOperator = await docket(['case', 'show', CASE_NUMBER, '--explain']);
    expect(await docket(['--token', own, 'case', 'show', CASE_NUMBER, '--explain'])).toEqual(asOperator);

    const refused = await docket(['--token', own, 'case', 'record', CASE_NUMBER, 'refusal-notice-received', '--on', daysAgo(4)]);
    expect(refused).toMatchObject({ code: 0, err: '' });
    expect(refused.out).toMatch(/Stage\s+refused, attempt 1/);
    expect((await shown()).events.at(-1)).toMatchObject({ type: 'refusal-notice-received', actor: 'cw-msk' });
    const [written] = await engine.access.audit.list({ target: CASE_NUMBER, limit: 1 });
    expect(written).toMatchObject({ actor: 'cw-msk', via: 'api', action: 'case.recordEvent', outcome: 'ok' });

    const corrected = await docket([`--token=${own}`, 'case', 'correct', CASE_NUMBER, '--event', '3', '--date', daysAgo(5), '--reason', 'receipt stamp misread']);
    expect(corrected.code).toBe(0);
    expect((await shown()).events.find((event: { id: number }) => event.id === 3).on).toBe(daysAgo(5));

    // Another office's caseworker reaches the case neither by flag nor by environment: the API answers as for no case.
    const before = await shown();
    const notTheirs = `docket case show: There is no case ${CASE_NUMBER}.\n`;
    expect(await docket(['--token', otherOffice, 'case', 'show', CASE_NUMBER])).toEqual({ code: 3, out: '', err: notTheirs });
    expect(await docket(['case', 'show', CASE_NUMBER], { DOCKET_TOKEN: otherOffice })).toEqual({ code: 3, out: '', err: notTheirs });
    expect((await docket(['--token', otherOffice, 'case', 'void', CASE_NUMBER, '--event', '3', '--reason', 'not mine'])).code).toBe(3);
    const listed = JSON.parse((await docket(['--token', otherOffice, 'case', 'list', '--all', '--json'])).out);
    expect(listed.cases.map((item: { caseNumber: string }) => item.caseNumber)).not.toContain(CASE_NUMBER);

    // Reassigning is the supervisor's: a caseworker's token is refused by the API, a supervisor's accepted.
    const byCaseworker = await docket(['--token', own, 'case', 'reassign', CASE_NUMBER, '--caseworker', 'cw-msk-2']);
    expect(byCaseworker.code).toBe(4);
    expect((await shown()).events).toEqual(before.events);
    const bySupervisor = await docket(['--token', supervisor, 'case', 'reassign', CASE_NUMBER, '--caseworker', 'cw-msk-2', '--reason', 'workload']);
    expect(bySupervisor.code).toBe(0);
    expect((await shown()).events.at(-1)).toMatchObject({ type: 'case-reassigned', actor: 'sv-msk' });
    const mine = await waitFor(
      async () => {
        const result = JSON.parse((await docket(['--token', supervisor, 'case', 'list', '--sort', 'next-deadline', '--json'])).out);
        return result.cases.find((item: { caseNumber: string; caseworker: string }) => item.caseNumber === CASE_NUMBER && item.caseworker === 'cw-msk-2');
      },
      { timeoutMs: VISIBILITY_MS, what: 'the reassigned case to be listed through the API' },
    );
    expect(mine).toMatchObject({ office: 'msk-1', stage: 'refused' });
  });

  it('with a token, refuses --as, operator commands and a token the API does not accept, in words that say what to do', async () => {
    const own = await engine.tokenFor('caseworker', 'cw-msk', 'msk-1');
    const withAs = await docket(['--token', own, 'case', 'record', CASE_NUMBER, 'complaint-filed', '--on', daysAgo(1), '--forum', 'court', '--as', 'sv-msk']);
    expect(withAs.code).toBe(2);
    expect(withAs.err).toContain("--as is not used with a token: the API acts as the token's staff member");
    const operatorOnly = await docket(['--token', own, 'staff', 'list']);
    expect(operatorOnly.code).toBe(2);
    expect(operatorOnly.err).toContain('docket staff is an operator command: it uses the engine\'s keys, not the API; run it without --token or DOCKET_TOKEN');
    const unknown = await docket(['--token', 'tok_000000000000_not-a-real-secret', 'case', 'show', CASE_NUMBER]);
    expect(unknown.code).toBe(4);
    expect(unknown.err).toMatch(/^docket case show: The API did not accept the token: /);
    expect(await docket(['--token'])).toMatchObject({ code: 2, err: expect.stringContaining('--token needs the token') });
    // Deadlines are computed from the rule packs alone: no case, no keys, so a token changes nothing.
    const deadlines = await docket(['--token', own, 'deadlines', '--jurisdiction', 'RU', '--procedure', 'temporary-asylum', '--event', 'refusal-notice-received', '--date', '2016-01-26']);
    expect(deadlines).toMatchObject({ code: 0, err: '' });
    expect((await shown()).events.map((event: { type: string }) => event.type)).not.toContain('complaint-filed');
  });
});
