import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccessStore } from '../../access';
import type { CaseClient } from '../../client/case-client';
import type { RuleImpactSources } from '../../reports/rule-impact';
import type { EscalatedCases } from '../../store/escalated-cases';
import { errorResponse } from '../http/error-response';
import { endedSessionCookie, sessionCredentialFrom } from '../http/session-cookie';
import { deskErrorPage, type DeskErrorKind, type DeskViewer } from './desk-shell';
import { translator } from './i18n/translator';
import { sendPage } from './send-page';
import { signedInLanguage } from './signed-in-language';

/** What every signed-in desk page needs: the stores the API reads, the clock, and who is asking. */
export interface DeskContext {
  access: AccessStore;
  /** The API's own case client: the desk reads and lists cases through it, as the API does. */
  cases: CaseClient;
  /** The register of escalated cases the API's overview reads its missed deadlines from. */
  escalated: EscalatedCases;
  /** What the rule impact report reads: the register's current computations and the installed rule data. */
  ruleData: Omit<RuleImpactSources, 'listing'>;
  publicUrl: string;
  now: () => Date;
  /** The signed-in person, or undefined after the reply has sent them to sign in. */
  viewerOf(request: FastifyRequest, reply: FastifyReply): Promise<DeskViewer | undefined>;
}

/** One area of the desk (its pages under `/desk`), mounted with the context the others share. */
export type DeskArea = (desk: FastifyInstance, context: DeskContext) => void;

export function deskContext(options: Omit<DeskContext, 'viewerOf'>): DeskContext {
  const { access, publicUrl } = options;
  return {
    ...options,
    viewerOf: async (request, reply) => {
      const credential = sessionCredentialFrom(request);
      const result = credential === undefined ? undefined : await access.sessions.authenticate(credential);
      if (!result?.ok) {
        if (credential !== undefined) reply.header('set-cookie', endedSessionCookie(publicUrl));
        void reply.redirect('/desk/signin', 303);
        return undefined;
      }
      const { principal, csrfToken } = result.session;
      const member = await access.staff.get(principal.staffId);
      return { principal, csrfToken, displayName: member?.displayName ?? principal.staffId, t: translator(signedInLanguage(request, reply, member?.language ?? 'en', publicUrl)) };
    },
  };
}

function errorKind(status: number): DeskErrorKind {
  if (status === 404) return 'notFound';
  return status === 403 ? 'forbidden' : 'failed';
}

/** What went wrong, as the API would answer it (404, 403, 500), as a page in the person's language with the way back. */
export function sendErrorPage(reply: FastifyReply, viewer: DeskViewer, error: unknown, path: string): FastifyReply {
  const { status } = errorResponse(error);
  return sendPage(reply, status, deskErrorPage(viewer, errorKind(status), path));
}
