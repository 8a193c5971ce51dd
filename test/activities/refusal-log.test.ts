import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createActivities, createActivityDeps, type ActivityRuntime } from '../../src/activities';
import { createLogger } from '../../src/logging';

/**
 * Issue 13 item 10: the worker logs every activity failure with its message, and the rules engine's
 * refusal of a case's rule parameter used to repeat the value, which a caller may have typed as free text.
 * A case opened before parameters were checked still sends such a value. The pseudonym is invented.
 */
describe('the worker log of a refused deadline computation', () => {
  let dataDir: string;
  let runtime: ActivityRuntime;
  const lines: string[] = [];
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'docket-refusal-log-'));
    runtime = await createActivityDeps({ dataDir, smtpFrom: 'asylum-docket <docket@office.example>' }, { logger: createLogger('debug', (line) => lines.push(line)) });
  });
  afterAll(async () => {
    await runtime?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names the parameter and what it must be, never the value given', async () => {
    const activities = createActivities(runtime);
    const request = {
      caseId: 'case-RU-TA-2016-0310',
      jurisdiction: 'RU',
      procedure: 'temporary-asylum',
      event: 'final-refusal-notice-received',
      date: '2016-01-26',
      params: { departureWorkingDays: 'Pseudonym-Orlov, see note' },
    };
    await expect(activities.computeDeadlines(request)).rejects.toMatchObject({ nonRetryable: true });
    const logged = lines.join('');
    expect(logged).toContain('activity computeDeadlines failed');
    expect(logged).toContain('parameter \\"departureWorkingDays\\" must be a whole number from 1 to 30');
    expect(logged).not.toContain('Orlov');
  });
});
