import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';
import type { TemporalTarget } from '../config';

/** TLS and API-key options shared by the client connection and the worker's native connection. */
export function connectionOptions(target: TemporalTarget): { address: string; tls?: TLSConfig | boolean; apiKey?: string } {
  const tls = target.tls;
  return {
    address: target.address,
    ...(tls
      ? {
          tls:
            tls.certPath || tls.caPath || tls.serverName
              ? {
                  ...(tls.serverName ? { serverNameOverride: tls.serverName } : {}),
                  ...(tls.caPath ? { serverRootCACertificate: readFileSync(tls.caPath) } : {}),
                  ...(tls.certPath && tls.keyPath
                    ? { clientCertPair: { crt: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) } }
                    : {}),
                }
              : true,
        }
      : {}),
    ...(target.apiKey ? { apiKey: target.apiKey } : {}),
  };
}
