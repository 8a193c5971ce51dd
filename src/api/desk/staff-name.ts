import type { StaffMember } from '../../store/staff-directory';
import { html, type SafeHtml } from './html';

/** The staff directory read once for a page, by id. */
export type StaffById = ReadonlyMap<string, StaffMember>;

export function staffById(staff: StaffMember[]): StaffById {
  return new Map(staff.map((member) => [member.id, member]));
}

/** A staff member by the name the directory holds, the id beside it (an id the directory does not know stays an id). */
export function staffName(staff: StaffById, id: string): SafeHtml {
  const member = staff.get(id);
  return member ? html`${member.displayName} <span class="muted">(${id})</span>` : html`${id}`;
}
