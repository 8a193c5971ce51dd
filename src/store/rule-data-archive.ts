import type { Kysely } from 'kysely';
import type { RuleDataVersion } from '../rules/computed-deadline';
import type { RegisterDatabase } from './schema';

/** One version of a rule pack or calendar with the content it was computed from. */
export interface ArchivedRuleData {
  kind: 'pack' | 'calendar';
  version: RuleDataVersion;
  content: unknown;
}

/**
 * Every rule data version the engine has loaded, kept by hash. Versions are never rewritten: the same hash is
 * the same content, so keeping one twice changes nothing.
 */
export class RuleDataArchive {
  constructor(
    private readonly db: Kysely<RegisterDatabase>,
    private readonly now: () => Date,
  ) {}

  async keep(entries: readonly ArchivedRuleData[]): Promise<void> {
    if (entries.length === 0) return;
    const recordedAt = this.now().toISOString();
    await this.db
      .insertInto('rule_data_versions')
      .values(
        entries.map(({ kind, version, content }) => ({
          kind,
          hash: version.hash,
          id: version.id,
          label: version.label,
          effective_from: version.effectiveFrom,
          content: JSON.stringify(content),
          recorded_at: recordedAt,
        })),
      )
      .onConflict((conflict) => conflict.columns(['kind', 'hash']).doNothing())
      .execute();
  }

  async find(kind: ArchivedRuleData['kind'], hash: string): Promise<ArchivedRuleData | undefined> {
    const row = await this.db.selectFrom('rule_data_versions').selectAll().where('kind', '=', kind).where('hash', '=', hash).executeTakeFirst();
    return (
      row && {
        kind: row.kind,
        version: { id: row.id, label: row.label, effectiveFrom: row.effective_from, hash: row.hash },
        content: JSON.parse(row.content) as unknown,
      }
    );
  }
}
