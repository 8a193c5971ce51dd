import type { Context } from '@temporalio/activity';
import { defaultPayloadConverter } from '@temporalio/common';
import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, ActivityInterceptors, ActivityOutboundCallsInterceptor, GetLogAttributesInput, Next } from '@temporalio/worker';
import { isRequestId, withLogContext } from '../logging';

/** Set by the engine's client (src/client/request-id-interceptor.ts) and carried on by the workflow interceptors. */
const REQUEST_ID_HEADER = 'docket-request-id';

/** The header's id, when it is one: anything else (another client's header, a malformed value) is left out of the logs. */
function requestIdOf(input: ActivityExecuteInput): string | undefined {
  const payload = input.headers[REQUEST_ID_HEADER];
  if (payload === undefined) return undefined;
  try {
    const value: unknown = defaultPayloadConverter.fromPayload(payload);
    return isRequestId(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs each activity with the request id that caused it in its log context, so every line the engine's
 * logger writes for it, and each line of the SDK's activity logger, carries `requestId`.
 */
export function requestIdActivityInterceptors(_context: Context): ActivityInterceptors {
  let requestId: string | undefined;
  const inbound: ActivityInboundCallsInterceptor = {
    execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>) {
      requestId = requestIdOf(input);
      return requestId === undefined ? next(input) : withLogContext({ requestId }, () => next(input));
    },
  };
  const outbound: ActivityOutboundCallsInterceptor = {
    getLogAttributes(input: GetLogAttributesInput, next: Next<ActivityOutboundCallsInterceptor, 'getLogAttributes'>) {
      return next(requestId === undefined ? input : { ...input, requestId });
    },
  };
  return { inbound, outbound };
}
