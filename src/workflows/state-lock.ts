/**
 * A lock on the case state: one piece of async work holds it at a time, in the order they asked.
 * Update handlers await the rules engine between deciding and committing; without the lock, two
 * commands (or a command and the clock) could decide on the same state and the later commit would
 * drop the earlier one.
 */
export class StateLock {
  private tail: Promise<unknown> = Promise.resolve();

  withLock<T>(work: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
