/**
 * Runs async work one piece at a time. Update handlers await the rules engine between deciding and
 * committing; without this, two commands (or a command and the clock) could decide on the same state
 * and the later commit would drop the earlier one.
 */
export class Serializer {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
