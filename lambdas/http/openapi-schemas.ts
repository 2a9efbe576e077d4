import { Ajv2020 } from 'ajv/dist/2020.js';
import { Ajv, type Code } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type {
  JsonSchema,
  OpenApiDocument,
  OpenApiOperation,
  OpenApiParameter,
} from '../../contract/openapi/openapi-types.ts';

// ajv-formats is CommonJS: under NodeNext its plugin arrives as the default export's `default`.
const addFormats = addFormatsModule.default;

/** Where the spec's component schemas live inside Ajv, as `${SCHEMA_ROOT}#/$defs/<Name>`. */
export const SCHEMA_ROOT = 'https://mpc.example/openapi/schemas';

/** Rewrites `#/components/schemas/X` references to the Ajv-registered root. */
function rewriteRefs<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value).replaceAll('"#/components/schemas/', `"${SCHEMA_ROOT}#/$defs/`),
  ) as T;
}

/**
 * An Ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses) holding every component schema of the document.
 * `coerceTypes` is for query, path and header values, which arrive as strings.
 *
 * `standalone` prepares Ajv for ahead-of-time code generation (scripts/generate-operation-contracts.ts). It
 * uses Ajv's draft-07 class: the 2020-12 class emits tracking code for unevaluated properties into every
 * check, which tripled the generated size, and the spec uses no keyword that differs between the two (strict
 * mode refuses keywords a draft does not know, so a 2020-only keyword fails the generation, not a request).
 * Refs stay function calls so each component schema is compiled once per module.
 */
export function createSchemaAjv(
  document: OpenApiDocument,
  options: { coerceTypes: boolean; standalone?: { formats: Code } },
): Ajv | Ajv2020 {
  const settings = {
    allErrors: true,
    strict: true,
    strictRequired: false,
    coerceTypes: options.coerceTypes,
    useDefaults: false,
  } as const;
  const ajv = options.standalone
    ? new Ajv({
        ...settings,
        inlineRefs: false,
        code: { source: true, esm: true, formats: options.standalone.formats },
      })
    : new Ajv2020(settings);
  addFormats(ajv);
  ajv.addSchema({ $id: SCHEMA_ROOT, $defs: rewriteRefs(document.components.schemas) });
  return ajv;
}

export interface OperationDescription {
  operationId: string;
  method: string;
  pathTemplate: string;
  parameters: OpenApiParameter[];
  /** Undefined when the operation takes no body. */
  requestBody?: { required: boolean; schema: JsonSchema };
  /** By status code ("200", "default", ...): the response object with refs resolved. */
  responses: Record<string, ResponseDescription>;
  requiresAuth: boolean;
}

export interface ResponseDescription {
  headers: Record<string, { required: boolean; schema: JsonSchema }>;
  content: Record<string, JsonSchema>;
}

/**
 * One object schema for an operation's parameters, by location: unknown query parameters are refused,
 * unknown headers ignored. Header names are lower case, as the request parser delivers them.
 */
export function parameterSchema(description: OperationDescription): JsonSchema {
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

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Every operation of the document with its parameters, body and responses, component refs resolved. */
export function describeOperations(document: OpenApiDocument): OperationDescription[] {
  const described: OperationDescription[] = [];
  for (const [pathTemplate, pathItem] of Object.entries(document.paths)) {
    const shared = (pathItem.parameters ?? []) as OpenApiParameter[];
    for (const method of METHODS) {
      const operation = pathItem[method] as OpenApiOperation | undefined;
      if (!operation?.operationId) continue;
      const parameters = [...shared, ...(operation.parameters ?? [])].map(
        (parameter) => resolve(document, parameter) as OpenApiParameter,
      );
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      const security = (operation.security ?? document.security ?? []) as unknown[];
      described.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        pathTemplate,
        parameters: rewriteRefs(parameters),
        ...(bodySchema
          ? {
              requestBody: {
                required: operation.requestBody?.required === true,
                schema: rewriteRefs(bodySchema),
              },
            }
          : {}),
        responses: Object.fromEntries(
          Object.entries(operation.responses ?? {}).map(([status, response]) => [
            status,
            describeResponse(document, response),
          ]),
        ),
        requiresAuth: security.length > 0,
      });
    }
  }
  return described;
}

function describeResponse(document: OpenApiDocument, response: unknown): ResponseDescription {
  const resolved = resolve(document, response) as {
    headers?: Record<string, unknown>;
    content?: Record<string, { schema?: JsonSchema }>;
  };
  const headers: ResponseDescription['headers'] = {};
  for (const [name, header] of Object.entries(resolved.headers ?? {})) {
    const { required, schema } = resolve(document, header) as { required?: boolean; schema?: JsonSchema };
    headers[name.toLowerCase()] = { required: required === true, schema: rewriteRefs(schema ?? {}) };
  }
  const content: ResponseDescription['content'] = {};
  for (const [mediaType, media] of Object.entries(resolved.content ?? {}))
    content[mediaType] = rewriteRefs(media.schema ?? {});
  return { headers, content };
}

/** Follows a local `$ref` (components/parameters, responses, headers) to its object. */
function resolve(document: OpenApiDocument, value: unknown): unknown {
  const ref = (value as { $ref?: unknown })?.$ref;
  if (typeof ref !== 'string') return value;
  if (!ref.startsWith('#/')) throw new Error(`Only local references are supported: ${ref}`);
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment], document);
  if (target === undefined) throw new Error(`Unresolved reference ${ref}`);
  return resolve(document, target);
}
