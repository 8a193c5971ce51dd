import { officeIdSchema, staffIdSchema } from '../domain/identifiers';

export const ROLES = ['caseworker', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Tokens name staff and offices with the same ids the cases use, so office scoping compares like with like. */
export { officeIdSchema as officeSchema, staffIdSchema };

/** Who is calling, as established by a bearer token. */
export interface Principal {
  tokenId: string;
  staffId: string;
  role: Role;
  office: string;
}
