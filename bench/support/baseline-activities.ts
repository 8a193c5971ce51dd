/** The one activity of the baseline timer workflow. */
export interface BaselineActivities {
  /** The wall-clock time (ms) at which the activity ran on the worker. */
  stampTime(): Promise<number>;
}

export const baselineActivities: BaselineActivities = {
  stampTime: async () => Date.now(),
};
