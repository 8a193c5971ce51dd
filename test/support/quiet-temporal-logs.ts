import { DefaultLogger, Runtime } from '@temporalio/worker';

// Worker state chatter at INFO drowns test failures; warnings and errors still show.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed in this process by an earlier test file.
}
