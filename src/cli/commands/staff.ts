import type { CliCommand } from '../command';
import { EXIT_OK, UsageError } from '../io';
import type { StaffChanges, StaffMember } from '../../store';
import { addStaff } from '../../access/add-staff';
import { changeStaff } from '../../access/change-staff';
import { deactivateStaff } from '../../access/deactivate-staff';
import { inviteFromCli } from './staff-invite';
import { parseCommandLine, withExitCodes } from './command-line';
import { openCliServices, usingServices, type OpenCliServices } from './services';
import { renderTable } from './table';

const HELP = `Usage:
  docket staff add --id STAFF --name "DISPLAY NAME" --role caseworker|supervisor|admin --office OFFICE --language ru|en [--email ADDRESS]
  docket staff list [--office OFFICE] [--role ROLE] [--all]
  docket staff set STAFF [--name "DISPLAY NAME"] [--email ADDRESS | --no-email] [--language ru|en]
                         [--webhook URL --webhook-secret-env VARIABLE | --no-webhook]
  docket staff deactivate STAFF
  docket staff invite STAFF

The staff directory says who receives reminders, escalations and the daily digest (by e-mail when SMTP_URL is
set, otherwise in the outbox), and what each person's API tokens may do. Staff are employees; their ids are
what cases and tokens refer to. Deactivating someone revokes their tokens and calendar feeds at once; a
caseworker who still holds open cases is refused until the cases are reassigned. Setting changes how someone
is named and reached (their id, role and office stay: a new role is a new account); a webhook's secret is
given as the name of the environment variable that holds it on the engine's machine, never the secret. Inviting someone prints a
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
  'no-email': { type: 'boolean' },
  webhook: { type: 'string' },
  'webhook-secret-env': { type: 'string' },
  'no-webhook': { type: 'boolean' },
  all: { type: 'boolean' },
  as: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The flag that gave each field of a staff member, so a refusal names what was typed. */
const FLAG_OF_FIELD = {
  id: '--id',
  displayName: '--name',
  role: '--role',
  office: '--office',
  language: '--language',
  email: '--email',
  'webhook.url': '--webhook',
  'webhook.secretRef': '--webhook-secret-env',
};

const ACTIONS = ['add', 'list', 'set', 'deactivate', 'invite'] as const;
type Action = (typeof ACTIONS)[number];
const isAction = (word: string | undefined): word is Action => (ACTIONS as readonly (string | undefined)[]).includes(word);

type Values = ReturnType<typeof parseCommandLine<typeof OPTIONS>>['values'];

/** `staff set`'s flags as a change; a flag and its --no- twin together, or a webhook without its secret, is a usage error. */
function changesFrom(values: Values): StaffChanges {
  if (values.email !== undefined && values['no-email']) throw new UsageError('give --email or --no-email, not both');
  if (values.webhook !== undefined && values['no-webhook']) throw new UsageError('give --webhook or --no-webhook, not both');
  if ((values.webhook === undefined) !== (values['webhook-secret-env'] === undefined)) {
    throw new UsageError('--webhook and --webhook-secret-env go together: the URL, and the variable that holds the secret its messages are signed with');
  }
  const changes: StaffChanges = {
    ...(values.name !== undefined ? { displayName: values.name } : {}),
    ...(values.email !== undefined ? { email: values.email } : values['no-email'] ? { email: null } : {}),
    ...(values.webhook !== undefined ? { webhook: { url: values.webhook, secretRef: values['webhook-secret-env'] ?? '' } } : values['no-webhook'] ? { webhook: null } : {}),
    ...(values.language !== undefined ? { language: values.language as StaffMember['language'] } : {}),
  };
  if (Object.keys(changes).length === 0) throw new UsageError('name what to change: --name, --email, --no-email, --language, --webhook with --webhook-secret-env, or --no-webhook');
  return changes;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

const row = (member: StaffMember) => [member.id, member.displayName, member.role, member.office, member.language, member.email ?? '', member.webhook?.url ?? '', member.active ? 'yes' : 'no'];

export function createStaffCommand(openServices: OpenCliServices = openCliServices): CliCommand {
  return {
    name: 'staff',
    summary: 'add, list, change, deactivate and invite (to sign in) staff who receive reminders, escalations and digests',
    run: async (args, io) => {
      const { values, positionals } = parseCommandLine(args, OPTIONS);
      if (values.help) {
        io.out(HELP);
        return EXIT_OK;
      }
      const action = positionals[0];
      if (!isAction(action)) throw new UsageError('name an action: add, list, set, deactivate or invite');
      return withExitCodes(`staff ${action}`, io, () =>
        usingServices(openServices, async ({ staff, access, cases, config }) => {
          const actor = values.as ?? process.env.DOCKET_ACTOR ?? 'operator';
          if (action === 'add') {
            const member = await addStaff(
              access,
              {
                id: values.id ?? '',
                displayName: values.name ?? '',
                role: values.role as StaffMember['role'],
                office: values.office ?? '',
                language: values.language as StaffMember['language'],
                ...(values.email !== undefined ? { email: values.email } : {}),
                ...(values.webhook !== undefined ? { webhook: { url: values.webhook, secretRef: values['webhook-secret-env'] ?? '' } } : {}),
              },
              { id: actor, via: 'cli' },
            );
            io.out(values.json ? JSON.stringify(member, null, 2) : `Added ${member.role} ${member.id} to office ${member.office}.`);
          } else if (action === 'list') {
            const members = await staff.list({
              ...(values.office !== undefined ? { office: values.office } : {}),
              ...(values.role !== undefined ? { role: values.role as StaffMember['role'] } : {}),
              includeInactive: values.all ?? false,
            });
            io.out(values.json ? JSON.stringify({ staff: members }, null, 2) : renderTable(['id', 'name', 'role', 'office', 'language', 'email', 'webhook', 'active'], members.map(row)));
          } else if (action === 'set') {
            const id = positionals[1];
            if (!id) throw new UsageError('name the staff member to change');
            const member = await changeStaff(access, id, changesFrom(values), { id: actor, via: 'cli' });
            io.out(values.json ? JSON.stringify(member, null, 2) : `Changed ${member.id}: ${renderTable(['name', 'language', 'email', 'webhook'], [[member.displayName, member.language, member.email ?? '', member.webhook?.url ?? '']]).trim()}`);
          } else if (action === 'invite') {
            const id = positionals[1];
            if (!id) throw new UsageError('name the staff member to invite');
            await inviteFromCli({ access, config }, id, actor, values.json ?? false, io);
          } else {
            const id = positionals[1];
            if (!id) throw new UsageError('name the staff member to deactivate');
            const openCasesOf = async (caseworker: string) => (await cases()).listing.count({ caseworker });
            const done = await deactivateStaff(access, id, { id: actor, via: 'cli' }, openCasesOf);
            io.out(
              values.json
                ? JSON.stringify({ id, active: false, revokedTokens: done.revokedTokens, revokedFeeds: done.revokedFeeds })
                : `Deactivated ${id}: revoked ${plural(done.revokedTokens.length, 'API token')} and ${plural(done.revokedFeeds.length, 'calendar feed')}.`,
            );
          }
          return EXIT_OK;
        }),
        FLAG_OF_FIELD,
      );
    },
  };
}

export const staffCommand = createStaffCommand();
