/** Payload encryption for clients, workers and the codec endpoints; see docs/privacy.md. */
export { createDataConverter } from './data-converter';
export { EncryptionCodec, PayloadDecryptionError, ENCRYPTED_ENCODING, KEY_ID_METADATA_KEY } from './encryption-codec';
export {
  type KeyRing,
  type KeyRingSource,
  KeyRingError,
  loadKeyRing,
  loadOrCreateDevKeyRing,
  parseKeyRingSpec,
  readKeyRingFile,
  generateKeyMaterial,
} from './key-ring';
export { type CodecOperation, CodecRequestError, handleCodecRequest } from './codec-protocol';
export {
  type CodecAccess,
  type CodecAuthorizer,
  type CodecEndpointOptions,
  type CodecPrincipal,
  codecEndpoints,
  startCodecServer,
} from './codec-server';
