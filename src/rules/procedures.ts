import { DE_ASYLUM } from './packs/de/asylum';
import { DE_ASYLUM_LIFECYCLE } from './packs/de/asylum.lifecycle';
import { RU_REFUGEE_STATUS } from './packs/ru/refugee-status';
import { RU_REFUGEE_STATUS_LIFECYCLE } from './packs/ru/refugee-status.lifecycle';
import { RU_TEMPORARY_ASYLUM } from './packs/ru/temporary-asylum';
import { RU_TEMPORARY_ASYLUM_LIFECYCLE } from './packs/ru/temporary-asylum.lifecycle';
import { UK_ASYLUM } from './packs/uk/asylum';
import { UK_ASYLUM_LIFECYCLE } from './packs/uk/asylum.lifecycle';
import { US_ASYLUM } from './packs/us/asylum';
import { US_ASYLUM_LIFECYCLE } from './packs/us/asylum.lifecycle';
import type { LifecycleInput } from './lifecycle/schema';
import type { RulePackInput } from './pack/schema';

/** The procedures the engine ships: each rule pack with the lifecycle table beside it. */
export const BUILT_IN_PROCEDURES: ReadonlyArray<{ pack: RulePackInput; lifecycle: LifecycleInput }> = [
  { pack: RU_TEMPORARY_ASYLUM, lifecycle: RU_TEMPORARY_ASYLUM_LIFECYCLE },
  { pack: RU_REFUGEE_STATUS, lifecycle: RU_REFUGEE_STATUS_LIFECYCLE },
  { pack: US_ASYLUM, lifecycle: US_ASYLUM_LIFECYCLE },
  { pack: DE_ASYLUM, lifecycle: DE_ASYLUM_LIFECYCLE },
  { pack: UK_ASYLUM, lifecycle: UK_ASYLUM_LIFECYCLE },
];

export function builtInProceduresOf(jurisdiction: string): { packs: RulePackInput[]; lifecycles: LifecycleInput[] } {
  const mine = BUILT_IN_PROCEDURES.filter((entry) => entry.pack.jurisdiction === jurisdiction);
  return { packs: mine.map((entry) => entry.pack), lifecycles: mine.map((entry) => entry.lifecycle) };
}
