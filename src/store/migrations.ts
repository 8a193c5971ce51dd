import { sql, type Kysely, type Migration, type MigrationProvider, type CreateTableBuilder } from 'kysely';
import { createRefuseChangeFunction, refuseUpdatesAndDeletes } from './append-only-triggers';
import type { StoreDialect } from './dialect';

/**
 * Migrations live in code, not in files found by globbing, so they run the same from `src/` under
 * ts-jest and from the compiled `dist/`. Never edit a migration that has shipped: add a new one.
 */
export function registerMigrations(dialect: StoreDialect): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001-register': { up: (db) => createRegisterTables(db, dialect) },
    '0002-citation-ru': { up: addRussianCitations },
    '0003-rule-data-versions': { up: addRuleDataVersions },
    '0004-rule-data-archive': { up: addRuleDataArchive },
    '0005-deadline-changed-purpose': { up: (db) => allowDeadlineChangedPurpose(db, dialect) },
  };
  return { getMigrations: async () => migrations };
}

const APPEND_ONLY_TABLES = [
  'case_events',
  'computed_deadlines',
  'deliveries',
  'delivery_failures',
  'outcomes',
  'outbox',
] as const;

async function createRegisterTables(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const appendOnlyTable = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('seq', dialect === 'postgres' ? 'serial' : 'integer', (col) =>
        dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement(),
      )
      .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
      .addColumn('fingerprint', 'text', (col) => col.notNull());
  const caseColumns = <T extends string>(table: CreateTableBuilder<T>, withCaseNumber = true) =>
    (withCaseNumber ? table.addColumn('case_number', 'text', (col) => col.notNull()) : table)
      .addColumn('case_id', 'text', (col) => col.notNull())
      .addColumn('recorded_at', 'text', (col) => col.notNull());

  await caseColumns(appendOnlyTable('case_events'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('case-event', 'deadline', 'audit')`))
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('occurred_at', 'text', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .execute();

  await caseColumns(appendOnlyTable('computed_deadlines'), false)
    .addColumn('request_fingerprint', 'text', (col) => col.notNull())
    .addColumn('trigger_event', 'text', (col) => col.notNull())
    .addColumn('trigger_date', 'text', (col) => col.notNull())
    .addColumn('rule_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('owner', 'text', (col) => col.notNull())
    .addColumn('due_date', 'text', (col) => col.notNull())
    .addColumn('ends_at', 'text', (col) => col.notNull())
    .addColumn('zone', 'text', (col) => col.notNull())
    .addColumn('basis', 'text', (col) => col.notNull())
    .addColumn('citation', 'text', (col) => col.notNull())
    .addColumn('confidence', 'text', (col) => col.notNull())
    .addColumn('informational', 'integer', (col) => col.notNull())
    .addColumn('deadline', 'text', (col) => col.notNull())
    .execute();

  const purposeCheck = sql`purpose in ('reminder', 'escalation', 'delivery-failed')`;
  const channelCheck = sql`channel in ('email', 'webhook', 'outbox')`;
  await caseColumns(appendOnlyTable('deliveries'))
    .addColumn('purpose', 'text', (col) => col.notNull().check(purposeCheck))
    .addColumn('recipient_id', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull().check(channelCheck))
    .addColumn('message_id', 'text', (col) => col.notNull())
    .addColumn('rule_id', 'text', (col) => col.notNull())
    .addColumn('deadline_kind', 'text', (col) => col.notNull())
    .addColumn('due_date', 'text', (col) => col.notNull())
    .addColumn('detail', 'text', (col) => col.notNull())
    .execute();

  await caseColumns(appendOnlyTable('delivery_failures'))
    .addColumn('purpose', 'text', (col) => col.notNull().check(purposeCheck))
    .addColumn('recipient_id', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull().check(channelCheck))
    .addColumn('error', 'text', (col) => col.notNull())
    .execute();

  // A literal list, not OUTCOMES: a shipped migration never changes; a new outcome needs a new migration.
  await caseColumns(appendOnlyTable('outcomes'))
    .addColumn('outcome', 'text', (col) =>
      col.notNull().check(sql`outcome in ('grant', 'refusal', 'extension', 'closure', 'missed', 'lapsed', 'authority-overdue')`),
    )
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('occurred_at', 'text', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .execute();

  await appendOnlyTable('outbox')
    .addColumn('message_id', 'text', (col) => col.notNull())
    .addColumn('recipient_id', 'text', (col) => col.notNull())
    .addColumn('language', 'text', (col) => col.notNull().check(sql`language in ('ru', 'en')`))
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('case_number', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('staff')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('email', 'text')
    .addColumn('webhook_url', 'text')
    .addColumn('webhook_secret_ref', 'text')
    .addColumn('language', 'text', (col) => col.notNull().check(sql`language in ('ru', 'en')`))
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('caseworker', 'supervisor', 'admin')`))
    .addColumn('office', 'text', (col) => col.notNull())
    .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  for (const table of ['case_events', 'computed_deadlines', 'deliveries', 'delivery_failures', 'outcomes']) {
    await db.schema.createIndex(`${table}_by_case`).on(table).columns(['case_id', 'seq']).execute();
  }
  await db.schema.createIndex('outbox_by_recipient').on('outbox').columns(['recipient_id', 'seq']).execute();
  await db.schema.createIndex('staff_by_office_role').on('staff').columns(['office', 'role']).execute();

  // The register is evidence: the database itself refuses to rewrite or delete what was recorded.
  if (dialect === 'postgres') await createRefuseChangeFunction(db);
  await refuseUpdatesAndDeletes(db, dialect, APPEND_ONLY_TABLES);
}

