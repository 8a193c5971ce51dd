import type { StaffDirectory, StaffMember } from '../../src/store';

/** One office's staff, each known only by an id: the applicant is the only person in the privacy tests. */
export async function seedOfficeStaff(staff: StaffDirectory, office: string, roles: Record<string, StaffMember['role']>): Promise<void> {
  for (const [id, role] of Object.entries(roles)) {
    await staff.upsert({ id, displayName: `Staff ${id}`, language: 'en', role, office });
  }
}
