export { openRegisterDatabase, pingRegister, type OpenRegisterOptions, type RegisterDatabaseHandle, type StoreDialect } from './database';
export { openStore, type Store } from './store';
export { RegisterEscalatedCases, type EscalatedCases } from './escalated-cases';
export { registerLocation } from './register-location';
export { OUTCOMES, type Outcome } from './outcomes';
export {
  CaseRegister,
  type CaseTrail,
  type DeliveryInput,
  type DeliveryFailureInput,
  type RecordedDelivery,
  type RecordedEntry,
  type RecordedDeadline,
} from './case-register';
export { STAFF_LANGUAGES, STAFF_ROLES, StaffDirectory, StaffExistsError, StaffNotFoundError, staffChangesSchema, staffMemberSchema, type StaffChanges, type StaffMember, type StaffMemberInput } from './staff-directory';
export { Outbox, type OutboxMessage, type OutboxEntry } from './outbox';
export { RegisterInputError, IdempotencyConflictError } from './errors';
export { parseInput } from './parse-input';
export type { AppendResult } from './append-once';
export { RuleDataArchive, type ArchivedRuleData } from './rule-data-archive';
export { CaseComputations, type CaseComputation } from './case-computations';
