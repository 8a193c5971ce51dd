import { z } from 'zod';

/** How long a token lasts unless its issuer says otherwise: long enough for a script, short enough that a forgotten one dies. */
export const DEFAULT_TOKEN_LIFETIME_DAYS = 90;
export const MAX_TOKEN_LIFETIME_DAYS = 366;

export const tokenLifetimeDaysSchema = z.coerce
  .number({ error: 'must be a whole number of days' })
  .int('must be a whole number of days')
  .min(1, 'must be at least 1 day')
  .max(MAX_TOKEN_LIFETIME_DAYS, `must be at most ${MAX_TOKEN_LIFETIME_DAYS} days: issue a new token when it runs out`);
