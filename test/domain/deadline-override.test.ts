import { concludeRuleMigration, deadlineViews, type CaseState } from '../../src/domain';
import { attempt, happened, noon, opened, record, settle } from './fixtures';

/** Refusal notice received 27 Nov 2015: the stand-in rules give the complaint a month, to 27 December. */
function refused(): CaseState {
  return happened(happened(opened(), 'application-lodged', '2015-11-02'), 'refusal-notice-received', '2015-11-27');
}
const complaintOf = (state: CaseState) => state.deadlines.find((tracked) => tracked.deadline.kind === 'complaint')!;
const override = (state: CaseState, dueDate: string, nowMs = noon('2015-11-30')) =>
  record(state, 'overrideDeadline', { actor: 'sv-0007', deadlineId: complaintOf(state).id, dueDate, reason: 'court order No. 12' }, nowMs);

describe('a deadline set by hand', () => {
  it('is in force with its new date and end, keeps the rule’s date beside it, and says so in its explanation', () => {
    const state = override(refused(), '2016-01-15');
    const complaint = complaintOf(state);
    // 24:00 in Moscow (UTC+3) on 15 January is 21:00 UTC that day.
    expect(complaint.deadline).toMatchObject({ dueDate: '2016-01-15', endsAt: '2016-01-15T21:00:00.000Z' });
    expect(complaint.override?.computed.dueDate).toBe('2015-12-27');
    expect(complaint.deadline.explanation.steps.at(-1)).toMatchObject({ kind: 'override', en: expect.stringContaining('the rule gives 2015-12-27') });
    expect(complaint.deadline.reminderDates).toBeUndefined();
    expect(deadlineViews(state, noon('2015-11-30')).find((view) => view.id === complaint.id)).toMatchObject({
      status: 'open',
      override: { computedDueDate: '2015-12-27', byEventId: state.events.at(-1)!.id },
    });
    expect(state.events.at(-1)).toMatchObject({ type: 'deadline-overridden', computedDueDate: '2015-12-27', dueDate: '2016-01-15' });
    // The register learns the date in force.
    expect(state.outbox).toContainEqual(expect.objectContaining({ key: `${state.caseId}/deadline/${complaint.id}/2016-01-15` }));
  });

  it('survives a recomputation: a corrected trigger date moves the rule’s date, not the one set by hand', () => {
    const state = override(refused(), '2016-01-15');
    const refusal = state.events.find((event) => event.type === 'refusal-notice-received')!;
    const corrected = record(state, 'correctEventDate', { eventId: refusal.id, correctedDate: '2015-11-28', reason: 'received a day later' }, noon('2015-12-01'));
    expect(complaintOf(corrected).deadline.dueDate).toBe('2016-01-15');
    expect(complaintOf(corrected).override?.computed.dueDate).toBe('2015-12-28');
  });

  it('survives a rule migration, which reports no change for it', () => {
    const state = override(refused(), '2016-01-15');
    const decision = attempt(state, 'migrateRules', { actor: 'sv-0007', reason: 'new rule data' }, noon('2015-12-01'));
    if (!decision.ok) throw new Error(decision.reason);
    const migrated = concludeRuleMigration(state, settle(decision.state, noon('2015-12-01')), decision.event, noon('2015-12-01'));
    expect(complaintOf(migrated).deadline.dueDate).toBe('2016-01-15');
    expect(migrated.events.at(-1)).toMatchObject({ type: 'rules-migrated', changes: [] });
  });

  it('returns to the rule’s date when the override is voided', () => {
    const state = override(refused(), '2016-01-15');
    const voided = record(state, 'voidEvent', { eventId: state.events.at(-1)!.id, reason: 'wrong case' }, noon('2015-12-01'));
    expect(complaintOf(voided).deadline.dueDate).toBe('2015-12-27');
    expect(complaintOf(voided).override).toBeUndefined();
  });

  it('is refused for a deadline already met, for the date it already has, and without a reason', () => {
    const state = refused();
    const id = complaintOf(state).id;
    expect(attempt(state, 'overrideDeadline', { actor: 'sv-0007', deadlineId: id, dueDate: '2015-12-27', reason: 'x' }, noon('2015-11-30'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('already due 2015-12-27'),
    });
    expect(attempt(state, 'overrideDeadline', { actor: 'sv-0007', deadlineId: id, dueDate: '2016-01-15' }, noon('2015-11-30'))).toMatchObject({ ok: false, reason: expect.stringContaining('reason') });
    const met = happened(state, 'complaint-filed', '2015-12-10', { facts: { forum: 'administrative' } });
    expect(attempt(met, 'overrideDeadline', { actor: 'sv-0007', deadlineId: id, dueDate: '2016-01-15', reason: 'x' }, noon('2015-12-11'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('is met'),
    });
  });
});
