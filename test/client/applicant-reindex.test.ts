import { CaseClient } from '../../src/client/case-client';
import { reindexApplicants } from '../../src/client/applicant-reindex';
import { createApplicantsCommand } from '../../src/cli/commands/applicants';
import type { CliServices } from '../../src/cli/commands/services';
import { runDocket } from '../../src/cli/docket';
import { createBufferedIo } from '../../src/cli/io';
import { caseWorkflowId, CASE_WORKFLOW_TYPE, indexApplicant, type CaseWorkflowInput } from '../../src/workflows/messages';
import { randomApplicantIndex } from '../support/random-applicant-index';
import { seedOfficeStaff } from '../support/office-staff';
import { VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';
import { startCaseEngine, type CaseEngine } from './support/case-engine';

const OLD_CASE = 'RU-TA-2015-0101';
const NO_APPLICANT = 'RU-TA-2015-0102';
const NEW_CASE = 'RU-TA-2015-0103';
const PSEUDONYM = 'Applicant-3C8E';

describe('the blind index for cases opened before it, and after its key is replaced', () => {
  let engine: CaseEngine;
  const opening = (caseNumber: string) => ({ caseNumber, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-1', actor: 'sv-1' });

  /** A case as the engine opened it before the index existed: no index in its input, so none among its search attributes. */
  async function openWithoutIndex(caseNumber: string, applicant?: { pseudonym: string }): Promise<void> {
    const open = { ...opening(caseNumber), ...(applicant ? { applicant } : {}) };
    const input: CaseWorkflowInput = { open };
    await engine.env.client.workflow.start(CASE_WORKFLOW_TYPE, {
      taskQueue: engine.taskQueue,
      workflowId: caseWorkflowId(caseNumber),
      args: [input],
    });
  }

  const found = (cases: CaseClient, pseudonym: string) => cases.listing.page({ applicantIndex: cases.applicantIndexOf(pseudonym) }).then((page) => page.cases.map((item) => item.caseNumber).sort());
  const unindexed = (cases: CaseClient) => cases.listing.page({ applicantIndexed: false }).then((page) => page.cases.map((item) => item.caseNumber).sort());

  beforeAll(async () => {
    engine = await startCaseEngine({ taskQueue: 'applicant-reindex-test' });
    await seedOfficeStaff(engine.staff, 'msk-1', { 'cw-1': 'caseworker', 'sv-1': 'supervisor' });
    await openWithoutIndex(OLD_CASE, { pseudonym: PSEUDONYM });
    await openWithoutIndex(NO_APPLICANT);
    await engine.cases.open({ ...opening(NEW_CASE), applicant: { pseudonym: 'Applicant-9D21' } });
    await waitFor(async () => (await engine.cases.listing.count({ office: 'msk-1' })) === 3, { timeoutMs: VISIBILITY_MS, what: 'the three cases to be listed' });
  });
  afterAll(() => engine?.stop());

  it('finds an old case by pseudonym only once it is reindexed, and a second run changes nothing', async () => {
    expect(await found(engine.cases, PSEUDONYM)).toEqual([]);
    expect(await unindexed(engine.cases)).toEqual([OLD_CASE, NO_APPLICANT]);

    const report = await reindexApplicants(engine.cases, { actor: 'sv-1', all: false });
    expect(report).toEqual({ indexed: [OLD_CASE], unchanged: 0, withoutApplicant: 1, refused: [] });
    await waitFor(async () => (await found(engine.cases, PSEUDONYM)).length === 1, { timeoutMs: VISIBILITY_MS, what: 'the old case to be found by pseudonym' });
    expect(await found(engine.cases, ' applicant-3c8e ')).toEqual([OLD_CASE]);
    // Its events are what they were: the index is no event of the case.
    expect((await engine.cases.get(OLD_CASE)).events.map((event) => event.type)).toEqual(['case-opened']);
    expect(engine.audit.entries.filter((entry) => entry.action === 'case.indexApplicant')).toEqual(
      expect.arrayContaining([expect.objectContaining({ actor: 'sv-1', target: OLD_CASE, outcome: 'ok', detail: { outcome: 'indexed' } })]),
    );

    await waitFor(async () => (await unindexed(engine.cases)).length === 1, { timeoutMs: VISIBILITY_MS, what: 'only the case without an applicant to be left unindexed' });
    expect(await reindexApplicants(engine.cases, { actor: 'sv-1', all: false })).toEqual({ indexed: [], unchanged: 0, withoutApplicant: 1, refused: [] });
  });

  it('re-keys every open case after the index key is replaced, so searches under the new key find them', async () => {
    const rekeyed = new CaseClient({ client: engine.env.client, namespace: engine.env.namespace ?? 'default', taskQueue: engine.taskQueue, audit: engine.audit, staff: engine.staff, applicantIndex: randomApplicantIndex(), via: 'cli' });
    expect(await found(rekeyed, PSEUDONYM)).toEqual([]);
    const report = await reindexApplicants(rekeyed, { actor: 'sv-1', all: true });
    expect(report).toEqual({ indexed: [OLD_CASE, NEW_CASE], unchanged: 0, withoutApplicant: 1, refused: [] });
    await waitFor(async () => (await found(rekeyed, 'Applicant-9D21')).length === 1, { timeoutMs: VISIBILITY_MS, what: 'the new case under the new key' });
    expect(await found(rekeyed, PSEUDONYM)).toEqual([OLD_CASE]);
    expect(await found(engine.cases, PSEUDONYM)).toEqual([]);
  });

  it('refuses an index for a closed case and one that is not an index', async () => {
    await engine.cases.command(NEW_CASE, 'closeCase', { actor: 'sv-1', reason: 'withdrawn', closedOn: '2015-12-01' });
    await expect(engine.cases.indexApplicant(NEW_CASE, 'sv-1')).rejects.toThrow(/closed/);
    await waitFor(async () => (await engine.cases.listing.count({ office: 'msk-1' })) === 2, { timeoutMs: VISIBILITY_MS, what: 'the closed case to leave the open cases' });
    const handle = engine.env.client.workflow.getHandle(caseWorkflowId(OLD_CASE));
    await expect(handle.executeUpdate(indexApplicant, { args: ['Applicant-3C8E'] })).rejects.toMatchObject({ cause: expect.objectContaining({ message: expect.stringContaining('32 hex digits') }) });
  });

  it('runs from the CLI as `docket applicants reindex`, naming case numbers only', async () => {
    const services = { cases: async () => engine.cases, close: async () => undefined } as unknown as CliServices;
    const docket = async (...argv: string[]) => {
      const io = createBufferedIo();
      const code = await runDocket(argv, io, [createApplicantsCommand(async () => services)], {});
      return { code, out: io.stdout, err: io.stderr };
    };
    // The closed case keeps its index; the old case was re-keyed above under another key, so --all gives it this one again.
    expect(await docket('applicants', 'reindex', '--all', '--as', 'sv-1')).toEqual({ code: 0, out: 'Indexed 1, already indexed 0, without an applicant 1, refused 0.\n', err: '' });
    const json = await docket('applicants', 'reindex', '--all', '--json');
    expect(JSON.parse(json.out)).toEqual({ indexed: [], unchanged: 1, withoutApplicant: 1, refused: [] });
    expect(json.out).not.toContain(PSEUDONYM);
    expect(await docket('applicants', 'rebuild')).toMatchObject({ code: 2, err: expect.stringContaining('the only action is: docket applicants reindex') });
  });
});
