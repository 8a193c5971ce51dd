import type { DataConverter } from '@temporalio/common';
import { EncryptionCodec } from './encryption-codec';
import type { KeyRing } from './key-ring';

/**
 * The one data converter every client and worker uses. A worker that bundles its workflows ahead
 * of time must pass the same `failureConverterPath` to `bundleWorkflowCode`.
 */
export function createDataConverter(keyRing: KeyRing): DataConverter {
  return {
    payloadCodecs: [new EncryptionCodec(keyRing)],
    failureConverterPath: require.resolve('./failure-converter'),
  };
}
