import { z } from 'zod';

/**
 * Identifiers end up in workflow IDs, search attributes and register entries, which are not encrypted.
 * Their formats leave no room for a name: case numbers are codes, staff and offices are ids.
 */
export const caseNumberSchema = z
  .string()
  .regex(
    /^[A-Z]{2}-[A-Z]{2,5}-\d{4}-\d{3,6}$/,
    'expected a case number like RU-TA-2016-0042 (jurisdiction, procedure code, year, serial)',
  );

export const staffIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'expected a staff id (lower-case letters, digits, . _ -), not a name');

export const officeIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'expected an office id (lower-case letters, digits, . _ -)');

export const jurisdictionSchema = z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code such as RU');

export const procedureSchema = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'expected a procedure id such as temporary-asylum');

/** The case's identity outside the encrypted payloads: the same for every run of its workflow. */
export function caseIdOf(caseNumber: string): string {
  return `case-${caseNumber}`;
}
