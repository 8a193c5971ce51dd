import '../support/quiet-temporal-logs';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { StaffMember } from '../../src/store';
import { caseUpdates } from '../../src/workflows/messages';
import { withCaseFrom } from './scenarios';

/**
 * Anyone who can reach the Temporal frontend can send a case an update naming any actor. The case
 * applies a staff command only once the staff directory confirms that actor may act on it: an active
 * caseworker of the case's office, or an active supervisor. Staff ids are invented.
 */
const member = (id: string, role: StaffMember['role'], office: string, active = true): StaffMember => ({
  id,
  displayName: `Staff ${id}`,
  language: 'en',
  role,
  office,
  active,
});

const STAFF = [
  member('sv-kazan', 'supervisor', 'kazan-1'),
  member('cw-0099', 'caseworker', 'moscow-1', false),
  member('cw-0300', 'caseworker', 'spb-1'),
  member('adm-01', 'admin', 'moscow-1'),
];

describe('a staff command whose actor the staff directory does not vouch for', () => {
  it('is refused with ActorRefused naming the problem, leaves the case as it was, and staff who may act still can', async () => {
    await withCaseFrom('RU-TA-2015-0301', { staff: STAFF }, async (run) => {
      await run.advanceTo('2015-11-02T10:00');
      const recordAs = (actor: string) =>
        run.handle().executeUpdate(caseUpdates.recordEvent, { args: [{ actor, event: 'application-lodged', on: '2015-11-02' }] });
      const before = await run.view();

      const refusals: Record<string, RegExp> = {
        'nobody-real': /^actor "nobody-real" is not in the staff directory/,
        'cw-0099': /^actor "cw-0099" is deactivated in the staff directory/,
        'cw-0300': /^actor "cw-0300" is a caseworker of office "spb-1", not of this case's office "moscow-1"/,
        'adm-01': /^actor "adm-01" is an admin: admins manage access and do not act on cases/,
      };
      for (const [actor, reason] of Object.entries(refusals)) {
        const refused = await recordAs(actor).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
        const cause = (refused as WorkflowUpdateFailedError).cause;
        expect(cause).toBeInstanceOf(ApplicationFailure);
        expect(cause).toMatchObject({ type: 'ActorRefused', message: expect.stringMatching(reason) });
      }
      const after = await run.view();
      expect(after.events).toEqual(before.events);
      expect(after).toMatchObject({ stage: before.stage, deadlines: before.deadlines, attempt: before.attempt });

      // A supervisor of another office may act; the case's own caseworker still does.
      expect(await recordAs('sv-kazan')).toMatchObject({ stage: 'lodged' });
      expect((await run.view()).events.at(-1)).toMatchObject({ type: 'application-lodged', actor: 'sv-kazan' });
      expect(await run.command('linkCase', { caseNumber: 'RU-TA-2015-0302', relation: 'parallel-procedure' })).toMatchObject({ stage: 'lodged' });
    });
  });
});
