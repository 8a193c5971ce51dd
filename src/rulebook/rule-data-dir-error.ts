import { ConfigError } from '../config';

/** The organisation's rule data directory cannot be used; the message names the file and what is wrong in it. */
export class RuleDataDirError extends ConfigError {
  override name = 'RuleDataDirError';
}
