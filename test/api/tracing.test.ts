import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTracing, type Tracing } from '../../src/worker/tracing';
import { waitFor } from '../support/wait-for';
import { startApiEngine, type ApiEngine } from './support/api-engine';

/**
 * OpenTelemetry through the SDK's interceptors, as the engine turns it on with OTEL_EXPORTER_OTLP_ENDPOINT:
 * a case opened and recorded through the API on a real dev server sends its spans, over OTLP/HTTP, to a
 * collector that is a small HTTP server here.
 */
describe('tracing to an OTLP/HTTP collector', () => {
  const posts: Array<{ url: string; contentType: string; body: string }> = [];
  /** The span names in the posts so far (OTLP/HTTP JSON: resourceSpans[].scopeSpans[].spans[].name). */
  const spanNames = () =>
    posts.flatMap((post) => {
      const sent = JSON.parse(post.body) as { resourceSpans?: Array<{ scopeSpans?: Array<{ spans?: Array<{ name: string }> }> }> };
      return (sent.resourceSpans ?? []).flatMap((resource) => (resource.scopeSpans ?? []).flatMap((scope) => (scope.spans ?? []).map((span) => span.name)));
    });
  let collector: Server;
  let tracing: Tracing | undefined;
  let engine: ApiEngine | undefined;

  beforeAll(async () => {
    collector = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.method === 'POST') posts.push({ url: request.url ?? '', contentType: String(request.headers['content-type']), body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as AddressInfo;
    tracing = startTracing({ otlpEndpoint: `http://127.0.0.1:${port}` });
    engine = await startApiEngine('tracing', { tracing });
  });
  afterAll(async () => {
    await engine?.stop();
    await tracing?.shutdown();
    await new Promise((resolve) => collector?.close(resolve));
  });

  it("exports the spans of the client's calls, the workflow and its activities", async () => {
    const supervisor = await engine!.tokenFor('supervisor', 'sv-msk', 'msk-1');
    await engine!.tokenFor('caseworker', 'cw-msk', 'msk-1');
    const opened = await engine!.http('POST', '/api/cases', {
      token: supervisor,
      body: { caseNumber: 'RU-TA-2016-0401', jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-msk' },
    });
    expect(opened.status).toBe(201);
    const recorded = await engine!.http('POST', '/api/cases/RU-TA-2016-0401/commands/recordEvent', { token: supervisor, body: { event: 'application-lodged', on: '2016-03-01' } });
    expect(recorded.status).toBe(200);

    // The batch processor sends every few seconds: the client's spans, the workflow's (out of the sandbox through
    // the worker's sink; a case's RunWorkflow span ends only with the run) and the activities'.
    const expected = ['StartWorkflow:caseWorkflow', 'StartWorkflowUpdate:recordEvent', 'ValidateUpdate:recordEvent', 'StartActivity:recordOutcome', 'RunActivity:computeDeadlines'];
    const names = await waitFor(() => (expected.every((name) => spanNames().includes(name)) ? spanNames() : undefined), {
      timeoutMs: 30_000,
      what: `spans named ${expected.join(', ')}`,
    }).catch(() => spanNames());
    expect(names).toEqual(expect.arrayContaining(expected));
    expect(posts.length).toBeGreaterThan(0);
    expect(posts[0]).toMatchObject({ url: '/v1/traces', contentType: expect.stringMatching(/^application\/json/) });
  });
});
