export type { Channel, ChannelName, MessagePurpose, OutgoingMessage } from './channel';
export { DeliveryError } from './delivery-error';
export { createNotifier, type Notifier, type NotifierChannels } from './notifier';
export { createSmtpChannel, type SmtpChannelOptions } from './smtp-channel';
export { createWebhookChannel, type WebhookChannelOptions } from './webhook-channel';
export { createOutboxChannel } from './outbox-channel';
export { renderMessage, type DeliveryFailure, type MessageContent, type Reader, type RenderedMessage } from './render-message';
export { messageIdFor, senderDomain } from './message-id';
export { SIGNATURE_HEADER, signWebhook, verifyWebhookSignature, type WebhookVerification } from './webhook-signature';