/**
 * Deadlines carry their citation in English and Russian: `citation` keeps the English text it always held,
 * `citation_ru` the Russian one. Rows of deadlines computed before citations carried both have none.
 */
async function addRussianCitations(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('computed_deadlines').addColumn('citation_ru', 'text').execute();
}

/**
 * Each deadline names the rule pack and calendar it was computed with (`RU/temporary-asylum 2026.12-1 #<hash>`),
 * so a case's register says which rules applied to which deadline. Rows of deadlines computed before versions
 * were kept have none.
 */
async function addRuleDataVersions(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('computed_deadlines').addColumn('pack_version', 'text').execute();
  await db.schema.alterTable('computed_deadlines').addColumn('calendar_version', 'text').execute();
}

/**
 * `rule_data_versions` keeps the content of every rule pack and calendar version the engine has loaded, by hash,
 * so a case pinned to a version keeps being computed with it after the installed data changed or a release
 * replaced the shipped data. `case_computations` holds each running case's current deadline requests (one row
 * per event, replaced when the event is recomputed), so the impact of new rule data is computed from the
 * register without touching a workflow.
 */
async function addRuleDataArchive(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rule_data_versions')
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('pack', 'calendar')`))
    .addColumn('hash', 'text', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('effective_from', 'text')
    .addColumn('content', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('rule_data_versions_pk', ['kind', 'hash'])
    .execute();
  await db.schema
    .createTable('case_computations')
    .addColumn('case_id', 'text', (col) => col.notNull())
    .addColumn('event_id', 'text', (col) => col.notNull())
    .addColumn('jurisdiction', 'text', (col) => col.notNull())
    .addColumn('procedure', 'text', (col) => col.notNull())
    .addColumn('request', 'text', (col) => col.notNull())
    .addColumn('reminder_offsets', 'text')
    .addColumn('pack_hash', 'text')
    .addColumn('calendar_hash', 'text')
    .addColumn('deadlines', 'text', (col) => col.notNull())
    .addColumn('computed_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('case_computations_pk', ['case_id', 'event_id'])
    .execute();
}

const PURPOSES_BEFORE_0005 = "purpose in ('reminder', 'escalation', 'delivery-failed')";
const PURPOSES_FROM_0005 = "purpose in ('reminder', 'escalation', 'deadline-changed', 'delivery-failed')";

/**
 * A caseworker is told of each deadline a rule migration changed, and the register keeps that delivery like
 * any other. PostgreSQL swaps the column's check; SQLite cannot alter a check, so each table is rebuilt with
 * its rows, index and append-only triggers (dropping a table fires no delete trigger).
 */
async function allowDeadlineChangedPurpose(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const tables = ['deliveries', 'delivery_failures'] as const;
  if (dialect === 'postgres') {
    for (const table of tables) {
      await sql`alter table ${sql.table(table)} drop constraint ${sql.raw(`${table}_purpose_check`)},
        add constraint ${sql.raw(`${table}_purpose_check`)} check (${sql.raw(PURPOSES_FROM_0005)})`.execute(db);
    }
    return;
  }
  for (const table of tables) {
    const found = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db);
    const ddl = found.rows[0]?.sql;
    if (!ddl?.includes(PURPOSES_BEFORE_0005)) throw new Error(`${table} does not have the purpose check migration 0001 created`);
    const previous = `${table}_before_0005`;
    await sql`alter table ${sql.table(table)} rename to ${sql.table(previous)}`.execute(db);
    await sql.raw(ddl.replace(PURPOSES_BEFORE_0005, PURPOSES_FROM_0005)).execute(db);
    await sql`insert into ${sql.table(table)} select * from ${sql.table(previous)}`.execute(db);
    await sql`drop table ${sql.table(previous)}`.execute(db);
    await db.schema.createIndex(`${table}_by_case`).on(table).columns(['case_id', 'seq']).execute();
  }
  await refuseUpdatesAndDeletes(db, dialect, tables);
}
