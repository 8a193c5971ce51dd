import type { CliCommand } from '../command';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import type { FeedRecord, TokenRecord } from '../../access';
import { auditedGrant } from '../../access/audited-grant';
import { parseCommandLine, withExitCodes } from './command-line';
import { openCliServices, usingServices, type CliServices, type OpenCliServices } from './services';
import { renderTable } from './table';

/**
 * Tokens and feed URLs are issued here by whoever runs the engine, straight in its database: the first
 * admin token has to come from somewhere, and an operator can always revoke a leaked one.
 */
const TOKEN_HELP = `Usage:
  docket token issue --staff STAFF --label TEXT [--expires-in-days DAYS]
  docket token list
  docket token revoke TOKEN_ID

The token is printed once; only its hash is stored. It acts with the role and office the staff directory
gives the member (docket staff add), checked at every request, so deactivating the member ends it at once.
It expires after --expires-in-days (default DOCKET_TOKEN_LIFETIME_DAYS, 90). Nobody may issue themselves a
caseworker or supervisor token. Add --as STAFF (or DOCKET_ACTOR) to record who issued it (default:
operator), and --json for machine-readable output.`;

const FEED_HELP = `Usage:
  docket feed create --caseworker STAFF | --office OFFICE
  docket feed list
  docket feed revoke FEED_ID

Prints a secret calendar URL (ICS) to subscribe to from Outlook or Google Calendar; anyone holding it can read
the feed until it is revoked. Add --as STAFF (or DOCKET_ACTOR) to record who made it (default: operator), and --json.`;

