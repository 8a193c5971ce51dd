import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Sqlite from 'better-sqlite3';
import { DateTime } from 'luxon';
import { Client, Connection, WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { openAccess } from '../../src/access/open-access';
import { createDataConverter } from '../../src/codec/data-converter';
import { ENCRYPTED_ENCODING, KEY_ID_METADATA_KEY } from '../../src/codec/encryption-codec';
import type { CaseView, CommandName, ReminderPolicy } from '../../src/domain';
import { computeDeadlines } from '../../src/rules';
import { openStore } from '../../src/store';
import { caseWorkflowId, CASE_WORKFLOW_TYPE } from '../../src/workflows/messages';
import { SAFE_METADATA } from '../../src/worker/runtime-logger';
import { CASE_SEARCH_ATTRIBUTES } from '../../src/workflows/search-attributes';
import { TEMPORAL_CLI } from '../support/temporal-env';
import { startEngineProcess, type EngineProcess } from './engine-process';
import { seedOfficeStaff } from '../support/office-staff';
import { APPLICANT, CLOSING_NOTE, CORRECTION_REASON, personalDataIn, REASSIGN_REASON, STORY } from './personal-data';
import { REQUEST_ID_HEADER } from '../../src/client/request-id-interceptor';
import { isRequestId } from '../../src/logging';

/**
 * The issue's promise, checked where an outsider would look: a case with a pseudonymous applicant, a story
 * and free-text notes runs on the engine as `npm start` runs it, through the API and straight through
 * Temporal, with commands refused and one that fails after it was accepted. Then its traces are read
 * without any key: the raw history through the `temporal` CLI and the Web UI's own API, the visibility
 * records, the server's database file, the case register, the outbox, and the engine's log.
 */
const run = promisify(execFile);

const CASE_NUMBER = 'RU-TA-2016-0731';
const BROKEN_CASE_NUMBER = 'RU-TA-2016-0732';
const OFFICE = 'msk-privacy';
const CASEWORKER = 'cw-privacy-1';
const NEXT_CASEWORKER = 'cw-privacy-2';
const SUPERVISOR = 'sv-privacy';

/** Fields the engine's logger keeps from the SDK's log lines: identifiers only. */
const SDK_LOG_FIELDS = new Set<string>(SAFE_METADATA);

/** The case's own search attributes, and the one `patched()` sets with the ids of the code versions a run took. */
const SEARCH_ATTRIBUTE_NAMES = [...CASE_SEARCH_ATTRIBUTES.map((key) => key.name), 'TemporalChangeVersion'];

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A reminder policy under which the decision deadline of an application lodged on `lodgedOn` gets one
 * reminder, at the first full minute at least `leadMs` from now: so the engine, on the real clock, sends
 * a message (to the outbox, as no SMTP is set) while the test waits.
 */
function reminderSoon(lodgedOn: string, leadMs: number): { policy: ReminderPolicy; atMs: number } {
  const decision = computeDeadlines({ jurisdiction: 'RU', procedure: 'temporary-asylum', event: 'application-lodged', date: lodgedOn }).find(
    (deadline) => deadline.kind === 'decision-due',
  );
  if (!decision) throw new Error(`no decision deadline for an application lodged on ${lodgedOn}`);
  const at = DateTime.fromMillis(Date.now() + leadMs, { zone: decision.zone }).plus({ minutes: 1 }).startOf('minute');
  const daysBefore = DateTime.fromISO(decision.dueDate, { zone: decision.zone }).diff(at.startOf('day'), 'days').days;
  return { policy: { offsetsDays: [Math.round(daysBefore)], localTime: at.toFormat('HH:mm') }, atMs: at.toMillis() };
}

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

/**
 * The parts of a history the server must be able to read, and so are never encrypted: search attribute
 * values, the markers `patched()` records (which name a code version, never a case), and the bookkeeping
 * of a local activity's marker (sequence, attempt, activity type, times; its result is a payload like any other),
 * and the API request id header (a random or caller-chosen id of a few characters, for the logs).
 */
function isClearByDesign(field: string, node: object, parent?: object): boolean {
  if (field === 'searchAttributes' || field === REQUEST_ID_HEADER) return true;
  if (field === 'details' && markerNameOf(node) === PATCH_MARKER) return true;
  return field === 'data' && parent !== undefined && markerNameOf(parent) === LOCAL_ACTIVITY_MARKER;
}

const PATCH_MARKER = 'core_patch';
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';
const markerNameOf = (node: object) => (node as { markerName?: unknown }).markerName;

/** Every payload in a JSON document as the CLI or the Web UI's API print it (metadata and data in base64), save those clear by design. */
function payloadsIn(document: unknown): JsonPayload[] {
  const found: JsonPayload[] = [];
  const walk = (node: unknown, parent?: object): void => {
    if (Array.isArray(node)) return node.forEach((item) => walk(item));
    if (typeof node !== 'object' || node === null) return;
    const candidate = node as JsonPayload;
    if (typeof candidate.metadata === 'object' && candidate.metadata !== null && typeof candidate.metadata.encoding === 'string') {
      found.push(candidate);
      return;
    }
    Object.entries(node).forEach(([field, value]) => !isClearByDesign(field, node, parent) && walk(value, node));
  };
  walk(document);
  return found;
}

/** What the history holds in clear by design: the names of its search attributes, its patch markers' data and its local activities' bookkeeping. */
function clearByDesignIn(history: { events: Array<Record<string, unknown>> }): {
  searchAttributes: Set<string>;
  patches: unknown[];
  localActivities: unknown[];
  requestIds: unknown[];
} {
  const searchAttributes = new Set<string>();
  const patches: unknown[] = [];
  const localActivities: unknown[] = [];
  const requestIds: unknown[] = [];
  const decoded = (value: unknown) => payloadsIn({ value: Object.values(value as object) }).map((payload) => JSON.parse(fromBase64(payload.data)));
  const walk = (node: unknown, parent?: object): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [field, value] of Object.entries(node)) {
      if (field === 'searchAttributes') Object.keys((value as { indexedFields?: object }).indexedFields ?? {}).forEach((name) => searchAttributes.add(name));
      else if (field === REQUEST_ID_HEADER) requestIds.push(JSON.parse(fromBase64((value as JsonPayload).data)));
      else if (isClearByDesign(field, node, parent)) (field === 'data' ? localActivities : patches).push(...decoded(value));
      else walk(value, node);
    }
  };
  walk(history);
  return { searchAttributes, patches, localActivities, requestIds };
}

