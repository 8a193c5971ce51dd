import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PAGE_CONTENT_SECURITY_POLICY } from '../../http/page-security-policy';

const ASSETS = [
  { url: '/dashboard', file: 'index.html', type: 'text/html; charset=utf-8' },
  { url: '/dashboard/app.js', file: 'app.js', type: 'text/javascript; charset=utf-8' },
  { url: '/dashboard/app.css', file: 'app.css', type: 'text/css; charset=utf-8' },
] as const;

/** The assets sit in the source tree; the compiled server finds them through the project root. */
export function dashboardAssetsDir(projectRoot: string): string {
  return path.join(projectRoot, 'src', 'api', 'dashboard', 'assets');
}

/** Serves the supervisor dashboard at `/dashboard`: one page, its script and its styles. */
export function dashboardRoute(assetsDir: string) {
  const assets = ASSETS.map((asset) => ({ ...asset, body: readFileSync(path.join(assetsDir, asset.file)) }));
  return async (app: FastifyInstance): Promise<void> => {
    for (const asset of assets) {
      app.get(asset.url, async (_request, reply) =>
        reply
          .type(asset.type)
          .header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY)
          .header('cache-control', 'no-cache')
          .send(asset.body),
      );
    }
    app.get('/', async (_request, reply) => reply.redirect('/dashboard'));
  };
}
