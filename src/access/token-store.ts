import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../errors/docket-errors';
import { parseInput } from '../errors/parse-input';
import { staffIdSchema, type Principal, type Role } from './roles';
import type { AccessDatabase, ApiTokenTable } from './schema';
import { revokeOnce } from './revocation';
import { issueSecret, parseCredential, secretMatches } from './secrets';
import type { StaffRoster } from './staff-roster';
import { DEFAULT_TOKEN_LIFETIME_DAYS, tokenLifetimeDaysSchema } from '../config/token-lifetime';

const TOKEN_PREFIX = 'dkt';
const DAY_MS = 24 * 60 * 60 * 1000;

/** A token names a person; their role and office are the staff directory's, so a request cannot choose them. */
export const tokenRequestSchema = z.strictObject(
  {
    staffId: staffIdSchema,
    label: z.string().trim().min(1, 'must say what the token is for').max(120),
    expiresInDays: tokenLifetimeDaysSchema.optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `not accepted: ${issue.keys.join(', ')}; a token takes its role and office from the staff directory (send staffId, label and optionally expiresInDays)`
        : undefined,
  },
);
export type TokenRequest = z.input<typeof tokenRequestSchema>;

export interface TokenRecord {
  id: string;
  staffId: string;
  role: Role;
  office: string;
  label: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

export type Authentication =
  | { ok: true; principal: Principal }
  | { ok: false; reason: AuthenticationRefusal };
export type AuthenticationRefusal = 'malformed' | 'unknown' | 'revoked' | 'expired' | 'staff-unknown' | 'staff-deactivated';

export interface TokenStoreOptions {
  now?: () => Date;
  /** Lifetime of a token whose issuer names none. */
  defaultLifetimeDays?: number;
}

export class TokenStore {
  private readonly now: () => Date;
  private readonly defaultLifetimeDays: number;

  constructor(
    private readonly db: Kysely<AccessDatabase>,
    private readonly staff: StaffRoster,
    options: TokenStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.defaultLifetimeDays = options.defaultLifetimeDays ?? DEFAULT_TOKEN_LIFETIME_DAYS;
  }

  /**
   * Returns the token once; afterwards only its hash exists. Only an active member of the staff
   * directory gets one, and nobody issues themselves a token that reads cases: the issuer is the
   * directory id of whoever asks (`createdBy`).
   */
  async issue(request: TokenRequest, createdBy: string): Promise<{ token: string; record: TokenRecord }> {
    const valid = parseInput(tokenRequestSchema, request, 'token request');
    const member = await this.staff.get(valid.staffId);
    if (!member) throw new InvalidInputError('Invalid token request', [`staffId: no staff member "${valid.staffId}" in the staff directory; add them first`]);
    if (!member.active) throw new InvalidInputError('Invalid token request', [`staffId: staff member "${valid.staffId}" is deactivated`]);
    if (member.id === createdBy && member.role !== 'admin') {
      throw new ForbiddenError(`Nobody may issue themselves a ${member.role} token: ask another administrator.`);
    }
    const secret = issueSecret(TOKEN_PREFIX);
    const createdAt = this.now();
    const row: Selectable<ApiTokenTable> = {
      id: secret.id,
      secret_hash: secret.secretHash,
      staff_id: member.id,
      // What the directory said at issue, for the listing; authentication reads the directory afresh.
      role: member.role,
      office: member.office,
      label: valid.label,
      created_at: createdAt.toISOString(),
      created_by: createdBy,
      expires_at: new Date(createdAt.getTime() + (valid.expiresInDays ?? this.defaultLifetimeDays) * DAY_MS).toISOString(),
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
    if (row.expires_at <= this.now().toISOString()) return { ok: false, reason: 'expired' };
    const member = await this.staff.get(row.staff_id);
    if (!member) return { ok: false, reason: 'staff-unknown' };
    if (!member.active) return { ok: false, reason: 'staff-deactivated' };
    return { ok: true, principal: { tokenId: row.id, staffId: member.id, role: member.role, office: member.office } };
  }

  async list(filter: { staffId?: string } = {}): Promise<TokenRecord[]> {
    let query = this.db.selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('id');
    if (filter.staffId !== undefined) query = query.where('staff_id', '=', filter.staffId);
    return (await query.execute()).map(toRecord);
  }

  /** Revokes every valid token of a staff member (when they leave); returns the ids revoked. */
  async revokeAllOf(staffId: string, revokedBy: string): Promise<string[]> {
    const valid = (await this.list({ staffId })).filter((record) => record.revokedAt === null);
    for (const record of valid) await revokeOnce(this.db, 'api_tokens', record.id, revokedBy, this.now());
    return valid.map((record) => record.id);
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
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
  };
}
