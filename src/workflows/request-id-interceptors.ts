/**
 * Carries an API request's id (the `docket-request-id` header the engine's client puts on an update) from
 * the workflow to the activities that update's handler schedules, so their log lines name the request that
 * caused them. Not the start's: the run's main loop lives for years, and a reminder sent months after the
 * case was opened is the engine's own work, not that request's. Registered through the worker's
 * `interceptors.workflowModules`.
 *
 * Headers are not commands: reading them and adding one to a scheduled activity changes nothing the
 * workflow decides or records as a command, so replay is unaffected. The header is copied as the
 * payload it came in, never decoded here.
 */
import {
  AsyncLocalStorage,
  type ActivityInput,
  type LocalActivityInput,
  type UpdateInput,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';
import type { Next, Payload } from '@temporalio/common';

/** The same name as src/client/request-id-interceptor.ts (workflow code cannot import the client). */
const REQUEST_ID_HEADER = 'docket-request-id';

const current = new AsyncLocalStorage<Payload>();

const within = <T>(headers: Record<string, Payload>, work: () => T): T => {
  const requestId = headers[REQUEST_ID_HEADER];
  return requestId === undefined ? work() : current.run(requestId, work);
};

class RequestIdInbound implements WorkflowInboundCallsInterceptor {
  handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>): Promise<unknown> {
    return within(input.headers, () => next(input));
  }
}

class RequestIdOutbound implements WorkflowOutboundCallsInterceptor {
  scheduleActivity(input: ActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>): Promise<unknown> {
    const requestId = current.getStore();
    return next(requestId === undefined ? input : { ...input, headers: { ...input.headers, [REQUEST_ID_HEADER]: requestId } });
  }

  scheduleLocalActivity(input: LocalActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleLocalActivity'>): Promise<unknown> {
    const requestId = current.getStore();
    return next(requestId === undefined ? input : { ...input, headers: { ...input.headers, [REQUEST_ID_HEADER]: requestId } });
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [new RequestIdInbound()],
  outbound: [new RequestIdOutbound()],
});
