import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Rulebook, RuleDataDirError } from '../../src/rulebook';
import { openStore, type Store } from '../../src/store';
import { russianCalendarFix } from '../support/russian-calendar-fix';

const REFUSED_1_DEC_2026 = { jurisdiction: 'RU', procedure: 'temporary-asylum', event: 'refusal-notice-received', date: '2026-12-01' };

/** The shipped 2027 row with Monday 11 January also a day off. */
const CORRECTED_2027 = russianCalendarFix({ extraDaysOff2027: '01-11' });

describe('the rulebook: rule data installed from DOCKET_RULES_DIR, versions archived', () => {
  let dir: string;
  let store: Store;
  const errors: string[] = [];
  const logger = { debug: () => {}, info: () => {}, warn: () => {}, error: (message: string, fields?: Record<string, unknown>) => void errors.push(`${message} ${JSON.stringify(fields)}`) };

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'docket-rulebook-'));
    mkdirSync(path.join(dir, 'calendars'));
    store = await openStore({ sqliteFile: path.join(dir, 'register.sqlite') });
    errors.length = 0;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const complaint = async (rulebook: Rulebook, pin?: Parameters<Rulebook['compute']>[2]) =>
    (await rulebook.compute(REFUSED_1_DEC_2026, undefined, pin)).find((deadline) => deadline.kind === 'complaint')!;

  it('installs a file dropped into the directory while it runs, and computes a pinned case with its archived versions', async () => {
    const rulebook = await Rulebook.open({ dir, archive: store.ruleData, logger: logger as never });
    const before = await complaint(rulebook);
    // One month from 1 Dec 2026 ends on the 1 January holiday; the first working day after is Mon 11 January.
    expect(before).toMatchObject({ dueDate: '2027-01-11', ruleData: { applied: 'installed' } });
    const pin = { pack: before.ruleData!.pack, calendar: before.ruleData!.calendar };

    writeFileSync(path.join(dir, 'calendars', 'ru-2027.yaml'), CORRECTED_2027);
    expect((await rulebook.installed()).files).toEqual(['calendars/ru-2027.yaml']);
    // Unpinned, the installed row applies: the 11th is a day off now, so Tue 12 January.
    expect(await complaint(rulebook)).toMatchObject({ dueDate: '2027-01-12', ruleData: { applied: 'installed', calendar: { label: 'test-2027.2' } } });
    // Pinned, the archived shipped calendar applies, and the deadline names the installed one it did not use.
    const pinned = await complaint(rulebook, pin);
    expect(pinned).toMatchObject({ dueDate: '2027-01-11', ruleData: { applied: 'pinned', calendar: pin.calendar, installed: { calendar: { label: 'test-2027.2' } } } });

    // A rulebook opened afresh (a restart) still has the shipped version in the archive.
    rmSync(path.join(dir, 'calendars', 'ru-2027.yaml'));
    writeFileSync(path.join(dir, 'calendars', 'ru-2027.yaml'), CORRECTED_2027);
    const restarted = await Rulebook.open({ dir, archive: store.ruleData });
    const correctedPin = (await complaint(restarted)).ruleData!;
    expect(await complaint(restarted, pin)).toMatchObject({ dueDate: '2027-01-11', ruleData: { applied: 'pinned' } });
    expect(await complaint(restarted, { pack: correctedPin.pack, calendar: correctedPin.calendar })).toMatchObject({ dueDate: '2027-01-12', ruleData: { applied: 'pinned' } });
  });

  it('keeps the installed data when a change breaks it, and logs why with the file and line', async () => {
    writeFileSync(path.join(dir, 'calendars', 'ru-2027.yaml'), CORRECTED_2027);
    const rulebook = await Rulebook.open({ dir, archive: store.ruleData, logger: logger as never });
    writeFileSync(path.join(dir, 'calendars', 'ru-2027.yaml'), `${CORRECTED_2027}\n  - label: [unclosed\n`);
    expect((await complaint(rulebook)).dueDate).toBe('2027-01-12');
    expect(errors).toEqual([expect.stringMatching(/previous rule data stays installed.*calendars\/ru-2027\.yaml: not valid YAML at line \d+/)]);
  });

  it('refuses to start on a broken directory, naming the file and the field', async () => {
    writeFileSync(path.join(dir, 'calendars', 'ru-2028.json'), JSON.stringify({ extends: 'ru-production', yearTable: [{ year: 2028 }] }));
    await expect(Rulebook.open({ dir })).rejects.toThrow(RuleDataDirError);
    await expect(Rulebook.open({ dir })).rejects.toThrow(/calendars\/ru-2028\.json.*changelog/s);
    await expect(Rulebook.open({ dir: path.join(dir, 'missing') })).rejects.toThrow(/DOCKET_RULES_DIR names .*missing, which does not exist/);
  });
});
