import { z } from 'zod';
import type { AccessStore } from '../../access';
import { addStaff } from '../../access/add-staff';
import { changeStaff } from '../../access/change-staff';
import { deactivateStaff } from '../../access/deactivate-staff';
import { inviteStaff } from '../../access/invite-staff';
import type { CaseClient } from '../../client/case-client';
import { staffIdSchema } from '../../domain';
import { deliverInvitation } from '../../notify/invitation-delivery';
import type { SmtpChannelOptions } from '../../notify';
import { STAFF_LANGUAGES, STAFF_ROLES, staffChangesSchema, staffMemberSchema, type StaffMember } from '../../store';
import { defineRoute, type ApiRoute } from '../http/route';

const staffRecordSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  office: z.string(),
  language: z.enum(STAFF_LANGUAGES),
  email: z.string().nullable(),
  webhook: z.object({ url: z.string(), secretRef: z.string() }).nullable(),
  active: z.boolean(),
  /** When they last set their password; null until they have used an invitation. */
  passwordSetAt: z.string().nullable(),
});
type StaffRecord = z.input<typeof staffRecordSchema>;

const staffParams = z.object({ id: staffIdSchema });

export interface StaffRouteDependencies {
  access: AccessStore;
  /** Counts a caseworker's open cases: one who still holds some is not deactivated. */
  cases: CaseClient;
  publicUrl: string;
  /** When set, an invitation is mailed to the member as well as returned. */
  smtp?: SmtpChannelOptions;
}

const asRecord = (member: StaffMember, passwordSetAt: string | undefined): StaffRecord => ({
  id: member.id,
  displayName: member.displayName,
  role: member.role,
  office: member.office,
  language: member.language,
  email: member.email ?? null,
  webhook: member.webhook ?? null,
  active: member.active,
  passwordSetAt: passwordSetAt ?? null,
});

/**
 * The staff directory for administrators: who works here, how each person is reached, their sign-in
 * links, and leaving. Nothing here reads a case; deactivation only counts a caseworker's open cases.
 */
export function staffRoutes({ access, cases, publicUrl, smtp }: StaffRouteDependencies): ApiRoute[] {
  const recordOf = async (member: StaffMember) => asRecord(member, (await access.passwords.setDates()).get(member.id));
  return [
    defineRoute({
      method: 'GET',
      path: '/api/staff',
      operationId: 'listStaff',
      summary: 'The staff directory, active members only unless includeInactive',
      tag: 'staff',
      permission: 'staff.manage',
      query: z.object({
        office: staffMemberSchema.shape.office.optional(),
        role: z.enum(STAFF_ROLES).optional(),
        includeInactive: z.enum(['true', 'false']).default('false'),
      }),
      response: z.object({ staff: z.array(staffRecordSchema) }),
      handle: async ({ query }) => {
        const members = await access.staff.list({
          ...(query.office !== undefined ? { office: query.office } : {}),
          ...(query.role !== undefined ? { role: query.role } : {}),
          includeInactive: query.includeInactive === 'true',
        });
        const passwords = await access.passwords.setDates();
        return { staff: members.map((member) => asRecord(member, passwords.get(member.id))) };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/staff',
      operationId: 'addStaff',
      summary: 'Add a staff member; invite them to set a password next',
      description: 'The role and office are what their tokens and sessions may do, and cannot be changed later: a new role is a new account.',
      tag: 'staff',
      permission: 'staff.manage',
      body: staffMemberSchema,
      response: staffRecordSchema,
      successStatus: 201,
      handle: async ({ principal, body }) => recordOf(await addStaff(access, body, { id: principal.staffId, via: 'api' })),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/staff/{id}',
      operationId: 'changeStaff',
      summary: 'Change how a member is named and reached: name, e-mail, webhook, language (null clears the e-mail or webhook)',
      description: "A webhook's secretRef names the environment variable on the engine's machine that holds the secret its messages are signed with.",
      tag: 'staff',
      permission: 'staff.manage',
      params: staffParams,
      body: staffChangesSchema,
      response: staffRecordSchema,
      handle: async ({ principal, params, body }) => recordOf(await changeStaff(access, params.id, body, { id: principal.staffId, via: 'api' })),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/staff/{id}/invitation',
      operationId: 'inviteStaff',
      summary: 'Issue a one-time link to set a password (a reset link for someone who has one); the link is in this response only',
      description: 'It is mailed to the member as well when SMTP is set and they have an e-mail address; mailed says whether it was.',
      tag: 'staff',
      permission: 'staff.manage',
      params: staffParams,
      response: z.object({
        staffId: z.string(),
        invitationId: z.string(),
        purpose: z.enum(['invite', 'reset']),
        expiresAt: z.string(),
        link: z.string(),
        mailed: z.enum(['sent', 'no-smtp', 'no-address', 'failed']),
      }),
      successStatus: 201,
      handle: async ({ principal, params }) => {
        const invitation = await inviteStaff(access, params.id, { id: principal.staffId, via: 'api' }, publicUrl);
        const { mailed } = await deliverInvitation(smtp, invitation);
        const { record } = invitation;
        return { staffId: params.id, invitationId: record.id, purpose: record.purpose, expiresAt: record.expiresAt, link: invitation.link, mailed };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/staff/{id}/deactivation',
      operationId: 'deactivateStaff',
      summary: 'Deactivate a member: their tokens, feeds, sessions and links end at once',
      description: 'A caseworker who still holds open cases is refused (409) until the cases are reassigned.',
      tag: 'staff',
      permission: 'staff.manage',
      params: staffParams,
      response: z.object({ staffId: z.string(), revokedTokens: z.array(z.string()), revokedFeeds: z.array(z.string()), endedSessions: z.number() }),
      handle: async ({ principal, params }) =>
        deactivateStaff(access, params.id, { id: principal.staffId, via: 'api' }, (caseworker) => cases.listing.count({ caseworker })),
    }),
  ];
}
