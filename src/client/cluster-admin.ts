import { Connection } from '@temporalio/client';
import type { DocketConfig } from '../config';
import { UnavailableError } from '../errors/docket-errors';
import { setUpCluster, type SetupOutcome } from '../temporal/cluster-setup';
import { connectionOptions } from '../temporal/connection-options';

export { ClusterSetupError, DEFAULT_RETENTION_DAYS } from '../temporal/cluster-setup';

/**
 * `docket admin setup-cluster`: the namespace and the engine's search attributes on the configured cluster,
 * through a connection of its own, so it runs before any engine process does.
 */
export async function setUpConfiguredCluster(config: DocketConfig, options: { retentionDays: number }): Promise<SetupOutcome> {
  let connection: Connection;
  try {
    connection = await Connection.connect({ ...connectionOptions(config.temporal), connectTimeout: '10 seconds' });
  } catch (error) {
    throw new UnavailableError(`Cannot reach Temporal at ${config.temporal.address} (${error instanceof Error ? error.message : String(error)}).`);
  }
  try {
    return await setUpCluster(connection, config.temporal.namespace, { createNamespace: true, retentionDays: options.retentionDays });
  } finally {
    await connection.close();
  }
}
