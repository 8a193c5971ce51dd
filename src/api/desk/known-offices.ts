import type { StaffMember } from '../../store/staff-directory';

/** The offices the staff directory knows (every office has its staff there), sorted: the choices of an office list. */
export function knownOffices(staff: StaffMember[]): string[] {
  return [...new Set(staff.map((member) => member.office))].sort();
}
