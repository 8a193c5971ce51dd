import net from 'node:net';

/** How often a start is tried on fresh ports before its "address already in use" failure stands. */
const START_ATTEMPTS = 5;
/** Linux keeps a port in TIME_WAIT for 60 s; a held port's reservation is renewed well before that. */
const HOLD_RENEWAL_MS = 30_000;

/**
 * Starts a server that cannot bind port 0 and tell which port it got (the Temporal CLI dev server
 * needs a concrete --port and --ui-port; the engine bakes its API port into the Web UI's codec endpoint
 * before the API listens) on loopback ports that were free a moment ago, one per name. A moment ago is
 * not now: if the start fails with "address already in use", it is tried again on fresh ports, up to
 * START_ATTEMPTS times. Any other failure is thrown at once.
 */
export async function startOnFreePorts<Name extends string, T>(names: readonly Name[], start: (ports: Record<Name, number>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const ports = {} as Record<Name, number>;
    for (const name of names) ports[name] = await reservePort(0);
    try {
      return await start(ports);
    } catch (error) {
      if (!isAddressInUse(error) || attempt === START_ATTEMPTS) throw error;
    }
  }
}

/**
 * The failure of a start because a port was taken, as each server words it: Node's EADDRINUSE, the
 * Temporal CLI's "can't set frontend port N: ... bind: address already in use", and the dev server
 * launcher's own "Port N is already in use" (src/temporal/dev-server.ts).
 */
export function isAddressInUse(error: unknown): boolean {
  return /EADDRINUSE|already in use/.test(error instanceof Error ? error.message : String(error));
}

export interface PortHold {
  /** Resolves once no reservation listens on the port any more, so the server can bind it. */
  release(): Promise<void>;
}

/**
 * Keeps a port that one of our servers has just closed, and will bind again (a drill's outage), from
 * everyone else until `release()`: while the server is down nothing listens there, so connections are
 * refused as in a real outage, but the port is reserved, and renewed before the reservation lapses.
 */
export async function holdPort(port: number): Promise<PortHold> {
  await reservePort(port);
  let renewing: Promise<unknown> = Promise.resolve();
  const renewal = setInterval(() => (renewing = reservePort(port).catch(() => undefined)), HOLD_RENEWAL_MS);
  renewal.unref();
  return {
    release: async () => {
      clearInterval(renewal);
      await renewing;
    },
  };
}

/**
 * Leaves a loopback port (any free one for 0) in TIME_WAIT and returns it, as the Temporal SDK reserves
 * its servers' ports: the port is closed from the listening side first, so for a minute the kernel gives
 * it neither to another bind to port 0 nor to an outgoing connection, while a server that binds it by
 * number with SO_REUSEADDR (Node and Go both set it) still can; connections to it are refused meanwhile.
 * That makes a collision rare; the retry in startOnFreePorts handles the rest.
 */
export function reservePort(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    // Destroyed, not ended: a client of the held port's server (a worker reconnecting) may connect in
    // this instant and never close its side, and close() would wait for it.
    const server = net.createServer((accepted) => accepted.destroy());
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: reserved } = server.address() as net.AddressInfo;
      const client = net.connect(reserved, '127.0.0.1');
      client.once('error', reject);
      client.once('end', () => client.end());
      client.once('close', () => server.close(() => resolve(reserved)));
    });
  });
}
