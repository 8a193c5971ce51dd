import { computeDeadlines, type ComputedDeadline, type DeadlineRequest, type Lang } from '../../src/rules';
import { textIn } from '../../src/rules/localized-text';
import type { RulePackInput } from '../../src/rules/pack/schema';

/** The one deadline of `kind` a request gives; fails the test when there is none or more than one. */
export function deadlineOf(request: DeadlineRequest, kind: string): ComputedDeadline {
  const matches = computeDeadlines(request).filter((deadline) => deadline.kind === kind);
  if (matches.length !== 1) throw new Error(`expected one ${kind} deadline, got ${matches.length}`);
  return matches[0] as ComputedDeadline;
}

export function stepKinds(deadline: ComputedDeadline): string[] {
  return deadline.explanation.steps.map((step) => step.kind);
}

export const TA = { jurisdiction: 'RU', procedure: 'temporary-asylum' } as const;
export const REFUGEE = { jurisdiction: 'RU', procedure: 'refugee-status' } as const;

/** A deadline's warnings in one language, one after another. */
export function warningText(deadline: ComputedDeadline, lang: Lang = 'en'): string {
  return deadline.warnings.map((warning) => textIn(warning, lang)).join(' ');
}

export type RuleInput = RulePackInput['rules'][number];

/** A plain one-month complaint rule for test packs: a refusal starts it, a complaint meets it. */
export const TEST_RULE: RuleInput = {
  id: 'test-rule',
  kind: 'complaint',
  title: { en: 'Test', ru: 'Тест' },
  triggers: [{ event: 'refusal-notice-received' }],
  owner: 'applicant',
  period: { amount: 1, unit: 'months' },
  counting: { roll: 'next-working-day' },
  basis: 'statutory',
  citation: { en: 'Test citation', ru: 'Тестовая ссылка' },
  effectiveFrom: '2000-01-01',
  confidence: 'high',
  satisfiedBy: ['complaint-filed'],
  supersededBy: [],
};
