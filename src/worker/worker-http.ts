import Fastify, { type FastifyInstance } from 'fastify';
import { registerHealthRoutes, type ReadinessCheck } from '../http/health-routes';

export interface WorkerHttpServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A worker-only process has no API, but its service manager and Prometheus still need to ask it how it
 * is: health on its own small port (DOCKET_WORKER_HOST:DOCKET_WORKER_PORT), nothing else.
 */
export async function startWorkerHttp(
  listen: { host: string; port: number },
  readiness: Readonly<Record<string, ReadinessCheck>>,
  plugins: ReadonlyArray<(app: FastifyInstance) => Promise<void> | void> = [],
): Promise<WorkerHttpServer> {
  const app = Fastify({ logger: false });
  registerHealthRoutes(app, readiness);
  for (const plugin of plugins) await plugin(app);
  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).send({ error: 'not-found', message: `No such endpoint on the worker: ${request.method} ${request.url.split('?')[0]} (it serves /health/live, /health/ready and /metrics).` }),
  );
  const address = await app.listen({ host: listen.host, port: listen.port });
  return { url: address, close: () => app.close() };
}
