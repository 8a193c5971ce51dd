import net from 'node:net';

/**
 * Installed by jest.unit.config.js, so that `npm run test:unit` holds to what it promises: a suite in
 * it that listens on a port, connects to a server or starts a Temporal test server fails at once, saying
 * so, instead of slowing the lane down or passing only while some server happens to be around.
 */
function refuse(what: string): never {
  throw new Error(`${what}: the suites of npm run test:unit need no server, so this one belongs in npm test only (UNIT_SUITES in jest.unit.config.js)`);
}

net.Server.prototype.listen = () => refuse('listening on a port');
net.Socket.prototype.connect = () => refuse('connecting to a server');

// The SDK's test servers are started by its native core, out of reach of `net`; patched only where a suite loads the SDK.
jest.mock('@temporalio/testing', () => {
  const sdk = jest.requireActual<typeof import('@temporalio/testing')>('@temporalio/testing');
  for (const start of ['createLocal', 'createTimeSkipping', 'createFromExistingServer'] as const) {
    sdk.TestWorkflowEnvironment[start] = () => refuse(`starting a Temporal test server (TestWorkflowEnvironment.${start})`);
  }
  return sdk;
});
