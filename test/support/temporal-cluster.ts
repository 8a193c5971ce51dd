import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { makeClusterCertificates, type ClusterCertificates } from './cluster-certificates';
import { isAddressInUse, reservePort } from './free-port';
import { waitFor } from './wait-for';

const run = promisify(execFile);
const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** The four services of a Temporal server, each its own process here, as in production. */
export const CLUSTER_SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;
export type ClusterService = (typeof CLUSTER_SERVICES)[number];

const PORT_NAMES = [
  'frontendGrpc',
  'frontendHttp',
  'frontendMembership',
  'historyGrpc',
  'historyMembership',
  'matchingGrpc',
  'matchingMembership',
  'workerGrpc',
  'workerMembership',
] as const;
type Ports = Record<(typeof PORT_NAMES)[number], number>;

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** A connection URL to a database of this server. */
  urlOf(database: string): string;
  createDatabase(name: string): Promise<void>;
}

export interface TemporalCluster {
  /** The frontend's host:port, what TEMPORAL_ADDRESS names. */
  address: string;
  /** The frontend asks every client for a certificate (mutual TLS), as a production cluster does. */
  certificates: ClusterCertificates;
  postgres: PostgresServer;
  /** SIGKILL one service (no goodbye, like a crashed pod), leave it down `downMs`, then start it again on the same ports. */
  restart(service: ClusterService, downMs?: number): Promise<void>;
  /** The end of a service's log, for a failure message. */
  logTail(service: ClusterService): string;
  stop(): Promise<void>;
}

