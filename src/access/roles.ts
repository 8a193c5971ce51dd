import { officeIdSchema, staffIdSchema } from '../domain/identifiers';

export const ROLES = ['caseworker', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Tokens name staff and offices with the same ids the cases use, so office scoping compares like with like. */
export { officeIdSchema as officeSchema, staffIdSchema };

/** Who is calling, as established by a bearer token or a signed-in browser session. */
export interface Principal {
  /** The credential's public id: a token's (`dkt_…`) or a session's (`dks_…`). */
  tokenId: string;
  staffId: string;
  role: Role;
  office: string;
}
