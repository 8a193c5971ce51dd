/** The workflows the worker bundles. */
export { caseWorkflow } from './case-workflow';
export { digestWorkflow } from '../digest/digest-workflow';
