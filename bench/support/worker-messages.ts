import { z } from 'zod';

/** What the benchmark harness and its worker process say to each other over the IPC channel. */
export const toWorkerSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('measure-memory') })]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

export const workerMemorySchema = z.object({
  /** Resident set size of the whole process (main thread, workflow threads, the SDK's native core). */
  rssBytes: z.number(),
  /** V8 heap of the main thread, after a full garbage collection. */
  heapUsedBytes: z.number(),
  cachedCases: z.number(),
  cachedBaselineWorkflows: z.number(),
});
export type WorkerMemory = z.infer<typeof workerMemorySchema>;

export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('memory'), memory: workerMemorySchema }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;
