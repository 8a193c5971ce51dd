import { Client, Connection } from '@temporalio/client';
import { createDataConverter } from '../codec/data-converter';
import { loadKeyRing, loadOrCreateDevKeyRing, type KeyRing } from '../codec/key-ring';
import type { DocketConfig } from '../config';
import { connectionOptions } from '../temporal/connection-options';
import type { AuditSink } from '../access/audit-entry';
import { CaseClient } from './case-client';
import { UnavailableError } from '../errors/docket-errors';

/**
 * The key ring the configuration names: keys from the environment, a given key file, or (one machine,
 * nothing configured) the development key file that the first process to start creates.
 */
export function configuredKeyRing(config: DocketConfig): KeyRing {
  const { keys, currentKeyId, keyFile, keyFileGiven } = config.encryption;
  if (keys !== undefined) return loadKeyRing({ keys, currentKeyId });
  if (keyFileGiven) return loadKeyRing({ keyFile });
  return loadOrCreateDevKeyRing(keyFile);
}

export interface ConnectedCases {
  cases: CaseClient;
  client: Client;
  close(): Promise<void>;
}

/** A Temporal client with the project's encrypting data converter, wrapped in the case facade. */
export async function connectCases(config: DocketConfig, audit: AuditSink, via: 'api' | 'cli' | 'engine'): Promise<ConnectedCases> {
  const dataConverter = createDataConverter(configuredKeyRing(config));
  let connection: Connection;
  try {
    connection = await Connection.connect({ ...connectionOptions(config.temporal), connectTimeout: '5 seconds' });
  } catch (error) {
    throw new UnavailableError(
      `Cannot reach Temporal at ${config.temporal.address} (${error instanceof Error ? error.message : String(error)}); is the engine running (npm start)?`,
    );
  }
  const client = new Client({ connection, namespace: config.temporal.namespace, dataConverter });
  return {
    client,
    cases: new CaseClient({ client, namespace: config.temporal.namespace, taskQueue: config.temporal.taskQueue, audit, via }),
    close: () => connection.close(),
  };
}
