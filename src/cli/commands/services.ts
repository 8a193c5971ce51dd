import { openAccess } from '../../access/open-access';
import type { AccessStore } from '../../access';
import type { CaseClient } from '../../client/case-client';
import { connectCases } from '../../client/connect';
import { RegisterEscalatedCases, type EscalatedCases } from '../../store/escalated-cases';
import { loadConfig, type DocketConfig } from '../../config';
import { Rulebook } from '../../rulebook';
import { CaseComputations, RuleDataArchive, type StaffDirectory } from '../../store';

/**
 * What the CLI's commands work with. The CLI talks to Temporal directly (TEMPORAL_ADDRESS and the
 * encryption keys from the same environment as the engine) and to the register database for tokens,
 * feeds, the audit trail and escalations. Temporal is connected only when a command needs cases.
 */
export interface CliServices {
  config: DocketConfig;
  access: AccessStore;
  escalated: EscalatedCases;
  staff: StaffDirectory;
  /** What each running case's events hold now, for the rule impact report. */
  computations: CaseComputations;
  /** The rule data installed (DOCKET_RULES_DIR over the shipped data), its versions archived in the register. */
  rulebook(): Promise<Rulebook>;
  cases(): Promise<CaseClient>;
  close(): Promise<void>;
}

export type OpenCliServices = () => Promise<CliServices>;

export const openCliServices: OpenCliServices = async () => {
  const config = loadConfig();
  const { handle, access } = await openAccess(config);
  let connected: Awaited<ReturnType<typeof connectCases>> | undefined;
  let rulebook: Promise<Rulebook> | undefined;
  const now = () => new Date();
  return {
    config,
    access,
    escalated: new RegisterEscalatedCases(handle.db),
    staff: access.staff,
    computations: new CaseComputations(handle.db, now),
    rulebook: () =>
      (rulebook ??= Rulebook.open({ dir: config.rulesDir, archive: new RuleDataArchive(handle.db, now) })),
    cases: async () => {
      connected ??= await connectCases(config, access, 'cli');
      return connected.cases;
    },
    close: async () => {
      await connected?.close();
      await handle.close();
    },
  };
};

/** Opens the services, runs the work, and always closes them. */
export async function usingServices<T>(open: OpenCliServices, work: (services: CliServices) => Promise<T>): Promise<T> {
  const services = await open();
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}
