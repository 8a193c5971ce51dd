import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client, WorkflowFailedError } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { startCodecServer } from '../../src/codec/codec-server';
import { createDataConverter } from '../../src/codec/data-converter';
import { ENCRYPTED_ENCODING, KEY_ID_METADATA_KEY } from '../../src/codec/encryption-codec';
import type { KeyRing } from '../../src/codec/key-ring';
import { TEMPORAL_CLI, createTimeSkippingEnv } from '../support/temporal-env';
import { createTestWorker } from '../support/test-worker';
import { ringRotatedToB, ringWithA } from './keys';
import { addNote, collectTwoNotes, failWithCaseData, notesQuery, type CaseNote } from './workflows';

type History = temporal.api.history.v1.IHistory;

const PSEUDONYM = 'Applicant-7F3A';
const opening: CaseNote = { caseNumber: 'RU-TA-2016-0042', applicant: PSEUDONYM, text: 'born 1990-04-17, arrived 2013' };
const closing: CaseNote = { caseNumber: 'RU-TA-2016-0042', applicant: PSEUDONYM, text: 'fourth application accepted' };

/** The part of `temporal workflow show --output json` this test reads: payloads as base64 JSON. */
interface CliHistory {
  events: Array<{
    workflowExecutionStartedEventAttributes?: { input: { payloads: Array<{ metadata: Record<string, string>; data: string }> } };
  }>;
}

interface StoredPayload {
  eventType: string;
  encoding: string;
  keyId: string | undefined;
}

function isPayload(node: unknown): node is temporal.api.common.v1.IPayload {
  return typeof node === 'object' && node !== null && 'metadata' in node && 'data' in node && (node as { data: unknown }).data instanceof Uint8Array;
}

/** Every payload anywhere in the history, with the event that holds it, as the server stores it. */
function storedPayloads(history: History): StoredPayload[] {
  const found: StoredPayload[] = [];
  const walk = (node: unknown, eventType: string): void => {
    if (isPayload(node)) {
      const meta = (key: string) => (node.metadata?.[key] ? Buffer.from(node.metadata[key]).toString() : undefined);
      found.push({ eventType, encoding: meta('encoding') ?? '', keyId: meta(KEY_ID_METADATA_KEY) });
      return;
    }
    if (typeof node !== 'object' || node === null || node instanceof Uint8Array) return;
    for (const value of Object.values(node)) walk(value, eventType);
  };
  for (const event of history.events ?? []) {
    walk(event, temporal.api.enums.v1.EventType[event.eventType ?? 0] ?? 'unknown');
  }
  return found;
}

function keyIdsByEvent(history: History): Record<string, string[]> {
  const byEvent: Record<string, string[]> = {};
  for (const payload of storedPayloads(history)) {
    (byEvent[payload.eventType] ??= []).push(payload.keyId ?? '(none)');
  }
  return byEvent;
}

function storedBytes(history: History): Buffer {
  return Buffer.from(temporal.api.history.v1.History.encode(history).finish());
}

