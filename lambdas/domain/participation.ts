import { randomBytes } from 'node:crypto';
import type { RecipientCandidate } from './collaboration.ts';
import type { RuleViolation } from './errors.ts';

export type InputStatus = 'PENDING' | 'COMPLETE';
export type ParticipationStatus = 'READY_FOR_INPUT' | 'INPUT_COMPLETE' | 'FINISHED';

export interface Participant {
  collaborationId: string;
  clientId: string;
  joinedAt: string;
  /** base64url raw X25519 key the servers seal this participant's result shares to. */
  resultPublicKey: string;
  webhookUrl?: string;
  /** The participant's one input, once asked for (a new request replaces a pending one). */
  inputId?: string;
  inputStatus?: InputStatus;
  finishedAt?: string;
  /** Standard Webhooks signing secret (`whsec_<base64>`), made at join when a webhook URL is given. */
  webhookSecret?: string;
  /** The last webhook delivery to this participant, recorded by the workflow's notifier. */
  webhookDelivery?: WebhookDelivery;
  /** Why the servers excluded this participant's counted input from the computation (set by the workflow). */
  exclusionReason?: string;
}

/** The outcome of delivering one webhook to one participant, shown on GET participants/me. */
export interface WebhookDelivery {
  messageId: string;
  event: string;
  attempts: number;
  delivered: boolean;
  lastAttemptAt: string;
  lastError?: string;
}

/** A fresh Standard Webhooks secret: 32 random bytes, shown to the participant once, in the join answer. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * What decides whether this participant receives the result. Its input counts once complete (completing is
 * possible only while OPEN); the workflow passes what its input snapshot says instead.
 */
export function recipientCandidate(
  participant: Pick<Participant, 'clientId' | 'inputStatus' | 'exclusionReason'>,
  inputCounted = participant.inputStatus === 'COMPLETE',
): RecipientCandidate {
  return {
    clientId: participant.clientId,
    inputCounted,
    inputExcluded: participant.exclusionReason !== undefined,
  };
}

export function participationStatus(participant: Participant): ParticipationStatus {
  if (participant.finishedAt !== undefined) return 'FINISHED';
  return participant.inputStatus === 'COMPLETE' ? 'INPUT_COMPLETE' : 'READY_FOR_INPUT';
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Webhooks carry result notifications: https to a public address only. Plain http to this machine is allowed
 * only where `loopbackHttp` says so (the local runtime): on AWS, loopback in a Lambda is its Runtime API.
 */
export function webhookUrlViolations(
  webhookUrl: string | undefined,
  options: { loopbackHttp: boolean } = { loopbackHttp: false },
): RuleViolation[] {
  if (webhookUrl === undefined) return [];
  let url: URL;
  try {
    url = new URL(webhookUrl);
  } catch {
    return [{ path: '/webhookUrl', message: 'must be an absolute URL' }];
  }
  if (url.username !== '' || url.password !== '')
    return [{ path: '/webhookUrl', message: 'must not carry credentials' }];
  if (url.protocol === 'https:')
    return isPrivateAddress(url.hostname)
      ? [{ path: '/webhookUrl', message: 'must not point at a private, link-local or loopback address' }]
      : [];
  if (url.protocol === 'http:' && options.loopbackHttp && LOOPBACK_HOSTS.has(url.hostname)) return [];
  return [
    {
      path: '/webhookUrl',
      message: options.loopbackHttp ? 'must use https (http only to a loopback host)' : 'must use https',
    },
  ];
}

/** The raw X25519 key must decode to exactly 32 bytes. */
export function publicKeyViolations(resultPublicKey: string): RuleViolation[] {
  const bytes = Buffer.from(resultPublicKey, 'base64url');
  return bytes.length === 32 && bytes.toString('base64url') === resultPublicKey
    ? []
    : [{ path: '/resultPublicKey', message: 'must be a base64url raw 32-byte X25519 public key' }];
}

/**
 * IP literals the notifier must never be pointed at from the cloud (internal networks, instance metadata).
 * Names are not resolved here; this only stops the obvious literal cases.
 */
function isPrivateAddress(hostname: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(hostname);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (hostname.startsWith('[')) {
    const v6 = hostname.slice(1, -1).toLowerCase();
    return (
      v6 === '::1' || v6 === '::' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith('::ffff:')
    );
  }
  return hostname === 'localhost' || hostname.endsWith('.localhost');
}
