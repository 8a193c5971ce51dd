import { z } from 'zod';
import { isLocalDate } from './local-date';
import { LocalizedTextSchema } from './localized-text';

/** One change to a rule pack or calendar: what changed, from when, and on whose authority (the statute, decree or review). */
export const ChangeEntrySchema = z.object({
  label: z.string().regex(/^[0-9A-Za-z.-]{1,40}$/, 'a short label such as 2026.12-1'),
  effectiveFrom: z.string().refine(isLocalDate, 'expected an existing date as YYYY-MM-DD'),
  change: LocalizedTextSchema,
  authority: LocalizedTextSchema,
});
export type ChangeEntry = z.output<typeof ChangeEntrySchema>;
export type ChangeEntryInput = z.input<typeof ChangeEntrySchema>;

/** Every pack and calendar keeps its changes, oldest first; the last one names the version. */
export const ChangelogSchema = z.array(ChangeEntrySchema).default([]);
