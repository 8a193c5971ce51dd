import { CaseClient } from '../../src/client/case-client';
import type { OpenCliServices } from '../../src/cli/commands/services';
import { loadConfig } from '../../src/config';
import type { ApiEngine } from '../api/support/api-engine';

/** The CLI's services as the operator has them (the engine's own Temporal client and database), over a test engine. */
export function operatorServices(engine: ApiEngine): OpenCliServices {
  const cases = new CaseClient({ client: engine.env.client, namespace: 'default', taskQueue: engine.taskQueue, audit: engine.access.audit, staff: engine.access.staff, applicantIndex: engine.applicantIndex, via: 'cli' });
  const services = {
    config: loadConfig({ API_PUBLIC_URL: 'https://docket.example.org' }),
    access: engine.access,
    escalated: engine.escalated,
    staff: engine.runtime.staff,
    computations: engine.runtime.computations,
    rulebook: async () => engine.runtime.rulebook,
    cases: async () => cases,
    close: async () => undefined,
  };
  return async () => services;
}
