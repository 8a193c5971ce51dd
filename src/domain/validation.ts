import type { z } from 'zod';
import { describeIssues } from '../errors/zod-issues';

/** Reads input with a schema, or says in one message what was wrong with it and where. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  what: string,
): { ok: true; value: z.infer<S> } | { ok: false; reason: string } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = describeIssues(parsed.error.issues, { whole: 'input' });
  return { ok: false, reason: `invalid ${what}: ${problems.join('; ')}` };
}
