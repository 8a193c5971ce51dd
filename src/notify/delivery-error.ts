import type { ChannelName } from './channel';

/**
 * A message did not reach its recipient. Permanent failures (a rejected address, a 4xx from a webhook,
 * a missing secret) cannot succeed on retry; transient ones (server down, 5xx, timeout) can.
 */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    readonly channel: ChannelName,
    readonly permanent: boolean,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
