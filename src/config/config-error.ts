/** A configuration the engine refuses to start with; its message names the variable or setting at fault. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
