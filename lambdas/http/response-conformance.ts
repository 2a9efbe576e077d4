import type { ErrorObject } from 'ajv';
import type { ResponseContract } from '../../contract/openapi/operation-contract.ts';

export interface ResponseToCheck {
  status: number;
  /** Header lookup by lower-case name. */
  header(name: string): string | undefined;
  /** The raw body text ('' when empty). */
  bodyText: string;
}

/**
 * Every way a response departs from its operation's declared responses; empty when it conforms. The status
 * must be declared (or covered by `default`), the media type one the status declares, the body must match
 * its schema and every required header must be present.
 */
export function responseViolations(
  operationId: string,
  responses: Record<string, ResponseContract>,
  response: ResponseToCheck,
): string[] {
  const declared = responses[String(response.status)] ?? responses.default;
  const where = `${operationId} ${response.status}`;
  if (!declared) return [`${where}: status not declared`];
  const problems: string[] = [];
  for (const [name, header] of Object.entries(declared.headers)) {
    const value = response.header(name);
    if (value === undefined) {
      if (header.required) problems.push(`${where}: header ${name} missing`);
    } else if (!header.check(value)) {
      problems.push(`${where}: header ${name}=${value} invalid`);
    }
  }
  const mediaTypes = Object.keys(declared.content);
  if (mediaTypes.length === 0)
    return response.bodyText === '' ? problems : [...problems, `${where}: body not declared`];
  const contentType = (response.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
  const check = declared.content[contentType];
  if (!check)
    return [...problems, `${where}: content-type ${contentType} not among ${mediaTypes.join(', ')}`];
  let body: unknown;
  try {
    body = JSON.parse(response.bodyText);
  } catch {
    return [...problems, `${where}: body is not JSON`];
  }
  if (!check(body)) problems.push(`${where}: body ${errorsText(check.errors)}`);
  return problems;
}

/** The same text as Ajv's `errorsText`, without needing an Ajv instance. */
function errorsText(errors: ErrorObject[] | null | undefined): string {
  if (!errors || errors.length === 0) return 'No errors';
  return errors.map((error) => `data${error.instancePath} ${error.message ?? ''}`).join(', ');
}
