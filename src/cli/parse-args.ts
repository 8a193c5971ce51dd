import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { z } from 'zod';
import { UsageError } from './io';
import { describeIssue } from '../errors/zod-issues';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `node:util` parseArgs in strict mode, with its errors (unknown option, missing value) as UsageErrors. */
export function parseOptions<O extends Options>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error));
  }
}

/** Validates parsed options with zod; the first problem becomes a UsageError naming the option. */
export function validateOptions<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (!issue) throw new UsageError('invalid options');
  throw new UsageError(describeIssue(issue, { nameOf: (path) => `--${path.map(String).join('.')}` }));
}

/** Reads repeated `name=value` options (e.g. `--fact validUntil=2017-05-26`) into a record. */
export function keyValues(option: string, entries: readonly string[] | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const entry of entries ?? []) {
    const separator = entry.indexOf('=');
    if (separator <= 0) throw new UsageError(`--${option} expects name=value, got "${entry}"`);
    const name = entry.slice(0, separator).trim();
    if (name in record) throw new UsageError(`--${option} ${name} is given twice`);
    record[name] = entry.slice(separator + 1).trim();
  }
  return record;
}
