import { temporal } from '@temporalio/proto';

/**
 * Histories as JSON through protobufjs's own object form (64-bit numbers and bytes as strings, enums by
 * name). The SDK's historyToJSON cannot be used here: it mixes two protobufjs copies that this install
 * does not deduplicate, and fails with "type must be a Type".
 */
const { History } = temporal.api.history.v1;
const OBJECT_FORM = { longs: String, enums: String, bytes: String } as const;

export function historyToFileText(history: temporal.api.history.v1.IHistory): string {
  return `${JSON.stringify(History.toObject(History.fromObject(history), OBJECT_FORM), null, 1)}\n`;
}

export function historyFromFileText(text: string): temporal.api.history.v1.History {
  return History.fromObject(JSON.parse(text) as Record<string, unknown>);
}
