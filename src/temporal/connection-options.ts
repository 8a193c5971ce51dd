import type { Metadata } from '@temporalio/client';
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';
import { toClientOptions } from '@temporalio/envconfig';
import type { TemporalTarget } from '../config';

interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig | boolean | null;
  apiKey?: string;
  metadata?: Metadata;
}

/**
 * Options shared by the client connection and the worker's native connection. envconfig's own
 * conversion turns the profile into them, so TLS means here what it means to the Temporal CLI.
 */
export function connectionOptions(target: TemporalTarget): TemporalConnectionOptions {
  const { connectionOptions: options } = toClientOptions({
    address: target.address,
    tls: target.tls,
    apiKey: target.apiKey,
    grpcMeta: target.grpcMeta,
  });
  return { address: target.address, tls: options.tls, apiKey: options.apiKey, metadata: options.metadata };
}
