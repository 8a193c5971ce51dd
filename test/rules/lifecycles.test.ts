import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDeadlineEngine, lifecycleOf, listJurisdictions, RulesError } from '../../src/rules';
import { RU_CALENDAR } from '../../src/rules/calendars/ru';
import { builtInLifecyclesDocument } from '../../src/rules/lifecycle/describe-lifecycle';
import type { LifecycleInput } from '../../src/rules/lifecycle/schema';
import type { RulePackInput } from '../../src/rules/pack/schema';
import { TEST_RULE } from './support';
import { builtInLifecycle } from '../../src/rules/lifecycle/built-in-lifecycles';
import { BUILT_IN_PROCEDURES } from '../support/procedures';

/** A two-event pack: a refusal starts a complaint period, which the complaint meets. */
const TEST_PACK: RulePackInput = {
  jurisdiction: 'RU',
  procedure: 'test',
  title: { en: 'Test pack', ru: 'Тестовый пакет' },
  events: [{ event: 'refusal-notice-received' }, { event: 'complaint-filed' }],
  rules: [{ ...TEST_RULE, id: 'test-complaint' }],
};

const TEST_LIFECYCLE: LifecycleInput = {
  jurisdiction: 'RU',
  procedure: 'test',
  transitions: [
    { event: 'refusal-notice-received', from: ['opened'], to: 'refused' },
    { event: 'complaint-filed', from: ['refused'], to: 'complaint-pending' },
  ],
};

function engineWith(lifecycle: unknown) {
  return createDeadlineEngine([
    { code: 'RU', name: { en: 'Test', ru: 'Тест' }, zone: 'Europe/Moscow', calendar: RU_CALENDAR, packs: [TEST_PACK], lifecycles: [lifecycle] },
  ]);
}

describe('lifecycle tables', () => {
  it('exist for every built-in pack', () => {
    const procedures = listJurisdictions().flatMap((jurisdiction) => jurisdiction.procedures.map((procedure) => [jurisdiction.code, procedure] as const));
    expect(procedures).toHaveLength(5);
    for (const [jurisdiction, procedure] of procedures) {
      expect(() => lifecycleOf(jurisdiction, procedure)).not.toThrow();
      expect(lifecycleOf(jurisdiction, procedure)).toMatchObject({ jurisdiction, procedure });
    }
  });

  it('load when they name only the pack events and the facts those carry', () => {
    expect(engineWith(TEST_LIFECYCLE).lifecycleOf('RU', 'test').stages).toEqual(['opened', 'refused', 'complaint-pending', 'closed']);
  });

  it('say when a pack has none: its deadlines can be computed, but it cannot run as a case', () => {
    const engine = createDeadlineEngine([{ code: 'RU', name: { en: 'Test', ru: 'Тест' }, zone: 'Europe/Moscow', calendar: RU_CALENDAR, packs: [TEST_PACK] }]);
    expect(() => engine.lifecycleOf('RU', 'test')).toThrow(/RU\/test has no lifecycle table/);
  });

  it.each<[string, LifecycleInput, RegExp]>([
    [
      'a transition naming an event the pack does not know',
      { ...TEST_LIFECYCLE, transitions: [...TEST_LIFECYCLE.transitions, { event: 'decision-served', from: ['refused'], to: 'refused' }] },
      /lifecycle RU\/test: "decision-served" is not an event of the rule pack/,
    ],
    [
      'a move requiring a fact the event does not carry',
      { ...TEST_LIFECYCLE, transitions: [TEST_LIFECYCLE.transitions[0]!, { event: 'complaint-filed', from: ['refused'], to: 'complaint-pending', requires: ['forum'] }] },
      /lifecycle RU\/test: "complaint-filed" carries no fact "forum"/,
    ],
    [
      'a move conditioned on a fact the event does not carry',
      {
        ...TEST_LIFECYCLE,
        transitions: [TEST_LIFECYCLE.transitions[0]!, { event: 'complaint-filed', from: ['refused'], to: 'complaint-pending', when: [{ fact: 'forum', equals: 'court' }] }],
      },
      /lifecycle RU\/test: "complaint-filed" carries no fact "forum"/,
    ],
    [
      'a pack event that no transition records',
      { ...TEST_LIFECYCLE, transitions: [TEST_LIFECYCLE.transitions[0]!] },
      /lifecycle RU\/test: pack events complaint-filed cannot be recorded in any stage/,
    ],
  ])('refuse %s', (_label, lifecycle, message) => {
    const load = (): unknown => engineWith(lifecycle);
    expect(load).toThrow(RulesError);
    expect(load).toThrow(message);
  });
});

describe('docs/lifecycles.md', () => {
  it('is what the lifecycle tables and rule packs generate', () => {
    const file = path.join(__dirname, '..', '..', 'docs', 'lifecycles.md');
    const committed = readFileSync(file, 'utf8');
    const generated = builtInLifecyclesDocument();
    if (committed !== generated) {
      const committedLines = committed.split('\n');
      const generatedLines = generated.split('\n');
      const line = generatedLines.findIndex((text, index) => text !== committedLines[index]);
      throw new Error(
        `docs/lifecycles.md differs from the lifecycle tables (first at line ${line + 1}: expected ${JSON.stringify(generatedLines[line])}, found ${JSON.stringify(committedLines[line])}): run npm run docs:lifecycles`,
      );
    }
  });

  it('draws each procedure as a Mermaid state diagram with its stage table', () => {
    const document = builtInLifecyclesDocument();
    expect(document.match(/```mermaid\nstateDiagram-v2\n/g)).toHaveLength(5);
    expect(document.match(/\| stage \| event \| leads to \| facts \| deadlines it starts \| deadlines it meets \|/g)).toHaveLength(5);
    // The DE lawsuit: started by the served decision (one week if accelerated), met by the lawsuit filed.
    expect(document).toMatch(/\| refused \| complaint or appeal filed \(`complaint-filed`\) \| complaint pending \| — \| — \| Lawsuit against the BAMF decision; Lawsuit against the BAMF decision \(accelerated\) \|/);
    expect(document).toContain('departure_period --> complaint_pending : complaint or appeal filed [forum = court]');
  });
});

describe('the lifecycles the case workflow reads', () => {
  it.each(BUILT_IN_PROCEDURES)('are the rules engine\'s for %s/%s, read without the calendars', (jurisdiction, procedure) => {
    expect(builtInLifecycle(jurisdiction, procedure)).toEqual(lifecycleOf(jurisdiction, procedure));
  });

  it('refuse an unknown jurisdiction or procedure as the engine does', () => {
    expect(() => builtInLifecycle('XX', 'asylum')).toThrow('unknown jurisdiction "XX"; known: RU, US, DE, UK');
    expect(() => builtInLifecycle('DE', 'refugee-status')).toThrow('unknown procedure "refugee-status" for DE; known: asylum');
    expect(() => lifecycleOf('DE', 'refugee-status')).toThrow('unknown procedure "refugee-status" for DE; known: asylum');
  });
});
