/**
 * Generated from openapi.yml by `npm run client:generate` (openapi-typescript). Do not edit by hand.
 */

export interface paths {
  '/v1/collaborations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Discover collaborations, or list the caller's own.
     * @description Without `role`, lists collaborations by status (default `OPEN`), newest first. With `role=owner` or
     *     `role=participant`, lists the collaborations the caller created or joined (any status unless
     *     `status` is given). `analysis` keeps only collaborations that request that analysis kind. A page
     *     may hold fewer than `limit` items while `nextToken` is still present: keep following it.
     */
    get: operations['listCollaborations'];
    put?: never;
    /**
     * Declare a new collaboration; the caller becomes its owner.
     * @description The whole declaration is validated here: fields, analyses and their parameters, participant limits,
     *     deadline and result recipients. The computation servers' own computability check then runs for
     *     maxParticipants inputs of at most maxRowsPerParticipant rows each (at most 16777216 rows each when it is
     *     not declared): a spec they could not compute exactly (a variance over a field without bounds, a sum of
     *     squares that could overflow 128 bits) is refused with `not-computable` (400), whose `errors` name each
     *     field and what to declare instead (bounds, fewer fractional bits, a smaller maxParticipants or
     *     maxRowsPerParticipant). A refused declaration stores nothing. The owner does not join automatically.
     *
     *     `participants` is an optional invite list: with it only the listed clients may join (others get 403
     *     `forbidden`); list yourself to take part. `maxParticipants` and the quorum count counted inputs
     *     (completed before the inputs close), not joins: a join without an input holds no slot.
     */
    post: operations['createCollaboration'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/collaborations/{collaborationId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        collaborationId: components['parameters']['CollaborationId'];
      };
      cookie?: never;
    };
    /** One collaboration (public document), with `Retry-After` while it computes. */
    get: operations['getCollaboration'];
    put?: never;
    post?: never;
    /** The owner cancels an open collaboration. */
    delete: operations['cancelCollaboration'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/collaborations/{collaborationId}/inputs': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        collaborationId: components['parameters']['CollaborationId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Get a server-issued input id and one presigned PUT per server share.
     * @description Declare the exact size and SHA-256 of each sealed share. Upload each share with an HTTP PUT to its
     *     `url`, sending exactly the listed `headers`, before `expiresAt`. A participant has one input; asking
     *     again before it is completed replaces the pending one (for instance after the URLs expired).
     */
    post: operations['createInput'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/collaborations/{collaborationId}/inputs/{inputId}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        collaborationId: components['parameters']['CollaborationId'];
        inputId: components['schemas']['Id'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Register an uploaded input; it is counted once (idempotent).
     * @description Both share objects must exist with the declared size and SHA-256 checksum.
     */
    post: operations['completeInput'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/collaborations/{collaborationId}/participants': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        collaborationId: components['parameters']['CollaborationId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Register participation; the answer carries the servers' HPKE key configs.
     * @description Open to any authenticated client, or with an invite list only to the invited (others get 403
     *     `forbidden`). Joining takes no slot: an input does, when it is completed.
     */
    post: operations['joinCollaboration'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/collaborations/{collaborationId}/participants/me': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        collaborationId: components['parameters']['CollaborationId'];
      };
      cookie?: never;
    };
    /** The caller's participation. */
    get: operations['getMyParticipation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/collaborations/{collaborationId}/participants/me/finish': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        collaborationId: components['parameters']['CollaborationId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The caller has fetched its result and is finished (idempotent). */
    post: operations['finishParticipation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/collaborations/{collaborationId}/result': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        collaborationId: components['parameters']['CollaborationId'];
      };
      cookie?: never;
    };
    /**
     * The caller's two sealed result shares, once ready.
     * @description While the collaboration is `OPEN` or `COMPUTING` the answer is 202 with its status and
     *     `Retry-After`. When `RESULT_READY`, presigned GETs for the result share sealed to the caller by each
     *     server; add the two decrypted shares to get the result. Only result recipients get it (403
     *     `forbidden` for anyone else): with `all-participants`, the participants whose input was counted and
     *     not excluded by the servers; with a list, the listed clients that joined. The owner of an excluded
     *     input never gets the result.
     */
    get: operations['getResult'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/computation-servers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The two computation servers and their HPKE key configurations.
     * @description Input shares are sealed to these keys, one share per server.
     */
    get: operations['listComputationServers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness probe. */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @enum {string} */
    AnalysisKind:
      | 'count'
      | 'sum'
      | 'mean'
      | 'variance'
      | 'stddev'
      | 'histogram'
      | 'countAbove'
      | 'countBelow'
      | 'min'
      | 'max'
      | 'quantile';
    /**
     * @description One statistic. `field` names an input field; without it the analysis applies to every field
     *     (`count` counts rows and takes no field). `binEdges` (strictly increasing, 1..65) only and always for
     *     `histogram`; `threshold` only and always for `countAbove` / `countBelow`; `p` only and always for
     *     `quantile`: p in (0, 1) with at most 6 decimal places, read as the exact decimal it is written as; the
     *     quantile is the smallest encoded value v with #(x <= v) >= ceil(p n) over the n valid rows (p = 0.5:
     *     the lower median). A quantile needs the field's `min` and `max`. `groupBy` names a category field:
     *     the analysis (count, sum, mean, variance, stddev or quantile) is computed per category, over the
     *     valid rows of that category.
     */
    AnalysisSpec: {
      binEdges?: number[];
      field?: components['schemas']['FieldName'];
      groupBy?: components['schemas']['FieldName'];
      kind: components['schemas']['AnalysisKind'];
      p?: number;
      threshold?: number;
    };
    /**
     * @description A categorical field with public labels, only for `groupBy`. A row holds its category's index
     *     (0-based), checked like an int field with bounds [0, categories - 1]; the CLI also reads the labels.
     */
    CategoryField: {
      categories: string[];
      name: components['schemas']['FieldName'];
      /** @constant */
      type: 'category';
    };
    /** @description An OAuth2 client id (the `client_id` claim of the caller's token). */
    ClientId: string;
    Collaboration: {
      analyses: components['schemas']['AnalysisSpec'][];
      collaborationId: components['schemas']['Id'];
      /** @description Counted inputs; at most maxParticipants (completing an input is what takes a slot). */
      completedInputCount: number;
      createdAt: components['schemas']['Timestamp'];
      description: string;
      /**
       * @description How many counted inputs the servers excluded as bad (the share did not open, a wrong schema digest
       *     or row count); set with the result. Only each excluded input's owner sees why, on its participation.
       */
      excludedInputCount?: number;
      inputDeadline: components['schemas']['Timestamp'];
      inputSchema: components['schemas']['InputSchema'];
      /** @description Whether only invited clients may join. */
      inviteOnly: boolean;
      maxParticipants: number;
      maxRowsPerParticipant?: components['schemas']['MaxRowsPerParticipant'];
      minCellSize?: components['schemas']['MinCellSize'];
      minParticipants: number;
      name: string;
      ownerId: components['schemas']['ClientId'];
      participantCount: number;
      /** @description The invite list; shown to the owner only. */
      participants?: components['schemas']['InviteList'];
      privacy?: components['schemas']['PrivacyBudget'];
      privacySpent?: components['schemas']['PrivacySpent'];
      resultRecipients: components['schemas']['ResultRecipients'];
      status: components['schemas']['CollaborationStatus'];
      statusReason?: string;
      updatedAt: components['schemas']['Timestamp'];
    };
    CollaborationPage: {
      items: components['schemas']['Collaboration'][];
      nextToken?: string;
    };
    /** @enum {string} */
    CollaborationStatus:
      'OPEN' | 'COMPUTING' | 'RESULT_READY' | 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'EXPIRED';
    /** @description One computation server and the HPKE (RFC 9180) configuration input shares are sealed with. */
    ComputationServer: {
      /** @constant */
      aead: 'AES-128-GCM';
      id: components['schemas']['ServerId'];
      /** @constant */
      kdf: 'HKDF-SHA256';
      /** @constant */
      kem: 'DHKEM-X25519-HKDF-SHA256';
      publicKey: components['schemas']['X25519PublicKey'];
    };
    ComputationServerList: {
      servers: components['schemas']['ComputationServer'][];
    };
    CreateCollaborationRequest: {
      analyses: components['schemas']['AnalysisSpec'][];
      description?: string;
      /** @description Inputs are accepted until then; must be in the future and at most a year ahead. */
      inputDeadline: components['schemas']['Timestamp'];
      inputSchema: components['schemas']['InputSchema'];
      maxParticipants: number;
      maxRowsPerParticipant?: components['schemas']['MaxRowsPerParticipant'];
      minCellSize?: components['schemas']['MinCellSize'];
      minParticipants: number;
      name: string;
      participants?: components['schemas']['InviteList'];
      privacy?: components['schemas']['PrivacyBudget'];
      resultRecipients: components['schemas']['ResultRecipients'];
    };
    CreateInputRequest: {
      /**
       * @description Rows in this input. The dealer plans the computation with it, and the sealed shares must have
       *     exactly the size the input codec gives for this many rows of the collaboration's schema (plus the
       *     HPKE envelope); a mismatch refuses the input. Without it, the rows are derived from B's share size.
       *     More rows than the collaboration's maxRowsPerParticipant refuse the input (validation-error).
       */
      rowCount?: number;
      shares: {
        A: components['schemas']['ShareDeclaration'];
        B: components['schemas']['ShareDeclaration'];
      };
    };
    FieldName: string;
    FieldSpec:
      | components['schemas']['IntegerField']
      | components['schemas']['FixedPointField']
      | components['schemas']['CategoryField'];
    /** @description A real field encoded as round(x * 2^fractionalBits); default 16 fractional bits. */
    FixedPointField: {
      /** @default 16 */
      fractionalBits?: number;
      max?: number;
      min?: number;
      name: components['schemas']['FieldName'];
      /** @constant */
      type: 'fixed';
    };
    Health: {
      /** @constant */
      status: 'ok';
    };
    /**
     * Format: uuid
     * @description Server-issued identifier (UUID).
     */
    Id: string;
    Input: {
      collaborationId: components['schemas']['Id'];
      completedAt?: components['schemas']['Timestamp'];
      createdAt: components['schemas']['Timestamp'];
      inputId: components['schemas']['Id'];
      status: components['schemas']['InputStatus'];
    };
    InputSchema: {
      fields: components['schemas']['FieldSpec'][];
    };
    /** @enum {string} */
    InputStatus: 'PENDING' | 'COMPLETE';
    InputSummary: {
      /**
       * @description Why the computation servers excluded this counted input (the share did not open, a wrong schema
       *     digest or row count); its owner then gets no result. Only the owner sees it.
       */
      exclusionReason?: string;
      inputId: components['schemas']['Id'];
      status: components['schemas']['InputStatus'];
    };
    InputUpload: {
      collaborationId: components['schemas']['Id'];
      inputId: components['schemas']['Id'];
      status: components['schemas']['InputStatus'];
      uploads: {
        A: components['schemas']['PresignedRequest'];
        B: components['schemas']['PresignedRequest'];
      };
    };
    /** @description An integer field; optional public inclusive bounds (safe integers). */
    IntegerField: {
      max?: number;
      min?: number;
      name: components['schemas']['FieldName'];
      /** @constant */
      type: 'int';
    };
    /** @description The only clients that may join; the owner is not implied (list it to take part). */
    InviteList: components['schemas']['ClientId'][];
    JoinCollaborationRequest: {
      /** @description The participant's X25519 key the servers seal result shares to. */
      resultPublicKey: components['schemas']['X25519PublicKey'];
      /**
       * Format: uri
       * @description Notified (Standard Webhooks) when the result is ready. https to a public host (the local runtime also accepts http to a loopback host).
       */
      webhookUrl?: string;
    };
    /**
     * @description The most rows one participant's input may hold (absent: 16777216, the system's cap). An input declaring
     *     more is refused with `validation-error` (400) and the computation servers exclude a share holding more;
     *     differential privacy scales its noise to it (the most rows one participant can add or remove). Part of
     *     the declaration every input is sealed under, so nobody can change it afterwards.
     */
    MaxRowsPerParticipant: number;
    /**
     * @description Minimum cell size k: every histogram bin and every group-by cell with fewer than k rows is suppressed
     *     obliviously, with every figure of the cell (the result says only that it held fewer than k rows; its
     *     count is null or absent). Needs a histogram or a grouped analysis (groupBy).
     */
    MinCellSize: number;
    Participation: {
      clientId: components['schemas']['ClientId'];
      collaborationId: components['schemas']['Id'];
      computationServers: components['schemas']['ComputationServer'][];
      finishedAt?: components['schemas']['Timestamp'];
      input?: components['schemas']['InputSummary'];
      joinedAt: components['schemas']['Timestamp'];
      resultPublicKey: components['schemas']['X25519PublicKey'];
      /**
       * @description READY_FOR_INPUT until the input is complete, then INPUT_COMPLETE, then FINISHED.
       * @enum {string}
       */
      status: 'READY_FOR_INPUT' | 'INPUT_COMPLETE' | 'FINISHED';
      webhookDelivery?: components['schemas']['WebhookDelivery'];
      /**
       * @description Standard Webhooks signing secret (`whsec_<base64>`) for the webhook URL. Only in the join answer
       *     (and its idempotent replays); keep it, it is never shown again.
       */
      webhookSecret?: string;
      webhookUrl?: string;
    };
    PresignedRequest: {
      expiresAt: components['schemas']['Timestamp'];
      /** @description Headers to send exactly as given (they are part of the signature). */
      headers: {
        [key: string]: string;
      };
      /** @enum {string} */
      method: 'PUT' | 'GET';
      /** Format: uri */
      url: string;
    };
    /**
     * @description Differential privacy for the result: both servers add discrete Laplace noise to every released figure
     *     (each server an independent sample of the full scale, so neither can remove the other's), with
     *     sensitivity from the fields' declared bounds and maxRowsPerParticipant rows per participant (declare it:
     *     the default 16777216 makes the noise of a count that large), and epsilon split evenly over the figures
     *     (basic composition). The mechanism is pure: the result spends (epsilon, 0);
     *     delta is the most the collaboration allows. The budget is spent when a result is released only.
     */
    PrivacyBudget: {
      delta: number;
      /** @description At most 6 decimal places. */
      epsilon: number;
    };
    /** @description The privacy budget the released result spent (set when the result is published). */
    PrivacySpent: {
      delta: number;
      epsilon: number;
      jobId: components['schemas']['Id'];
    };
    /**
     * @description RFC 9457 problem details. `type` is one of these stable URIs (see docs/api.md for when each occurs):
     *     validation-error (400), not-computable (400), malformed-json (400), unsupported-media-type (415),
     *     unauthorized (401), forbidden (403), not-found (404), method-not-allowed (405), collaboration-full (409),
     *     invalid-state (409), deadline-passed (409), already-joined (409), input-already-completed (409),
     *     idempotency-key-reused (409), idempotency-request-in-progress (409), upload-incomplete (422),
     *     upload-mismatch (422), result-gone (410), internal-error (500), all under
     *     `https://mpc.example/problems/`.
     */
    Problem: {
      detail?: string;
      /** @description For validation-error and not-computable, one entry per violated rule. */
      errors?: {
        message: string;
        /** @description JSON pointer into the request (e.g. /body/analyses/0). */
        path: string;
      }[];
      instance?: string;
      requestId: string;
      status: number;
      title: string;
      /** @enum {string} */
      type:
        | 'https://mpc.example/problems/validation-error'
        | 'https://mpc.example/problems/not-computable'
        | 'https://mpc.example/problems/malformed-json'
        | 'https://mpc.example/problems/unsupported-media-type'
        | 'https://mpc.example/problems/unauthorized'
        | 'https://mpc.example/problems/forbidden'
        | 'https://mpc.example/problems/not-found'
        | 'https://mpc.example/problems/method-not-allowed'
        | 'https://mpc.example/problems/collaboration-full'
        | 'https://mpc.example/problems/invalid-state'
        | 'https://mpc.example/problems/deadline-passed'
        | 'https://mpc.example/problems/already-joined'
        | 'https://mpc.example/problems/input-already-completed'
        | 'https://mpc.example/problems/idempotency-key-reused'
        | 'https://mpc.example/problems/idempotency-request-in-progress'
        | 'https://mpc.example/problems/upload-incomplete'
        | 'https://mpc.example/problems/upload-mismatch'
        | 'https://mpc.example/problems/result-gone'
        | 'https://mpc.example/problems/internal-error';
    };
    ResultPending: {
      collaborationId: components['schemas']['Id'];
      retryAfterSeconds: number;
      /** @enum {string} */
      status: 'OPEN' | 'COMPUTING';
    };
    ResultReady: {
      collaborationId: components['schemas']['Id'];
      /** @description The computation job (attempt) that produced the result; result shares are bound to it. */
      jobId?: string;
      shares: {
        A: components['schemas']['PresignedRequest'];
        B: components['schemas']['PresignedRequest'];
      };
      /** @constant */
      status: 'RESULT_READY';
    };
    /**
     * @description Who receives the result: `all-participants` (every participant whose input was counted and not
     *     excluded) or a list of clients, who must join to receive it (and be invited, with an invite list).
     */
    ResultRecipients: 'all-participants' | components['schemas']['ClientId'][];
    /** @enum {string} */
    ServerId: 'A' | 'B';
    /** @description Base64 (standard alphabet, padded) SHA-256 digest, as in `x-amz-checksum-sha256`. */
    Sha256: string;
    ShareDeclaration: {
      sha256: components['schemas']['Sha256'];
      /** @description Exact size of the sealed share; at most the configured limit (64 MiB by default). */
      sizeBytes: number;
    };
    /** Format: date-time */
    Timestamp: string;
    /** @description The last webhook sent to this participant and whether it arrived. */
    WebhookDelivery: {
      attempts: number;
      delivered: boolean;
      event: string;
      lastAttemptAt: components['schemas']['Timestamp'];
      lastError?: string;
      messageId: string;
    };
    /** @description Raw 32-byte X25519 public key, base64url without padding. */
    X25519PublicKey: string;
  };
  responses: {
    /** @description An RFC 9457 problem. */
    Problem: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
  };
  parameters: {
    CollaborationId: components['schemas']['Id'];
    /**
     * @description Same key and same body within 24 hours: the stored answer is returned again (with
     *     `idempotent-replayed: true`). Same key with another body: 409 `idempotency-key-reused`. Keys are
     *     scoped to the caller. Only successful answers are stored.
     */
    IdempotencyKey: string;
  };
  requestBodies: never;
  headers: {
    /** @description Identifies this request in logs; also in every problem document as `requestId`. */
    RequestId: string;
    /** @description Seconds to wait before asking again (present while the collaboration computes). */
    RetryAfter: string;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listCollaborations: {
    parameters: {
      query?: {
        analysis?: components['schemas']['AnalysisKind'];
        limit?: number;
        /** @description Opaque token from the previous page. */
        nextToken?: string;
        role?: 'owner' | 'participant';
        status?: components['schemas']['CollaborationStatus'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page. */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CollaborationPage'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      default: components['responses']['Problem'];
    };
  };
  createCollaboration: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Same key and same body within 24 hours: the stored answer is returned again (with
         *     `idempotent-replayed: true`). Same key with another body: 409 `idempotency-key-reused`. Keys are
         *     scoped to the caller. Only successful answers are stored.
         */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCollaborationRequest'];
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          /** @description URL path of the new collaboration. */
          location?: string;
          'x-request-id': components['headers']['RequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Collaboration'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      409: components['responses']['Problem'];
      415: components['responses']['Problem'];
      default: components['responses']['Problem'];
    };
  };
  getCollaboration: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        collaborationId: components['parameters']['CollaborationId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The collaboration. */
      200: {
        headers: {
          'retry-after': components['headers']['RetryAfter'];
          'x-request-id': components['headers']['RequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Collaboration'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      404: components['responses']['Problem'];
      default: components['responses']['Problem'];
    };
  };
  cancelCollaboration: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        collaborationId: components['parameters']['CollaborationId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Cancelled (also when it already was). */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Collaboration'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
      409: components['responses']['Problem'];
      default: components['responses']['Problem'];
    };
  };
  createInput: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Same key and same body within 24 hours: the stored answer is returned again (with
         *     `idempotent-replayed: true`). Same key with another body: 409 `idempotency-key-reused`. Keys are
         *     scoped to the caller. Only successful answers are stored.
         */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        collaborationId: components['parameters']['CollaborationId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateInputRequest'];
      };
    };
    responses: {
      /** @description Upload instructions. */
      201: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InputUpload'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      404: components['responses']['Problem'];
      409: components['responses']['Problem'];
      415: components['responses']['Problem'];
      default: components['responses']['Problem'];
    };
  };
  completeInput: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        collaborationId: components['parameters']['CollaborationId'];
        inputId: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The input is complete and counted. */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Input'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      404: components['responses']['Problem'];
      409: components['responses']['Problem'];
      422: components['responses']['Problem'];
      default: components['responses']['Problem'];
    };
  };
  joinCollaboration: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Same key and same body within 24 hours: the stored answer is returned again (with
         *     `idempotent-replayed: true`). Same key with another body: 409 `idempotency-key-reused`. Keys are
         *     scoped to the caller. Only successful answers are stored.
         */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        collaborationId: components['parameters']['CollaborationId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['JoinCollaborationRequest'];
      };
    };
    responses: {
      /** @description Joined; ready for input. */
      201: {
        headers: {
          /** @description URL path of the participation. */
          location?: string;
          'x-request-id': components['headers']['RequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Participation'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
      409: components['responses']['Problem'];
      415: components['responses']['Problem'];
      default: components['responses']['Problem'];
    };
  };
  getMyParticipation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        collaborationId: components['parameters']['CollaborationId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The participation. */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Participation'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      404: components['responses']['Problem'];
      default: components['responses']['Problem'];
    };
  };
  finishParticipation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        collaborationId: components['parameters']['CollaborationId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Finished. */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Participation'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      404: components['responses']['Problem'];
      409: components['responses']['Problem'];
      default: components['responses']['Problem'];
    };
  };
  getResult: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        collaborationId: components['parameters']['CollaborationId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ready. */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResultReady'];
        };
      };
      /** @description Not ready yet. */
      202: {
        headers: {
          'retry-after': components['headers']['RetryAfter'];
          'x-request-id': components['headers']['RequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResultPending'];
        };
      };
      400: components['responses']['Problem'];
      401: components['responses']['Problem'];
      403: components['responses']['Problem'];
      404: components['responses']['Problem'];
      409: components['responses']['Problem'];
      410: components['responses']['Problem'];
      default: components['responses']['Problem'];
    };
  };
  listComputationServers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Both servers. */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ComputationServerList'];
        };
      };
      401: components['responses']['Problem'];
      default: components['responses']['Problem'];
    };
  };
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The API is up. */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
      default: components['responses']['Problem'];
    };
  };
}
