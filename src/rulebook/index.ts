export { Rulebook, type InstalledRules, type RulebookOptions } from './rulebook';
export { RuleDataDirError } from './rule-data-dir-error';