/** The throwaway PostgreSQL of the register tests (scripts/postgres.sh), which the cluster's databases live in too. */
export async function startPostgres(): Promise<PostgresServer> {
  const { stdout } = await run('bash', [path.join(PROJECT_ROOT, 'scripts', 'postgres.sh'), 'start'], { cwd: PROJECT_ROOT });
  const url = new URL(/TEST_DATABASE_URL=(\S+)/.exec(stdout)?.[1] ?? '');
  const server = { host: url.hostname, port: Number(url.port), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  const urlOf = (database: string) => `postgres://${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/${database}`;
  return {
    ...server,
    urlOf,
    createDatabase: async (name) => {
      const { Client } = await import('pg');
      const admin = new Client({ connectionString: urlOf('postgres') });
      await admin.connect();
      try {
        await admin.query(`create database ${name}`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** The binaries scripts/temporal-cluster.sh built (it builds them the first time, which takes minutes). */
async function clusterBinaries(): Promise<{ bin: string; schema: string }> {
  const { stdout } = await run('bash', [path.join(PROJECT_ROOT, 'scripts', 'temporal-cluster.sh'), 'build'], { cwd: PROJECT_ROOT, maxBuffer: 16 * 1024 * 1024 });
  const value = (name: string) => {
    const found = new RegExp(`export ${name}=(\\S+)`).exec(stdout)?.[1];
    if (!found) throw new Error(`scripts/temporal-cluster.sh build printed no ${name}:\n${stdout}`);
    return found;
  };
  return { bin: value('TEMPORAL_CLUSTER_BIN'), schema: value('TEMPORAL_CLUSTER_SCHEMA') };
}

/**
 * A Temporal server the way production runs it: PostgreSQL persistence and SQL visibility in databases
 * of their own (schemas set up with temporal-sql-tool), and frontend, history, matching and worker as
 * four processes on loopback ports, its frontend behind mutual TLS. No namespace is created: that is
 * `docket admin setup-cluster`'s job.
 */
export async function startTemporalCluster(): Promise<TemporalCluster> {
  const [{ bin, schema }, postgres] = await Promise.all([clusterBinaries(), startPostgres()]);
  const suffix = randomBytes(4).toString('hex');
  const databases = { persistence: `temporal_${suffix}`, visibility: `temporal_visibility_${suffix}` };
  const sqlTool = (database: string, ...args: string[]) =>
    run(path.join(bin, 'temporal-sql-tool'), ['--plugin', 'postgres12', '--ep', postgres.host, '-p', String(postgres.port), '-u', postgres.user, '--db', database, ...args], {
      env: { ...process.env, SQL_PASSWORD: postgres.password },
    });
  for (const [database, dir] of [
    [databases.persistence, 'temporal'],
    [databases.visibility, 'visibility'],
  ] as const) {
    await sqlTool(database, 'create-database');
    await sqlTool(database, 'setup-schema', '-v', '0.0');
    await sqlTool(database, 'update-schema', '-d', path.join(schema, dir, 'versioned'));
  }

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'docket-cluster-'));
  const certificates = await makeClusterCertificates(workDir);
  const processes = new Map<ClusterService, ChildProcess>();
  const logFile = (service: ClusterService) => path.join(workDir, `${service}.log`);
  let configFile = '';
  let ports: Ports | undefined;

  const startService = async (service: ClusterService): Promise<void> => {
    const log = createWriteStream(logFile(service), { flags: 'a' });
    await new Promise((resolve) => log.once('open', resolve));
    const child = spawn(path.join(bin, 'temporal-server'), ['--config-file', configFile, '--allow-no-auth', 'start', '--service', service], {
      cwd: workDir,
      stdio: ['ignore', log, log],
    });
    processes.set(service, child);
    // A service that dies on its own (a bad config, a port taken) fails the start at once, with its log.
    const early = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) => reject(new Error(`Temporal ${service} exited (${signal ?? code}) at start:\n${tail(logFile(service))}`))),
    );
    early.catch(() => undefined);
    await Promise.race([early, new Promise((resolve) => setTimeout(resolve, 1_500))]);
  };

  const stopService = async (service: ClusterService, signal: NodeJS.Signals): Promise<void> => {
    const child = processes.get(service);
    processes.delete(service);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(killer);
  };

  const stop = async () => {
    await Promise.all(CLUSTER_SERVICES.map((service) => stopService(service, 'SIGTERM')));
  };

  try {
    await startOnLowFreePorts(async (chosen) => {
      ports = chosen;
      configFile = path.join(workDir, 'temporal.yaml');
      writeFileSync(configFile, clusterConfig(chosen, postgres, databases, certificates));
      // History first: the others look for it through membership when they start.
      for (const service of ['history', 'matching', 'frontend', 'worker'] as const) await startService(service);
      try {
        await waitForFrontend(`127.0.0.1:${chosen.frontendGrpc}`, certificates);
      } catch (error) {
        await stop();
        throw new Error(`${(error as Error).message}\n${CLUSTER_SERVICES.map((service) => `--- ${service}:\n${tail(logFile(service))}`).join('\n')}`);
      }
    });
  } catch (error) {
    await stop();
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }

  return {
    address: `127.0.0.1:${ports!.frontendGrpc}`,
    certificates,
    postgres,
    restart: async (service, downMs = 0) => {
      await stopService(service, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await startService(service);
    },
    logTail: (service) => tail(logFile(service)),
    stop: async () => {
      await stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** How often a start is tried on fresh ports before its "address already in use" failure stands. */
const START_ATTEMPTS = 5;
// The server keeps membership ports in a PostgreSQL smallint column, so they must stay below 32768, where
// the kernel's ephemeral ports (32768 and up) never go: ports are drawn from this range and checked free.
const LOW_PORTS = { from: 20_000, to: 32_000 } as const;

async function startOnLowFreePorts(start: (ports: Ports) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const ports = {} as Ports;
    const taken = new Set<number>();
    for (const name of PORT_NAMES) {
      for (;;) {
        const candidate = LOW_PORTS.from + Math.floor(Math.random() * (LOW_PORTS.to - LOW_PORTS.from));
        if (taken.has(candidate)) continue;
        const free = await reservePort(candidate).then(
          () => true,
          () => false,
        );
        if (!free) continue;
        taken.add(candidate);
        ports[name] = candidate;
        break;
      }
    }
    try {
      return await start(ports);
    } catch (error) {
      if (!isAddressInUse(error) || attempt === START_ATTEMPTS) throw error;
    }
  }
}

async function waitForFrontend(address: string, certificates: ClusterCertificates): Promise<void> {
  await waitFor(
    async () => {
      const connection = await Connection.connect({ address, tls: certificates.sdkTls(), connectTimeout: '2 seconds' }).catch(() => undefined);
      if (!connection) return false;
      try {
        // The system namespace answers once the frontend has read the cluster's metadata from PostgreSQL.
        await connection.workflowService.describeNamespace({ namespace: 'temporal-system' });
        return true;
      } catch {
        return false;
      } finally {
        await connection.close();
      }
    },
    { timeoutMs: 120_000, intervalMs: 500, what: `the Temporal frontend at ${address}` },
  );
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
  } catch {
    return '(no log)';
  }
}

/** The server's configuration: development-postgres12.yaml of the server's own repository, on our ports and databases. */
function clusterConfig(ports: Ports, postgres: PostgresServer, databases: { persistence: string; visibility: string }, tls: ClusterCertificates): string {
  // The frontend's clients inside the cluster (the system worker, the frontend calling itself) present the client certificate too.
  const client = `
      client:
        serverName: "${tls.serverName}"
        rootCaFiles: ["${tls.caFile}"]`;
  const store = (database: string, maxConns: number) => `
      sql:
        pluginName: "postgres12"
        databaseName: "${database}"
        connectAddr: "${postgres.host}:${postgres.port}"
        connectProtocol: "tcp"
        user: ${JSON.stringify(postgres.user)}
        password: ${JSON.stringify(postgres.password)}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: "1h"`;
  const service = (name: ClusterService, grpc: number, membership: number, extra = '') => `
  ${name}:
    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${extra}`;
  return `log:
  stdout: true
  level: warn

persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: 4
  datastores:
    postgres-default:${store(databases.persistence, 20)}
    postgres-visibility:${store(databases.visibility, 10)}

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
  tls:
    frontend:
      server:
        certFile: "${tls.serverCertFile}"
        keyFile: "${tls.serverKeyFile}"
        clientCaFiles: ["${tls.caFile}"]
        requireClientAuth: true${client}
    systemWorker:
      certFile: "${tls.clientCertFile}"
      keyFile: "${tls.clientKeyFile}"${client}

services:${service('frontend', ports.frontendGrpc, ports.frontendMembership, `\n      httpPort: ${ports.frontendHttp}`)}${service('history', ports.historyGrpc, ports.historyMembership)}${service('matching', ports.matchingGrpc, ports.matchingMembership)}${service('worker', ports.workerGrpc, ports.workerMembership)}

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${ports.frontendGrpc}"

dcRedirectionPolicy:
  policy: "noop"
`;
}
