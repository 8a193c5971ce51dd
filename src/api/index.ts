import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { CaseClient } from '../client/case-client';
import { configuredKeyRing } from '../client/connect';
import { RegisterEscalatedCases, type EscalatedCases } from '../client/escalated-cases';
import { EncryptionCodec } from '../codec/encryption-codec';
import type { DocketConfig } from '../config';
import type { Logger } from '../logging';
import { openRegisterDatabase, Outbox, registerLocation, type RegisterDatabaseHandle } from '../store';
import { openAccessStore, type AccessStore } from './access';
import { calendarFeedRoute } from './calendar/calendar-feed-route';
import { dashboardAssetsDir, dashboardRoute } from './dashboard/dashboard-route';
import { caseRoutes } from './routes/case-routes';
import { outboxRoutes } from './routes/outbox-routes';
import { buildApiServer } from './server';

export interface ApiAssembly {
  cases: CaseClient;
  access: AccessStore;
  escalated: EscalatedCases;
  outbox: Outbox;
  logger: Logger;
  publicUrl: string;
  projectRoot: string;
  codec?: { codec: PayloadCodec; corsOrigins: readonly string[] };
  now?: () => Date;
}

/** Every endpoint: the JSON API, the dashboard, the calendar feeds and (when given a codec) the codec endpoints. */
export function assembleApiServer(assembly: ApiAssembly): Promise<FastifyInstance> {
  const publicUrl = assembly.publicUrl.replace(/\/$/, '');
  return buildApiServer({
    access: assembly.access,
    logger: assembly.logger,
    publicUrl,
    extraRoutes: [
      ...caseRoutes({ cases: assembly.cases, escalated: assembly.escalated, now: assembly.now ?? (() => new Date()) }),
      ...outboxRoutes(assembly.outbox),
    ],
    plugins: [
      dashboardRoute(dashboardAssetsDir(assembly.projectRoot)),
      calendarFeedRoute({ cases: assembly.cases, feeds: assembly.access.feeds, dashboardUrl: `${publicUrl}/dashboard` }),
    ],
    ...(assembly.codec ? { codec: assembly.codec } : {}),
  });
}

/** The register database with the API's own tables migrated in it. */
export async function openAccess(config: Pick<DocketConfig, 'databaseUrl' | 'dataDir'>): Promise<{ handle: RegisterDatabaseHandle; access: AccessStore }> {
  const handle = await openRegisterDatabase(registerLocation(config));
  try {
    return { handle, access: await openAccessStore(handle.db as Kysely<unknown>, handle.dialect) };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export interface StartApiServerOptions {
  config: DocketConfig;
  /** A client built with the project's data converter (the engine's own). */
  temporalClient: Client;
  logger: Logger;
}

export interface RunningApiServer {
  url: string;
  /** The dashboard's address, for links in messages. */
  dashboardUrl: string;
  cases: CaseClient;
  access: AccessStore;
  /** Which cases were escalated, from the register: what the digest activities need besides `cases`. */
  escalated: EscalatedCases;
  close(): Promise<void>;
}

/** Starts the HTTP API, dashboard, calendar feeds and codec endpoints on `config.api`. */
export async function startApiServer({ config, temporalClient, logger }: StartApiServerOptions): Promise<RunningApiServer> {
  const { handle, access } = await openAccess(config);
  const cases = new CaseClient({
    client: temporalClient,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    audit: access.audit,
    via: 'api',
  });
  const uiOrigins = [`http://localhost:${config.devServer.uiPort}`, `http://127.0.0.1:${config.devServer.uiPort}`];
  const escalated = new RegisterEscalatedCases(handle.db);
  let app: FastifyInstance | undefined;
  try {
    app = await assembleApiServer({
      cases,
      access,
      escalated,
      outbox: new Outbox(handle.db),
      logger,
      publicUrl: config.api.publicUrl,
      projectRoot: config.projectRoot,
      codec: { codec: new EncryptionCodec(configuredKeyRing(config)), corsOrigins: uiOrigins },
    });
    await app.listen({ host: config.api.host, port: config.api.port });
  } catch (error) {
    await app?.close();
    await handle.close();
    throw error;
  }
  const server = app;
  return {
    url: config.api.publicUrl,
    dashboardUrl: `${config.api.publicUrl.replace(/\/$/, '')}/dashboard`,
    cases,
    access,
    escalated,
    close: async () => {
      await server.close();
      await handle.close();
    },
  };
}
