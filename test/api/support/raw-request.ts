import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method: 'GET' | 'POST' | 'DELETE' | 'OPTIONS';
  path: string;
  headers?: Record<string, string>;
  /** A body that declares `declaredBytes` but sends only `sent` of them, so that a server reading it must wait forever. */
  partialBody?: { declaredBytes: number; sent: Buffer };
  /** A whole body, sent as given. */
  body?: Buffer;
}

/** How long a server may take to answer before the request counts as left waiting: far more than any answer needs. */
const ANSWER_WITHIN_MS = 10_000;

/**
 * One HTTP request with what `fetch` cannot send: a `Host` header of our choosing, or a body that
 * stops short of its `Content-Length`. A server that answers such a request answered without
 * reading the body; one that reads first never answers, and the request fails saying so.
 */
export function rawRequest(baseUrl: string, request: RawRequest): Promise<RawResponse> {
  const url = new URL(request.path, baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        agent: false,
        headers: {
          ...(request.partialBody ? { 'content-length': String(request.partialBody.declaredBytes) } : {}),
          ...(request.body ? { 'content-length': String(request.body.length) } : {}),
          ...request.headers,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          clearTimeout(timer);
          outgoing.destroy();
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text });
        });
      },
    );
    const timer = setTimeout(() => {
      outgoing.destroy();
      reject(new Error(`${request.method} ${request.path} got no answer within ${ANSWER_WITHIN_MS} ms: the server waited for the rest of the body`));
    }, ANSWER_WITHIN_MS);
    outgoing.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    if (request.partialBody) outgoing.write(request.partialBody.sent);
    else outgoing.end(request.body);
  });
}
