import type { Kysely } from 'kysely';
import type { RegisterDatabase } from './schema';

/** Which cases the engine has escalated: the candidates for missed deadlines, which visibility cannot index. */
export interface EscalatedCases {
  since(instant: string): Promise<string[]>;
}

/** Reads the register's delivery records, where every escalation the engine sent is kept. */
export class RegisterEscalatedCases implements EscalatedCases {
  constructor(private readonly db: Kysely<RegisterDatabase>) {}

  async since(instant: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('deliveries')
      .select('case_number')
      .distinct()
      .where('purpose', '=', 'escalation')
      .where('recorded_at', '>=', instant)
      .orderBy('case_number')
      .execute();
    return rows.map((row) => row.case_number);
  }
}
