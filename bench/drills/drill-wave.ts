import { measurePace, waveLead } from '../support/pace';
import { openWave, planWave, type Wave, type WavePlan } from '../support/reminder-wave';
import type { BenchStack } from '../support/stack';
import type { DrillLog, DrillResult } from './drill';

export interface DrillWave {
  plan: WavePlan;
  wave: Wave;
  /** Reminders that must arrive: the cases whose setup finished before their reminder fell due. */
  expected: number;
}

/**
 * Opens `cases` cases whose reminders fall due in the same minute, far enough ahead (plus `extraLeadMs`)
 * for all of them to be set up at the pace this machine shows now, and records the setup figures.
 */
export async function openDrillWave(
  stack: BenchStack,
  name: string,
  options: { cases: number; concurrency: number },
  figures: DrillResult['figures'],
  log: DrillLog,
  extraLeadMs = 0,
): Promise<DrillWave> {
  const msPerCase = await measurePace(stack, Math.min(50, options.cases), options.concurrency);
  const plan = planWave(Date.now() + waveLead(options.cases, msPerCase) + extraLeadMs);
  log(`${name}: opening ${options.cases} cases due ${new Date(plan.dueAtMs).toISOString()}`);
  const wave = await openWave(stack, options.cases, plan, options.concurrency);
  figures.cases = options.cases;
  figures.lateSetups = wave.lateCases;
  return { plan, wave, expected: options.cases - wave.lateCases };
}
