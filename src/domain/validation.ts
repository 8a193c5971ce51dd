import type { z } from 'zod';

/** Reads input with a schema, or says in one message what was wrong with it and where. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  what: string,
): { ok: true; value: z.infer<S> } | { ok: false; reason: string } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'input'}: ${issue.message}`);
  return { ok: false, reason: `invalid ${what}: ${problems.join('; ')}` };
}
