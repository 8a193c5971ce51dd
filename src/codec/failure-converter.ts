import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Error messages and stack traces may quote case data, and by default Temporal stores them as
 * plain text. With `encodeCommonAttributes` they travel inside a payload, which the encryption
 * codec encrypts like any other. Loaded by path (`failureConverterPath`) into the workflow bundle.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
