import { concludeRuleMigration, nextStaleComputation, rulePinOf, type CaseState } from '../../src/domain';
import type { RulePin } from '../../src/rules/computed-deadline';
import type { ComputedDeadline, DeadlineRequest } from '../../src/rules/types';
import { attempt, fakeRules, happened, noon, opened, settle, type Rules } from './fixtures';

const version = (id: string, label: string, hash: string) => ({ id, label, effectiveFrom: '2026-01-01', hash });
const SHIPPED: RulePin = { pack: version('RU/temporary-asylum', '2026.1', 'aaaaaaaaaaaa'), calendar: version('ru-production', '2027', 'bbbbbbbbbbbb') };
const WITH_2028: RulePin = { ...SHIPPED, calendar: version('ru-production', '2028', 'cccccccccccc') };

/** The stand-in rules, stamped with a version as the engine stamps its deadlines. */
function rulesAt(pin: RulePin, moveComplaintBy = 0): Rules {
  return (request: DeadlineRequest) =>
    fakeRules(request).map((deadline): ComputedDeadline => {
      if (deadline.kind !== 'complaint' || moveComplaintBy === 0) return { ...deadline, ruleData: pin };
      const due = new Date(`${deadline.dueDate}T00:00:00Z`);
      due.setUTCDate(due.getUTCDate() + moveComplaintBy);
      const dueDate = due.toISOString().slice(0, 10);
      return { ...deadline, dueDate, endsAt: `${dueDate}T21:00:00.000Z`, ruleData: pin };
    });
}

function refusedUnder(pin: RulePin): CaseState {
  const lodged = happened(opened(), 'application-lodged', '2015-11-02', { rules: rulesAt(pin) });
  return happened(lodged, 'refusal-notice-received', '2015-11-27', { rules: rulesAt(pin) });
}

function migrate(state: CaseState, rules: Rules, nowMs = noon('2015-11-28')): CaseState {
  const decision = attempt(state, 'migrateRules', { actor: 'sv-0007', reason: 'the 2028 calendar was decreed' }, nowMs);
  if (!decision.ok) throw new Error(decision.reason);
  expect(nextStaleComputation(decision.state)).toBeDefined();
  return concludeRuleMigration(state, settle(decision.state, nowMs, rules), decision.event, nowMs);
}

describe('a case pinned to its rule data', () => {
  it('is pinned by its first computation and stays pinned through later events', () => {
    const state = refusedUnder(SHIPPED);
    expect(state.rulePin).toEqual(SHIPPED);
    expect(rulePinOf(state)).toEqual(SHIPPED);
  });

  it('reads the pin of a case from before pins were kept off its deadlines', () => {
    const { rulePin: _rulePin, ...legacy } = refusedUnder(SHIPPED);
    expect(rulePinOf(legacy)).toEqual(SHIPPED);
    expect(rulePinOf({ ...legacy, deadlines: [] })).toBeUndefined();
  });

  it('is unpinned by a migration, which recomputes every event and pins the installed versions', () => {
    const before = refusedUnder(SHIPPED);
    const decision = attempt(before, 'migrateRules', { actor: 'sv-0007', reason: 'the 2028 calendar was decreed' }, noon('2015-11-28'));
    if (!decision.ok) throw new Error(decision.reason);
    expect(decision.state).toMatchObject({ computations: [], rulePin: 'installed' });
    expect(rulePinOf(decision.state)).toBeUndefined();
    expect(decision.event).toMatchObject({ type: 'rules-migrated', actor: 'sv-0007', from: SHIPPED });
    const after = migrate(before, rulesAt(WITH_2028));
    expect(after.rulePin).toEqual(WITH_2028);
    expect(after.deadlines.every((tracked) => tracked.deadline.ruleData?.calendar.hash === 'cccccccccccc')).toBe(true);
  });

  it('refuses a migration without a reason, and changes nothing', () => {
    const before = refusedUnder(SHIPPED);
    const decision = attempt(before, 'migrateRules', { actor: 'sv-0007' }, noon('2015-11-28'));
    expect(decision).toMatchObject({ ok: false, reason: expect.stringContaining('reason') });
  });
});

describe('the conclusion of a rule migration', () => {
  it('states the changed deadlines on the event, tells the caseworker of each, and keeps unchanged ones as they were', () => {
    const before = refusedUnder(SHIPPED);
    const complaint = before.deadlines.find((tracked) => tracked.deadline.kind === 'complaint')!;
    // The complaint month from 27 November 2015 ends on 27 December; the new data moves it three days later.
    expect(complaint.deadline.dueDate).toBe('2015-12-27');
    const after = migrate(before, rulesAt(WITH_2028, 3));
    const event = after.events.at(-1)!;
    expect(event).toMatchObject({
      type: 'rules-migrated',
      from: SHIPPED,
      to: WITH_2028,
      changes: [expect.objectContaining({ deadlineId: complaint.id, change: 'moved', from: '2015-12-27', to: '2015-12-30' })],
    });
    expect(after.outbox.filter((item) => item.kind === 'migration-notice')).toEqual([
      { key: `${after.caseId}/migration/${event.id}/${complaint.id}`, kind: 'migration-notice', eventId: event.id, deadlineId: complaint.id },
    ]);
    expect(after.escalations).toEqual(before.escalations);
    const registered = after.outbox.filter((item) => item.kind === 'register' && item.key === `${after.caseId}/event/${event.id}`);
    expect(registered).toEqual([expect.objectContaining({ entry: expect.objectContaining({ payload: expect.objectContaining({ command: 'migrateRules', changes: expect.any(Array) }) }) })]);
    expect(JSON.stringify(registered)).not.toContain('the 2028 calendar was decreed');
    const court = after.deadlines.find((tracked) => tracked.deadline.kind === 'court-challenge')!;
    expect(court.knownSince).toBe(before.deadlines.find((tracked) => tracked.id === court.id)!.knownSince);
  });

  it('escalates a deadline that moved earlier to the supervisors at once, saying from which date', () => {
    const before = refusedUnder(SHIPPED);
    const after = migrate(before, rulesAt(WITH_2028, -2));
    const complaintId = before.deadlines.find((tracked) => tracked.deadline.kind === 'complaint')!.id;
    expect(after.escalations).toEqual([
      expect.objectContaining({ deadlineId: complaintId, reason: 'moved-earlier', dueDate: '2015-12-25', previousDueDate: '2015-12-27' }),
    ]);
    expect(after.outbox).toContainEqual(expect.objectContaining({ kind: 'escalation', escalationId: `${complaintId}@2015-12-25/moved-earlier` }));
  });

  it('tells nobody anything when nothing changed', () => {
    const after = migrate(refusedUnder(SHIPPED), rulesAt(WITH_2028));
    expect(after.events.at(-1)).toMatchObject({ type: 'rules-migrated', changes: [] });
    expect(after.outbox.some((item) => item.kind === 'migration-notice' || item.kind === 'escalation')).toBe(false);
  });
});
