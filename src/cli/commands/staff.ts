import type { CliCommand } from '../command';
import { EXIT_OK, UsageError } from '../io';
import { staffIdSchema } from '../../domain';
import { InvalidInputError } from '../../errors/docket-errors';
import { RegisterInputError, type StaffMember } from '../../store';
import { auditedGrant } from '../../access/audited-grant';
import { deactivateStaff } from '../../access/deactivate-staff';
import { inviteFromCli } from './staff-invite';
import { parseCommandLine, withExitCodes } from './command-line';
import { openCliServices, usingServices, type OpenCliServices } from './services';
import { renderTable } from './table';

const HELP = `Usage:
  docket staff add --id STAFF --name "DISPLAY NAME" --role caseworker|supervisor|admin --office OFFICE --language ru|en [--email ADDRESS]
  docket staff list [--office OFFICE] [--role ROLE] [--all]
  docket staff deactivate STAFF
  docket staff invite STAFF

The staff directory says who receives reminders, escalations and the daily digest (by e-mail when SMTP_URL is
set, otherwise in the outbox), and what each person's API tokens may do. Staff are employees; their ids are
what cases and tokens refer to. Deactivating someone revokes their tokens and calendar feeds at once; a
caseworker who still holds open cases is refused until the cases are reassigned. Inviting someone prints a
one-time link (valid 72 hours) where they set the password they sign in to the browser pages with, and mails
it to them when SMTP_URL is set; for someone who has a password it is a reset link. Add --as STAFF (or
DOCKET_ACTOR) to record who did it (default: operator), and --json for machine-readable output.`;

const OPTIONS = {
  id: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  office: { type: 'string' },
  language: { type: 'string' },
  email: { type: 'string' },
  all: { type: 'boolean' },
  as: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The register reports bad staff input in its own error type; the CLI speaks the shared vocabulary. */
async function asInputError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RegisterInputError) throw new InvalidInputError(error.message);
    throw error;
  }
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

const row = (member: StaffMember) => [member.id, member.displayName, member.role, member.office, member.language, member.email ?? '', member.active ? 'yes' : 'no'];

export function createStaffCommand(openServices: OpenCliServices = openCliServices): CliCommand {
  return {
    name: 'staff',
    summary: 'add, list, deactivate and invite (to sign in) staff who receive reminders, escalations and digests',
    run: async (args, io) => {
      const { values, positionals } = parseCommandLine(args, OPTIONS);
      if (values.help) {
        io.out(HELP);
        return EXIT_OK;
      }
      const action = positionals[0];
      if (action !== 'add' && action !== 'list' && action !== 'deactivate' && action !== 'invite') throw new UsageError('name an action: add, list, deactivate or invite');
      return withExitCodes(`staff ${action}`, io, () =>
        usingServices(openServices, async ({ staff, access, cases, config }) => {
          const actor = values.as ?? process.env.DOCKET_ACTOR ?? 'operator';
          if (action === 'add') {
            // A member's role and office are what their tokens may do: adding one grants access, so it is audited.
            // A refused id is not written down as typed: it might be someone's name.
            const id = values.id ?? '';
            const target = staffIdSchema.safeParse(id).success ? id : 'invalid-staff-id';
            const member = await auditedGrant(access.audit, { actor, via: 'cli', action: 'staff.add', target }, () =>
              asInputError(() =>
                staff.add({
                  id,
                  displayName: values.name ?? '',
                  role: values.role as StaffMember['role'],
                  office: values.office ?? '',
                  language: values.language as StaffMember['language'],
                  ...(values.email !== undefined ? { email: values.email } : {}),
                }),
              ),
            );
            await access.audit.record({ actor, via: 'cli', action: 'staff.add', target: member.id, outcome: 'ok', detail: { role: member.role, office: member.office } });
            io.out(values.json ? JSON.stringify(member, null, 2) : `Added ${member.role} ${member.id} to office ${member.office}.`);
          } else if (action === 'list') {
            const members = await staff.list({
              ...(values.office !== undefined ? { office: values.office } : {}),
              ...(values.role !== undefined ? { role: values.role as StaffMember['role'] } : {}),
              includeInactive: values.all ?? false,
            });
            io.out(values.json ? JSON.stringify({ staff: members }, null, 2) : renderTable(['id', 'name', 'role', 'office', 'language', 'email', 'active'], members.map(row)));
          } else if (action === 'invite') {
            const id = positionals[1];
            if (!id) throw new UsageError('name the staff member to invite');
            await inviteFromCli({ access, config }, id, actor, values.json ?? false, io);
          } else {
            const id = positionals[1];
            if (!id) throw new UsageError('name the staff member to deactivate');
            const openCasesOf = async (caseworker: string) => (await cases()).listing.count({ caseworker });
            const done = await asInputError(() => deactivateStaff(access, id, { id: actor, via: 'cli' }, openCasesOf));
            io.out(
              values.json
                ? JSON.stringify({ id, active: false, revokedTokens: done.revokedTokens, revokedFeeds: done.revokedFeeds })
                : `Deactivated ${id}: revoked ${plural(done.revokedTokens.length, 'API token')} and ${plural(done.revokedFeeds.length, 'calendar feed')}.`,
            );
          }
          return EXIT_OK;
        }),
      );
    },
  };
}

export const staffCommand = createStaffCommand();
