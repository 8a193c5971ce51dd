import type { FastifyInstance } from 'fastify';

/** A dependency the process needs to do its job: resolves when it answers, rejects (or times out) when not. */
export type ReadinessCheck = () => Promise<void>;

/** How long a check may take before it counts as not answering: a service manager's probe must not hang. */
const CHECK_TIMEOUT_MS = 3_000;

/**
 * `/health/live`: the process is up and its event loop answers (restart it if not).
 * `/health/ready` (and `/health`): every dependency answers now (send it work only then); 503 names
 * those that did not, without their error text, which can carry connection strings.
 */
export function registerHealthRoutes(app: FastifyInstance, checks: Readonly<Record<string, ReadinessCheck>>): void {
  app.get('/health/live', async () => ({ status: 'live' }));
  const ready = async (_request: unknown, reply: { code(status: number): unknown }) => {
    const results = await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await outcomeOf(check)] as const));
    const allReady = results.every(([, outcome]) => outcome === 'ok');
    reply.code(allReady ? 200 : 503);
    return { status: allReady ? 'ready' : 'not-ready', checks: Object.fromEntries(results) };
  };
  app.get('/health/ready', ready);
  app.get('/health', ready);
}

async function outcomeOf(check: ReadinessCheck): Promise<'ok' | 'not-answering' | 'timed-out'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().then(() => 'ok' as const), timeout]);
  } catch {
    return 'not-answering';
  } finally {
    clearTimeout(timer);
  }
}
