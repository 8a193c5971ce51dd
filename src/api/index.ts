import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { FastifyInstance } from 'fastify';
import { CaseClient } from '../client/case-client';
import { configuredApplicantIndex } from '../codec/configured-applicant-index';
import { configuredKeyRing } from '../codec/configured-key-ring';
import { RegisterEscalatedCases, type EscalatedCases } from '../store/escalated-cases';
import { EncryptionCodec } from '../codec/encryption-codec';
import type { DocketConfig } from '../config';
import type { Logger } from '../logging';
import type { SmtpChannelOptions } from '../notify';
import { Rulebook } from '../rulebook';
import { CaseComputations, Outbox, pingRegister, RuleDataArchive } from '../store';
import type { ReadinessCheck } from '../http/health-routes';
import type { AccessStore } from '../access';
import { openAccess } from '../access/open-access';
import { calendarFeedRoute } from './calendar/calendar-feed-route';
import { deskRoutes } from './desk/desk-routes';
import { staffDeskRoutes } from './desk/staff-desk-routes';
import { caseRoutes } from './routes/case-routes';
import { outboxRoutes } from './routes/outbox-routes';
import { procedureRoutes } from './routes/procedure-routes';
import { ruleRoutes, type RuleRouteDependencies } from './routes/rule-routes';
import { staffRoutes } from './routes/staff-routes';
import { buildApiServer } from './server';

export interface ApiAssembly {
  cases: CaseClient;
  access: AccessStore;
  escalated: EscalatedCases;
  outbox: Outbox;
  /** What the rule impact report and migrations read: the register's current computations and the installed rule data. */
  ruleData: RuleRouteDependencies['ruleData'];
  logger: Logger;
  publicUrl: string;
  /** DOCKET_METRICS_TOKEN, when set: what a scrape of `/metrics` must send. */
  metricsToken?: string;
  projectRoot: string;
  codec?: { codec: PayloadCodec; corsOrigins: readonly string[] };
  /** Where staff invitations are mailed from, when SMTP is set. */
  smtp?: SmtpChannelOptions;
  now?: () => Date;
  readiness?: Readonly<Record<string, ReadinessCheck>>;
}

/** Every endpoint: the JSON API, the staff desk, the calendar feeds and (when given a codec) the codec endpoints. */
export function assembleApiServer(assembly: ApiAssembly): Promise<FastifyInstance> {
  const publicUrl = assembly.publicUrl.replace(/\/$/, '');
  return buildApiServer({
    access: assembly.access,
    logger: assembly.logger,
    publicUrl,
    ...(assembly.metricsToken === undefined ? {} : { metricsToken: assembly.metricsToken }),
    extraRoutes: [
      ...caseRoutes({ cases: assembly.cases, escalated: assembly.escalated, reads: assembly.access.reads, now: assembly.now ?? (() => new Date()) }),
      ...outboxRoutes(assembly.outbox),
      ...procedureRoutes(),
      ...ruleRoutes({ cases: assembly.cases, ruleData: assembly.ruleData, now: assembly.now ?? (() => new Date()) }),
      ...staffRoutes({ access: assembly.access, cases: assembly.cases, publicUrl, ...(assembly.smtp ? { smtp: assembly.smtp } : {}) }),
    ],
    plugins: [
      deskRoutes({ access: assembly.access, publicUrl, projectRoot: assembly.projectRoot }),
      staffDeskRoutes({ access: assembly.access, cases: assembly.cases, escalated: assembly.escalated, ruleData: assembly.ruleData, publicUrl, projectRoot: assembly.projectRoot, now: assembly.now ?? (() => new Date()) }),
      calendarFeedRoute({ cases: assembly.cases, feeds: assembly.access.feeds, staff: assembly.access.staff, deskUrl: `${publicUrl}/desk` }),
    ],
    ...(assembly.codec ? { codec: assembly.codec } : {}),
    ...(assembly.readiness ? { readiness: assembly.readiness } : {}),
  });
}

export interface StartApiServerOptions {
  config: DocketConfig;
  /** A client built with the project's data converter (the engine's own). */
  temporalClient: Client;
  logger: Logger;
  /** Checks beyond the register's for `/health/ready`: Temporal, and the worker when one runs in the same process. */
  readiness?: Readonly<Record<string, ReadinessCheck>>;
}

export interface RunningApiServer {
  url: string;
  /** The staff desk's address, for links in messages. */
  deskUrl: string;
  /** The API's own case client and access store, for callers that issue tokens or open cases beside it. */
  cases: CaseClient;
  access: AccessStore;
  close(): Promise<void>;
}

/** Starts the HTTP API, staff desk, calendar feeds and codec endpoints on `config.api`. */
export async function startApiServer({ config, temporalClient, logger, readiness = {} }: StartApiServerOptions): Promise<RunningApiServer> {
  const { handle, access } = await openAccess(config);
  const cases = new CaseClient({
    client: temporalClient,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    audit: access.audit,
    staff: access.staff,
    applicantIndex: configuredApplicantIndex(config),
    via: 'api',
  });
  const escalated = new RegisterEscalatedCases(handle.db);
  const now = () => new Date();
  let app: FastifyInstance | undefined;
  try {
    const rulebook = await Rulebook.open({ dir: config.rulesDir, archive: new RuleDataArchive(handle.db, now), logger });
    app = await assembleApiServer({
      cases,
      access,
      escalated,
      outbox: new Outbox(handle.db),
      ruleData: { computations: new CaseComputations(handle.db, now), rulebook },
      logger,
      publicUrl: config.api.publicUrl,
      ...(config.metrics.token === undefined ? {} : { metricsToken: config.metrics.token }),
      projectRoot: config.projectRoot,
      codec: { codec: new EncryptionCodec(configuredKeyRing(config)), corsOrigins: config.api.webUiOrigins },
      ...(config.smtp ? { smtp: config.smtp } : {}),
      readiness: { ...readiness, register: () => pingRegister(handle) },
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
    deskUrl: `${config.api.publicUrl.replace(/\/$/, '')}/desk`,
    cases,
    access,
    close: async () => {
      await server.close();
      await handle.close();
    },
  };
}