const OPTIONS = {
  staff: { type: 'string' },
  office: { type: 'string' },
  caseworker: { type: 'string' },
  label: { type: 'string' },
  'expires-in-days': { type: 'string' },
  as: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The flag each request field comes from, so problems are reported in the words typed. */
const FLAG_OF_FIELD = { staffId: '--staff', label: '--label', expiresInDays: '--expires-in-days', subject: '--caseworker or --office' };

type Values = ReturnType<typeof parseCommandLine<typeof OPTIONS>>['values'];
type Action = (services: CliServices, values: Values, positionals: string[], io: CliIo, actor: string) => Promise<number>;

function accessCommand(name: string, summary: string, help: string, actions: Record<string, Action>, openServices: OpenCliServices): CliCommand {
  return {
    name,
    summary,
    run: async (args, io) => {
      const { values, positionals } = parseCommandLine(args, OPTIONS);
      const action = positionals[0];
      if (values.help) {
        io.out(help);
        return EXIT_OK;
      }
      const run = action === undefined ? undefined : actions[action];
      if (!run) throw new UsageError(`name an action: ${Object.keys(actions).join(', ')}`);
      const actor = values.as ?? process.env.DOCKET_ACTOR ?? 'operator';
      return withExitCodes(`${name} ${action}`, io, () => usingServices(openServices, (services) => run(services, values, positionals, io, actor)), FLAG_OF_FIELD);
    },
  };
}

function idArgument(positionals: string[], what: string): string {
  const id = positionals[1];
  if (!id) throw new UsageError(`name the ${what} to revoke (see the list)`);
  return id;
}

const tokenRow = (record: TokenRecord) => [
  record.id,
  record.staffId,
  record.role,
  record.office,
  record.label,
  record.createdAt,
  record.expiresAt,
  record.revokedAt ?? '',
];
const feedRow = (record: FeedRecord) => [record.id, record.scope, record.subject, record.createdAt, record.revokedAt ?? ''];

export function createTokenCommand(openServices: OpenCliServices = openCliServices): CliCommand {
  return accessCommand(
    'token',
    'issue, list and revoke API tokens (admin, supervisor, caseworker)',
    TOKEN_HELP,
    {
      issue: async ({ access }, values, _positionals, io, actor) => {
        const staffId = values.staff ?? '';
        const issued = await auditedGrant(access.audit, { actor, via: 'cli', action: 'token.issue', target: staffId }, () =>
          access.tokens.issue(
            { staffId, label: values.label ?? '', ...(values['expires-in-days'] !== undefined ? { expiresInDays: values['expires-in-days'] } : {}) },
            actor,
          ),
        );
        await access.audit.record({
          actor,
          via: 'cli',
          action: 'token.issue',
          target: issued.record.id,
          outcome: 'ok',
          detail: { staffId: issued.record.staffId, role: issued.record.role, office: issued.record.office, expiresAt: issued.record.expiresAt },
        });
        io.out(
          values.json
            ? JSON.stringify(issued, null, 2)
            : `${issued.token}\n\nIssued ${issued.record.role} token ${issued.record.id} for ${issued.record.staffId} (office ${issued.record.office}), valid until ${issued.record.expiresAt}. It is shown only this once.`,
        );
        return EXIT_OK;
      },
      list: async ({ access }, values, _positionals, io) => {
        const tokens = await access.tokens.list();
        io.out(values.json ? JSON.stringify({ tokens }, null, 2) : renderTable(['id', 'staff', 'role', 'office', 'label', 'created', 'expires', 'revoked'], tokens.map(tokenRow)));
        return EXIT_OK;
      },
      revoke: async ({ access }, values, positionals, io, actor) => {
        const record = await access.tokens.revoke(idArgument(positionals, 'token id'), actor);
        await access.audit.record({ actor, via: 'cli', action: 'token.revoke', target: record.id, outcome: 'ok' });
        io.out(values.json ? JSON.stringify(record, null, 2) : `Token ${record.id} of ${record.staffId} is revoked (since ${record.revokedAt}).`);
        return EXIT_OK;
      },
    },
    openServices,
  );
}

export function createFeedCommand(openServices: OpenCliServices = openCliServices): CliCommand {
  return accessCommand(
    'feed',
    'create, list and revoke secret ICS calendar feed URLs',
    FEED_HELP,
    {
      create: async ({ access, config }, values, _positionals, io, actor) => {
        if ((values.caseworker === undefined) === (values.office === undefined)) {
          throw new UsageError('give exactly one of --caseworker STAFF or --office OFFICE');
        }
        const request = values.caseworker !== undefined ? { scope: 'caseworker' as const, subject: values.caseworker } : { scope: 'office' as const, subject: values.office ?? '' };
        const { secretPath, record } = await access.feeds.create(request, actor);
        await access.audit.record({ actor, via: 'cli', action: 'feed.create', target: record.id, outcome: 'ok', detail: { scope: record.scope, subject: record.subject } });
        const url = `${config.api.publicUrl.replace(/\/$/, '')}${secretPath}`;
        io.out(values.json ? JSON.stringify({ url, record }, null, 2) : `${url}\n\nCalendar feed ${record.id} for ${record.scope} ${record.subject}. Subscribe to the URL; revoke it with: docket feed revoke ${record.id}`);
        return EXIT_OK;
      },
      list: async ({ access }, values, _positionals, io) => {
        const feeds = await access.feeds.list();
        io.out(values.json ? JSON.stringify({ feeds }, null, 2) : renderTable(['id', 'scope', 'subject', 'created', 'revoked'], feeds.map(feedRow)));
        return EXIT_OK;
      },
      revoke: async ({ access }, values, positionals, io, actor) => {
        const record = await access.feeds.revoke(idArgument(positionals, 'feed id'), actor);
        await access.audit.record({ actor, via: 'cli', action: 'feed.revoke', target: record.id, outcome: 'ok' });
        io.out(values.json ? JSON.stringify(record, null, 2) : `Calendar feed ${record.id} is revoked; its URL no longer works.`);
        return EXIT_OK;
      },
    },
    openServices,
  );
}

export const tokenCommand = createTokenCommand();
export const feedCommand = createFeedCommand();
