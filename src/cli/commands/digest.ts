import { buildDigest } from '../../digest/build-digest';
import { renderDigest } from '../../digest/digest-message';
import type { CliCommand } from '../command';
import { EXIT_OK, UsageError } from '../io';
import { parseCommandLine, withExitCodes } from './command-line';
import { openCliServices, usingServices, type OpenCliServices } from './services';

const HELP = `Usage: docket digest --office OFFICE [--lang en|ru] [--json]

Shows the digest an office's supervisors receive each working morning: the cases whose next deadline
falls within a week, and the deadlines missed in the last 90 days in cases still open.`;

const OPTIONS = {
  office: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function createDigestCommand(openServices: OpenCliServices = openCliServices): CliCommand {
  return {
    name: 'digest',
    summary: "show an office's daily digest of upcoming and missed deadlines",
    run: async (args, io) => {
      const { values, positionals } = parseCommandLine(args, OPTIONS);
      if (values.help) {
        io.out(HELP);
        return EXIT_OK;
      }
      if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
      const office = values.office;
      if (!office) throw new UsageError('name the office: --office OFFICE');
      const lang = values.lang ?? 'en';
      if (lang !== 'en' && lang !== 'ru') throw new UsageError(`--lang expects en or ru, got "${lang}"`);
      return withExitCodes('digest', io, () =>
        usingServices(openServices, async (services) => {
          const digest = await buildDigest(await services.cases(), services.escalated, office, new Date());
          if (values.json) {
            io.out(JSON.stringify(digest, null, 2));
          } else {
            const { subject, text } = renderDigest(digest, lang, `${services.config.api.publicUrl.replace(/\/$/, '')}/desk`);
            io.out(`${subject}\n\n${text}`);
          }
          return EXIT_OK;
        }),
      );
    },
  };
}

export const digestCommand = createDigestCommand();
