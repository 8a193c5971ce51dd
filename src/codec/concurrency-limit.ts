export interface Place {
  /** Settles when it is this holder's turn to run, or at once when it has left the line. */
  admitted: Promise<void>;
  /** Gives the place up, whether it is running or still waiting; a second call does nothing. */
  leave(): void;
}

/**
 * At most `maxRunning` holders at once and at most `maxWaiting` more in line, served in arrival order.
 * A full line turns newcomers away at once rather than letting them pile up.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly line: Array<() => void> = [];

  constructor(
    readonly maxRunning: number,
    readonly maxWaiting: number,
  ) {}

  /** A place now or in line; undefined when the line is full. */
  enter(): Place | undefined {
    if (this.running < this.maxRunning) {
      this.running += 1;
      return this.place('running');
    }
    if (this.line.length >= this.maxWaiting) return undefined;
    return this.place('waiting');
  }

  private place(initial: 'running' | 'waiting'): Place {
    let state: 'running' | 'waiting' | 'left' = initial;
    let admit = () => {};
    const admitted = initial === 'running' ? Promise.resolve() : new Promise<void>((resolve) => (admit = resolve));
    const turn = () => {
      state = 'running';
      admit();
    };
    if (initial === 'waiting') this.line.push(turn);
    return {
      admitted,
      leave: () => {
        if (state === 'waiting') this.line.splice(this.line.indexOf(turn), 1);
        if (state === 'running') this.handOver();
        if (state !== 'left') admit();
        state = 'left';
      },
    };
  }

  private handOver(): void {
    const next = this.line.shift();
    if (next) next();
    else this.running -= 1;
  }
}
