import { RulesError } from '../errors';
import { loadRulePack } from '../pack/load-pack';
import { eventSummaries } from '../pack/event-summaries';
import { BUILT_IN_PROCEDURES } from '../procedures';
import { loadLifecycle, type ProcedureLifecycle } from './load-lifecycle';

/**
 * The shipped procedures' lifecycles, for the case workflow. The workflow sandbox evaluates its modules
 * once per case, so this reads only the one procedure a case asks for, with its pack, and never the
 * calendars, which only the rules engine in the activities needs. The answers are the engine's
 * `lifecycleOf` (a test holds the two equal).
 */
const loaded = new Map<string, ProcedureLifecycle>();

export function builtInLifecycle(jurisdiction: string, procedure: string): ProcedureLifecycle {
  const code = jurisdiction.trim().toUpperCase();
  const key = `${code}/${procedure.trim()}`;
  const known = loaded.get(key);
  if (known) return known;
  const inJurisdiction = BUILT_IN_PROCEDURES.filter((entry) => entry.pack.jurisdiction === code);
  if (inJurisdiction.length === 0) {
    const codes = [...new Set(BUILT_IN_PROCEDURES.map((entry) => entry.pack.jurisdiction))];
    throw new RulesError('unknown-jurisdiction', `unknown jurisdiction "${jurisdiction}"; known: ${codes.join(', ')}`, 'jurisdiction');
  }
  const entry = inJurisdiction.find((candidate) => candidate.pack.procedure === procedure.trim());
  if (!entry) {
    const procedures = inJurisdiction.map((candidate) => candidate.pack.procedure).join(', ');
    throw new RulesError('unknown-procedure', `unknown procedure "${procedure}" for ${code}; known: ${procedures}`, 'procedure');
  }
  const pack = loadRulePack(entry.pack);
  const lifecycle = loadLifecycle(entry.lifecycle, pack, eventSummaries(pack));
  loaded.set(key, lifecycle);
  return lifecycle;
}