const fromBase64 = (text: string | undefined) => Buffer.from(text ?? '', 'base64').toString('utf8');

/** The key id of each payload, or why it is not an encrypted payload. */
function encryptionOf(payloads: JsonPayload[]): string[] {
  return payloads.map((payload) => {
    const encoding = fromBase64(payload.metadata?.encoding);
    return encoding === ENCRYPTED_ENCODING ? fromBase64(payload.metadata?.[KEY_ID_METADATA_KEY]) : `unencrypted (${encoding})`;
  });
}

/** A table's rows as one JSON text, every column included. */
function dumpTables(file: string): Record<string, string> {
  const database = new Sqlite(file, { readonly: true });
  try {
    const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>;
    return Object.fromEntries(tables.map(({ name }) => [name, JSON.stringify(database.prepare(`SELECT * FROM "${name}"`).all())]));
  } finally {
    database.close();
  }
}

/** The messages kept for the case in the outbox (no SMTP is configured, so every message goes there). */
function dumpOutbox(registerFile: string): Array<{ subject: string; body: string }> {
  const database = new Sqlite(registerFile, { readonly: true });
  try {
    return database.prepare('SELECT subject, body FROM outbox WHERE case_number = ?').all(CASE_NUMBER) as Array<{ subject: string; body: string }>;
  } finally {
    database.close();
  }
}

/** A SQLite database as it lies on disk: the file and its write-ahead log. */
function databaseBytes(file: string): Buffer {
  const directory = path.dirname(file);
  const base = path.basename(file);
  return Buffer.concat(
    readdirSync(directory)
      .filter((name) => name === base || name === `${base}-wal`)
      .map((name) => readFileSync(path.join(directory, name))),
  );
}

