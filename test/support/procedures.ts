import { listJurisdictions } from '../../src/rules';

/** Every procedure the engine ships, as [jurisdiction, procedure]: a new pack is covered by the tests that walk them. */
export const BUILT_IN_PROCEDURES: ReadonlyArray<readonly [string, string]> = listJurisdictions().flatMap((jurisdiction) =>
  jurisdiction.procedures.map((procedure) => [jurisdiction.code, procedure] as const),
);
