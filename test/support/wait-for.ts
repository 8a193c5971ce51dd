export interface WaitForOptions {
  /** How long the condition may take before the wait fails. Generous: it only matters when the product is wrong. */
  timeoutMs: number;
  /** What is awaited, for the failure message: "the outbox to hold the escalation". */
  what: string;
  intervalMs?: number;
}

/**
 * Waits for something the test cannot be told about directly (a visibility index, a background
 * delivery, a connection the server dropped) by asking until `check` returns a value other than
 * undefined or false, and returns that value. A check that throws counts as "not yet", so it can read
 * from something still catching up; the last error is part of the failure.
 */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, options: WaitForOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`waited ${options.timeoutMs} ms for ${options.what} in vain${lastError ? `; the last check failed with: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}
