import type { Kysely, Selectable } from 'kysely';
import type { AccessDatabase, StaffInvitationTable } from './schema';
import { issueSecret, parseCredential, secretMatches } from './secrets';

const INVITATION_PREFIX = 'dkw';
export const INVITATION_LIFETIME_HOURS = 72;
const HOUR_MS = 60 * 60 * 1000;

export type InvitationPurpose = StaffInvitationTable['purpose'];

export interface InvitationRecord {
  id: string;
  staffId: string;
  /** `invite` for someone without a password yet, `reset` for a new one. */
  purpose: InvitationPurpose;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
}

/**
 * One-time links that let a staff member set their password. Like tokens, the link's secret is shown
 * once and stored hashed; a link works once, for 72 hours, and only while it is the person's newest.
 */
export class InvitationStore {
  constructor(
    private readonly db: Kysely<AccessDatabase>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A new link replaces every earlier unused one of the same person, so only the last one sent works. */
  async issue(staffId: string, purpose: InvitationPurpose, createdBy: string): Promise<{ credential: string; record: InvitationRecord }> {
    await this.revokeAllOf(staffId);
    const secret = issueSecret(INVITATION_PREFIX);
    const createdAt = this.now();
    const row: Selectable<StaffInvitationTable> = {
      id: secret.id,
      secret_hash: secret.secretHash,
      staff_id: staffId,
      purpose,
      created_at: createdAt.toISOString(),
      created_by: createdBy,
      expires_at: new Date(createdAt.getTime() + INVITATION_LIFETIME_HOURS * HOUR_MS).toISOString(),
      used_at: null,
      revoked_at: null,
    };
    await this.db.insertInto('staff_invitations').values(row).execute();
    return { credential: secret.credential, record: toRecord(row) };
  }

  /** The link's invitation while it can still be used; undefined for an unknown, used, replaced or expired one alike. */
  async resolve(credential: string): Promise<InvitationRecord | undefined> {
    const parts = parseCredential(INVITATION_PREFIX, credential);
    if (!parts) return undefined;
    const row = await this.db.selectFrom('staff_invitations').selectAll().where('id', '=', parts.id).executeTakeFirst();
    if (!row || !secretMatches(parts.secret, row.secret_hash)) return undefined;
    if (row.used_at !== null || row.revoked_at !== null || row.expires_at <= this.now().toISOString()) return undefined;
    return toRecord(row);
  }

  /** Marks the link used; false when another request used it first, so a link sets a password only once. */
  async use(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('staff_invitations')
      .set({ used_at: this.now().toISOString() })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Ends every unused link of a staff member (a newer link, or their deactivation); returns how many. */
  async revokeAllOf(staffId: string): Promise<number> {
    const result = await this.db
      .updateTable('staff_invitations')
      .set({ revoked_at: this.now().toISOString() })
      .where('staff_id', '=', staffId)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}

function toRecord(row: Selectable<StaffInvitationTable>): InvitationRecord {
  return { id: row.id, staffId: row.staff_id, purpose: row.purpose, createdAt: row.created_at, createdBy: row.created_by, expiresAt: row.expires_at };
}
