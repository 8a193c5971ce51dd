import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { RegisterInputError } from './errors';
import { parseInput } from './parse-input';
import type { RegisterDatabase, StaffTable } from './schema';

export const STAFF_ROLES = ['caseworker', 'supervisor', 'admin'] as const;
export const STAFF_LANGUAGES = ['ru', 'en'] as const;

export const staffMemberSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be 1-64 lowercase letters, digits, . _ - (a login, not a name)'),
  displayName: z.string().trim().min(1).max(200),
  email: z.email().optional(),
  webhook: z
    .object({
      url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
      secretRef: z
        .string()
        .regex(/^[A-Z][A-Z0-9_]{0,127}$/, 'must name an environment variable (UPPER_CASE) that holds the secret, not the secret itself'),
    })
    .optional(),
  language: z.enum(STAFF_LANGUAGES),
  role: z.enum(STAFF_ROLES),
  office: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be an office code such as "RU-TA-MSK"'),
});
export type StaffMemberInput = z.input<typeof staffMemberSchema>;
export type StaffMember = z.infer<typeof staffMemberSchema> & { active: boolean };

/**
 * What may change about a member after they are added: how they are named and reached, never their
 * id, role or office (those are what their tokens may do; a new role is a new account). `null` clears
 * the e-mail address or the webhook.
 */
export const staffChangesSchema = z
  .object({
    displayName: staffMemberSchema.shape.displayName.optional(),
    email: staffMemberSchema.shape.email.unwrap().nullable().optional(),
    webhook: staffMemberSchema.shape.webhook.unwrap().nullable().optional(),
    language: staffMemberSchema.shape.language.optional(),
  })
  .strict()
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), 'name at least one thing to change');
export type StaffChanges = z.input<typeof staffChangesSchema>;

export class StaffNotFoundError extends RegisterInputError {
  override name = 'StaffNotFoundError';
}

export class StaffExistsError extends RegisterInputError {
  override name = 'StaffExistsError';
}

/**
 * Who receives reminders and escalations. Staff are employees, not applicants: their contact data is
 * stored as given; a webhook secret is stored only as the name of the variable that holds it.
 */
export class StaffDirectory {
  constructor(
    private readonly db: Kysely<RegisterDatabase>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(input: StaffMemberInput): Promise<StaffMember> {
    const member = parseMember(input);
    const at = this.now().toISOString();
    const result = await this.db
      .insertInto('staff')
      .values({ ...toRow(member), active: 1, created_at: at, updated_at: at })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) {
      throw new StaffExistsError(`Staff member "${member.id}" already exists; use a new id or change the existing one.`);
    }
    return { ...member, active: true };
  }

  /** Adds the member or replaces every field of an existing one (and reactivates it): for seeding. */
  async upsert(input: StaffMemberInput): Promise<StaffMember> {
    const member = parseMember(input);
    const at = this.now().toISOString();
    const row = toRow(member);
    await this.db
      .insertInto('staff')
      .values({ ...row, active: 1, created_at: at, updated_at: at })
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ ...row, active: 1, updated_at: at }))
      .execute();
    return { ...member, active: true };
  }

  /** Changes how a member is named and reached; what is not named stays as it was. Returns the member as now stored. */
  async update(id: string, input: StaffChanges): Promise<StaffMember> {
    const changes = parseInput(staffChangesSchema, input, 'staff change');
    const set = {
      ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
      ...(changes.email !== undefined ? { email: changes.email } : {}),
      ...(changes.webhook !== undefined ? { webhook_url: changes.webhook?.url ?? null, webhook_secret_ref: changes.webhook?.secretRef ?? null } : {}),
      ...(changes.language !== undefined ? { language: changes.language } : {}),
    };
    const result = await this.db.updateTable('staff').set({ ...set, updated_at: this.now().toISOString() }).where('id', '=', id).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new StaffNotFoundError(`No staff member with id "${id}".`);
    return this.requireKnown(id);
  }

  /** Staff are never deleted: the register refers to them by id. */
  async deactivate(id: string): Promise<void> {
    const result = await this.db
      .updateTable('staff')
      .set({ active: 0, updated_at: this.now().toISOString() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new StaffNotFoundError(`No staff member with id "${id}".`);
  }

  async get(id: string): Promise<StaffMember | undefined> {
    const row = await this.db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
    return row && fromRow(row);
  }

  async requireKnown(id: string): Promise<StaffMember> {
    const member = await this.get(id);
    if (!member) throw new StaffNotFoundError(`No staff member with id "${id}" in the staff directory.`);
    return member;
  }

  /** The member, if active: reminders are never sent to someone who has left. */
  async requireActive(id: string): Promise<StaffMember> {
    const member = await this.requireKnown(id);
    if (!member.active) throw new StaffNotFoundError(`Staff member "${id}" is deactivated; reassign the case.`);
    return member;
  }

  async list(filter: { office?: string; role?: StaffMember['role']; includeInactive?: boolean } = {}): Promise<StaffMember[]> {
    let query = this.db.selectFrom('staff').selectAll().orderBy('id');
    if (filter.office !== undefined) query = query.where('office', '=', filter.office);
    if (filter.role !== undefined) query = query.where('role', '=', filter.role);
    if (!filter.includeInactive) query = query.where('active', '=', 1);
    return (await query.execute()).map(fromRow);
  }

  /** Who receives an office's escalations: its active supervisors. */
  supervisorsOf(office: string): Promise<StaffMember[]> {
    return this.list({ office, role: 'supervisor' });
  }
}

function parseMember(input: StaffMemberInput): z.infer<typeof staffMemberSchema> {
  return parseInput(staffMemberSchema, input, 'staff member');
}

function toRow(member: z.infer<typeof staffMemberSchema>) {
  return {
    id: member.id,
    display_name: member.displayName,
    email: member.email ?? null,
    webhook_url: member.webhook?.url ?? null,
    webhook_secret_ref: member.webhook?.secretRef ?? null,
    language: member.language,
    role: member.role,
    office: member.office,
  };
}

function fromRow(row: Selectable<StaffTable>): StaffMember {
  return {
    id: row.id,
    displayName: row.display_name,
    ...(row.email ? { email: row.email } : {}),
    ...(row.webhook_url && row.webhook_secret_ref ? { webhook: { url: row.webhook_url, secretRef: row.webhook_secret_ref } } : {}),
    language: row.language,
    role: row.role,
    office: row.office,
    active: row.active === 1,
  };
}
