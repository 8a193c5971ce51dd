import { staffIdSchema } from '../domain';
import { parseInput } from '../errors/parse-input';
import { staffChangesSchema, type StaffChanges, type StaffMember } from '../store';
import { auditedGrant } from './audited-grant';
import type { AccessStore } from './index';
import { inDocketTerms } from './staff-refusal';

/**
 * Changes how a member is named and reached (name, e-mail, webhook, language). Reminders about cases
 * go where these say, so a change is audited like a grant, refusals too, with the names of the fields
 * changed and not their values: the log says who changed a contact, the directory what it is now.
 */
export async function changeStaff(
  access: Pick<AccessStore, 'staff' | 'audit'>,
  staffId: string,
  changes: StaffChanges,
  actor: { id: string; via: 'api' | 'cli' },
): Promise<StaffMember> {
  const target = staffIdSchema.safeParse(staffId).success ? staffId : 'invalid-staff-id';
  const entry = { actor: actor.id, via: actor.via, action: 'staff.change', target } as const;
  const member = await auditedGrant(access.audit, entry, async () => {
    const valid = parseInput(staffChangesSchema, changes, 'change to a staff member');
    return inDocketTerms(() => access.staff.update(staffId, valid));
  });
  const fields = Object.keys(changes).filter((field) => changes[field as keyof StaffChanges] !== undefined);
  await access.audit.record({ ...entry, outcome: 'ok', detail: { fields } });
  return member;
}
