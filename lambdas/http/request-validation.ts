import type { ErrorObject } from 'ajv';
import type { RuleViolation } from '../domain/errors.ts';
import type { OperationContract, SchemaCheck } from '../../contract/openapi/operation-contract.ts';

export interface RawRequest {
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
}

/** Validates (and coerces in place) the parameters; returns the violations. */
export function parameterViolations(contract: OperationContract, raw: RawRequest): RuleViolation[] {
  return violationsOf(contract.parameters, raw, 'parameters');
}

export function bodyViolations(contract: OperationContract, body: unknown): RuleViolation[] {
  return contract.requestBody ? violationsOf(contract.requestBody.check, body, 'body') : [];
}

function violationsOf(check: SchemaCheck, value: unknown, source: 'parameters' | 'body'): RuleViolation[] {
  return check(value) ? [] : (check.errors ?? []).map((error) => toViolation(error, source));
}

/** Body errors point into the body (`/analyses/0/kind`); parameter errors read `query.limit`. */
function toViolation(error: ErrorObject, source: 'parameters' | 'body'): RuleViolation {
  const extra =
    error.keyword === 'additionalProperties'
      ? `/${String(error.params.additionalProperty)}`
      : error.keyword === 'required'
        ? `/${String(error.params.missingProperty)}`
        : '';
  const pointer = `${error.instancePath}${extra}`;
  const path =
    source === 'body' ? pointer || '/' : pointer.slice(1).replace('/', '.').replace('headers.', 'header.');
  const message =
    error.keyword === 'additionalProperties'
      ? 'is not allowed'
      : error.keyword === 'required'
        ? 'is required'
        : (error.message ?? 'is invalid');
  return { path, message };
}
