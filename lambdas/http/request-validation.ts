import type { ErrorObject, ValidateFunction } from 'ajv';
import type { RuleViolation } from '../domain/errors.ts';
import { openapiDocument } from './openapi-document.generated.ts';
import { createSchemaAjv, describeOperations, type OperationDescription } from './openapi-schemas.ts';
import type { JsonSchema } from './openapi-types.ts';

export interface RawRequest {
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
}

interface OperationValidator {
  description: OperationDescription;
  /** Coerces query, path and header strings in place to the declared types. */
  parameters: ValidateFunction;
  body?: ValidateFunction;
}

const operations = new Map(describeOperations(openapiDocument).map((op) => [op.operationId, op]));
const validators = new Map<string, OperationValidator>();
let parameterAjv: ReturnType<typeof createSchemaAjv> | undefined;
let bodyAjv: ReturnType<typeof createSchemaAjv> | undefined;

export function operationDescription(operationId: string): OperationDescription {
  const description = operations.get(operationId);
  if (!description) throw new Error(`openapi.yml has no operation ${operationId}`);
  return description;
}

/** Validators compiled on first use per container, so cold starts pay only for the operation they serve. */
function validatorFor(operationId: string): OperationValidator {
  const cached = validators.get(operationId);
  if (cached) return cached;
  const description = operationDescription(operationId);
  parameterAjv ??= createSchemaAjv(openapiDocument, { coerceTypes: true });
  bodyAjv ??= createSchemaAjv(openapiDocument, { coerceTypes: false });
  const validator: OperationValidator = {
    description,
    parameters: parameterAjv.compile(parameterSchema(description)),
    ...(description.requestBody ? { body: bodyAjv.compile(description.requestBody.schema) } : {}),
  };
  validators.set(operationId, validator);
  return validator;
}

/** One object schema per location; unknown query parameters are refused, unknown headers ignored. */
function parameterSchema(description: OperationDescription): JsonSchema {
  const location = (where: 'path' | 'query' | 'header', closed: boolean): JsonSchema => {
    const declared = description.parameters.filter((p) => p.in === where);
    const name = (p: { name: string }) => (where === 'header' ? p.name.toLowerCase() : p.name);
    return {
      type: 'object',
      properties: Object.fromEntries(declared.map((p) => [name(p), p.schema ?? {}])),
      required: declared.filter((p) => p.required).map(name),
      additionalProperties: !closed,
    };
  };
  return {
    type: 'object',
    properties: {
      path: location('path', true),
      query: location('query', true),
      headers: location('header', false),
    },
  };
}

/** Validates (and coerces) the parameters; returns the violations. */
export function parameterViolations(operationId: string, raw: RawRequest): RuleViolation[] {
  const validate = validatorFor(operationId).parameters;
  return validate(raw) ? [] : (validate.errors ?? []).map((error) => toViolation(error, 'parameters'));
}

export function bodyViolations(operationId: string, body: unknown): RuleViolation[] {
  const validate = validatorFor(operationId).body;
  if (!validate) return [];
  return validate(body) ? [] : (validate.errors ?? []).map((error) => toViolation(error, 'body'));
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
