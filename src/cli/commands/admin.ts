import { DEFAULT_RETENTION_DAYS, setUpConfiguredCluster } from '../../client/cluster-admin';
import { loadConfig } from '../../config';
import type { CliCommand } from '../command';
import { EXIT_OK, UsageError } from '../io';
import { parseCommandLine, withExitCodes } from './command-line';

const HELP = `Usage: docket admin setup-cluster [--retention-days N] [--json]

Makes an external Temporal cluster ready for the engine, as an identity allowed to administer it:
creates the namespace (TEMPORAL_NAMESPACE) when it does not exist, keeping finished cases' histories
--retention-days days (default ${DEFAULT_RETENTION_DAYS}), and adds the engine's search attributes the
namespace lacks. Safe to run again: what exists is left alone. Engine processes check the same at
startup (DOCKET_CLUSTER_SETUP=auto adds missing search attributes, check only checks).`;

const OPTIONS = {
  'retention-days': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const adminCommand: CliCommand = {
  name: 'admin',
  summary: 'set up an external Temporal cluster for the engine (namespace, search attributes)',
  run: async (args, io) => {
    const { values, positionals } = parseCommandLine(args, OPTIONS);
    if (values.help) {
      io.out(HELP);
      return EXIT_OK;
    }
    const [action, ...rest] = positionals;
    if (action !== 'setup-cluster') throw new UsageError(action === undefined ? 'name the action: docket admin setup-cluster' : `unknown action "${action}" (known: setup-cluster)`);
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    const retentionText = values['retention-days'] ?? String(DEFAULT_RETENTION_DAYS);
    const retentionDays = Number(retentionText);
    if (!/^\d+$/.test(retentionText) || retentionDays < 1 || retentionDays > 3650) {
      throw new UsageError(`--retention-days expects a whole number of days from 1 to 3650, got "${retentionText}"`);
    }
    const config = loadConfig();
    if (config.temporal.mode === 'embedded') {
      throw new UsageError('no cluster is configured (TEMPORAL_ADDRESS): the embedded dev server sets itself up');
    }
    return withExitCodes('admin setup-cluster', io, async () => {
      const outcome = await setUpConfiguredCluster(config, { retentionDays });
      if (values.json) {
        io.out(JSON.stringify({ namespace: config.temporal.namespace, ...outcome }, null, 2));
      } else {
        io.out(
          [
            `namespace ${config.temporal.namespace} on ${config.temporal.address}: ${outcome.namespaceCreated ? `created (retention ${retentionDays} days)` : 'exists'}`,
            outcome.added.length > 0 ? `search attributes added: ${outcome.added.join(', ')}` : 'search attributes: all present',
          ].join('\n'),
        );
      }
      return EXIT_OK;
    });
  },
};
