import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { openAccessStore, type AccessStore } from '../../src/access';
import { calendarFeedRoute } from '../../src/api/calendar/calendar-feed-route';
import { buildApiServer } from '../../src/api/server';
import { CaseReader } from '../../src/client/case-reader';
import { createLogger } from '../../src/logging';
import { openRegisterDatabase, type RegisterDatabaseHandle } from '../../src/store';
import { listen } from './support/http';

const PUBLIC_URL = 'https://docket.example.org';
/** What a calendar feed URL carries as its credential: it must never reach the metrics. */
const FEED_SECRET = 'feedsecretQ7xZ0000000000000000000000000000';
const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

describe('/metrics on the API (issue 16, part 3)', () => {
  let register: RegisterDatabaseHandle;
  let access: AccessStore;
  const servers: FastifyInstance[] = [];

  /** The API as `npm start` builds it, with the calendar feeds; no feed below resolves, so the case reader is never asked. */
  async function start(metricsToken?: string): Promise<string> {
    const app = await buildApiServer({
      access,
      logger: createLogger('error'),
      publicUrl: PUBLIC_URL,
      ...(metricsToken === undefined ? {} : { metricsToken }),
      plugins: [calendarFeedRoute({ cases: new CaseReader({} as Client, 'default'), feeds: access.feeds, staff: access.staff, deskUrl: `${PUBLIC_URL}/desk` })],
    });
    servers.push(app);
    return listen(app);
  }

  beforeAll(async () => {
    register = await openRegisterDatabase({ sqliteFile: ':memory:' });
    access = await openAccessStore(register);
  });
  afterAll(async () => {
    for (const app of servers) await app.close();
    await register.close();
  });

  it('shows request durations by route pattern and status class, never the URL a request came with', async () => {
    const url = await start();
    expect((await fetch(`${url}/api/me`)).status).toBe(401);
    expect((await fetch(`${url}/calendar/${FEED_SECRET}.ics`)).status).toBe(404);
    expect((await fetch(`${url}/no/such/${FEED_SECRET}`)).status).toBe(404);

    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE docket_api_request_duration_seconds histogram');
    expect(text).toMatch(/^docket_api_request_duration_seconds_count\{method="GET",route="\/api\/me",status_class="4xx"\} 1$/m);
    expect(text).toMatch(/^docket_api_request_duration_seconds_count\{method="GET",route="\/calendar\/:file",status_class="4xx"\} 1$/m);
    expect(text).toMatch(/^docket_api_request_duration_seconds_count\{method="GET",route="unmatched",status_class="4xx"\} 1$/m);
    expect(text).not.toContain(FEED_SECRET);
    expect(text).not.toContain('.ics');
    // Node's own metrics come along, under the engine's prefix.
    expect(text).toMatch(/^docket_process_resident_memory_bytes \d+/m);
  });

  it('asks for the bearer token when DOCKET_METRICS_TOKEN is set, and serves the metrics with it', async () => {
    const url = await start(METRICS_TOKEN);
    const without = await fetch(`${url}/metrics`);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await without.json()).toEqual({ error: 'unauthenticated', message: expect.stringContaining('DOCKET_METRICS_TOKEN') });
    expect((await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: `Basic ${METRICS_TOKEN}` } })).status).toBe(401);

    const granted = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(granted.status).toBe(200);
    expect(await granted.text()).toContain('docket_commands_total');
  });
});
