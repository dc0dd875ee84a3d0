import type { Operation, Risk } from '../../core/types.js';
import { value, values, type CloudArgs } from './common.js';

// Settings whose new value takes something away as soon as it is saved, though no operation says delete: a
// queue's retention cut to a minute (older messages are deleted), a table's TTL turned on over a creation
// timestamp (every item past it expires), a stream's retention shortened, a user pool's second factor
// switched off. Each was a low-risk "change", allowed.

export interface Setting {
  operation: Operation;
  risk: Risk;
  /** Completes "aws <service> <operation> …". */
  what: string;
  reversible?: boolean;
}

/**
 * The keys of a structured value: JSON (`{"MessageRetentionPeriod": "60"}`) or the CLI's shorthand
 * (`Enabled=true,AttributeName=created_at`), whose values may hold commas inside quotes or brackets.
 */
function structuredKeys(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const data = JSON.parse(trimmed) as unknown;
      if (data && typeof data === 'object' && !Array.isArray(data))
        for (const [k, v] of Object.entries(data as Record<string, unknown>))
          if (['string', 'number', 'boolean'].includes(typeof v) || Array.isArray(v)) keys.set(k, String(v));
    } catch {
      // Not JSON after all: nothing is read from it.
    }
    return keys;
  }
  for (const pair of shorthandPairs(trimmed)) {
    const eq = pair.indexOf('=');
    if (eq > 0)
      keys.set(
        pair.slice(0, eq).trim(),
        pair
          .slice(eq + 1)
          .trim()
          .replace(/^"(.*)"$/, '$1'),
      );
  }
  return keys;
}

/** `a=1,b="x,y",c={d,e}` → `a=1`, `b="x,y"`, `c={d,e}`. */
function shorthandPairs(text: string): string[] {
  const pairs: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      pairs.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pairs.push(text.slice(start));
  return pairs;
}

/** Every key given to an option, from each of its values (a list's items joined with commas). */
export const keysOf = (args: CloudArgs, option: string) => {
  const all = new Map<string, string>();
  for (const v of values(args, option)) for (const [k, x] of structuredKeys(v)) all.set(k, x);
  return all;
};

const HOUR = 3600;
const DAY = 24 * HOUR;

/** An SQS queue keeps messages for MessageRetentionPeriod seconds: those already older are deleted. */
function queueRetention(args: CloudArgs): Setting | undefined {
  const seconds = Number(keysOf(args, '--attributes').get('MessageRetentionPeriod'));
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds >= DAY) return undefined;
  return {
    operation: 'delete',
    risk: seconds < HOUR ? 'high' : 'medium',
    what: `sets MessageRetentionPeriod=${seconds}: messages in the queue older than ${seconds} s are deleted`,
  };
}

/** Words of attribute names that hold when an item was made or changed, not when it should go. */
const WHEN_MADE =
  /^(created?|creation|inserted|insert|added|updated?|modified|modification|changed|timestamp|ts|date|time|at|on)$/i;
const WHEN_DUE =
  /^(ttl|expires?|expiry|expiration|expiring|expire|delete|deletion|purge|evict|until|valid)$/i;

/** `created_at`, `createdAt`, `CreationTime` → their words. */
const nameWords = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean);

/**
 * DynamoDB's TTL deletes every item whose attribute holds a time in the past. On an attribute written to
 * say when an item expires that is its purpose; on one that says when it was made or changed, every item
 * older than now (all of them) is deleted within days.
 */
function timeToLive(args: CloudArgs): Setting | undefined {
  const spec = keysOf(args, '--time-to-live-specification');
  const enabled = spec.get('Enabled');
  if (enabled === undefined) return undefined;
  if (!/^true$/i.test(enabled))
    return { operation: 'modify', risk: 'low', what: 'turns off expiry of items', reversible: true };
  const attribute = spec.get('AttributeName') ?? '';
  const words = nameWords(attribute);
  if (words.some((w) => WHEN_DUE.test(w)))
    return { operation: 'modify', risk: 'low', what: `expires items at the time in ${attribute}` };
  if (words.length > 0 && words.every((w) => WHEN_MADE.test(w)))
    return {
      operation: 'delete',
      risk: 'high',
      what: `expires items by ${attribute}, a time they were made or changed: every item already past it is deleted`,
    };
  return {
    operation: 'delete',
    risk: 'medium',
    what: `turns on expiry by ${attribute || 'an attribute'}: items whose value there is a past time are deleted`,
  };
}

/** Kinesis deletes the records older than the new retention period at once. */
function streamRetention(args: CloudArgs): Setting | undefined {
  const hours = value(args, '--retention-period-hours');
  return {
    operation: 'delete',
    risk: 'high',
    what: `shortens the retention${hours ? ` to ${hours} h` : ''}: older records are deleted`,
  };
}

/** Cognito user pools: OFF lets every user sign in with a password alone; OPTIONAL lets each user choose. */
function userPoolMfa(args: CloudArgs): Setting | undefined {
  const mfa = value(args, '--mfa-configuration')?.toUpperCase();
  if (mfa === 'OFF')
    return {
      operation: 'modify',
      risk: 'high',
      what: 'turns off multi-factor sign-in for every user of the pool',
    };
  if (mfa === 'OPTIONAL')
    return { operation: 'modify', risk: 'medium', what: 'makes multi-factor sign-in optional for the pool' };
  return undefined;
}

/** What a setting takes away at once, for the operations that set one; undefined otherwise. */
export function awsSetting(service: string, op: string, args: CloudArgs): Setting | undefined {
  if (service === 'sqs' && op === 'set-queue-attributes') return queueRetention(args);
  if (service === 'dynamodb' && op === 'update-time-to-live') return timeToLive(args);
  if (service === 'kinesis' && op === 'decrease-stream-retention-period') return streamRetention(args);
  if (service === 'cognito-idp' && (op === 'set-user-pool-mfa-config' || op === 'update-user-pool'))
    return userPoolMfa(args);
  return undefined;
}
