import type { DocketConfig } from '../config';
import { loadKeyRing, loadOrCreateDevKeyRing, type KeyRing } from './key-ring';

/**
 * The key ring the configuration names: keys from the environment, a given key file, or (one machine,
 * nothing configured) the development key file that the first process to start creates.
 */
export function configuredKeyRing(config: DocketConfig): KeyRing {
  const { keys, currentKeyId, keyFile, keyFileGiven } = config.encryption;
  if (keys !== undefined) return loadKeyRing({ keys, currentKeyId });
  if (keyFileGiven) return loadKeyRing({ keyFile });
  return loadOrCreateDevKeyRing(keyFile);
}

/** Whether the engine runs on the development key file: fine on one machine, never for real cases. */
export function usesDevelopmentKey(config: DocketConfig): boolean {
  const { keys, keyFileGiven } = config.encryption;
  return keys === undefined && !keyFileGiven;
}
