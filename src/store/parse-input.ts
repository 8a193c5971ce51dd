import type { z } from 'zod';
import { RegisterInputError } from './errors';
import { describeIssues } from '../errors/zod-issues';

/** Validates a write at the register's boundary; the error names each wrong field. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = describeIssues(result.error.issues, { whole: '(value)' });
  throw new RegisterInputError(`Invalid ${what}: ${problems.join('; ')}`);
}
