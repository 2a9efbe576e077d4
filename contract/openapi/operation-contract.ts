import type { ErrorObject } from 'ajv';
import type { OperationId } from './operation-ids.ts';

/**
 * A JSON Schema check compiled ahead of time (Ajv standalone code, `npm run openapi:generate`): true when the
 * value conforms; after false, `errors` says why. Parameter checks coerce strings in place.
 */
export interface SchemaCheck {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** What the HTTP layer needs to know about one operation of openapi.yml, with its checks compiled. */
export interface OperationContract {
  operationId: OperationId;
  requiresAuth: boolean;
  /** Checks `{ path, query, headers }` (header names lower case), coercing values to the declared types. */
  parameters: SchemaCheck;
  /** Absent when the operation takes no body. */
  requestBody?: { required: boolean; check: SchemaCheck };
}

/**
 * An operation's declared responses by status code ("200", "default", ...), in their own generated module
 * (response-contracts.generated.ts): only the development self-check and the tests read them.
 */
export type ResponseContracts = Record<string, ResponseContract>;

export interface ResponseContract {
  /** By lower-case header name. */
  headers: Record<string, { required: boolean; check: SchemaCheck }>;
  /** By media type. */
  content: Record<string, SchemaCheck>;
}
