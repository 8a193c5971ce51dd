import { ForbiddenError } from '../errors/docket-errors';
import type { Principal, Role } from './roles';

/** Every action a role can be granted, with the words a refusal uses for it. */
const ACTION_DESCRIPTIONS = {
  'case.open': 'open cases',
  'case.read': 'read cases',
  'case.record': 'record events in cases',
  'case.reassign': 'reassign cases',
  'deadlines.read': 'list deadlines',
  'overview.read': 'see the case overview',
  'digest.read': 'read the supervisors’ digest',
  'messages.read': 'read messages kept in the outbox',
  'feeds.create': 'create calendar feeds (they carry case data)',
  'feeds.manage': 'list and revoke calendar feeds',
  'tokens.manage': 'manage API tokens',
  'staff.manage': 'manage the staff directory',
  'audit.read': 'read the audit log',
  'codec.use': 'decode case payloads',
  'rules.migrate': 'see the impact of new rule data and migrate cases to it',
  'deadlines.override': 'set a deadline by hand',
} as const;
export type Action = keyof typeof ACTION_DESCRIPTIONS;

/**
 * What each role may do. Caseworkers work on their own office's cases; supervisors see and steer
 * every case; admins manage access and never read case data: they cannot decode payloads or create a
 * calendar feed (a feed URL reads cases without a token), though they may list and revoke feeds. Each
 * role's grants are spelled out, so a new action is granted to no role until someone decides who may do it.
 */
const GRANTS: Record<Role, ReadonlySet<Action>> = {
  caseworker: new Set(['case.open', 'case.read', 'case.record', 'deadlines.read', 'overview.read', 'messages.read', 'feeds.create', 'feeds.manage']),
  supervisor: new Set([
    'case.open',
    'case.read',
    'case.record',
    'case.reassign',
    'deadlines.read',
    'overview.read',
    'digest.read',
    'messages.read',
    'feeds.create',
    'feeds.manage',
    'audit.read',
    'codec.use',
    'rules.migrate',
    'deadlines.override',
  ]),
  admin: new Set(['feeds.manage', 'tokens.manage', 'staff.manage', 'audit.read']),
};

export function isAllowed(role: Role, action: Action): boolean {
  return GRANTS[role].has(action);
}

export function requirePermission(principal: Principal, action: Action): void {
  if (!isAllowed(principal.role, action)) {
    throw new ForbiddenError(`The ${principal.role} role may not ${ACTION_DESCRIPTIONS[action]}.`);
  }
}

/** Caseworkers reach only the cases of the office their token was issued for. */
export function requireOfficeAccess(principal: Principal, office: string, what: string): void {
  if (principal.role === 'caseworker' && principal.office !== office) {
    throw new ForbiddenError(`${what} belongs to office "${office}"; your caseworker token is for office "${principal.office}".`);
  }
}

/** The office a caseworker's listing is confined to; supervisors may look at any office or all. */
export function officeScope(principal: Principal, requested: string | undefined): string | undefined {
  if (principal.role !== 'caseworker') return requested;
  if (requested !== undefined && requested !== principal.office) {
    throw new ForbiddenError(`Your caseworker token is for office "${principal.office}"; it cannot see office "${requested}".`);
  }
  return principal.office;
}
