import { Client, Connection } from '@temporalio/client';
import { createDataConverter } from '../codec/data-converter';
import { configuredApplicantIndex } from '../codec/configured-applicant-index';
import { configuredKeyRing } from '../codec/configured-key-ring';
import type { DocketConfig } from '../config';
import { connectionOptions } from '../temporal/connection-options';
import type { AuditSink } from '../access/audit-entry';
import type { StaffRoster } from '../access/staff-roster';
import { CaseClient } from './case-client';
import { UnavailableError } from '../errors/docket-errors';

export interface ConnectedCases {
  cases: CaseClient;
  client: Client;
  close(): Promise<void>;
}

/** A Temporal client with the project's encrypting data converter, wrapped in the case facade. */
export async function connectCases(
  config: DocketConfig,
  access: { audit: AuditSink; staff: StaffRoster },
  via: 'api' | 'cli' | 'engine',
): Promise<ConnectedCases> {
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
    cases: new CaseClient({ client, namespace: config.temporal.namespace, taskQueue: config.temporal.taskQueue, audit: access.audit, staff: access.staff, applicantIndex: configuredApplicantIndex(config), via }),
    close: () => connection.close(),
  };
}
