import { z } from 'zod';

export const ROLES = ['caseworker', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Staff ids and office codes are pseudonymous identifiers, never names. */
export const staffIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-" (a staff id, not a name)');
export const officeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-" (an office code)');

/** Who is calling, as established by a bearer token. */
export interface Principal {
  tokenId: string;
  staffId: string;
  role: Role;
  office: string;
}