interface LogLine {
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

/** The engine's log lines (`<time> <LEVEL> <message> <json fields>`); the SDK's carry the prefix `temporal: `. */
function logLines(output: string): LogLine[] {
  return output.split('\n').flatMap((line) => {
    const match = /^\d{4}-\d\d-\d\dT[\d:.]+Z (DEBUG|INFO|WARN|ERROR) (.*?)(?: (\{.*\}))?$/.exec(line);
    if (!match) return [];
    return [{ level: match[1] ?? '', message: match[2] ?? '', fields: match[3] ? (JSON.parse(match[3]) as Record<string, unknown>) : {} }];
  });
}

describe('no personal data outside the engine: a case read without keys', () => {
  let engine: EngineProcess;
  let connection: Connection;
  let client: Client;
  let tokens: { caseworker: string; supervisor: string };
  const outcomes: Record<string, unknown> = {};

  const api = async (token: string, method: 'GET' | 'POST', route: string, body?: unknown) => {
    const response = await fetch(`${engine.apiUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const command = (token: string, name: string, body: unknown) => api(token, 'POST', `/api/cases/${CASE_NUMBER}/commands/${name}`, body);
  const temporalCli = async (...args: string[]) =>
    (await run(TEMPORAL_CLI, [...args, '--address', engine.temporalAddress, '--output', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).stdout;

  beforeAll(async () => {
    engine = await startEngineProcess();
    const store = await openStore({ sqliteFile: path.join(engine.dataDir, 'register.sqlite') });
    const { handle: accessDatabase, access } = await openAccess({ dataDir: engine.dataDir });
    try {
      await seedOfficeStaff(store.staff, OFFICE, { [CASEWORKER]: 'caseworker', [NEXT_CASEWORKER]: 'caseworker', [SUPERVISOR]: 'supervisor' });
      const issue = async (staffId: string) => (await access.tokens.issue({ staffId, label: 'privacy test' }, 'privacy-test')).token;
      tokens = { caseworker: await issue(CASEWORKER), supervisor: await issue(SUPERVISOR) };
    } finally {
      await accessDatabase.close();
      await store.close();
    }
    connection = await Connection.connect({ address: engine.temporalAddress });
    client = new Client({ connection, dataConverter: createDataConverter(engine.keyRing) });
    const handle = client.workflow.getHandle(caseWorkflowId(CASE_NUMBER));
    const direct = (name: CommandName, input: Record<string, unknown>) =>
      handle.executeUpdate(name, { args: [{ actor: CASEWORKER, ...input }] }).then(
        () => 'accepted',
        (error: unknown) => (error instanceof WorkflowUpdateFailedError ? `refused: ${error.cause?.message}` : Promise.reject(error)),
      );

    const lodgedOn = daysAgo(60);
    const reminder = reminderSoon(lodgedOn, 20_000);
    const opened = await api(tokens.caseworker, 'POST', '/api/cases', {
      caseNumber: CASE_NUMBER,
      jurisdiction: 'RU',
      procedure: 'temporary-asylum',
      office: OFFICE,
      caseworker: CASEWORKER,
      applicant: APPLICANT,
      reminderPolicy: reminder.policy,
    });
    outcomes.open = opened.status;
    outcomes.lodged = (await command(tokens.caseworker, 'recordEvent', { event: 'application-lodged', on: lodgedOn })).status;
    outcomes.reminderSent = await (async () => {
      while (Date.now() < reminder.atMs + 60_000) {
        const view = (await api(tokens.caseworker, 'GET', `/api/cases/${CASE_NUMBER}`)).body as unknown as CaseView;
        if (view.reminders.some((sent) => sent.delivery !== undefined)) return true;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return false;
    })();
    // Through Temporal itself, as a script holding the keys could: the register must see it all the same.
    outcomes.refusal = await direct('recordEvent', { event: 'refusal-notice-received', on: daysAgo(50) });
    outcomes.newApplication = (await command(tokens.caseworker, 'recordEvent', { event: 'application-lodged', on: daysAgo(10), note: STORY })).status;
    outcomes.sameCaseworker = (await command(tokens.supervisor, 'reassign', { caseworker: CASEWORKER, reason: REASSIGN_REASON })).status;
    outcomes.invalidClosure = await direct('closeCase', { reason: 'left-for-good', closedOn: daysAgo(1), note: CLOSING_NOTE });
    // A lodging date before the calendar's years cannot be counted from: the API refuses it before the
    // case sees it; sent around the API, the case accepts it, the computation fails and the case is unchanged.
    const refusedCorrection = await command(tokens.caseworker, 'correctEventDate', { eventId: 2, correctedDate: '2013-06-01', reason: CORRECTION_REASON });
    outcomes.refusedCorrection = [refusedCorrection.status, refusedCorrection.body.message];
    outcomes.failedCorrection = await direct('correctEventDate', { eventId: 2, correctedDate: '2013-06-01', reason: CORRECTION_REASON });
    outcomes.correction = await direct('correctEventDate', { eventId: 4, correctedDate: daysAgo(12), reason: CORRECTION_REASON });
    outcomes.reassign = (await command(tokens.supervisor, 'reassign', { caseworker: NEXT_CASEWORKER, reason: REASSIGN_REASON })).status;
    outcomes.close = (await command(tokens.caseworker, 'closeCase', { reason: 'left-country', closedOn: daysAgo(1), note: CLOSING_NOTE })).status;
    outcomes.final = await handle.result();

    // Started around the API with an open input the workflow refuses: the SDK logs 'Workflow failed'.
    const broken = await client.workflow.start(CASE_WORKFLOW_TYPE, {
      taskQueue: 'asylum-docket',
      workflowId: caseWorkflowId(BROKEN_CASE_NUMBER),
      args: [
        {
          open: {
            caseNumber: BROKEN_CASE_NUMBER,
            jurisdiction: 'RU',
            procedure: 'temporary-asylum',
            office: OFFICE,
            caseworker: CASEWORKER,
            actor: CASEWORKER,
            applicant: { ...APPLICANT, nationality: `stateless, formerly ${APPLICANT.nationality}` },
          },
        },
      ],
    });
    outcomes.broken = await broken.result().then(
      () => 'completed',
      (error: unknown) => (error instanceof WorkflowFailedError ? error.cause?.message : Promise.reject(error)),
    );
  }, 240_000);

  afterAll(async () => {
    await connection?.close();
    await engine?.stop();
  });

  it('ran the case as planned: refused and failed commands changed nothing, the rest closed the case', () => {
    expect(outcomes).toMatchObject({
      open: 201,
      lodged: 200,
      reminderSent: true,
      refusal: 'accepted',
      newApplication: 200,
      sameCaseworker: 422,
      invalidClosure: expect.stringMatching(/^refused: invalid closeCase input: reason: /),
      refusedCorrection: [400, expect.stringContaining('correctedDate: no deadline can be counted from 2013-06-01')],
      failedCorrection: expect.stringMatching(/^refused: .*could not be computed/),
      correction: 'accepted',
      reassign: 200,
      close: 200,
      broken: expect.stringContaining('applicant.nationality: expected an ISO 3166 alpha-3 code'),
    });
    const final = outcomes.final as CaseView;
    expect(final).toMatchObject({ stage: 'closed', caseworker: NEXT_CASEWORKER, applicant: APPLICANT });
    expect(final.events.map((event) => event.type)).toEqual([
      'case-opened',
      'application-lodged',
      'refusal-notice-received',
      'application-lodged',
      'event-date-corrected',
      'case-reassigned',
      'case-closed',
    ]);
    expect(final.reminders).toEqual([expect.objectContaining({ delivery: expect.objectContaining({ channel: 'outbox' }) })]);
  });

  it('names workflows by case number only', async () => {
    const listed = JSON.parse(await temporalCli('workflow', 'list')) as Array<{ execution: { workflowId: string } }>;
    const ids = listed.map((entry) => entry.execution.workflowId).sort();
    expect(ids).toEqual([caseWorkflowId(CASE_NUMBER), caseWorkflowId(BROKEN_CASE_NUMBER)]);
    expect(ids).toEqual([`case-${CASE_NUMBER}`, `case-${BROKEN_CASE_NUMBER}`]);
  });

  it('shows the temporal CLI, without a codec, only encrypted payloads and no personal data in any history', async () => {
    for (const caseNumber of [CASE_NUMBER, BROKEN_CASE_NUMBER]) {
      const shown = await temporalCli('workflow', 'show', '--workflow-id', caseWorkflowId(caseNumber));
      const history = JSON.parse(shown) as { events: Array<Record<string, unknown>> };
      const keyIds = encryptionOf(payloadsIn(history));
      expect(keyIds.length).toBeGreaterThan(caseNumber === CASE_NUMBER ? 20 : 1);
      expect(new Set(keyIds)).toEqual(new Set([engine.keyRing.currentKeyId]));
      const { searchAttributes, patches, localActivities, requestIds } = clearByDesignIn(history);
      for (const requestId of requestIds) expect(isRequestId(requestId)).toBe(true);
      for (const name of searchAttributes) expect(SEARCH_ATTRIBUTE_NAMES).toContain(name);
      for (const patch of patches) expect(patch).toEqual({ id: expect.stringMatching(/^[a-z0-9-]+$/), deprecated: expect.any(Boolean) });
      for (const bookkeeping of localActivities) {
        expect(Object.keys(bookkeeping as object).sort()).toEqual(['activity_id', 'activity_type', 'attempt', 'backoff', 'complete_time', 'original_schedule_time', 'seq']);
        expect(bookkeeping).toMatchObject({ activity_type: 'confirmActor' });
      }
      expect(personalDataIn(shown)).toEqual([]);
    }
    // What the server does keep in clear is there to be read: the check reads the real thing.
    const shown = await temporalCli('workflow', 'show', '--workflow-id', caseWorkflowId(CASE_NUMBER));
    expect(shown).toContain('"correctEventDate"');
    expect(shown).toContain('"DeadlinesUnavailable"');
    expect(shown).toContain('Encoded failure');
  });

  it('keeps search attributes, memo and listing free of personal data', async () => {
    const described = await temporalCli('workflow', 'describe', '--workflow-id', caseWorkflowId(CASE_NUMBER));
    expect(personalDataIn(described)).toEqual([]);
    const description = JSON.parse(described) as {
      workflowExecutionInfo: { memo?: { fields?: Record<string, unknown> }; searchAttributes: { indexedFields: Record<string, JsonPayload> } };
    };
    const attributes = Object.fromEntries(
      Object.entries(description.workflowExecutionInfo.searchAttributes.indexedFields).map(([name, payload]) => [name, JSON.parse(fromBase64(payload.data))]),
    );
    expect(attributes).toMatchObject({ CaseStage: 'closed', Office: OFFICE, Caseworker: NEXT_CASEWORKER, Jurisdiction: 'RU', Attempt: 2 });
    // The pseudonym is searchable only through its keyed blind index, 128 bits of an HMAC.
    expect(attributes.ApplicantIndex).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.keys(description.workflowExecutionInfo.memo?.fields ?? {})).toEqual([]);

    const listed = await temporalCli('workflow', 'list', '--query', 'CaseStage IS NOT NULL');
    expect(listed).toContain(CASE_NUMBER);
    expect(personalDataIn(listed)).toEqual([]);
  });

  it("stores nothing personal in the Temporal server's database file", () => {
    const bytes = databaseBytes(path.join(engine.dataDir, 'temporal.sqlite'));
    // The histories are in there, readable where they are not encrypted (update names, failure types).
    expect(bytes.includes('correctEventDate')).toBe(true);
    expect(bytes.includes('DeadlinesUnavailable')).toBe(true);
    expect(personalDataIn(bytes)).toEqual([]);
  });

  it('shows the Web UI encrypted payloads, and decrypts them only through the codec endpoint for people allowed to read cases', async () => {
    const settings = (await (await fetch(`${engine.webUiUrl}/api/v1/settings`)).json()) as { Codec: { Endpoint: string } };
    expect(settings.Codec.Endpoint).toBe(`${engine.apiUrl}/codec`);

    const historyUrl = `${engine.webUiUrl}/api/v1/namespaces/default/workflows/${caseWorkflowId(CASE_NUMBER)}/history`;
    const seenByWebUi = await (await fetch(historyUrl)).text();
    expect(personalDataIn(seenByWebUi)).toEqual([]);
    const payloads = payloadsIn(JSON.parse(seenByWebUi));
    expect(new Set(encryptionOf(payloads))).toEqual(new Set([engine.keyRing.currentKeyId]));

    const decode = (headers: Record<string, string>) =>
      fetch(`${engine.apiUrl}/codec/decode`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-namespace': 'default', origin: engine.webUiUrl, ...headers },
        body: JSON.stringify({ payloads }),
      });
    expect((await decode({})).status).toBe(401);
    expect((await decode({ authorization: `Bearer ${tokens.caseworker}` })).status).toBe(403);
    expect((await decode({ authorization: `Bearer ${tokens.caseworker}`, origin: 'http://elsewhere.example' })).status).toBe(403);

    // A supervisor signs in on the endpoint's page; the Web UI's calls then carry the session cookie.
    const signIn = await fetch(`${engine.apiUrl}/codec/session`, { method: 'POST', headers: { authorization: `Bearer ${tokens.supervisor}` } });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const preflight = await fetch(`${engine.apiUrl}/codec/decode`, {
      method: 'OPTIONS',
      headers: { origin: engine.webUiUrl, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(engine.webUiUrl);

    const decoded = await decode({ cookie });
    expect(decoded.status).toBe(200);
    expect(decoded.headers.get('access-control-allow-origin')).toBe(engine.webUiUrl);
    expect(decoded.headers.get('access-control-allow-credentials')).toBe('true');
    const plain = ((await decoded.json()) as { payloads: JsonPayload[] }).payloads.map((payload) => fromBase64(payload.data)).join('\n');
    for (const value of [APPLICANT.pseudonym, APPLICANT.birthDate, STORY, CORRECTION_REASON, REASSIGN_REASON, CLOSING_NOTE]) {
      expect(plain).toContain(value);
    }
  });

  it('keeps the applicant out of the case register, its audit trail and the API tables', () => {
    const registerFile = path.join(engine.dataDir, 'register.sqlite');
    const tables = dumpTables(registerFile);
    expect(tables.case_events).toContain(CASE_NUMBER);
    expect(tables.api_audit).toContain(CASE_NUMBER);
    expect(Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, personalDataIn(rows)]))).toEqual(
      Object.fromEntries(Object.keys(tables).map((name) => [name, []])),
    );
    expect(Object.values(tables).some((rows) => rows.includes('"applicant":'))).toBe(false);
    expect(personalDataIn(databaseBytes(registerFile))).toEqual([]);
  });

  it('writes messages whose subjects and bodies name the case number, never the applicant', () => {
    const messages = dumpOutbox(path.join(engine.dataDir, 'register.sqlite'));
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message.subject).toContain(CASE_NUMBER);
      expect(personalDataIn(message.subject)).toEqual([]);
      expect(personalDataIn(message.body)).toEqual([]);
    }
  });

  it("keeps personal data out of the engine's log, and the SDK's failure lines to identifiers", () => {
    const output = engine.output();
    expect(personalDataIn(output)).toEqual([]);
    const sdkLines = logLines(output).filter((line) => line.message.startsWith('temporal: '));
    const extraFields = sdkLines.flatMap((line) => Object.keys(line.fields).filter((field) => !SDK_LOG_FIELDS.has(field)));
    expect(extraFields).toEqual([]);

    const workflowFailed = sdkLines.filter((line) => line.message === 'temporal: Workflow failed');
    expect(workflowFailed.map((line) => line.fields.workflowId)).toContain(caseWorkflowId(BROKEN_CASE_NUMBER));
    const activityFailed = sdkLines.filter((line) => line.message === 'temporal: Activity failed');
    expect(activityFailed.map((line) => line.fields.activityType)).toContain('computeDeadlines');
    // A task token lets whoever reads it complete the activity: it never reaches the log.
    expect(sdkLines.filter((line) => 'taskToken' in line.fields)).toEqual([]);
    // The failures' own words (which case code writes, and could one day quote a person) stay out of the SDK's lines.
    const sdkText = sdkLines.map((line) => `${line.message} ${JSON.stringify(line.fields)}`).join('\n');
    expect(sdkText).not.toContain('expected an ISO 3166 alpha-3 code');
    expect(sdkText).not.toContain('outside the Russian production calendar');
  });
});
