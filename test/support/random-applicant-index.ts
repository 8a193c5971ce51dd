import { createSecretKey } from 'node:crypto';
import { ApplicantIndex } from '../../src/codec/applicant-index';
import { generateKeyMaterial } from '../../src/codec/key-ring';

/** An applicant index under a fresh key, so that no test can depend on fixed index values. */
export function randomApplicantIndex(): ApplicantIndex {
  return new ApplicantIndex(createSecretKey(Buffer.from(generateKeyMaterial(), 'base64')));
}
