import { isGrpcServiceError, type Connection } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import type { SearchAttributeKey } from '@temporalio/common/lib/search-attributes';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { DocketError } from '../errors/docket-errors';
import { CASE_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';

const IndexedValueType = temporal.api.enums.v1.IndexedValueType;

/** The server's names for the SDK's search attribute types. */
const INDEXED_TYPE: Record<SearchAttributeType, temporal.api.enums.v1.IndexedValueType> = {
  TEXT: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  KEYWORD: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  INT: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  DOUBLE: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  BOOL: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  DATETIME: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KEYWORD_LIST: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/** gRPC status codes (fixed by the gRPC spec) the operator and namespace calls answer with. */
const grpcStatus = { NOT_FOUND: 5, ALREADY_EXISTS: 6, PERMISSION_DENIED: 7, UNAUTHENTICATED: 16 } as const;

/** How long a finished case's history stays on the cluster when setup creates the namespace. */
export const DEFAULT_RETENTION_DAYS = 30;

export interface ClusterState {
  namespaceExists: boolean;
  /** Search attributes the engine needs that the namespace lacks, as `Name (Type)`. */
  missing: readonly SearchAttributeKey<SearchAttributeType>[];
  /** Names the namespace has with another type than the engine's: nothing can repair those automatically. */
  mistyped: readonly { name: string; wanted: SearchAttributeType; found: string }[];
}

/** What a cluster lacks, or what it refused, in an operator's words; nothing was changed by the step that failed. */
export class ClusterSetupError extends DocketError {
  override name = 'ClusterSetupError';
  readonly kind = 'rejected';
}

const describe = (key: SearchAttributeKey<SearchAttributeType>) => `${key.name} (${key.type})`;

/** Reads whether the namespace exists and which of the engine's search attributes it has, changing nothing. */
export async function inspectCluster(connection: Connection, namespace: string): Promise<ClusterState> {
  try {
    await connection.workflowService.describeNamespace({ namespace });
  } catch (error) {
    if (grpcCode(error) === grpcStatus.NOT_FOUND) return { namespaceExists: false, missing: CASE_SEARCH_ATTRIBUTES, mistyped: [] };
    throw explain(error, `reading namespace "${namespace}"`);
  }
  let custom: Record<string, temporal.api.enums.v1.IndexedValueType>;
  try {
    custom = (await connection.operatorService.listSearchAttributes({ namespace })).customAttributes ?? {};
  } catch (error) {
    // A namespace just created is in persistence before it is in every service's cache (refreshed every few seconds).
    if (grpcCode(error) === grpcStatus.NOT_FOUND) return { namespaceExists: false, missing: CASE_SEARCH_ATTRIBUTES, mistyped: [] };
    throw explain(error, `listing the search attributes of namespace "${namespace}"`);
  }
  const missing = CASE_SEARCH_ATTRIBUTES.filter((key) => custom[key.name] === undefined);
  const mistyped = CASE_SEARCH_ATTRIBUTES.flatMap((key) => {
    const found = custom[key.name];
    return found === undefined || found === INDEXED_TYPE[key.type] ? [] : [{ name: key.name, wanted: key.type, found: IndexedValueType[found] ?? String(found) }];
  });
  return { namespaceExists: true, missing, mistyped };
}

export interface SetupOutcome {
  namespaceCreated: boolean;
  added: readonly string[];
}

/**
 * Makes the cluster ready for the engine: the namespace (with `retentionDays`) when `createNamespace`,
 * and the engine's search attributes. Idempotent: what exists is left as it is. Needs an identity the
 * cluster lets administer the namespace; a refusal says so.
 */
export async function setUpCluster(
  connection: Connection,
  namespace: string,
  options: { createNamespace: boolean; retentionDays?: number },
): Promise<SetupOutcome> {
  let state = await inspectCluster(connection, namespace);
  let namespaceCreated = false;
  if (!state.namespaceExists) {
    if (!options.createNamespace) throw new ClusterSetupError(missingNamespaceMessage(namespace));
    try {
      const retention = msToTs(`${options.retentionDays ?? DEFAULT_RETENTION_DAYS} days`);
      await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: retention });
      namespaceCreated = true;
    } catch (error) {
      // Another process of the engine created it meanwhile: what we wanted.
      if (grpcCode(error) !== grpcStatus.ALREADY_EXISTS) throw explain(error, `creating namespace "${namespace}"`);
    }
    state = await waitForNamespace(connection, namespace);
  }
  assertTypes(state, namespace);
  if (state.missing.length > 0) {
    try {
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: Object.fromEntries(state.missing.map((key) => [key.name, INDEXED_TYPE[key.type]])),
      });
    } catch (error) {
      // Two engine processes adding at once: the second finds them there, which is what it wanted.
      if (grpcCode(error) !== grpcStatus.ALREADY_EXISTS) throw explain(error, `adding the search attributes ${state.missing.map(describe).join(', ')}`);
    }
  }
  return { namespaceCreated, added: state.missing.map((key) => key.name) };
}

