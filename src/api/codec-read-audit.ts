import { namespaceSchema, type ReadAuditSink } from '../access/read-audit';
import type { CodecDecode } from '../codec/codec-server';

const CODEC_DECODE_ROUTE = 'POST /codec/decode';

/**
 * Puts each decode through the codec endpoint in the read audit: who, when, how many payloads and the
 * namespace the caller named. A namespace header that is no namespace name is left out rather than
 * stored: it is the caller's text, and the decode itself is still recorded.
 */
export function recordCodecDecodes(reads: ReadAuditSink): (decode: CodecDecode) => Promise<void> {
  return async ({ principalId, namespace, payloads }) => {
    // The API's authorizer names everyone it lets decode; a decode nobody could answer for must not happen.
    if (principalId === undefined) throw new Error('a codec decode reached the read audit without a caller');
    const named = namespaceSchema.safeParse(namespace);
    await reads.record({
      actor: principalId,
      via: 'codec',
      route: CODEC_DECODE_ROUTE,
      detail: { payloads, ...(named.success ? { namespace: named.data } : {}) },
    });
  };
}
