import type { WorkerMemory } from '../support/worker-messages';

export interface MemoryResult {
  /** After the first few idle workflows, once the worker has settled from bundling its workflows. */
  idle: WorkerMemory;
  /** After the warm-up: only idle baseline workflows cached. */
  withBaselineWorkflows: WorkerMemory;
  /** At the end of the population: every case (and the baseline workflows) cached. */
  withCases: WorkerMemory;
  /**
   * Resident memory each cached idle workflow adds: the floor any cached workflow costs. Undefined when
   * the warm-up did not grow the resident set at all: a few hundred idle workflows can stay within what
   * the allocator returns after the worker's start.
   */
  bytesPerBaselineWorkflow: number | undefined;
  /** Resident memory each cached case adds, net of the baseline workflows started between the two readings when their cost is known. */
  bytesPerCase: number | undefined;
}

export function memoryResult(idle: WorkerMemory, withBaselineWorkflows: WorkerMemory, withCases: WorkerMemory): MemoryResult {
  const baselineAdded = withBaselineWorkflows.cachedBaselineWorkflows - idle.cachedBaselineWorkflows;
  const baselineGrowth = withBaselineWorkflows.rssBytes - idle.rssBytes;
  const bytesPerBaselineWorkflow = baselineAdded > 0 && baselineGrowth > 0 ? baselineGrowth / baselineAdded : undefined;
  const casesAdded = withCases.cachedCases - withBaselineWorkflows.cachedCases;
  const laterBaseline = withCases.cachedBaselineWorkflows - withBaselineWorkflows.cachedBaselineWorkflows;
  const bytesPerCase =
    casesAdded > 0 ? (withCases.rssBytes - withBaselineWorkflows.rssBytes - laterBaseline * (bytesPerBaselineWorkflow ?? 0)) / casesAdded : undefined;
  return { idle, withBaselineWorkflows, withCases, bytesPerBaselineWorkflow, bytesPerCase };
}
