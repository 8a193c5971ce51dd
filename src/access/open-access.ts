import type { Kysely } from 'kysely';
import type { DocketConfig } from '../config';
import { openRegisterDatabase, registerLocation, type RegisterDatabaseHandle } from '../store';
import { openAccessStore, type AccessStore } from './index';

/** The register database with the access tables (tokens, feeds, API audit) migrated in it. */
export async function openAccess(config: Pick<DocketConfig, 'databaseUrl' | 'dataDir'>): Promise<{ handle: RegisterDatabaseHandle; access: AccessStore }> {
  const handle = await openRegisterDatabase(registerLocation(config));
  try {
    return { handle, access: await openAccessStore(handle.db as Kysely<unknown>, handle.dialect) };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
