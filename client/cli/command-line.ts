import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.ts';

/** One option of a command, described once for both parsing and `--help`. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Shown in help as `--name VALUE`. */
  value?: string;
  description: string;
  required?: boolean;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** Positional arguments, all required, in order. */
  arguments: string[];
  options: Record<string, OptionSpec>;
}

/** Connection and output options every command takes. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  'api-url': { type: 'string', value: 'URL', description: 'coordinator API (env MPC_API_URL)' },
  'token-url': { type: 'string', value: 'URL', description: 'OAuth2 token endpoint (env MPC_TOKEN_URL)' },
  'client-id': { type: 'string', value: 'ID', description: 'this client service (env MPC_CLIENT_ID)' },
  'client-secret': { type: 'string', value: 'SECRET', description: 'its secret (env MPC_CLIENT_SECRET)' },
  home: {
    type: 'string',
    value: 'DIR',
    description: 'result keys and secrets (env MPC_HOME, default ~/.mpc)',
  },
  'server-key-file': {
    type: 'string',
    multiple: true,
    value: 'A=FILE',
    description:
      "a computation server's public key from its operator (env MPC_SERVER_KEYS; both A and B are needed)",
  },
  json: { type: 'boolean', description: 'one JSON document on stdout' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
};

const id = ['ID'];
const inputOption: OptionSpec = {
  type: 'string',
  value: 'FILE',
  required: true,
  description: 'CSV with a header naming the fields, or a .json array of rows',
};
const webhookOption: OptionSpec = {
  type: 'string',
  value: 'URL',
  description: 'where the coordinator posts the signed result-ready notice',
};
const timeoutOption: OptionSpec = {
  type: 'string',
  value: 'S',
  description: 'give up after S seconds (default 600)',
};

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'create',
    summary: 'declare a collaboration; prints its id',
    arguments: [],
    options: {
      name: { type: 'string', value: 'N', required: true, description: 'name shown to participants' },
      description: { type: 'string', value: 'TEXT', description: 'longer description' },
      field: {
        type: 'string',
        multiple: true,
        required: true,
        value: 'SPEC',
        description:
          'name:int[:min:max], name:fixed[:bits[:min:max]] or name:category:A,B,C; repeat per field',
      },
      analysis: {
        type: 'string',
        multiple: true,
        required: true,
        value: 'LIST',
        description: `kind[:field],... of ${'count, sum, mean, variance, stddev, histogram, countAbove, countBelow, min, max'}; quantile:field:p, median[:field]`,
      },
      min: {
        type: 'string',
        value: 'M',
        required: true,
        description: 'inputs needed to compute at the deadline',
      },
      max: {
        type: 'string',
        value: 'X',
        required: true,
        description: 'inputs counted (joining takes no slot); computing starts as soon as X inputs are in',
      },
      deadline: {
        type: 'string',
        value: 'ISO',
        description: 'input deadline, ISO instant or 30m/2h/1d (default 1d)',
      },
      bins: { type: 'string', value: 'E0,E1,...', description: 'histogram bin edges' },
      threshold: { type: 'string', value: 'T', description: 'threshold of countAbove / countBelow' },
      'group-by': {
        type: 'string',
        value: 'FIELD',
        description: 'compute every analysis per category of this category field',
      },
      recipients: {
        type: 'string',
        value: 'all|A,B',
        description: 'who receives the result (default all: every participant whose input counted)',
      },
      invite: {
        type: 'string',
        value: 'A,B,...',
        description: 'only these clients may join (list yourself to take part)',
      },
      'min-cell-size': {
        type: 'string',
        value: 'K',
        description: 'suppress histogram bins and group-by cells with fewer than K rows (shown as < K)',
      },
      privacy: {
        type: 'string',
        value: 'EPS[:DELTA]',
        description: 'differential privacy: discrete Laplace noise on every figure, budget epsilon',
      },
      'max-rows-per-participant': {
        type: 'string',
        value: 'N',
        description: 'no input may hold more than N rows (the privacy noise is scaled to N)',
      },
    },
  },
  {
    name: 'list',
    summary: 'collaborations by status, or your own',
    arguments: [],
    options: {
      status: { type: 'string', value: 'S', description: 'OPEN (default), COMPUTING, RESULT_READY, ...' },
      role: { type: 'string', value: 'owner|participant', description: 'only those you created or joined' },
      limit: { type: 'string', value: 'N', description: 'show at most N (default 50)' },
    },
  },
  { name: 'show', summary: 'one collaboration', arguments: id, options: {} },
  {
    name: 'join',
    summary: 'take part (creates your result key); prints the webhook secret once',
    arguments: id,
    options: { webhook: webhookOption },
  },
  {
    name: 'submit',
    summary: 'check, share, seal and upload your input',
    arguments: id,
    options: { input: inputOption },
  },
  {
    name: 'wait',
    summary: 'wait until the result is ready',
    arguments: id,
    options: { timeout: timeoutOption },
  },
  { name: 'result', summary: 'fetch and reconstruct your result', arguments: id, options: {} },
  {
    name: 'finish',
    summary: 'say you are done (lets the coordinator delete shares)',
    arguments: id,
    options: {},
  },
  { name: 'cancel', summary: 'cancel a collaboration you own', arguments: id, options: {} },
  {
    name: 'run',
    summary: 'join if needed, submit, wait, fetch the result, finish',
    arguments: id,
    options: { input: inputOption, webhook: webhookOption, timeout: timeoutOption },
  },
];

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export type ParsedCommandLine =
  | { kind: 'help'; command?: CommandSpec }
  | { kind: 'command'; command: CommandSpec; arguments: string[]; values: OptionValues };

/** `mpc [global options] <command> [arguments] [options]`; global options may also follow the command. */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const commandIndex = findCommandIndex(argv);
  if (commandIndex === -1) {
    const { values } = parseWith(argv, GLOBAL_OPTIONS, undefined);
    if (values.help || argv.length === 0) return { kind: 'help' };
    throw new UsageError('no command given');
  }
  const name = argv[commandIndex]!;
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command)
    throw new UsageError(`unknown command "${name}" (one of ${COMMANDS.map((c) => c.name).join(', ')})`);
  const rest = [...argv.slice(0, commandIndex), ...argv.slice(commandIndex + 1)];
  const { values, positionals } = parseWith(rest, { ...GLOBAL_OPTIONS, ...command.options }, command.name);
  if (values.help) return { kind: 'help', command };
  if (positionals.length !== command.arguments.length) {
    const expected = command.arguments.length === 0 ? 'no arguments' : command.arguments.join(' ');
    throw new UsageError(
      `expected ${expected}, got ${positionals.length === 0 ? 'none' : positionals.join(' ')}`,
      name,
    );
  }
  for (const [option, spec] of Object.entries(command.options)) {
    if (spec.required && values[option] === undefined) throw new UsageError(`--${option} is required`, name);
  }
  return { kind: 'command', command, arguments: positionals, values };
}