/**
 * The startup check: `mode` auto adds what is missing (the namespace itself is never created at
 * startup: a typo in TEMPORAL_NAMESPACE must not make a new, empty namespace); check refuses to start.
 */
export async function ensureClusterReady(connection: Connection, namespace: string, mode: 'auto' | 'check'): Promise<SetupOutcome> {
  const state = await inspectCluster(connection, namespace);
  if (!state.namespaceExists) throw new ClusterSetupError(missingNamespaceMessage(namespace));
  assertTypes(state, namespace);
  if (state.missing.length === 0) return { namespaceCreated: false, added: [] };
  if (mode === 'check') {
    throw new ClusterSetupError(
      `namespace "${namespace}" lacks the search attributes ${state.missing.map(describe).join(', ')}, and DOCKET_CLUSTER_SETUP=check does not let the engine add them. ` +
        `Add them with 'docket admin setup-cluster' (as an identity allowed to administer the namespace), or on Temporal Cloud in its UI or with tcld.`,
    );
  }
  try {
    return await setUpCluster(connection, namespace, { createNamespace: false });
  } catch (error) {
    if (!(error instanceof ClusterSetupError)) throw error;
    throw new ClusterSetupError(
      `${error.message} Set DOCKET_CLUSTER_SETUP=check once an administrator has added them (docket admin setup-cluster, or Temporal Cloud's UI or tcld).`,
    );
  }
}

function missingNamespaceMessage(namespace: string): string {
  return `the Temporal cluster has no namespace "${namespace}" (TEMPORAL_NAMESPACE): create it with 'docket admin setup-cluster', or check the name.`;
}

function assertTypes(state: ClusterState, namespace: string): void {
  if (state.mistyped.length === 0) return;
  throw new ClusterSetupError(
    `namespace "${namespace}" has search attributes of the wrong type: ${state.mistyped.map((m) => `${m.name} is ${m.found}, the engine needs ${m.wanted}`).join('; ')}. ` +
      'A search attribute cannot change type: remove it from the namespace (temporal operator search-attribute remove) and run docket admin setup-cluster again.',
  );
}

/** A new namespace takes a moment to reach every frontend's cache. */
async function waitForNamespace(connection: Connection, namespace: string): Promise<ClusterState> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await inspectCluster(connection, namespace);
    if (state.namespaceExists) return state;
    if (Date.now() > deadline) throw new ClusterSetupError(`namespace "${namespace}" was created but the cluster still does not know it after 30 s.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function grpcCode(error: unknown): number | undefined {
  return isGrpcServiceError(error) ? error.code : undefined;
}

function explain(error: unknown, doing: string): Error {
  const code = grpcCode(error);
  if (code === grpcStatus.PERMISSION_DENIED || code === grpcStatus.UNAUTHENTICATED) {
    return new ClusterSetupError(
      `the Temporal cluster refused ${doing}: the engine's identity (its mTLS certificate or API key) may not do that. ` +
        'Run docket admin setup-cluster as an administrator, or add the search attributes in Temporal Cloud (UI or tcld).',
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
