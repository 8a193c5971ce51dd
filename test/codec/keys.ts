import { generateKeyMaterial, parseKeyRingSpec, type KeyRing } from '../../src/codec/key-ring';

/** Fresh random keys per test run: nothing secret is ever committed, and no test can depend on fixed key bytes. */
export const materialA = generateKeyMaterial();
export const materialB = generateKeyMaterial();

export const ringWithA: KeyRing = parseKeyRingSpec(`key-a:${materialA}`, 'key-a');
export const ringWithB: KeyRing = parseKeyRingSpec(`key-b:${materialB}`, 'key-b');
/** After rotation: B encrypts, A still decrypts what it encrypted before. */
export const ringRotatedToB: KeyRing = parseKeyRingSpec(`key-a:${materialA},key-b:${materialB}`, 'key-b');
