/** Where a command writes: the process's streams in `docket`, buffers in tests and embeddings. */
export interface CliIo {
  /** Results (human text or JSON). */
  out(text: string): void;
  /** Errors and diagnostics. */
  err(text: string): void;
}

export const EXIT_OK = 0;
/** Something failed that the caller's input did not cause. */
export const EXIT_FAILURE = 1;
/** The command line or its values were wrong; nothing was done. */
export const EXIT_USAGE = 2;

/** A bad command line. The dispatcher prints its message with a pointer to `--help` and exits with EXIT_USAGE. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function line(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(line(text)),
  err: (text) => void process.stderr.write(line(text)),
};

export interface BufferedIo extends CliIo {
  readonly stdout: string;
  readonly stderr: string;
}

/** Collects what a command writes, for tests and for callers that show the output elsewhere. */
export function createBufferedIo(): BufferedIo {
  let stdout = '';
  let stderr = '';
  return {
    out: (text) => void (stdout += line(text)),
    err: (text) => void (stderr += line(text)),
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}
