import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { CaseListItem } from '../../client/case-listing';
import { dueDateOf } from '../../client/due-date';
import { deadlineKindTitle } from '../../reports/deadline-kind-title';
import type { DeskLanguage } from '../desk/desk-language';
import type { MessageKey } from '../desk/i18n/messages-en';
import { translator, type Translator } from '../desk/i18n/translator';

/**
 * What the export carries: the listing's own columns, from the search attributes. No applicant data for
 * any role: a file leaves every control the engine has (read audit, sessions, roles), and the pseudonym
 * is on the case page, whose every read is audited.
 */
const COLUMNS = [
  { key: 'caseNumber', header: 'case number', label: 'column.case' },
  { key: 'stage', header: 'stage', label: 'column.stage' },
  { key: 'office', header: 'office', label: 'column.office' },
  { key: 'caseworker', header: 'caseworker', label: 'column.caseworker' },
  { key: 'nextDeadlineKind', header: 'next deadline', label: 'column.nextDeadline' },
  { key: 'nextDeadlineDue', header: 'next deadline due', label: 'column.dueDate' },
  { key: 'protectedUntil', header: 'protected until', label: 'column.protectedUntil' },
] as const satisfies readonly { key: string; header: string; label: MessageKey }[];
type CsvRow = Record<(typeof COLUMNS)[number]['key'], string>;

/** Characters a spreadsheet reads as the start of a formula (OWASP's list): such a cell is prefixed with ' and stays text. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * A row for scripts (codes and ISO dates, as the API has them) or, with a translator, for people: the
 * stage and deadline in words and the dates as that language writes them, as the desk shows them.
 */
function csvRow(item: CaseListItem, t: Translator | undefined): CsvRow {
  // The last protected day, as staff count it, like the deadline's due date.
  const protectedDay = item.protectedUntil ? dueDateOf(item.protectedUntil, item.jurisdiction) : undefined;
  const day = (date: string | undefined) => (date === undefined ? '' : t?.language === 'ru' ? t.date(date) : date);
  const kind = item.nextDeadline?.kind;
  const row: CsvRow = {
    caseNumber: item.caseNumber,
    stage: t ? t.t(`stage.${item.stage}`) : item.stage,
    office: item.office,
    caseworker: item.caseworker,
    nextDeadlineKind: kind === undefined ? '' : t ? (deadlineKindTitle(item.jurisdiction, item.procedure, kind)?.[t.language] ?? kind) : kind,
    nextDeadlineDue: day(item.nextDeadline?.dueDate),
    protectedUntil: day(protectedDay),
  };
  return Object.fromEntries(Object.entries(row).map(([key, cell]) => [key, guardFormula(cell)])) as CsvRow;
}

async function* csvRows(items: AsyncIterable<CaseListItem> | Iterable<CaseListItem>, t: Translator | undefined): AsyncGenerator<CsvRow> {
  for await (const item of items) yield csvRow(item, t);
}

/**
 * The cases as CSV, row by row as they come: UTF-8 with a byte order mark, without which Excel reads
 * the file in the machine's ANSI code page and Cyrillic turns to mojibake. A failure half-way destroys
 * the stream, so the download breaks off rather than looking complete. With a language, the headers,
 * stages and deadlines are in it (the desk's export); without, they are the API's codes, for scripts.
 */
export function caseListCsv(items: AsyncIterable<CaseListItem> | Iterable<CaseListItem>, language?: DeskLanguage): Readable {
  const t = language === undefined ? undefined : translator(language);
  const columns = COLUMNS.map(({ key, header, label }) => ({ key, header: t ? t.t(label) : header }));
  return pipeline(Readable.from(csvRows(items, t)), stringify({ bom: true, header: true, columns }), () => undefined);
}
