import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AccessStore } from '../../access';
import { setPasswordByLink, usableLink } from '../../access/set-password-by-link';
import { signIn } from '../../access/sign-in';
import { PasswordRejectedError } from '../../access/staff-passwords';
import { staffIdSchema } from '../../access/roles';
import { CSRF_HEADER, sessionRefusalMessage } from '../http/authenticate';
import { endedSessionCookie, sessionCookie, sessionCredentialFrom } from '../http/session-cookie';
import { chosenLanguage, requestLanguage } from './desk-language';
import { readSignInForm, readSignOutForm, readWelcomeForm } from './desk-forms';
import { refusalPage, signInPage, unusableLinkPage, welcomePage } from './desk-pages';
import { DESK_WORDS } from './desk-words';
import { FORM_BODY_LIMIT_BYTES, acceptFormBodies } from './form-bodies';
import { lockEndTime } from './lock-end-time';
import { sendPage } from './send-page';

/** The desk's start page, which sends each person to theirs (My work, or administration for admins). */
const AFTER_SIGN_IN = '/desk';

const signInQuery = z.object({
  staff: staffIdSchema.optional().catch(undefined),
  notice: z.enum(['password-set', 'signed-out']).optional().catch(undefined),
});
const secretParams = z.object({ secret: z.string().max(200).catch('') });

export interface DeskRouteOptions {
  access: AccessStore;
  /** Decides whether the session cookie is Secure (an https:// public URL). */
  publicUrl: string;
  projectRoot: string;
}

export function deskAssetsDir(projectRoot: string): string {
  return path.join(projectRoot, 'src', 'api', 'desk', 'assets');
}

/**
 * A form that signs in or sets a password must come from our own page: a page elsewhere could
 * otherwise sign a person's browser in as someone else (login CSRF). Browsers say where a request
 * comes from in `Sec-Fetch-Site`; older ones only in `Origin`, which our pages' no-referrer policy
 * turns into "null" on a form post, so that is no proof. A request with neither comes from no browser.
 */
