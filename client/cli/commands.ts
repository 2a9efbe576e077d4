import { parseMaxRowsPerParticipant, parseMinCellSize, parsePrivacy } from './release-options.ts';
import { readInputRows } from '../input/rows.ts';
import type { KeyStore } from '../keys/key-store.ts';
import { ApiError } from '../http/api-error.ts';
import { fetchResult, fetchResultDetails } from '../sdk/fetch-result.ts';
import type { AnalysisResult } from '../sdk/fetch-result.ts';
import { joinCollaboration } from '../sdk/join.ts';
import { COLLABORATION_STATUSES } from '../sdk/api-models.ts';
import type { CollaborationStatus, Input, Participation } from '../sdk/api-models.ts';
import type { ListCollaborationsQuery, MpcClient } from '../sdk/mpc-client.ts';
import type { ServerKeyOptions } from './cli-config.ts';
import { submitInput } from '../sdk/submit-input.ts';
import type { SubmitStage } from '../sdk/submit-input.ts';
import { waitForResult } from '../sdk/wait-for-result.ts';
import {
  applyGroupBy,
  parseAnalyses,
  parseBins,
  parseCount,
  parseDeadline,
  parseFieldSpec,
  parseNumber,
  parseRecipients,
} from './collaboration-spec.ts';
import type { OptionValues } from './command-line.ts';
import { parseInviteList } from './invite-list.ts';
import {
  formatCollaboration,
  formatCollaborationTable,
  formatInput,
  formatParticipation,
  formatDroppedRows,
  formatPrivacyNote,
  formatResults,
} from './human-output.ts';
import type { Progress } from './progress.ts';
import { UsageError } from './usage-error.ts';

/** What a command works with; output goes through `emit` so `--json` and human output stay one choice. */
export interface CommandContext {
  client(): MpcClient;
  keys(): KeyStore;
  /** Both servers' keys from their operators (MPC_SERVER_KEYS, --server-key-file), or trust on first use. */
  serverKeys(): Promise<ServerKeyOptions>;
  arguments: string[];
  values: OptionValues;
  /** Prints `json` as one document with --json, else `human` (text) on stdout. */
  emit(json: unknown, human: string): void;
  /** A note for humans on stderr (never with --json). */
  note(text: string): void;
  progress: Progress;
}

export type Command = (context: CommandContext) => Promise<void>;

const DEFAULT_DEADLINE = '1d';
const DEFAULT_LIST_LIMIT = 50;
const DEFAULT_TIMEOUT_SECONDS = 600;

const create: Command = async (context) => {
  const { values } = context;
  const fields = (values.field as string[]).map(parseFieldSpec);
  const names = fields.map((field) => field.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) throw new UsageError(`--field ${duplicate} is given twice`, 'create');
  const listed = parseAnalyses(values.analysis as string[], fields, {
    ...(values.bins !== undefined ? { bins: parseBins(values.bins as string) } : {}),
    ...(values.threshold !== undefined
      ? { threshold: parseNumber(values.threshold as string, '--threshold') }
      : {}),
  });
  const groupBy = values['group-by'] as string | undefined;
  const analyses = groupBy === undefined ? listed : applyGroupBy(listed, fields, groupBy);
  const collaboration = await context.client().createCollaboration({
    name: values.name as string,
    ...(values.description !== undefined ? { description: values.description as string } : {}),
    analyses,
    inputSchema: { fields },
    minParticipants: parseCount(values.min as string, '--min'),
    maxParticipants: parseCount(values.max as string, '--max'),
    inputDeadline: parseDeadline((values.deadline as string | undefined) ?? DEFAULT_DEADLINE),
    resultRecipients: parseRecipients((values.recipients as string | undefined) ?? 'all'),
    ...(values.invite !== undefined ? { participants: parseInviteList(values.invite as string) } : {}),
    ...(values['min-cell-size'] !== undefined
      ? { minCellSize: parseMinCellSize(values['min-cell-size'] as string) }
      : {}),
    ...(values.privacy !== undefined ? { privacy: parsePrivacy(values.privacy as string) } : {}),
    ...(values['max-rows-per-participant'] !== undefined
      ? {
          maxRowsPerParticipant: parseMaxRowsPerParticipant(values['max-rows-per-participant'] as string),
        }
      : {}),
  } as Parameters<MpcClient['createCollaboration']>[0]);
  context.emit(collaboration, `${collaboration.collaborationId}\n`);
};

const list: Command = async (context) => {
  const { values } = context;
  const status = values.status as string | undefined;
  if (status !== undefined && !COLLABORATION_STATUSES.includes(status as CollaborationStatus)) {
    throw new UsageError(`--status ${status}: one of ${COLLABORATION_STATUSES.join(', ')}`, 'list');
  }
  const role = values.role as string | undefined;
  if (role !== undefined && role !== 'owner' && role !== 'participant') {
    throw new UsageError(`--role ${role}: owner or participant`, 'list');
  }
  const limit =
    values.limit === undefined ? DEFAULT_LIST_LIMIT : parseCount(values.limit as string, '--limit');
  const query = {
    ...(status ? { status } : {}),
    ...(role ? { role } : {}),
    limit: Math.min(limit, 100),
  } as ListCollaborationsQuery;
  const items = [];
  for await (const collaboration of context.client().collaborations(query)) {
    items.push(collaboration);
    if (items.length >= limit) break;
  }
  context.emit({ items }, formatCollaborationTable(items));
};

