import os from 'node:os';

/**
 * Who is logged in to the machine that ran the CLI. `--as` is whatever the person typed; the login is
 * what the operating system vouches for, so the audit keeps both. A process with no name for its user
 * (a container without a passwd entry) is recorded by its numeric uid.
 */
export function operatingSystemUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return `uid:${process.getuid?.() ?? 'unknown'}`;
  }
}
