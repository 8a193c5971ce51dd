import type { DocketConfig } from '../config';
import { openRegisterDatabase, registerLocation, type RegisterDatabaseHandle } from '../store';
import { openAccessStore, type AccessStore } from './index';

/** The register database with the access tables (tokens, feeds, API audit) migrated in it. */
export async function openAccess(
  config: Pick<DocketConfig, 'databaseUrl' | 'dataDir'> & { tokenLifetimeDays?: number },
): Promise<{ handle: RegisterDatabaseHandle; access: AccessStore }> {
  const handle = await openRegisterDatabase(registerLocation(config));
  try {
    return { handle, access: await openAccessStore(handle, config.tokenLifetimeDays === undefined ? {} : { tokenLifetimeDays: config.tokenLifetimeDays }) };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
