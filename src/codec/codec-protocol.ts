import type { Payload, PayloadCodec } from '@temporalio/common';
import { z } from 'zod';
import { describeIssues } from '../errors/zod-issues';

/**
 * Temporal's remote codec protocol, as the Web UI and `temporal --codec-endpoint` speak it:
 * `POST .../encode` or `.../decode` with `{"payloads":[{"metadata":{"k":"<base64>"},"data":"<base64>"}]}`
 * and the same shape back. Framework-neutral, so any HTTP server can mount it.
 */
export type CodecOperation = 'encode' | 'decode';

export class CodecRequestError extends Error {
  override name = 'CodecRequestError';
}

const base64 = z.base64('must be base64');

const jsonPayloadSchema = z.object({
  metadata: z.record(z.string(), base64).default({}),
  data: base64.default(''),
});

const codecRequestSchema = z.object(
  { payloads: z.array(jsonPayloadSchema, 'must be an array of payloads') },
  'the body must be a JSON object {"payloads":[...]}',
);

export interface JsonPayload {
  metadata: Record<string, string>;
  data: string;
}

export interface CodecResponseBody {
  payloads: JsonPayload[];
}

function fromJson(payload: z.infer<typeof jsonPayloadSchema>): Payload {
  return {
    metadata: Object.fromEntries(Object.entries(payload.metadata).map(([key, value]) => [key, Buffer.from(value, 'base64')])),
    data: Buffer.from(payload.data, 'base64'),
  };
}

function toJson(payload: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value).toString('base64')]),
    ),
    data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
  };
}

/**
 * Validates a request body and runs it through the codec. Throws `CodecRequestError` for a body
 * that does not follow the protocol; the codec's own errors (an unknown key id) pass through.
 */
export async function handleCodecRequest(
  codec: PayloadCodec,
  operation: CodecOperation,
  body: unknown,
): Promise<CodecResponseBody> {
  const parsed = codecRequestSchema.safeParse(body);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues, {});
    throw new CodecRequestError(`Invalid codec request: ${problems.join('; ')}`);
  }
  const payloads = parsed.data.payloads.map(fromJson);
  const result = operation === 'encode' ? await codec.encode(payloads) : await codec.decode(payloads);
  return { payloads: result.map(toJson) };
}
