import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../../src/notify';

export interface ReceivedWebhook {
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A real HTTP receiver that does what docs/webhooks.md tells receivers to do: verify the signature over
 * the raw body, refuse (401) what does not verify, and keep what does. `answers` scripts the statuses
 * of the next requests, e.g. [503, 503] for two failures before success.
 */
export class WebhookReceiver {
  readonly accepted: ReceivedWebhook[] = [];
  readonly refused: string[] = [];
  answers: number[] = [];
  private server: Server | undefined;
  private readonly pending = new Set<NodeJS.Timeout>();

  constructor(
    private readonly secret: string,
    private readonly delayMs = 0,
  ) {}

  url(path = '/hook'): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}${path}`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const timer = setTimeout(() => {
          this.pending.delete(timer);
          const raw = Buffer.concat(chunks);
          const verification = verifyWebhookSignature(this.secret, request.headers[SIGNATURE_HEADER.toLowerCase()] as string, raw, 300);
          if (!verification.valid) {
            this.refused.push(verification.reason);
            response.writeHead(401).end();
            return;
          }
          const status = this.answers.shift() ?? 204;
          if (status < 300) this.accepted.push({ body: JSON.parse(raw.toString('utf8')), headers: request.headers });
          response.writeHead(status).end();
        }, this.delayMs);
        this.pending.add(timer);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.pending.forEach(clearTimeout);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
