import type { z } from 'zod';
import { RegisterInputError } from './errors';

/** Validates a write at the register's boundary; the error names each wrong field. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(value)'}: ${issue.message}`);
  throw new RegisterInputError(`Invalid ${what}: ${problems.join('; ')}`);
}
