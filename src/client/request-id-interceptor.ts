import type { WorkflowClientInterceptor } from '@temporalio/client';
import { defaultPayloadConverter, type Headers } from '@temporalio/common';
import { currentRequestId } from '../logging';

/**
 * The Temporal header that carries the API request's id into the workflow and on to its activities.
 * Its value is a random id, never personal data, so it goes as plain JSON through the default payload
 * converter, not through the encrypting codec.
 */
export const REQUEST_ID_HEADER = 'docket-request-id';

function withRequestId(headers: Headers): Headers {
  const requestId = currentRequestId();
  return requestId === undefined ? headers : { ...headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(requestId) };
}

/**
 * Puts the id of the request being served (see withLogContext) on each workflow start and update this
 * client sends, so the worker's log lines for what the request caused carry it too.
 */
export class RequestIdClientInterceptor implements WorkflowClientInterceptor {
  startWithDetails: NonNullable<WorkflowClientInterceptor['startWithDetails']> = (input, next) => next({ ...input, headers: withRequestId(input.headers) });
  startUpdate: NonNullable<WorkflowClientInterceptor['startUpdate']> = (input, next) => next({ ...input, headers: withRequestId(input.headers) });
  startUpdateWithStart: NonNullable<WorkflowClientInterceptor['startUpdateWithStart']> = (input, next) =>
    next({ ...input, workflowStartHeaders: withRequestId(input.workflowStartHeaders), updateHeaders: withRequestId(input.updateHeaders) });
  signal: NonNullable<WorkflowClientInterceptor['signal']> = (input, next) => next({ ...input, headers: withRequestId(input.headers) });
  signalWithStart: NonNullable<WorkflowClientInterceptor['signalWithStart']> = (input, next) => next({ ...input, headers: withRequestId(input.headers) });
}

/**
 * The interceptors every Temporal client of the engine's takes, so a request's id reaches the worker;
 * `more` after it (OpenTelemetry's, when tracing is on).
 */
export function engineClientInterceptors(more: readonly WorkflowClientInterceptor[] = []): { workflow: WorkflowClientInterceptor[] } {
  return { workflow: [new RequestIdClientInterceptor(), ...more] };
}
