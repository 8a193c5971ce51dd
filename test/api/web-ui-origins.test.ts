import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { startApiServer } from '../../src/api';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logging';
import { startOnFreePorts } from '../support/free-port';

/**
 * Which Web UI the codec endpoint lets read case data from a browser, as `npm start` wires it (issue 13
 * item 13). Only the codec endpoint's CORS answer is asked for, so no Temporal server is needed: the
 * API never calls the client it is given.
 */
const UNUSED_TEMPORAL_CLIENT = {} as Client;

describe('the codec endpoint trusts a Web UI origin only where a Web UI of ours runs, or where the operator says', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'docket-web-ui-origins-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  /** The status of a Web UI's preflight from `origin` against an API started on `env`. */
  async function preflightFrom(origin: string, env: Record<string, string>): Promise<number> {
    return startOnFreePorts(['api'], async ({ api }) => {
      const config = loadConfig({ ...env, DOCKET_DATA_DIR: dataDir, API_PORT: String(api), TEMPORAL_UI_PORT: '8233' });
      const server = await startApiServer({ config, temporalClient: UNUSED_TEMPORAL_CLIENT, logger: createLogger('error') });
      try {
        const response = await fetch(`http://127.0.0.1:${api}/codec/decode`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        });
        return response.status;
      } finally {
        await server.close();
      }
    });
  }

  it("answers the embedded dev server's Web UI on its port", async () => {
    expect(await preflightFrom('http://localhost:8233', {})).toBe(204);
  });

  it('refuses that port beside an external cluster, where no Web UI of ours runs', async () => {
    expect(await preflightFrom('http://localhost:8233', { TEMPORAL_ADDRESS: 'temporal.example.org:7233' })).toBe(403);
  });

  it('answers the external Web UI that DOCKET_WEB_UI_ORIGINS names, and no other', async () => {
    const env = { TEMPORAL_ADDRESS: 'temporal.example.org:7233', DOCKET_WEB_UI_ORIGINS: 'https://temporal-ui.example.org' };
    expect(await preflightFrom('https://temporal-ui.example.org', env)).toBe(204);
    expect(await preflightFrom('http://localhost:8233', env)).toBe(403);
  });
});