const show: Command = async (context) => {
  const collaboration = await context.client().getCollaboration(idOf(context));
  context.emit(collaboration, formatCollaboration(collaboration));
};

const join: Command = async (context) => {
  const participation = await joinWith(context);
  const secret = participation.webhookSecret;
  context.emit(
    participation,
    formatParticipation(participation) +
      (secret ? `webhook secret (shown once; also kept under ${context.keys().home}): ${secret}\n` : ''),
  );
};

async function joinWith(context: CommandContext): Promise<Participation> {
  const webhookUrl = context.values.webhook as string | undefined;
  return joinCollaboration(context.client(), context.keys(), idOf(context), webhookUrl ? { webhookUrl } : {});
}

const submit: Command = async (context) => {
  const { input, rowCount } = await submitFile(context);
  context.emit(input, formatInput(input, rowCount));
};

/** Checks every row of the file against the collaboration's fields, then shares, seals and uploads. */
async function submitFile(context: CommandContext): Promise<{ input: Input; rowCount: number }> {
  const client = context.client();
  const id = idOf(context);
  const { inputSchema } = await client.getCollaboration(id);
  const rows = await readInputRows(context.values.input as string, inputSchema.fields);
  let uploadedBytes = 0;
  const input = await submitInput(client, id, rows, {
    ...(await context.serverKeys()),
    onProgress: (stage: SubmitStage, detail) => {
      if (detail) uploadedBytes += detail.bytes;
      context.progress.update(
        `${describeStage(stage)} (${rows.rows.length} rows, ${uploadedBytes} bytes uploaded)`,
      );
    },
  });
  context.progress.done();
  return { input, rowCount: rows.rows.length };
}

function describeStage(stage: SubmitStage): string {
  return {
    sharing: 'secret-sharing and sealing',
    'requesting-upload': 'asking for upload URLs',
    uploading: 'uploading sealed shares',
    completing: 'registering the input',
    done: 'input registered',
  }[stage];
}

const wait: Command = async (context) => {
  const collaboration = await waitUntilReady(context);
  context.emit(collaboration, `${collaboration.status}\n`);
};

async function waitUntilReady(context: CommandContext) {
  const timeout = context.values.timeout;
  const timeoutMs =
    1000 * (timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : parseNumber(timeout as string, '--timeout'));
  const started = Date.now();
  const collaboration = await waitForResult(context.client(), idOf(context), {
    timeoutMs,
    onStatus: (c) =>
      context.progress.update(
        `${c.status}: ${c.completedInputCount} inputs of ${c.minParticipants} needed, ${c.participantCount} joined, ${Math.round((Date.now() - started) / 1000)} s`,
      ),
  });
  context.progress.done();
  return collaboration;
}

const result: Command = async (context) => {
  const id = idOf(context);
  const details = await fetchResultDetails(context.client(), context.keys(), id, await context.serverKeys());
  const { analyses: results, droppedRows, ownDroppedRows } = details;
  const shown = await context.client().getCollaboration(id);
  context.emit(
    {
      collaborationId: id,
      results,
      droppedRows,
      ownDroppedRows,
      ...(details.privacy ? { privacy: details.privacy } : {}),
    },
    formatResults(results, shown.inputSchema.fields, shown) +
      formatDroppedRows(droppedRows, ownDroppedRows) +
      formatPrivacyNote(shown),
  );
};

const finish: Command = async (context) => {
  const participation = await context.client().finishParticipation(idOf(context));
  context.emit(participation, formatParticipation(participation));
};

const cancel: Command = async (context) => {
  const collaboration = await context.client().cancelCollaboration(idOf(context));
  context.emit(collaboration, `${collaboration.collaborationId} ${collaboration.status}\n`);
};

/** The whole participation; each step is skipped when already done, so a rerun after a failure resumes. */
const run: Command = async (context) => {
  const id = idOf(context);
  let participation = await existingParticipation(context.client(), id);
  if (!participation) {
    participation = await joinWith(context);
    context.note(`joined ${id} as ${participation.clientId}`);
    if (participation.webhookSecret)
      context.note(`webhook secret (shown once): ${participation.webhookSecret}`);
  }
  let inputId = participation.input?.inputId;
  if (participation.status === 'READY_FOR_INPUT') {
    const submitted = await submitFile(context);
    inputId = submitted.input.inputId;
    context.note(`input ${inputId} registered (${submitted.rowCount} rows)`);
  } else {
    context.note(`input already registered (${participation.status}); not submitting again`);
  }
  await waitUntilReady(context);
  const results: AnalysisResult[] = await fetchResult(
    context.client(),
    context.keys(),
    id,
    await context.serverKeys(),
  );
  const finished = await context.client().finishParticipation(id);
  const shown = await context.client().getCollaboration(id);
  context.emit(
    {
      collaborationId: id,
      inputId,
      ...(participation.webhookSecret ? { webhookSecret: participation.webhookSecret } : {}),
      participation: finished,
      results,
    },
    formatResults(results, shown.inputSchema.fields, shown) + formatPrivacyNote(shown),
  );
};

async function existingParticipation(client: MpcClient, id: string): Promise<Participation | undefined> {
  try {
    return await client.getMyParticipation(id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

function idOf(context: CommandContext): string {
  return context.arguments[0]!;
}

export const COMMAND_HANDLERS: Readonly<Record<string, Command>> = {
  create,
  list,
  show,
  join,
  submit,
  wait,
  result,
  finish,
  cancel,
  run,
};