describe('payload encryption on a real Temporal server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv({ dataConverter: createDataConverter(ringWithA) });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  function workerWith(dataConverter: DataConverter, taskQueue: string): Promise<Worker> {
    return createTestWorker(env, {
      taskQueue,
      workflowsPath: require.resolve('./workflows'),
      dataConverter,
      // Without a workflow cache every task replays the whole history, the input only key A can
      // decrypt included; and the time-skipping server never routes a task to a stopped worker's
      // sticky queue, where it would wait forever.
      maxCachedWorkflows: 0,
    });
  }

  function clientWith(ring: KeyRing): Client {
    return new Client({ connection: env.connection, namespace: env.namespace ?? 'default', dataConverter: createDataConverter(ring) });
  }

  it('keeps a case started under key A working after key B becomes current, and writes new payloads with key B', async () => {
    const taskQueue = 'codec-key-rotation';
    const workflowId = 'codec-rotation-RU-TA-2016-0042';

    const workerA = await workerWith(createDataConverter(ringWithA), taskQueue);
    const clientA = clientWith(ringWithA);
    await workerA.runUntil(async () => {
      const handle = await clientA.workflow.start(collectTwoNotes, { taskQueue, workflowId, args: [opening] });
      expect(await handle.query(notesQuery)).toEqual([opening]);
    });

    // A fresh worker and client, as after a restart with the rotated key configuration: the
    // worker must replay the case from its history, whose input only key A can decrypt.
    const workerB = await workerWith(createDataConverter(ringRotatedToB), taskQueue);
    const handleB = clientWith(ringRotatedToB).workflow.getHandle(workflowId);
    const result = await workerB.runUntil(async () => {
      expect(await handleB.executeUpdate(addNote, { args: [closing] })).toEqual([opening, closing]);
      return handleB.result();
    });
    expect(result).toEqual([opening, closing]);

    const history = await handleB.fetchHistory();
    expect(keyIdsByEvent(history)).toEqual({
      EVENT_TYPE_WORKFLOW_EXECUTION_STARTED: ['key-a'],
      EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: ['key-b'],
      EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED: ['key-b'],
      EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED: ['key-b'],
    });
    expect(storedPayloads(history).every((payload) => payload.encoding === ENCRYPTED_ENCODING)).toBe(true);
    for (const personal of [PSEUDONYM, '1990-04-17', 'fourth application']) {
      expect(storedBytes(history).includes(personal)).toBe(false);
    }
  });

  it('stores a failure message that quotes case data only encrypted, and gives it back decrypted to the client', async () => {
    const taskQueue = 'codec-failure-message';
    const worker = await workerWith(createDataConverter(ringWithA), taskQueue);
    const handle = await env.client.workflow.start(failWithCaseData, { taskQueue, workflowId: 'codec-failure-RU-TA-2016-0042', args: [opening] });
    const failure = await worker.runUntil(handle.result().catch((error: unknown) => error));

    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause?.message).toBe(`cannot record a note for ${PSEUDONYM}: ${opening.text}`);
    const history = await handle.fetchHistory();
    expect(keyIdsByEvent(history)).toEqual({
      EVENT_TYPE_WORKFLOW_EXECUTION_STARTED: ['key-a'],
      EVENT_TYPE_WORKFLOW_EXECUTION_FAILED: ['key-a'],
    });
    expect(storedBytes(history).includes(PSEUDONYM)).toBe(false);
  });

  it('shows the temporal CLI only ciphertext, and the case data through the codec endpoint with a permitted token', async () => {
    const taskQueue = 'codec-cli';
    const workflowId = 'codec-cli-RU-TA-2016-0042';
    const worker = await workerWith(createDataConverter(ringWithA), taskQueue);
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(collectTwoNotes, { taskQueue, workflowId, args: [opening] });
      await handle.query(notesQuery);
    });
    const codecServer = await startCodecServer({
      keyRing: ringWithA,
      corsOrigins: [],
      authorize: async (token) => token === 'test-token-supervisor',
    });
    // Asynchronously: the codec server answering the CLI runs in this very process.
    const show = async (...extra: string[]) => {
      const { stdout } = await promisify(execFile)(
        TEMPORAL_CLI,
        ['workflow', 'show', '--workflow-id', workflowId, '--address', env.address, '--output', 'json', ...extra],
        { encoding: 'utf8' },
      );
      const history = JSON.parse(stdout) as CliHistory;
      const [input] = history.events[0]?.workflowExecutionStartedEventAttributes?.input.payloads ?? [];
      return {
        encoding: Buffer.from(input?.metadata.encoding ?? '', 'base64').toString(),
        data: Buffer.from(input?.data ?? '', 'base64').toString(),
      };
    };
    try {
      const raw = await show();
      expect(raw.encoding).toBe(ENCRYPTED_ENCODING);
      expect(raw.data).not.toContain(PSEUDONYM);

      const decoded = await show('--codec-endpoint', codecServer.endpoint, '--codec-auth', 'Bearer test-token-supervisor');
      expect(decoded.encoding).toBe('json/plain');
      expect(JSON.parse(decoded.data)).toEqual(opening);
    } finally {
      await codecServer.close();
    }
  });
});
