import { isGrpcServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import { CommandRejectedError, ConflictError, DocketError, ForbiddenError, NotFoundError, UnavailableError } from '../errors/docket-errors';
import { ACTOR_REFUSED } from '../workflows/messages';

/** gRPC status codes (fixed by the gRPC spec) that the client reports for these situations. */
const grpcStatus = { DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, FAILED_PRECONDITION: 9, UNAVAILABLE: 14 } as const;

/** Temporal's errors in the vocabulary the interfaces share, naming the case concerned. */
export function translateTemporalError(error: unknown, caseNumber: string): unknown {
  if (error instanceof DocketError) return error;
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    return new ConflictError(`Case ${caseNumber} already exists; case numbers are never reused.`);
  }
  if (error instanceof WorkflowNotFoundError) {
    // The server reports an update to a finished (or finishing) workflow as "not found"; such a case is closed.
    return /already completed|closing workflow/i.test(error.message)
      ? new CommandRejectedError(`Case ${caseNumber} is closed and accepts no more commands.`)
      : new NotFoundError(`There is no case ${caseNumber}.`);
  }
  if (error instanceof WorkflowUpdateFailedError) {
    const refusal = `Case ${caseNumber} refused the command: ${error.cause?.message ?? error.message}`;
    // Not the command but who sent it: the staff directory does not let that actor act on this case.
    const actorRefused = error.cause instanceof ApplicationFailure && error.cause.type === ACTOR_REFUSED;
    return actorRefused ? new ForbiddenError(refusal) : new CommandRejectedError(refusal);
  }
  const grpc = grpcErrorOf(error);
  if (grpc?.code === grpcStatus.NOT_FOUND) return new NotFoundError(`There is no case ${caseNumber}.`);
  if (grpc?.code === grpcStatus.FAILED_PRECONDITION && /workflow task in failed state/i.test(grpc.details ?? grpc.message)) {
    return new UnavailableError(
      `Case ${caseNumber} cannot answer now: its workflow is failing and being retried; the worker's log says why.`,
    );
  }
  if (grpc?.code === grpcStatus.UNAVAILABLE || grpc?.code === grpcStatus.DEADLINE_EXCEEDED) {
    return new UnavailableError(`Temporal cannot be reached (${grpc.details || 'unavailable'}); is the engine running?`);
  }
  return error;
}

function grpcErrorOf(error: unknown): { code: number; details?: string; message: string } | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if (isGrpcServiceError(current)) return current;
  }
  return undefined;
}
