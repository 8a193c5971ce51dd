/**
 * The clients of bench/large-bodies.ts, in a process of their own so that writing the bodies does not
 * slow the server being measured: `clients` uploads of a decode request of about `megabytes` each, kept
 * in flight to 127.0.0.1:`port` until the parent sends 'stop'; then the count of each answer goes back.
 * The token, if any, comes in FLOOD_TOKEN, so that it shows in no process listing.
 */
import http from 'node:http';
import { z } from 'zod';

const [port, clients, megabytes] = z
  .tuple([z.coerce.number().int(), z.coerce.number().int(), z.coerce.number()])
  .parse(process.argv.slice(2));
const token = process.env.FLOOD_TOKEN;

/** One unencrypted payload, so that a server that reads it parses valid JSON of the full size. */
const data = Buffer.alloc(Math.floor(((megabytes * 1024 * 1024) / 4) * 3), 'a').toString('base64');
const body = Buffer.from(JSON.stringify({ payloads: [{ metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data }] }));

/** The status, or 'cut' when the server closed the connection before any answer arrived. */
function upload(): Promise<string> {
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/codec/decode',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': body.length, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(String(response.statusCode)));
        response.on('error', () => resolve(String(response.statusCode)));
      },
    );
    request.on('error', () => resolve('cut'));
    request.end(body);
  });
}

let stopped = false;
process.on('message', (message) => {
  if (message === 'stop') stopped = true;
});
const answers: Record<string, number> = {};
void Promise.all(
  Array.from({ length: clients }, async () => {
    while (!stopped) {
      const answer = await upload();
      answers[answer] = (answers[answer] ?? 0) + 1;
    }
  }),
).then(() => {
  process.send?.({ answers, bodyBytes: body.length });
  process.disconnect?.();
});
