import type { FastifyInstance } from 'fastify';

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- assertions read arbitrary response shapes
}

/** Real HTTP against a listening server (Fastify's inject pulls an ES module jest cannot load). */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the API is not listening on a TCP port');
  return `http://127.0.0.1:${address.port}`;
}

export function httpClient(baseUrl: string) {
  return async function call(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    options: { token?: string; body?: unknown; rawBody?: string } = {},
  ): Promise<HttpResult> {
    const headers: Record<string, string> = {};
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(options.rawBody !== undefined ? { body: options.rawBody } : options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
  };
}
