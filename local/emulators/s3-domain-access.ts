/** The part of a koa context (s3rver is a koa app) this middleware reads and answers with. */
export interface S3RequestContext {
  method: string;
  path: string;
  query: Record<string, unknown>;
  get(header: string): string;
  status: number;
  type: string;
  body: unknown;
}

/** What one principal may do in one bucket: the methods, on keys under one of the prefixes. */
export interface S3AccessRule {
  bucket: string;
  prefixes: readonly string[];
  /** `LIST` is a GET of the bucket itself, its `prefix` query under one of the prefixes. */
  methods: readonly ('GET' | 'HEAD' | 'PUT' | 'DELETE' | 'LIST')[];
  /** When set, an object key must also match it (ids in the middle of a key, as an IAM `*` allows). */
  keyPattern?: RegExp;
}

/**
 * Per access key id, everything it may do; a key without an entry is unrestricted (the coordinator's, which
 * the tools and tests also use to create and empty buckets). The emulator's stand-in for the IAM policies that
 * keep each domain to its own objects (lib/constructs/mpc-tasks.ts).
 */
export type S3AccessPolicy = Readonly<Record<string, readonly S3AccessRule[]>>;

/** A koa middleware for s3rver (path-style requests) that answers 403 AccessDenied outside the policy. */
export function s3DomainAccess(policy: S3AccessPolicy) {
  return async (ctx: S3RequestContext, next: () => Promise<void>): Promise<void> => {
    const rules = policy[accessKeyOf(ctx)];
    if (rules && !allowed(rules, ctx)) {
      ctx.status = 403;
      ctx.type = 'application/xml';
      ctx.body =
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>' +
        '<Message>Access Denied (local domain policy)</Message></Error>';
      return;
    }
    await next();
  };
}

function accessKeyOf(ctx: S3RequestContext): string {
  const header = /Credential=([^/,\s]+)\//.exec(ctx.get('authorization'))?.[1];
  const query = ctx.query['X-Amz-Credential'];
  return header ?? (typeof query === 'string' ? (query.split('/')[0] ?? '') : '');
}

function allowed(rules: readonly S3AccessRule[], ctx: S3RequestContext): boolean {
  const [bucket = '', ...rest] = ctx.path.replace(/^\//, '').split('/');
  const key = decodeURIComponent(rest.join('/'));
  const listing = key === '' && ctx.method === 'GET';
  const method = listing ? 'LIST' : ctx.method;
  const prefix = listing ? String(ctx.query.prefix ?? '') : key;
  return rules.some(
    (rule) =>
      rule.bucket === bucket &&
      (rule.methods as readonly string[]).includes(method) &&
      rule.prefixes.some((allowedPrefix) => prefix.startsWith(allowedPrefix)) &&
      (rule.keyPattern === undefined || (!listing && rule.keyPattern.test(key))),
  );
}
