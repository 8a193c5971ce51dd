import { z } from 'zod';
import { officeIdSchema, staffIdSchema } from '../domain/identifiers';
import { parseInput, type StaffMember } from '../store';
import type { ActorConfirmation, ActorConfirmationRequest } from './types';

const requestSchema = z.object({ actor: staffIdSchema, office: officeIdSchema });

/**
 * Who may act on a case: an active caseworker of the case's office, or an active supervisor (they see
 * every office). Admins manage access and never act on cases. The refusal names the actor's problem in
 * the staff directory's terms, so whoever sent the command learns what to fix.
 */
export function actorRefusal(actor: string, office: string, member: StaffMember | undefined): string | undefined {
  if (!member) return `actor "${actor}" is not in the staff directory: only its active staff may act on a case`;
  if (!member.active) return `actor "${actor}" is deactivated in the staff directory and may no longer act on cases`;
  if (member.role === 'admin') return `actor "${actor}" is an admin: admins manage access and do not act on cases`;
  if (member.role === 'caseworker' && member.office !== office) {
    return `actor "${actor}" is a caseworker of office "${member.office}", not of this case's office "${office}"`;
  }
  return undefined;
}

/**
 * Lets the case workflow, which can do no I/O itself, ask the staff directory whether a command's actor
 * may act on it. A refusal is an answer, not a failure: only a directory that cannot be read fails, and
 * is retried.
 */
export function createConfirmActor(staff: { get(id: string): Promise<StaffMember | undefined> }) {
  return async (input: ActorConfirmationRequest): Promise<ActorConfirmation> => {
    const { actor, office } = parseInput(requestSchema, input, 'actor to confirm');
    const refusal = actorRefusal(actor, office, await staff.get(actor));
    return refusal === undefined ? { confirmed: true } : { confirmed: false, refusal };
  };
}
