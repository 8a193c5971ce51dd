import { staffIdSchema } from '../domain';
import { parseInput } from '../errors/parse-input';
import { staffMemberSchema, type StaffMember, type StaffMemberInput } from '../store';
import { auditedGrant } from './audited-grant';
import type { AccessStore } from './index';
import { inDocketTerms } from './staff-refusal';

/**
 * Adds someone to the staff directory. A member's role and office are what their tokens may do, so
 * adding one grants access and is audited, refusals too; a refused id is not written down as typed,
 * because it might be someone's name.
 */
export async function addStaff(access: Pick<AccessStore, 'staff' | 'audit'>, input: StaffMemberInput, actor: { id: string; via: 'api' | 'cli' }): Promise<StaffMember> {
  const target = staffIdSchema.safeParse(input.id).success ? input.id : 'invalid-staff-id';
  const member = await auditedGrant(access.audit, { actor: actor.id, via: actor.via, action: 'staff.add', target }, async () => {
    // Read here first, so each wrong field is named on its own (the register would name them in one sentence).
    const valid = parseInput(staffMemberSchema, input, 'staff member');
    return inDocketTerms(() => access.staff.add(valid));
  });
  await access.audit.record({ actor: actor.id, via: actor.via, action: 'staff.add', target: member.id, outcome: 'ok', detail: { role: member.role, office: member.office } });
  return member;
}
