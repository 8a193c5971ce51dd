/**
 * `npm run docs:lifecycles`: writes docs/lifecycles.md from the lifecycle tables and rule packs. The
 * generator is pure (src/rules/lifecycle/describe-lifecycle.ts); this script only writes its output, and
 * test/rules/lifecycle-docs.test.ts fails when the committed file differs from it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtInLifecyclesDocument } from '../src/rules/lifecycle/describe-lifecycle';

export const LIFECYCLE_DOCS_PATH = path.join(__dirname, '..', 'docs', 'lifecycles.md');

writeFileSync(LIFECYCLE_DOCS_PATH, builtInLifecyclesDocument(), 'utf8');
console.log(`wrote ${path.relative(process.cwd(), LIFECYCLE_DOCS_PATH)}`);
