import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { NotFoundError } from '../errors/docket-errors';
import { parseInput } from '../errors/parse-input';
import { officeSchema, ROLES, staffIdSchema, type Principal, type Role } from './roles';
import type { AccessDatabase, ApiTokenTable } from './schema';
import { revokeOnce } from './revocation';
import { issueSecret, parseCredential, secretMatches } from './secrets';

const TOKEN_PREFIX = 'dkt';

export const tokenRequestSchema = z.object({
  staffId: staffIdSchema,
  role: z.enum(ROLES),
  office: officeSchema,
  label: z.string().trim().min(1, 'must say what the token is for').max(120),
});
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export interface TokenRecord {
  id: string;
  staffId: string;
  role: Role;
  office: string;
  label: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

export type Authentication =
  | { ok: true; principal: Principal }
  | { ok: false; reason: 'malformed' | 'unknown' | 'revoked' };

export class TokenStore {
  constructor(
    private readonly db: Kysely<AccessDatabase>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Returns the token once; afterwards only its hash exists. */
  async issue(request: TokenRequest, createdBy: string): Promise<{ token: string; record: TokenRecord }> {
    const valid = parseInput(tokenRequestSchema, request, 'token request');
    const secret = issueSecret(TOKEN_PREFIX);
    const row: Selectable<ApiTokenTable> = {
      id: secret.id,
      secret_hash: secret.secretHash,
      staff_id: valid.staffId,
      role: valid.role,
      office: valid.office,
      label: valid.label,
      created_at: this.now().toISOString(),
      created_by: createdBy,
      revoked_at: null,
      revoked_by: null,
    };
    await this.db.insertInto('api_tokens').values(row).execute();
    return { token: secret.credential, record: toRecord(row) };
  }

  async authenticate(token: string): Promise<Authentication> {
    const parts = parseCredential(TOKEN_PREFIX, token);
    if (!parts) return { ok: false, reason: 'malformed' };
    const row = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', parts.id).executeTakeFirst();
    if (!row || !secretMatches(parts.secret, row.secret_hash)) return { ok: false, reason: 'unknown' };
    if (row.revoked_at !== null) return { ok: false, reason: 'revoked' };
    return { ok: true, principal: { tokenId: row.id, staffId: row.staff_id, role: row.role, office: row.office } };
  }

  async list(): Promise<TokenRecord[]> {
    const rows = await this.db.selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toRecord);
  }

  async revoke(id: string, revokedBy: string): Promise<TokenRecord> {
    await revokeOnce(this.db, 'api_tokens', id, revokedBy, this.now());
    const row = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`No token with id "${id}"`);
    return toRecord(row);
  }
}

function toRecord(row: Selectable<ApiTokenTable>): TokenRecord {
  return {
    id: row.id,
    staffId: row.staff_id,
    role: row.role,
    office: row.office,
    label: row.label,
    createdAt: row.created_at,
    createdBy: row.created_by,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
  };
}
