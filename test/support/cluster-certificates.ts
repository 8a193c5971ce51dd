import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';

const run = promisify(execFile);

/** The name in the frontend's certificate, which clients verify (TEMPORAL_TLS_SERVER_NAME). */
export const FRONTEND_SERVER_NAME = 'frontend.cluster.test';

export interface ClusterCertificates {
  caFile: string;
  serverCertFile: string;
  serverKeyFile: string;
  /** One client identity for the engine and the cluster's own system worker: the test trusts both alike. */
  clientCertFile: string;
  clientKeyFile: string;
  serverName: string;
  /** The same, as the Temporal SDK's connection options take them. */
  sdkTls(): TLSConfig;
}

/**
 * A throwaway certificate authority and the certificates mutual TLS needs, made with openssl in `dir`:
 * the frontend's (for FRONTEND_SERVER_NAME and 127.0.0.1) and a client's. Valid for two days.
 */
export async function makeClusterCertificates(dir: string): Promise<ClusterCertificates> {
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => run('openssl', args, { cwd: dir });
  await openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=docket test CA', '-keyout', file('ca.key'), '-out', file('ca.pem'));
  const issue = async (name: string, subject: string, extensions: string) => {
    writeFileSync(file(`${name}.ext`), extensions);
    await openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', subject, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`));
    await openssl('x509', '-req', '-in', file(`${name}.csr`), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-days', '2', '-extfile', file(`${name}.ext`), '-out', file(`${name}.pem`));
  };
  await issue('frontend', `/CN=${FRONTEND_SERVER_NAME}`, `subjectAltName=DNS:${FRONTEND_SERVER_NAME},IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n`);
  await issue('client', '/CN=asylum-docket engine', 'extendedKeyUsage=clientAuth\n');
  const certificates = {
    caFile: file('ca.pem'),
    serverCertFile: file('frontend.pem'),
    serverKeyFile: file('frontend.key'),
    clientCertFile: file('client.pem'),
    clientKeyFile: file('client.key'),
    serverName: FRONTEND_SERVER_NAME,
  };
  return {
    ...certificates,
    sdkTls: () => ({
      serverNameOverride: certificates.serverName,
      serverRootCACertificate: readFileSync(certificates.caFile),
      clientCertPair: { crt: readFileSync(certificates.clientCertFile), key: readFileSync(certificates.clientKeyFile) },
    }),
  };
}
