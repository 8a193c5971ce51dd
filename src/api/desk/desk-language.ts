import type { FastifyRequest } from 'fastify';
import { STAFF_LANGUAGES } from '../../store/staff-directory';

export type DeskLanguage = (typeof STAFF_LANGUAGES)[number];

function isDeskLanguage(value: unknown): value is DeskLanguage {
  return typeof value === 'string' && (STAFF_LANGUAGES as readonly string[]).includes(value);
}

/** The first of Russian and English the browser asks for, by its Accept-Language weights. */
function fromAcceptLanguage(header: string | undefined): DeskLanguage | undefined {
  const ranked = (header ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
      const weight = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find((q) => q !== undefined);
      return { primary: tag.split('-')[0], weight: weight === undefined ? 1 : Number(weight), order };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return ranked.map((entry) => entry.primary).find(isDeskLanguage);
}

/** The language the person chose with the switch on a page (`?lang=`), if they did. */
export function chosenLanguage(request: FastifyRequest): DeskLanguage | undefined {
  const chosen = (request.query as Record<string, unknown> | undefined)?.lang;
  return isDeskLanguage(chosen) ? chosen : undefined;
}

/**
 * The language of a page shown before anyone is signed in: the one the person chose on the page,
 * else their browser's, else English. It is never taken from the staff record of an id typed into
 * the sign-in form, since answering in that person's language would tell which ids exist.
 */
export function requestLanguage(request: FastifyRequest): DeskLanguage {
  return chosenLanguage(request) ?? fromAcceptLanguage(request.headers['accept-language']) ?? 'en';
}
