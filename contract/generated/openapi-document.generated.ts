// Generated from openapi.yml by scripts/generate-openapi-document.ts (npm run openapi:generate). Do not edit.
import type { OpenApiDocument } from '../openapi/openapi-types.ts';

export const openapiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'MPC coordination service',
    version: '0.1.0',
    summary: 'Find and run privacy-preserving joint statistics between independent client services.',
    description:
      "The coordinator lets client services discover and create collaborations, join them, upload their\nsealed (HPKE) input shares straight to storage through presigned URLs, register those inputs, follow the\ncollaboration's status and fetch their sealed result shares.\n\nEvery response carries `x-request-id`. Every error is an RFC 9457 `application/problem+json` document\nwhose `type` is one of the stable URIs listed under `components.schemas.Problem`; see `docs/api.md`.\n\nVisibility: collaborations are public documents (anyone authenticated can discover and read them);\nparticipations, inputs and results are private to their participant. A caller asking for a\nparticipation or an input that is not theirs gets 404, never 403, so they learn nothing about it.\n",
    license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
  },
  servers: [{ url: 'http://127.0.0.1:3000', description: 'Local runtime (`npm start`)' }],
  security: [{ clientCredentials: [] }],
  tags: [
    { name: 'service' },
    { name: 'collaborations' },
    { name: 'participation' },
    { name: 'inputs' },
    { name: 'results' },
  ],
  paths: {
    '/v1/health': {
      get: {
        operationId: 'getHealth',
        tags: ['service'],
        summary: 'Liveness probe.',
        security: [],
        responses: {
          '200': {
            description: 'The API is up.',
            headers: { 'x-request-id': { $ref: '#/components/headers/RequestId' } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
          },
          default: { $ref: '#/components/responses/Problem' },
        },
      },
    },
    '/v1/computation-servers': {
      get: {
        operationId: 'listComputationServers',
        tags: ['service'],
        summary: 'The two computation servers and their HPKE key configurations.',
        description: 'Input shares are sealed to these keys, one share per server.',
        responses: {
          '200': {
            description: 'Both servers.',
            headers: { 'x-request-id': { $ref: '#/components/headers/RequestId' } },
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/ComputationServerList' } },
            },
          },
          '401': { $ref: '#/components/responses/Problem' },
          default: { $ref: '#/components/responses/Problem' },
        },
      },
    },
    '/v1/collaborations': {
      post: {
        operationId: 'createCollaboration',
        tags: ['collaborations'],
        summary: 'Declare a new collaboration; the caller becomes its owner.',
        description:
          "The whole declaration is validated here: fields, analyses and their parameters, participant limits,\ndeadline and result recipients. The computation servers' own computability check then runs for\nmaxParticipants inputs of at most maxRowsPerParticipant rows each (at most 16777216 rows each when it is\nnot declared): a spec they could not compute exactly (a variance over a field without bounds, a sum of\nsquares that could overflow 128 bits) is refused with `not-computable` (400), whose `errors` name each\nfield and what to declare instead (bounds, fewer fractional bits, a smaller maxParticipants or\nmaxRowsPerParticipant). A refused declaration stores nothing. The owner does not join automatically.\n\n`participants` is an optional invite list: with it only the listed clients may join (others get 403\n`forbidden`); list yourself to take part. `maxParticipants` and the quorum count counted inputs\n(completed before the inputs close), not joins: a join without an input holds no slot.\n",
        parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/CreateCollaborationRequest' } },
          },
        },
        responses: {
          '201': {
            description: 'Created.',
            headers: {
              'x-request-id': { $ref: '#/components/headers/RequestId' },
              location: { description: 'URL path of the new collaboration.', schema: { type: 'string' } },
            },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Collaboration' } } },
          },
          '400': { $ref: '#/components/responses/Problem' },
          '401': { $ref: '#/components/responses/Problem' },
          '409': { $ref: '#/components/responses/Problem' },
          '415': { $ref: '#/components/responses/Problem' },
          default: { $ref: '#/components/responses/Problem' },
        },
      },
      get: {
        operationId: 'listCollaborations',
        tags: ['collaborations'],
        summary: "Discover collaborations, or list the caller's own.",
        description:
          'Without `role`, lists collaborations by status (default `OPEN`), newest first. With `role=owner` or\n`role=participant`, lists the collaborations the caller created or joined (any status unless\n`status` is given). `analysis` keeps only collaborations that request that analysis kind. A page\nmay hold fewer than `limit` items while `nextToken` is still present: keep following it.\n',
        parameters: [
          { name: 'status', in: 'query', schema: { $ref: '#/components/schemas/CollaborationStatus' } },
          { name: 'analysis', in: 'query', schema: { $ref: '#/components/schemas/AnalysisKind' } },
          { name: 'role', in: 'query', schema: { type: 'string', enum: ['owner', 'participant'] } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
          {
            name: 'nextToken',
            in: 'query',
            description: 'Opaque token from the previous page.',
            schema: { type: 'string', minLength: 1, maxLength: 2048, pattern: '^[A-Za-z0-9_-]+$' },
          },
        ],
        responses: {
          '200': {
            description: 'One page.',
            headers: { 'x-request-id': { $ref: '#/components/headers/RequestId' } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CollaborationPage' } } },
          },
          '400': { $ref: '#/components/responses/Problem' },
          '401': { $ref: '#/components/responses/Problem' },
          default: { $ref: '#/components/responses/Problem' },
        },
      },
    },
    '/v1/collaborations/{collaborationId}': {
      parameters: [{ $ref: '#/components/parameters/CollaborationId' }],
      get: {
        operationId: 'getCollaboration',
        tags: ['collaborations'],
        summary: 'One collaboration (public document), with `Retry-After` while it computes.',
        responses: {
          '200': {
            description: 'The collaboration.',
            headers: {
              'x-request-id': { $ref: '#/components/headers/RequestId' },
              'retry-after': { $ref: '#/components/headers/RetryAfter' },
            },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Collaboration' } } },
          },
          '400': { $ref: '#/components/responses/Problem' },
          '401': { $ref: '#/components/responses/Problem' },
          '404': { $ref: '#/components/responses/Problem' },
          default: { $ref: '#/components/responses/Problem' },
        },
      },
      delete: {
        operationId: 'cancelCollaboration',
        tags: ['collaborations'],
        summary: 'The owner cancels an open collaboration.',
        responses: {
          '200': {
            description: 'Cancelled (also when it already was).',
            headers: { 'x-request-id': { $ref: '#/components/headers/RequestId' } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Collaboration' } } },
          },
          '400': { $ref: '#/components/responses/Problem' },
          '401': { $ref: '#/components/responses/Problem' },
          '403': { $ref: '#/components/responses/Problem' },
          '404': { $ref: '#/components/responses/Problem' },
          '409': { $ref: '#/components/responses/Problem' },
          default: { $ref: '#/components/responses/Problem' },
        },
      },
    },
    '/v1/collaborations/{collaborationId}/participants': {
      parameters: [{ $ref: '#/components/parameters/CollaborationId' }],
      post: {
        operationId: 'joinCollaboration',
        tags: ['participation'],
        summary: "Register participation; the answer carries the servers' HPKE key configs.",
        description:
          'Open to any authenticated client, or with an invite list only to the invited (others get 403\n`forbidden`). Joining takes no slot: an input does, when it is completed.\n',
        parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/JoinCollaborationRequest' } },
          },
        },
        responses: {
          '201': {
            description: 'Joined; ready for input.',
            headers: {
              'x-request-id': { $ref: '#/components/headers/RequestId' },
              location: { description: 'URL path of the participation.', schema: { type: 'string' } },
            },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Participation' } } },
          },
          '400': { $ref: '#/components/responses/Problem' },
          '401': { $ref: '#/components/responses/Problem' },
          '403': { $ref: '#/components/responses/Problem' },
          '404': { $ref: '#/components/responses/Problem' },
          '409': { $ref: '#/components/responses/Problem' },
          '415': { $ref: '#/components/responses/Problem' },
          default: { $ref: '#/components/responses/Problem' },
        },
      },
    },
    '/v1/collaborations/{collaborationId}/participants/me': {
      parameters: [{ $ref: '#/components/parameters/CollaborationId' }],
      get: {
        operationId: 'getMyParticipation',
        tags: ['participation'],
        summary: "The caller's participation.",
        responses: {
          '200': {
            description: 'The participation.',
            headers: { 'x-request-id': { $ref: '#/components/headers/RequestId' } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Participation' } } },
          },
          '400': { $ref: '#/components/responses/Problem' },
          '401': { $ref: '#/components/responses/Problem' },
          '404': { $ref: '#/components/responses/Problem' },
          default: { $ref: '#/components/responses/Problem' },
        },
      },
    },
    '/v1/collaborations/{collaborationId}/participants/me/finish': {
      parameters: [{ $ref: '#/components/parameters/CollaborationId' }],
      post: {
        operationId: 'finishParticipation',
        tags: ['participation'],
        summary: 'The caller has fetched its result and is finished (idempotent).',
        responses: {
          '200': {
            description: 'Finished.',
            headers: { 'x-request-id': { $ref: '#/components/headers/RequestId' } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Participation' } } },
          },
          '400': { $ref: '#/components/responses/Problem' },
          '401': { $ref: '#/components/responses/Problem' },
          '404': { $ref: '#/components/responses/Problem' },
          '409': { $ref: '#/components/responses/Problem' },
          default: { $ref: '#/components/responses/Problem' },
        },
      },
    },
    '/v1/collaborations/{collaborationId}/inputs': {
      parameters: [{ $ref: '#/components/parameters/CollaborationId' }],
      post: {
        operationId: 'createInput',
        tags: ['inputs'],
        summary: 'Get a server-issued input id and one presigned PUT per server share.',
        description:
          'Declare the exact size and SHA-256 of each sealed share. Upload each share with an HTTP PUT to its\n`url`, sending exactly the listed `headers`, before `expiresAt`. A participant has one input; asking\nagain before it is completed replaces the pending one (for instance after the URLs expired).\n',
        parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateInputRequest' } } },
        },
        responses: {
          '201': {
            description: 'Upload instructions.',
            headers: { 'x-request-id': { $ref: '#/components/headers/RequestId' } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/InputUpload' } } },
          },
          '400': { $ref: '#/components/responses/Problem' },
          '401': { $ref: '#/components/responses/Problem' },
          '404': { $ref: '#/components/responses/Problem' },
          '409': { $ref: '#/components/responses/Problem' },
          '415': { $ref: '#/components/responses/Problem' },
          default: { $ref: '#/components/responses/Problem' },
        },
      },
    },
    '/v1/collaborations/{collaborationId}/inputs/{inputId}/complete': {
      parameters: [
        { $ref: '#/components/parameters/CollaborationId' },
        { name: 'inputId', in: 'path', required: true, schema: { $ref: '#/components/schemas/Id' } },
      ],
      post: {
        operationId: 'completeInput',
        tags: ['inputs'],
        summary: 'Register an uploaded input; it is counted once (idempotent).',
        description: 'Both share objects must exist with the declared size and SHA-256 checksum.',
        responses: {
          '200': {
            description: 'The input is complete and counted.',
            headers: { 'x-request-id': { $ref: '#/components/headers/RequestId' } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Input' } } },
          },
          '400': { $ref: '#/components/responses/Problem' },
          '401': { $ref: '#/components/responses/Problem' },
          '404': { $ref: '#/components/responses/Problem' },
          '409': { $ref: '#/components/responses/Problem' },
          '422': { $ref: '#/components/responses/Problem' },
          default: { $ref: '#/components/responses/Problem' },
        },
      },
    },
    '/v1/collaborations/{collaborationId}/result': {
      parameters: [{ $ref: '#/components/parameters/CollaborationId' }],
      get: {
        operationId: 'getResult',
        tags: ['results'],
        summary: "The caller's two sealed result shares, once ready.",
        description:
          'While the collaboration is `OPEN` or `COMPUTING` the answer is 202 with its status and\n`Retry-After`. When `RESULT_READY`, presigned GETs for the result share sealed to the caller by each\nserver; add the two decrypted shares to get the result. Only result recipients get it (403\n`forbidden` for anyone else): with `all-participants`, the participants whose input was counted and\nnot excluded by the servers; with a list, the listed clients that joined. The owner of an excluded\ninput never gets the result.\n',
        responses: {
          '200': {
            description: 'Ready.',
            headers: { 'x-request-id': { $ref: '#/components/headers/RequestId' } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ResultReady' } } },
          },
          '202': {
            description: 'Not ready yet.',
            headers: {
              'x-request-id': { $ref: '#/components/headers/RequestId' },
              'retry-after': { $ref: '#/components/headers/RetryAfter' },
            },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ResultPending' } } },
          },
          '400': { $ref: '#/components/responses/Problem' },
          '401': { $ref: '#/components/responses/Problem' },
          '403': { $ref: '#/components/responses/Problem' },
          '404': { $ref: '#/components/responses/Problem' },
          '409': { $ref: '#/components/responses/Problem' },
          '410': { $ref: '#/components/responses/Problem' },
          default: { $ref: '#/components/responses/Problem' },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      clientCredentials: {
        type: 'oauth2',
        description:
          "OAuth2 client-credentials access tokens (Cognito on AWS, the local issuer locally). The token's\n`client_id` claim is the caller's identity.\n",
        flows: { clientCredentials: { tokenUrl: '/oauth2/token', scopes: {} } },
      },
    },
    headers: {
      RequestId: {
        description: 'Identifies this request in logs; also in every problem document as `requestId`.',
        required: true,
        schema: { type: 'string', minLength: 1 },
      },
      RetryAfter: {
        description: 'Seconds to wait before asking again (present while the collaboration computes).',
        schema: { type: 'string', pattern: '^[0-9]+$' },
      },
    },
    parameters: {
      CollaborationId: {
        name: 'collaborationId',
        in: 'path',
        required: true,
        schema: { $ref: '#/components/schemas/Id' },
      },
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Same key and same body within 24 hours: the stored answer is returned again (with\n`idempotent-replayed: true`). Same key with another body: 409 `idempotency-key-reused`. Keys are\nscoped to the caller. Only successful answers are stored.\n',
        schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[!-~]+$' },
      },
    },
    responses: {
      Problem: {
        description: 'An RFC 9457 problem.',
        headers: { 'x-request-id': { $ref: '#/components/headers/RequestId' } },
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    },
    schemas: {
      Id: {
        description: 'Server-issued identifier (UUID).',
        type: 'string',
        format: 'uuid',
        pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      },
      ClientId: {
        description: "An OAuth2 client id (the `client_id` claim of the caller's token).",
        type: 'string',
        pattern: '^[A-Za-z0-9_+-]{1,128}$',
      },
      Timestamp: { type: 'string', format: 'date-time' },
      Sha256: {
        description: 'Base64 (standard alphabet, padded) SHA-256 digest, as in `x-amz-checksum-sha256`.',
        type: 'string',
        pattern: '^[A-Za-z0-9+/]{43}=$',
      },
      X25519PublicKey: {
        description: 'Raw 32-byte X25519 public key, base64url without padding.',
        type: 'string',
        pattern: '^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$',
      },
      ServerId: { type: 'string', enum: ['A', 'B'] },
      Health: {
        type: 'object',
        additionalProperties: false,
        required: ['status'],
        properties: { status: { type: 'string', const: 'ok' } },
      },
      ComputationServer: {
        description:
          'One computation server and the HPKE (RFC 9180) configuration input shares are sealed with.',
        type: 'object',
        additionalProperties: false,
        required: ['id', 'publicKey', 'kem', 'kdf', 'aead'],
        properties: {
          id: { $ref: '#/components/schemas/ServerId' },
          publicKey: { $ref: '#/components/schemas/X25519PublicKey' },
          kem: { type: 'string', const: 'DHKEM-X25519-HKDF-SHA256' },
          kdf: { type: 'string', const: 'HKDF-SHA256' },
          aead: { type: 'string', const: 'AES-128-GCM' },
        },
      },
      ComputationServerList: {
        type: 'object',
        additionalProperties: false,
        required: ['servers'],
        properties: {
          servers: {
            type: 'array',
            minItems: 2,
            maxItems: 2,
            items: { $ref: '#/components/schemas/ComputationServer' },
          },
        },
      },
      FieldName: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' },
      IntegerField: {
        description: 'An integer field; optional public inclusive bounds (safe integers).',
        type: 'object',
        additionalProperties: false,
        required: ['name', 'type'],
        properties: {
          name: { $ref: '#/components/schemas/FieldName' },
          type: { type: 'string', const: 'int' },
          min: { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 },
          max: { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 },
        },
      },
      FixedPointField: {
        description: 'A real field encoded as round(x * 2^fractionalBits); default 16 fractional bits.',
        type: 'object',
        additionalProperties: false,
        required: ['name', 'type'],
        properties: {
          name: { $ref: '#/components/schemas/FieldName' },
          type: { type: 'string', const: 'fixed' },
          fractionalBits: { type: 'integer', minimum: 0, maximum: 30, default: 16 },
          min: { type: 'number' },
          max: { type: 'number' },
        },
      },
      CategoryField: {
        description:
          "A categorical field with public labels, only for `groupBy`. A row holds its category's index\n(0-based), checked like an int field with bounds [0, categories - 1]; the CLI also reads the labels.\n",
        type: 'object',
        additionalProperties: false,
        required: ['name', 'type', 'categories'],
        properties: {
          name: { $ref: '#/components/schemas/FieldName' },
          type: { type: 'string', const: 'category' },
          categories: {
            type: 'array',
            minItems: 1,
            maxItems: 64,
            uniqueItems: true,
            items: { type: 'string', minLength: 1, maxLength: 64 },
          },
        },
      },
      FieldSpec: {
        oneOf: [
          { $ref: '#/components/schemas/IntegerField' },
          { $ref: '#/components/schemas/FixedPointField' },
          { $ref: '#/components/schemas/CategoryField' },
        ],
      },
      AnalysisKind: {
        type: 'string',
        enum: [
          'count',
          'sum',
          'mean',
          'variance',
          'stddev',
          'histogram',
          'countAbove',
          'countBelow',
          'min',
          'max',
          'quantile',
        ],
      },
      AnalysisSpec: {
        description:
          "One statistic. `field` names an input field; without it the analysis applies to every field\n(`count` counts rows and takes no field). `binEdges` (strictly increasing, 1..65) only and always for\n`histogram`; `threshold` only and always for `countAbove` / `countBelow`; `p` only and always for\n`quantile`: p in (0, 1) with at most 6 decimal places, read as the exact decimal it is written as; the\nquantile is the smallest encoded value v with #(x <= v) >= ceil(p n) over the n valid rows (p = 0.5:\nthe lower median). A quantile needs the field's `min` and `max`. `groupBy` names a category field:\nthe analysis (count, sum, mean, variance, stddev or quantile) is computed per category, over the\nvalid rows of that category.\n",
        type: 'object',
        additionalProperties: false,
        required: ['kind'],
        properties: {
          kind: { $ref: '#/components/schemas/AnalysisKind' },
          field: { $ref: '#/components/schemas/FieldName' },
          binEdges: { type: 'array', minItems: 1, maxItems: 65, items: { type: 'number' } },
          threshold: { type: 'number' },
          p: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
          groupBy: { $ref: '#/components/schemas/FieldName' },
        },
      },
      InputSchema: {
        type: 'object',
        additionalProperties: false,
        required: ['fields'],
        properties: {
          fields: {
            type: 'array',
            minItems: 1,
            maxItems: 64,
            items: { $ref: '#/components/schemas/FieldSpec' },
          },
        },
      },
      ResultRecipients: {
        description:
          'Who receives the result: `all-participants` (every participant whose input was counted and not\nexcluded) or a list of clients, who must join to receive it (and be invited, with an invite list).\n',
        oneOf: [
          { type: 'string', const: 'all-participants' },
          {
            type: 'array',
            minItems: 1,
            maxItems: 1000,
            uniqueItems: true,
            items: { $ref: '#/components/schemas/ClientId' },
          },
        ],
      },
      InviteList: {
        description: 'The only clients that may join; the owner is not implied (list it to take part).',
        type: 'array',
        minItems: 1,
        maxItems: 1000,
        uniqueItems: true,
        items: { $ref: '#/components/schemas/ClientId' },
      },
      CollaborationStatus: {
        type: 'string',
        enum: ['OPEN', 'COMPUTING', 'RESULT_READY', 'COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED'],
      },
      CreateCollaborationRequest: {
        type: 'object',
        additionalProperties: false,
        required: [
          'name',
          'analyses',
          'inputSchema',
          'minParticipants',
          'maxParticipants',
          'inputDeadline',
          'resultRecipients',
        ],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 200 },
          description: { type: 'string', maxLength: 4000 },
          analyses: {
            type: 'array',
            minItems: 1,
            maxItems: 32,
            items: { $ref: '#/components/schemas/AnalysisSpec' },
          },
          inputSchema: { $ref: '#/components/schemas/InputSchema' },
          minParticipants: { type: 'integer', minimum: 1, maximum: 1000 },
          maxParticipants: { type: 'integer', minimum: 1, maximum: 1000 },
          inputDeadline: {
            description: 'Inputs are accepted until then; must be in the future and at most a year ahead.',
            $ref: '#/components/schemas/Timestamp',
          },
          resultRecipients: { $ref: '#/components/schemas/ResultRecipients' },
          participants: { $ref: '#/components/schemas/InviteList' },
          minCellSize: { $ref: '#/components/schemas/MinCellSize' },
          privacy: { $ref: '#/components/schemas/PrivacyBudget' },
          maxRowsPerParticipant: { $ref: '#/components/schemas/MaxRowsPerParticipant' },
        },
      },
      MaxRowsPerParticipant: {
        description:
          "The most rows one participant's input may hold (absent: 16777216, the system's cap). An input declaring\nmore is refused with `validation-error` (400) and the computation servers exclude a share holding more;\ndifferential privacy scales its noise to it (the most rows one participant can add or remove). Part of\nthe declaration every input is sealed under, so nobody can change it afterwards.\n",
        type: 'integer',
        minimum: 1,
        maximum: 16777216,
      },
      MinCellSize: {
        description:
          'Minimum cell size k: every histogram bin and every group-by cell with fewer than k rows is suppressed\nobliviously, with every figure of the cell (the result says only that it held fewer than k rows; its\ncount is null or absent). Needs a histogram or a grouped analysis (groupBy).\n',
        type: 'integer',
        minimum: 2,
        maximum: 1000000,
      },
      PrivacyBudget: {
        description:
          "Differential privacy for the result: both servers add discrete Laplace noise to every released figure\n(each server an independent sample of the full scale, so neither can remove the other's), with\nsensitivity from the fields' declared bounds and maxRowsPerParticipant rows per participant (declare it:\nthe default 16777216 makes the noise of a count that large), and epsilon split evenly over the figures\n(basic composition). The mechanism is pure: the result spends (epsilon, 0);\ndelta is the most the collaboration allows. The budget is spent when a result is released only.\n",
        type: 'object',
        additionalProperties: false,
        required: ['epsilon', 'delta'],
        properties: {
          epsilon: {
            description: 'At most 6 decimal places.',
            type: 'number',
            exclusiveMinimum: 0,
            maximum: 10,
          },
          delta: { type: 'number', minimum: 0, maximum: 0.001 },
        },
      },
      PrivacySpent: {
        description: 'The privacy budget the released result spent (set when the result is published).',
        type: 'object',
        additionalProperties: false,
        required: ['epsilon', 'delta', 'jobId'],
        properties: {
          epsilon: { type: 'number' },
          delta: { type: 'number' },
          jobId: { $ref: '#/components/schemas/Id' },
        },
      },
      Collaboration: {
        type: 'object',
        additionalProperties: false,
        required: [
          'collaborationId',
          'name',
          'description',
          'ownerId',
          'analyses',
          'inputSchema',
          'minParticipants',
          'maxParticipants',
          'inputDeadline',
          'resultRecipients',
          'status',
          'participantCount',
          'completedInputCount',
          'inviteOnly',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          collaborationId: { $ref: '#/components/schemas/Id' },
          name: { type: 'string' },
          description: { type: 'string' },
          ownerId: { $ref: '#/components/schemas/ClientId' },
          analyses: { type: 'array', items: { $ref: '#/components/schemas/AnalysisSpec' } },
          inputSchema: { $ref: '#/components/schemas/InputSchema' },
          minParticipants: { type: 'integer' },
          maxParticipants: { type: 'integer' },
          inputDeadline: { $ref: '#/components/schemas/Timestamp' },
          resultRecipients: { $ref: '#/components/schemas/ResultRecipients' },
          status: { $ref: '#/components/schemas/CollaborationStatus' },
          statusReason: { type: 'string' },
          participantCount: { type: 'integer', minimum: 0 },
          completedInputCount: {
            description:
              'Counted inputs; at most maxParticipants (completing an input is what takes a slot).',
            type: 'integer',
            minimum: 0,
          },
          excludedInputCount: {
            description:
              "How many counted inputs the servers excluded as bad (the share did not open, a wrong schema digest\nor row count); set with the result. Only each excluded input's owner sees why, on its participation.\n",
            type: 'integer',
            minimum: 0,
          },
          inviteOnly: { type: 'boolean', description: 'Whether only invited clients may join.' },
          participants: {
            description: 'The invite list; shown to the owner only.',
            $ref: '#/components/schemas/InviteList',
          },
          minCellSize: { $ref: '#/components/schemas/MinCellSize' },
          privacy: { $ref: '#/components/schemas/PrivacyBudget' },
          privacySpent: { $ref: '#/components/schemas/PrivacySpent' },
          maxRowsPerParticipant: { $ref: '#/components/schemas/MaxRowsPerParticipant' },
          createdAt: { $ref: '#/components/schemas/Timestamp' },
          updatedAt: { $ref: '#/components/schemas/Timestamp' },
        },
      },
      CollaborationPage: {
        type: 'object',
        additionalProperties: false,
        required: ['items'],
        properties: {
          items: { type: 'array', items: { $ref: '#/components/schemas/Collaboration' } },
          nextToken: { type: 'string' },
        },
      },
      JoinCollaborationRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['resultPublicKey'],
        properties: {
          resultPublicKey: {
            description: "The participant's X25519 key the servers seal result shares to.",
            $ref: '#/components/schemas/X25519PublicKey',
          },
          webhookUrl: {
            description:
              'Notified (Standard Webhooks) when the result is ready. https to a public host (the local runtime also accepts http to a loopback host).',
            type: 'string',
            format: 'uri',
            maxLength: 2048,
          },
        },
      },
      InputSummary: {
        type: 'object',
        additionalProperties: false,
        required: ['inputId', 'status'],
        properties: {
          inputId: { $ref: '#/components/schemas/Id' },
          status: { $ref: '#/components/schemas/InputStatus' },
          exclusionReason: {
            description:
              'Why the computation servers excluded this counted input (the share did not open, a wrong schema\ndigest or row count); its owner then gets no result. Only the owner sees it.\n',
            type: 'string',
          },
        },
      },
      Participation: {
        type: 'object',
        additionalProperties: false,
        required: [
          'collaborationId',
          'clientId',
          'status',
          'joinedAt',
          'resultPublicKey',
          'computationServers',
        ],
        properties: {
          collaborationId: { $ref: '#/components/schemas/Id' },
          clientId: { $ref: '#/components/schemas/ClientId' },
          status: {
            description: 'READY_FOR_INPUT until the input is complete, then INPUT_COMPLETE, then FINISHED.',
            type: 'string',
            enum: ['READY_FOR_INPUT', 'INPUT_COMPLETE', 'FINISHED'],
          },
          joinedAt: { $ref: '#/components/schemas/Timestamp' },
          finishedAt: { $ref: '#/components/schemas/Timestamp' },
          resultPublicKey: { $ref: '#/components/schemas/X25519PublicKey' },
          webhookUrl: { type: 'string' },
          webhookSecret: {
            description:
              'Standard Webhooks signing secret (`whsec_<base64>`) for the webhook URL. Only in the join answer\n(and its idempotent replays); keep it, it is never shown again.\n',
            type: 'string',
            pattern: '^whsec_[A-Za-z0-9+/]+={0,2}$',
          },
          webhookDelivery: { $ref: '#/components/schemas/WebhookDelivery' },
          input: { $ref: '#/components/schemas/InputSummary' },
          computationServers: {
            type: 'array',
            minItems: 2,
            maxItems: 2,
            items: { $ref: '#/components/schemas/ComputationServer' },
          },
        },
      },
      WebhookDelivery: {
        description: 'The last webhook sent to this participant and whether it arrived.',
        type: 'object',
        additionalProperties: false,
        required: ['messageId', 'event', 'attempts', 'delivered', 'lastAttemptAt'],
        properties: {
          messageId: { type: 'string' },
          event: { type: 'string' },
          attempts: { type: 'integer', minimum: 1 },
          delivered: { type: 'boolean' },
          lastAttemptAt: { $ref: '#/components/schemas/Timestamp' },
          lastError: { type: 'string' },
        },
      },
      ShareDeclaration: {
        type: 'object',
        additionalProperties: false,
        required: ['sizeBytes', 'sha256'],
        properties: {
          sizeBytes: {
            description: 'Exact size of the sealed share; at most the configured limit (64 MiB by default).',
            type: 'integer',
            minimum: 1,
            maximum: 1073741824,
          },
          sha256: { $ref: '#/components/schemas/Sha256' },
        },
      },
      CreateInputRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['shares'],
        properties: {
          rowCount: {
            description:
              "Rows in this input. The dealer plans the computation with it, and the sealed shares must have\nexactly the size the input codec gives for this many rows of the collaboration's schema (plus the\nHPKE envelope); a mismatch refuses the input. Without it, the rows are derived from B's share size.\nMore rows than the collaboration's maxRowsPerParticipant refuse the input (validation-error).\n",
            type: 'integer',
            minimum: 1,
            maximum: 16777216,
          },
          shares: {
            type: 'object',
            additionalProperties: false,
            required: ['A', 'B'],
            properties: {
              A: { $ref: '#/components/schemas/ShareDeclaration' },
              B: { $ref: '#/components/schemas/ShareDeclaration' },
            },
          },
        },
      },
      PresignedRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['method', 'url', 'headers', 'expiresAt'],
        properties: {
          method: { type: 'string', enum: ['PUT', 'GET'] },
          url: { type: 'string', format: 'uri' },
          headers: {
            description: 'Headers to send exactly as given (they are part of the signature).',
            type: 'object',
            additionalProperties: { type: 'string' },
          },
          expiresAt: { $ref: '#/components/schemas/Timestamp' },
        },
      },
      InputStatus: { type: 'string', enum: ['PENDING', 'COMPLETE'] },
      InputUpload: {
        type: 'object',
        additionalProperties: false,
        required: ['inputId', 'collaborationId', 'status', 'uploads'],
        properties: {
          inputId: { $ref: '#/components/schemas/Id' },
          collaborationId: { $ref: '#/components/schemas/Id' },
          status: { $ref: '#/components/schemas/InputStatus' },
          uploads: {
            type: 'object',
            additionalProperties: false,
            required: ['A', 'B'],
            properties: {
              A: { $ref: '#/components/schemas/PresignedRequest' },
              B: { $ref: '#/components/schemas/PresignedRequest' },
            },
          },
        },
      },
      Input: {
        type: 'object',
        additionalProperties: false,
        required: ['inputId', 'collaborationId', 'status', 'createdAt'],
        properties: {
          inputId: { $ref: '#/components/schemas/Id' },
          collaborationId: { $ref: '#/components/schemas/Id' },
          status: { $ref: '#/components/schemas/InputStatus' },
          createdAt: { $ref: '#/components/schemas/Timestamp' },
          completedAt: { $ref: '#/components/schemas/Timestamp' },
        },
      },
      ResultPending: {
        type: 'object',
        additionalProperties: false,
        required: ['collaborationId', 'status', 'retryAfterSeconds'],
        properties: {
          collaborationId: { $ref: '#/components/schemas/Id' },
          status: { type: 'string', enum: ['OPEN', 'COMPUTING'] },
          retryAfterSeconds: { type: 'integer', minimum: 1 },
        },
      },
      ResultReady: {
        type: 'object',
        additionalProperties: false,
        required: ['collaborationId', 'status', 'shares'],
        properties: {
          collaborationId: { $ref: '#/components/schemas/Id' },
          status: { type: 'string', const: 'RESULT_READY' },
          jobId: {
            description:
              'The computation job (attempt) that produced the result; result shares are bound to it.',
            type: 'string',
          },
          shares: {
            type: 'object',
            additionalProperties: false,
            required: ['A', 'B'],
            properties: {
              A: { $ref: '#/components/schemas/PresignedRequest' },
              B: { $ref: '#/components/schemas/PresignedRequest' },
            },
          },
        },
      },
      Problem: {
        description:
          'RFC 9457 problem details. `type` is one of these stable URIs (see docs/api.md for when each occurs):\nvalidation-error (400), not-computable (400), malformed-json (400), unsupported-media-type (415),\nunauthorized (401), forbidden (403), not-found (404), method-not-allowed (405), collaboration-full (409),\ninvalid-state (409), deadline-passed (409), already-joined (409), input-already-completed (409),\nidempotency-key-reused (409), idempotency-request-in-progress (409), upload-incomplete (422),\nupload-mismatch (422), result-gone (410), internal-error (500), all under\n`https://mpc.example/problems/`.\n',
        type: 'object',
        required: ['type', 'title', 'status', 'requestId'],
        properties: {
          type: {
            type: 'string',
            enum: [
              'https://mpc.example/problems/validation-error',
              'https://mpc.example/problems/not-computable',
              'https://mpc.example/problems/malformed-json',
              'https://mpc.example/problems/unsupported-media-type',
              'https://mpc.example/problems/unauthorized',
              'https://mpc.example/problems/forbidden',
              'https://mpc.example/problems/not-found',
              'https://mpc.example/problems/method-not-allowed',
              'https://mpc.example/problems/collaboration-full',
              'https://mpc.example/problems/invalid-state',
              'https://mpc.example/problems/deadline-passed',
              'https://mpc.example/problems/already-joined',
              'https://mpc.example/problems/input-already-completed',
              'https://mpc.example/problems/idempotency-key-reused',
              'https://mpc.example/problems/idempotency-request-in-progress',
              'https://mpc.example/problems/upload-incomplete',
              'https://mpc.example/problems/upload-mismatch',
              'https://mpc.example/problems/result-gone',
              'https://mpc.example/problems/internal-error',
            ],
          },
          title: { type: 'string' },
          status: { type: 'integer', minimum: 400, maximum: 599 },
          detail: { type: 'string' },
          instance: { type: 'string' },
          requestId: { type: 'string' },
          errors: {
            description: 'For validation-error and not-computable, one entry per violated rule.',
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['path', 'message'],
              properties: {
                path: {
                  type: 'string',
                  description: 'JSON pointer into the request (e.g. /body/analyses/0).',
                },
                message: { type: 'string' },
              },
            },
          },
        },
      },
    },
  },
};
