import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { CaseListItem } from '../../client/case-listing';
import { dueDateOf } from '../../client/due-date';

/**
 * What the export carries: the listing's own columns, from the search attributes. No applicant data for
 * any role: a file leaves every control the engine has (read audit, sessions, roles), and the pseudonym
 * is on the case page, whose every read is audited.
 */
const COLUMNS = [
  { key: 'caseNumber', header: 'case number' },
  { key: 'stage', header: 'stage' },
  { key: 'office', header: 'office' },
  { key: 'caseworker', header: 'caseworker' },
  { key: 'nextDeadlineKind', header: 'next deadline' },
  { key: 'nextDeadlineDue', header: 'next deadline due' },
  { key: 'protectedUntil', header: 'protected until' },
] as const;
type CsvRow = Record<(typeof COLUMNS)[number]['key'], string>;

/** Characters a spreadsheet reads as the start of a formula (OWASP's list): such a cell is prefixed with ' and stays text. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function csvRow(item: CaseListItem): CsvRow {
  const row: CsvRow = {
    caseNumber: item.caseNumber,
    stage: item.stage,
    office: item.office,
    caseworker: item.caseworker,
    nextDeadlineKind: item.nextDeadline?.kind ?? '',
    nextDeadlineDue: item.nextDeadline?.dueDate ?? '',
    // The last protected day, as staff count it, like the deadline's due date.
    protectedUntil: item.protectedUntil ? dueDateOf(item.protectedUntil, item.jurisdiction) : '',
  };
  return Object.fromEntries(Object.entries(row).map(([key, cell]) => [key, guardFormula(cell)])) as CsvRow;
}

async function* csvRows(items: AsyncIterable<CaseListItem> | Iterable<CaseListItem>): AsyncGenerator<CsvRow> {
  for await (const item of items) yield csvRow(item);
}

/**
 * The cases as CSV, row by row as they come: UTF-8 with a byte order mark, without which Excel reads
 * the file in the machine's ANSI code page and Cyrillic turns to mojibake. A failure half-way destroys
 * the stream, so the download breaks off rather than looking complete.
 */
export function caseListCsv(items: AsyncIterable<CaseListItem> | Iterable<CaseListItem>): Readable {
  return pipeline(Readable.from(csvRows(items)), stringify({ bom: true, header: true, columns: [...COLUMNS] }), () => undefined);
}
