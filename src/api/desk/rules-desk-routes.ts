import { requirePermission } from '../../access/permissions';
import { ruleImpact } from '../../reports/rule-impact';
import { formFields } from './case-action-forms';
import type { DeskArea } from './desk-context';
import { sendErrorPage } from './desk-context';
import { FORM_BODY_LIMIT_BYTES } from './form-bodies';
import { refusalProblem } from './refusal-problem';
import { rulesPage } from './rules-page';
import { sendPage } from './send-page';
import { throughApi } from './through-api';

/**
 * `/desk/rules`: the supervisors' view of the rule impact report (the read model GET /api/rules/impact serves)
 * and a form that migrates every listed case through POST /api/rules/migrations.
 */
export const rulesDeskRoutes: DeskArea = (desk, { cases, ruleData, viewerOf, now }) => {
  const impactNow = () => ruleImpact({ ...ruleData, listing: cases.listing }, {}, now());

  desk.get('/rules', async (request, reply) => {
    const viewer = await viewerOf(request, reply);
    if (!viewer) return reply;
    try {
      requirePermission(viewer.principal, 'rules.migrate');
      return sendPage(reply, 200, rulesPage(viewer, { impact: await impactNow() }));
    } catch (error) {
      return sendErrorPage(reply, viewer, error, '/desk/rules');
    }
  });

  desk.post('/rules/migrate', { bodyLimit: FORM_BODY_LIMIT_BYTES }, async (request, reply) => {
    const viewer = await viewerOf(request, reply);
    if (!viewer) return reply;
    try {
      requirePermission(viewer.principal, 'rules.migrate');
      const fields = formFields(request.body);
      const reason = (fields.reason ?? '').trim();
      if (reason === '') return sendPage(reply, 400, rulesPage(viewer, { impact: await impactNow(), problem: viewer.t.t('rules.reasonMissing') }));
      const answer = await throughApi(request, { method: 'POST', url: '/api/rules/migrations', body: { allAffected: true, reason }, csrfToken: fields.csrfToken });
      if (!answer.ok) return sendPage(reply, answer.status, rulesPage(viewer, { impact: await impactNow(), problem: refusalProblem(viewer.t, answer), reason }));
      const outcomes = (answer.body as { outcomes: Array<{ caseNumber: string; result: string; reason?: string }> }).outcomes;
      const refused = outcomes.filter((outcome) => outcome.result === 'refused').map((outcome) => `${outcome.caseNumber}: ${outcome.reason ?? ''}`);
      return sendPage(reply, 200, rulesPage(viewer, { impact: await impactNow(), done: { migrated: outcomes.length - refused.length, refused } }));
    } catch (error) {
      return sendErrorPage(reply, viewer, error, '/desk/rules');
    }
  });
};
