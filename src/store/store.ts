import { CaseComputations } from './case-computations';
import { CaseRegister } from './case-register';
import { RegisterEscalatedCases, type EscalatedCases } from './escalated-cases';
import { openRegisterDatabase, pingRegister, type OpenRegisterOptions, type StoreDialect } from './database';
import { Outbox } from './outbox';
import { RuleDataArchive } from './rule-data-archive';
import { StaffDirectory } from './staff-directory';

export interface Store {
  dialect: StoreDialect;
  register: CaseRegister;
  staff: StaffDirectory;
  outbox: Outbox;
  escalated: EscalatedCases;
  ruleData: RuleDataArchive;
  computations: CaseComputations;
  /** Answers when the database does (the readiness check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens and migrates the database and returns its repositories, all sharing one pool and one clock. */
export async function openStore(options: OpenRegisterOptions, now: () => Date = () => new Date()): Promise<Store> {
  const handle = await openRegisterDatabase(options);
  return {
    dialect: handle.dialect,
    register: new CaseRegister(handle.db, now),
    staff: new StaffDirectory(handle.db, now),
    outbox: new Outbox(handle.db, now),
    escalated: new RegisterEscalatedCases(handle.db),
    ruleData: new RuleDataArchive(handle.db, now),
    computations: new CaseComputations(handle.db, now),
    ping: () => pingRegister(handle),
    close: handle.close,
  };
}
