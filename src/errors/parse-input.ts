import type { z } from 'zod';
import { InvalidInputError } from './docket-errors';
import { describeIssues } from './zod-issues';

/** Validates with zod and throws an InvalidInputError naming each offending field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidInputError(`Invalid ${what}`, describeIssues(result.error.issues));
}
