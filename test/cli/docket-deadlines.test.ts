import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { CliCommand } from '../../src/cli/command';
import { runDocket } from '../../src/cli/docket';
import { createBufferedIo } from '../../src/cli/io';
import type { ComputedDeadline } from '../../src/rules';

const FOUNDING_CASE = ['deadlines', '--jurisdiction', 'RU', '--procedure', 'temporary-asylum', '--event', 'refusal-notice-received', '--date', '2016-01-26'];

async function docket(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = createBufferedIo();
  const code = await runDocket(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('docket deadlines', () => {
  it('prints the founding case deadlines with explanations in English by default', async () => {
    const { code, stdout, stderr } = await docket(...FOUNDING_CASE);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('RU temporary-asylum: refusal-notice-received on 2016-01-26: 2 deadline(s)');
    expect(stdout).toContain('Complaint against the refusal — due Fri 26 Feb 2016, until 24:00 Europe/Moscow (2016-02-26T21:00:00.000Z)');
    expect(stdout).toContain('1 month from Tue 26 Jan 2016 ends on Fri 26 Feb 2016.');
    expect(stdout).toContain('Court challenge of the refusal — due Tue 26 Apr 2016');
    expect(stdout).not.toContain('Жалоба');
  });

  it('prints both languages with --lang both, and Russian alone with --lang ru', async () => {
    const both = await docket(...FOUNDING_CASE, '--lang', 'both');
    expect(both.stdout).toContain('Complaint against the refusal — due Fri 26 Feb 2016');
    expect(both.stdout).toContain('Жалоба на отказ — срок пт, 26.02.2016, до 24:00 Europe/Moscow');
    const russian = await docket(...FOUNDING_CASE, '--lang', 'ru');
    expect(russian.stdout).toContain('1 месяц с вт, 26.01.2016 истекает пт, 26.02.2016.');
    expect(russian.stdout).not.toContain('Complaint against');
  });

  it('gives the request and the deadlines as JSON with --json', async () => {
    const { code, stdout } = await docket(...FOUNDING_CASE, '--json');
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as { request: { date: string }; deadlines: ComputedDeadline[] };
    expect(output.request.date).toBe('2016-01-26');
    expect(output.deadlines.map((deadline) => [deadline.kind, deadline.dueDate, deadline.endsAt])).toEqual([
      ['complaint', '2016-02-26', '2016-02-26T21:00:00.000Z'],
      ['court-challenge', '2016-04-26', '2016-04-26T21:00:00.000Z'],
    ]);
  });

  it('passes facts, parameters, suspensions and the calendar fallback through', async () => {
    const grant = await docket('deadlines', '-j', 'RU', '-p', 'temporary-asylum', '-e', 'protection-granted', '-d', '2016-05-26', '--fact', 'validUntil=2017-05-25', '--param', 'renewalLeadMonths=2', '--json');
    const granted = JSON.parse(grant.stdout) as { deadlines: ComputedDeadline[] };
    expect(granted.deadlines.map((deadline) => [deadline.kind, deadline.dueDate])).toEqual([
      ['renewal-filing', '2017-03-24'],
      ['protection-expiry', '2017-05-25'],
    ]);
    const work = await docket('deadlines', '-j', 'US', '-p', 'asylum', '-e', 'application-lodged', '-d', '2016-01-01', '--suspension', '2016-02-01..2016-02-10=interview rescheduled', '--json');
    expect((JSON.parse(work.stdout) as { deadlines: ComputedDeadline[] }).deadlines[0]?.dueDate).toBe('2016-06-09');
    const fallback = await docket('deadlines', '-j', 'RU', '-p', 'temporary-asylum', '-e', 'refusal-notice-received', '-d', '2027-12-10', '--allow-calendar-fallback');
    expect(fallback.code).toBe(0);
    expect(fallback.stdout).toContain('No calendar data for 2028');
  });

  it('says when an event starts no deadline', async () => {
    const { code, stdout } = await docket('deadlines', '-j', 'RU', '-p', 'temporary-asylum', '-e', 'complaint-filed', '-d', '2016-02-10');
    expect(code).toBe(0);
    expect(stdout).toContain('No deadline starts with this event. Starts no clock: rights are kept while the complaint is pending');
  });

  it('lists jurisdictions, procedures and events', async () => {
    const all = await docket('deadlines', '--list');
    expect(all.code).toBe(0);
    for (const code of ['RU', 'US', 'DE', 'UK']) expect(all.stdout).toMatch(new RegExp(`^${code}  `, 'm'));
    expect(all.stdout).toContain('    refusal-notice-received → complaint, court-challenge');
    expect(all.stdout).toContain('    protection-granted [facts: validUntil] → protection-expiry, renewal-filing');
    const filtered = await docket('deadlines', '--list', '--jurisdiction', 'de', '--json');
    const catalog = JSON.parse(filtered.stdout) as { jurisdictions: Array<{ code: string; procedures: Array<{ events: Array<{ event: string }> }> }> };
    expect(catalog.jurisdictions.map((jurisdiction) => jurisdiction.code)).toEqual(['DE']);
    expect(catalog.jurisdictions[0]?.procedures[0]?.events.map((event) => event.event)).toEqual([
      'application-lodged',
      'decision-served',
      'complaint-filed',
      'protection-granted',
      'final-refusal-notice-received',
      'refusal-overturned',
    ]);
  });

  it.each<[string, string[], RegExp]>([
    ['an unknown jurisdiction', ['deadlines', '-j', 'XX', '-p', 'asylum', '-e', 'x', '-d', '2016-01-01'], /unknown jurisdiction "XX"; known: RU, US, DE, UK/],
    ['an unknown event', ['deadlines', '-j', 'RU', '-p', 'temporary-asylum', '-e', 'decision-served', '-d', '2016-01-01'], /unknown event "decision-served"/],
    ['a date that does not exist', ['deadlines', '-j', 'RU', '-p', 'temporary-asylum', '-e', 'refusal-notice-received', '-d', '2016-02-30'], /got "2016-02-30"/],
    ['a date in another format', ['deadlines', '-j', 'RU', '-p', 'temporary-asylum', '-e', 'refusal-notice-received', '-d', '26.01.2016'], /--date: expected YYYY-MM-DD/],
    ['a missing event', ['deadlines', '-j', 'RU', '-p', 'temporary-asylum', '-d', '2016-01-26'], /--event: is required/],
    ['an unknown option', ['deadlines', '--colour'], /Unknown option '--colour'/],
    ['an unknown language', [...FOUNDING_CASE, '--lang', 'de'], /--lang: expected en, ru or both/],
    ['a malformed fact', [...FOUNDING_CASE, '--fact', 'validUntil'], /--fact expects name=value/],
    ['a date outside the calendar', ['deadlines', '-j', 'RU', '-p', 'temporary-asylum', '-e', 'refusal-notice-received', '-d', '2013-05-06'], /outside the Russian production calendar/],
    ['an unknown procedure in a listing', ['deadlines', '--list', '-j', 'RU', '-p', 'citizenship'], /unknown procedure "citizenship"/],
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"; known: (\w+, )*deadlines/],
  ])('refuses %s with a message on stderr and exit code 2', async (_label, argv, message) => {
    const { code, stdout, stderr } = await docket(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('prints help for the dispatcher and for the command', async () => {
    const general = await docket('--help');
    expect(general).toMatchObject({ code: 0, stderr: '' });
    expect(general.stdout).toMatch(/^ {2}deadlines +compute the deadlines/m);
    const command = await docket('deadlines', '--help');
    expect(command.stdout).toContain('docket deadlines --list');
    expect((await docket()).code).toBe(2);
  });
});

describe('docket dispatcher', () => {
  it('runs any registered command and reports its unexpected failures with exit code 1', async () => {
    const failing: CliCommand = {
      name: 'explode',
      summary: 'always fails',
      run: () => {
        throw new Error('store unavailable');
      },
    };
    const io = createBufferedIo();
    expect(await runDocket(['explode'], io, [failing])).toBe(1);
    expect(io.stderr).toBe('docket explode: store unavailable\n');
  });
});

describe('bin/docket', () => {
  it('runs as a real process and exits with the command\'s code', () => {
    const bin = path.join(__dirname, '..', '..', 'bin', 'docket');
    const ok = spawnSync(bin, [...FOUNDING_CASE, '--lang', 'both'], { encoding: 'utf8', timeout: 60_000 });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Complaint against the refusal — due Fri 26 Feb 2016');
    expect(ok.stdout).toContain('Жалоба на отказ — срок пт, 26.02.2016');
    const bad = spawnSync(bin, ['deadlines', '-j', 'XX', '-p', 'asylum', '-e', 'x', '-d', '2016-01-01'], { encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown jurisdiction "XX"');
  });
});
