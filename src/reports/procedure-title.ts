import { listProcedures, type LocalizedText } from '../rules';

/** The procedure's name as its pack gives it, or nothing for a case of a procedure today's packs do not know (the README's known limit). */
export function procedureTitle(jurisdiction: string, procedure: string): LocalizedText | undefined {
  try {
    return listProcedures(jurisdiction).find((summary) => summary.procedure === procedure)?.title;
  } catch {
    return undefined;
  }
}
