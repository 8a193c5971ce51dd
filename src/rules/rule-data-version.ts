import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import stableStringify from 'safe-stable-stringify';
import type { RuleDataVersion } from './computed-deadline';
import type { ChangeEntry } from './changelog';

/**
 * The version of a pack or calendar as loaded: the label and date of its latest changelog entry and a hash of
 * its whole content (key order does not matter), so a change made without a changelog entry still shows.
 */
export function ruleDataVersion(id: string, data: { changelog: readonly ChangeEntry[] }): RuleDataVersion {
  const latest = data.changelog.at(-1);
  const hash = bytesToHex(sha256(utf8ToBytes(stableStringify(data) ?? ''))).slice(0, 12);
  return { id, label: latest?.label ?? 'unlabelled', effectiveFrom: latest?.effectiveFrom ?? null, hash };
}

/** A version as one short name, `RU/temporary-asylum 2026.12-1 #3f2a…`: what the register keeps and the pages show. */
export function versionName(version: RuleDataVersion): string {
  return `${version.id} ${version.label} #${version.hash}`;
}
