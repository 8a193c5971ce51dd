import type { StaffMember } from '../store';

/**
 * The part of the staff directory that access decisions read. A token or session stands for a person;
 * who that person is (role, office, still employed) is the directory's word, read at every request.
 */
export interface StaffRoster {
  get(id: string): Promise<StaffMember | undefined>;
}
