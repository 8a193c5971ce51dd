import type { FastifyReply, FastifyRequest } from 'fastify';
import { readCookie } from '../../http/cookies';
import { STAFF_LANGUAGES } from '../../store/staff-directory';
import { chosenLanguage, type DeskLanguage } from './desk-language';

/** Remembers the language a signed-in person chose with a page's switch, over the one their staff record gives. */
export const LANGUAGE_COOKIE_NAME = 'docket_lang';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

function rememberedLanguage(request: FastifyRequest): DeskLanguage | undefined {
  const value = readCookie(request.headers.cookie, LANGUAGE_COOKIE_NAME);
  return (STAFF_LANGUAGES as readonly string[]).includes(value ?? '') ? (value as DeskLanguage) : undefined;
}

/**
 * The language of a page for someone signed in: the one just chosen with the switch (`?lang=`, which
 * is then remembered), else the one chosen before, else their staff record's. The cookie holds only
 * `ru` or `en`, so it needs no secrecy, but it is SameSite=Strict like the session's.
 */
export function signedInLanguage(request: FastifyRequest, reply: FastifyReply, recordLanguage: DeskLanguage, publicUrl: string): DeskLanguage {
  const chosen = chosenLanguage(request);
  if (chosen === undefined) return rememberedLanguage(request) ?? recordLanguage;
  const secure = new URL(publicUrl).protocol === 'https:' ? '; Secure' : '';
  reply.header('set-cookie', `${LANGUAGE_COOKIE_NAME}=${chosen}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Strict${secure}`);
  return chosen;
}
