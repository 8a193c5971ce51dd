import { listEvents, type LocalizedText } from '../rules';

const titlesByProcedure = new Map<string, ReadonlyMap<string, LocalizedText>>();

function titlesOf(jurisdiction: string, procedure: string): ReadonlyMap<string, LocalizedText> {
  try {
    // The first rule of a kind names it; later versions of a rule keep the kind's meaning.
    const deadlines = listEvents(jurisdiction, procedure).flatMap((event) => event.deadlines);
    return new Map(deadlines.reverse().map((deadline) => [deadline.kind, deadline.title]));
  } catch {
    // A case of a procedure today's packs do not know (see the README's known limit) keeps its kind's id.
    return new Map();
  }
}

/**
 * The title staff read for a kind of deadline, as the procedure's pack names it: a listing has only the
 * kind from the search attributes (`decision-due`), not the deadline itself.
 */
export function deadlineKindTitle(jurisdiction: string, procedure: string, kind: string): LocalizedText | undefined {
  const key = `${jurisdiction}/${procedure}`;
  let titles = titlesByProcedure.get(key);
  if (titles === undefined) {
    titles = titlesOf(jurisdiction, procedure);
    titlesByProcedure.set(key, titles);
  }
  return titles.get(kind);
}
