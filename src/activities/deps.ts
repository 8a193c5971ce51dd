import type { DocketConfig } from '../config';
import type { Logger } from '../logging';
import { createNotifier, createOutboxChannel, createSmtpChannel, createWebhookChannel, senderDomain, type Notifier } from '../notify';
import { Rulebook } from '../rulebook';
import { openStore, registerLocation, type CaseComputations, type CaseRegister, type StaffDirectory, type Store } from '../store';

export type ActivityConfig = Pick<DocketConfig, 'dataDir' | 'databaseUrl' | 'smtp' | 'smtpFrom' | 'rulesDir'>;

/** What the case activities work with; tests pass real local ones (a temporary SQLite file, a loopback SMTP server). */
export interface ActivityDeps {
  register: CaseRegister;
  staff: StaffDirectory;
  notifier: Notifier;
  /** The installed rule data and the versions running cases are pinned to. */
  rulebook: Rulebook;
  /** Each case's current computations, which the rule impact report reads. */
  computations: CaseComputations;
  clock?: () => Date;
  logger?: Logger;
}

export interface ActivityRuntimeOptions {
  logger?: Logger;
  clock?: () => Date;
  /** Where webhook secrets come from, by the name stored with the staff member; the environment by default. */
  resolveSecret?: (secretRef: string) => string | undefined;
}

export interface ActivityRuntime extends ActivityDeps {
  store: Store;
  /** Closes the SMTP transport and the database; the worker calls it after it stopped. */
  close(): Promise<void>;
}

/**
 * The real dependencies of the activities: the register (PostgreSQL when `DATABASE_URL` is set, else
 * `<data dir>/register.sqlite`), migrated; the rule data (DOCKET_RULES_DIR over the shipped data); e-mail when `SMTP_URL` is set; webhooks for staff who have
 * one; the outbox for everyone else.
 */
export async function createActivityDeps(config: ActivityConfig, options: ActivityRuntimeOptions = {}): Promise<ActivityRuntime> {
  const clock = options.clock ?? (() => new Date());
  const store = await openStore(registerLocation(config), clock);
  let rulebook: Rulebook;
  try {
    rulebook = await Rulebook.open({ dir: config.rulesDir, archive: store.ruleData, ...(options.logger ? { logger: options.logger } : {}) });
  } catch (error) {
    await store.close();
    throw error;
  }
  const notifier = createNotifier({
    outbox: createOutboxChannel(store.outbox),
    ...(config.smtp ? { email: createSmtpChannel({ url: config.smtp.url, from: config.smtp.from }) } : {}),
    // Signatures are stamped with the wall clock, whatever the business clock says: receivers check freshness.
    webhook: createWebhookChannel(options.resolveSecret ? { resolveSecret: options.resolveSecret } : {}),
    messageIdDomain: senderDomain(config.smtp?.from ?? config.smtpFrom),
  });
  return {
    register: store.register,
    staff: store.staff,
    notifier,
    rulebook,
    computations: store.computations,
    clock,
    ...(options.logger ? { logger: options.logger } : {}),
    store,
    async close() {
      await notifier.close();
      await store.close();
    },
  };
}