function postedFromOwnPage(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return origin !== 'null' && new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * The staff sign-in pages: `/desk/signin`, `/desk/welcome/<secret>` (set a password through a
 * one-time link), `/desk/signout`, and `/desk/session`, which tells a signed-in page who it is and
 * its CSRF token. Server-rendered forms that work without the script. They take urlencoded form
 * bodies, which only these routes parse: the JSON API goes on refusing them.
 */
export function deskRoutes(options: DeskRouteOptions) {
  const { access, publicUrl } = options;
  const script = readFileSync(path.join(deskAssetsDir(options.projectRoot), 'desk.js'));

  return async (app: FastifyInstance): Promise<void> => {
    await app.register(async (desk) => {
      acceptFormBodies(desk);
      // Pages with a person's id, a CSRF token or a link's secret in them: no browser or proxy may keep one.
      desk.addHook('onRequest', async (_request, reply) => {
        reply.header('cache-control', 'no-store');
      });

      // The engine's address, and the read-only dashboard the desk replaced, lead to the desk, which sends
      // each person to their start page, or to sign in. Bookmarks of the old dashboard keep working.
      desk.get('/', async (_request, reply) => reply.redirect(AFTER_SIGN_IN, 303));
      desk.get('/dashboard', async (_request, reply) => reply.redirect(AFTER_SIGN_IN, 301));

      desk.get('/desk/desk.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(script));

      desk.get('/desk/signin', async (request, reply) => {
        const credential = sessionCredentialFrom(request);
        if (credential !== undefined && (await access.sessions.authenticate(credential)).ok) return reply.redirect(AFTER_SIGN_IN, 303);
        const language = requestLanguage(request);
        const query = signInQuery.parse(request.query ?? {});
        const notice = query.notice === undefined ? undefined : { kind: 'notice' as const, text: DESK_WORDS[language].notices[query.notice] };
        return sendPage(reply, 200, signInPage({ language, ...(query.staff ? { staffId: query.staff } : {}), ...(notice ? { announcement: notice } : {}) }));
      });

      desk.post('/desk/signin', { bodyLimit: FORM_BODY_LIMIT_BYTES }, async (request, reply) => {
        const language = requestLanguage(request);
        const words = DESK_WORDS[language];
        if (!postedFromOwnPage(request)) return sendPage(reply, 403, refusalPage(language, words.errors.foreignForm));
        const form = readSignInForm(request.body, words);
        if (!form.ok) return sendPage(reply, 400, signInPage({ language, staffId: form.staffId, errors: form.errors }));
        const { staffId, password, timeZone } = form.value;
        const result = await signIn(access, { staffId, password, address: request.ip });
        if (result.ok) {
          const previous = sessionCredentialFrom(request);
          if (previous !== undefined) await access.sessions.end(previous);
          return reply.header('set-cookie', sessionCookie(result.credential, publicUrl)).redirect(AFTER_SIGN_IN, 303);
        }
        if (result.refusal === 'locked') {
          reply.header('retry-after', String(Math.max(1, Math.ceil((result.until.getTime() - Date.now()) / 1000))));
          return sendPage(reply, 429, signInPage({ language, staffId, announcement: { kind: 'error', text: words.errors.locked(lockEndTime(result.until, timeZone)) } }));
        }
        return sendPage(reply, 401, signInPage({ language, staffId, announcement: { kind: 'error', text: words.errors.wrongCredentials } }));
      });

      desk.get('/desk/welcome/:secret', async (request, reply) => {
        const { secret } = secretParams.parse(request.params);
        const link = await usableLink(access, secret);
        if (!link) return sendPage(reply, 404, unusableLinkPage(requestLanguage(request), request.url.split('?')[0] ?? ''));
        const language = chosenLanguage(request) ?? link.member.language;
        return sendPage(reply, 200, welcomePage({ language, path: `/desk/welcome/${secret}`, staffId: link.member.id, displayName: link.member.displayName, purpose: link.invitation.purpose }));
      });

      desk.post('/desk/welcome/:secret', { bodyLimit: FORM_BODY_LIMIT_BYTES }, async (request, reply) => {
        const { secret } = secretParams.parse(request.params);
        const link = await usableLink(access, secret);
        const linkPath = `/desk/welcome/${secret}`;
        if (!link) return sendPage(reply, 404, unusableLinkPage(requestLanguage(request), linkPath));
        const language = chosenLanguage(request) ?? link.member.language;
        const words = DESK_WORDS[language];
        if (!postedFromOwnPage(request)) return sendPage(reply, 403, refusalPage(language, words.errors.foreignForm));
        const page = { language, path: linkPath, staffId: link.member.id, displayName: link.member.displayName, purpose: link.invitation.purpose };
        const form = readWelcomeForm(request.body, link.member.id, words);
        if (!form.ok) return sendPage(reply, 400, welcomePage({ ...page, errors: form.errors }));
        try {
          if (!(await setPasswordByLink(access, link, form.value.password))) return sendPage(reply, 404, unusableLinkPage(language, linkPath));
        } catch (error) {
          if (!(error instanceof PasswordRejectedError)) throw error;
          const errors = error.passwordProblems.map((problem) => ({ field: 'newPassword' as const, message: `${words.fields.newPassword}: ${words.errors.password(problem)}` }));
          return sendPage(reply, 400, welcomePage({ ...page, errors }));
        }
        // The password just set ended every session, this browser's too.
        return reply
          .header('set-cookie', endedSessionCookie(publicUrl))
          .redirect(`/desk/signin?lang=${language}&staff=${encodeURIComponent(link.member.id)}&notice=password-set`, 303);
      });

      desk.post('/desk/signout', { bodyLimit: FORM_BODY_LIMIT_BYTES }, async (request, reply) => {
        const credential = sessionCredentialFrom(request);
        const result = credential === undefined ? undefined : await access.sessions.authenticate(credential);
        let language = requestLanguage(request);
        if (credential !== undefined && result?.ok) {
          const { session } = result;
          const header = request.headers[CSRF_HEADER];
          const given = typeof header === 'string' ? header : readSignOutForm(request.body);
          const member = await access.staff.get(session.principal.staffId);
          language = chosenLanguage(request) ?? member?.language ?? language;
          if (!session.carriesCsrfToken(given)) return sendPage(reply, 403, refusalPage(language, DESK_WORDS[language].errors.signOutToken));
          await access.sessions.end(credential);
          await access.audit.record({ actor: session.principal.staffId, via: 'api', action: 'session.signout', target: session.principal.staffId, outcome: 'ok', detail: { sessionId: session.principal.tokenId } });
        }
        // A browser whose session had ended already is signed out all the same.
        return reply.header('set-cookie', endedSessionCookie(publicUrl)).redirect(`/desk/signin?lang=${language}&notice=signed-out`, 303);
      });

      desk.get('/desk/session', async (request, reply) => {
        const credential = sessionCredentialFrom(request);
        if (credential === undefined) return reply.code(401).send({ error: 'unauthenticated', message: 'This browser is not signed in: sign in at /desk/signin.' });
        const result = await access.sessions.authenticate(credential);
        if (!result.ok) {
          // The page says why its session ended; the cookie that no longer works goes.
          reply.header('set-cookie', endedSessionCookie(publicUrl));
          return reply.code(401).send({ error: 'unauthenticated', message: sessionRefusalMessage(result.reason), sessionEnded: true });
        }
        const { principal, csrfToken, expiresAt } = result.session;
        const member = await access.staff.get(principal.staffId);
        return { staffId: principal.staffId, role: principal.role, office: principal.office, language: member?.language ?? 'en', csrfToken, expiresAt };
      });
    });
  };
}