/** The first argument that is neither an option nor the value of a global option. */
function findCommandIndex(argv: readonly string[]): number {
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--') return index + 1 < argv.length ? index + 1 : -1;
    if (!argument.startsWith('-')) return index;
    const option = GLOBAL_OPTIONS[argument.slice(2)];
    if (option?.type === 'string' && !argument.includes('=')) index++;
  }
  return -1;
}

function parseWith(
  argv: readonly string[],
  options: Record<string, OptionSpec>,
  command: string | undefined,
) {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        Object.entries(options).map(([name, spec]) => [
          name,
          {
            type: spec.type,
            ...(spec.multiple ? { multiple: true } : {}),
            ...(spec.short ? { short: spec.short } : {}),
          },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
    return { values: values as OptionValues, positionals };
  } catch (error) {
    // parseArgs explains well but in several sentences; the first one is the problem.
    const message = (error as Error).message.split('. ')[0]!.replace(/\.$/, '');
    throw new UsageError(message, command);
  }
}

/** `mpc --help`, or one command's help. */
export function helpText(command?: CommandSpec): string {
  if (!command) {
    const width = Math.max(...COMMANDS.map((c) => c.name.length));
    return [
      'mpc: take part in private joint statistics from a shell',
      '',
      'usage: mpc <command> [arguments] [options]',
      '',
      'commands:',
      ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
      '',
      'options of every command:',
      ...describeOptions(GLOBAL_OPTIONS),
      '',
      'Run `mpc <command> --help` for its options. Exit code 2: usage error; 1: any other failure.',
      '',
    ].join('\n');
  }
  const required = Object.entries(command.options)
    .filter(([, spec]) => spec.required)
    .map(([name, spec]) => `--${name} ${spec.value ?? ''}`.trim());
  const usage = ['mpc', command.name, ...command.arguments, ...required, '[options]'].join(' ');
  return [
    `mpc ${command.name}: ${command.summary}`,
    '',
    `usage: ${usage}`,
    '',
    ...(Object.keys(command.options).length > 0 ? ['options:', ...describeOptions(command.options), ''] : []),
    'options of every command:',
    ...describeOptions(GLOBAL_OPTIONS),
    '',
  ].join('\n');
}

function describeOptions(options: Record<string, OptionSpec>): string[] {
  const labels = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    return [
      flag,
      `${spec.description}${spec.required ? ' (required)' : ''}${spec.multiple ? ' (repeatable)' : ''}`,
    ];
  });
  const width = Math.max(...labels.map(([flag]) => flag!.length));
  return labels.map(([flag, description]) => `  ${flag!.padEnd(width)}  ${description}`);
}
