import { KeyStore } from '../keys/key-store.ts';
import { MpcClient } from '../sdk/mpc-client.ts';
import { clientOptionsFrom, mpcHomeFrom, serverKeyOptionsFrom } from './cli-config.ts';
import { helpText, parseCommandLine } from './command-line.ts';
import type { ParsedCommandLine } from './command-line.ts';
import { COMMAND_HANDLERS } from './commands.ts';
import type { CommandContext } from './commands.ts';
import { describeFailure } from './error-line.ts';
import { Progress } from './progress.ts';
import type { ProgressStream } from './progress.ts';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  env: NodeJS.ProcessEnv;
}

/** Runs one `mpc` command line; resolves with the exit code (0, 1 failure, 2 usage) and never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ParsedCommandLine | undefined;
  try {
    parsed = parseCommandLine(argv);
    if (parsed.kind === 'help') {
      io.stdout.write(helpText(parsed.command));
      return 0;
    }
    const handler = COMMAND_HANDLERS[parsed.command.name]!;
    await handler(contextFor(parsed, io));
    return 0;
  } catch (error) {
    const inputPath = parsed?.kind === 'command' ? (parsed.values.input as string | undefined) : undefined;
    const failure = describeFailure(error, inputPath);
    io.stderr.write(`${failure.line}\n`);
    return failure.exitCode;
  }
}

function contextFor(parsed: Extract<ParsedCommandLine, { kind: 'command' }>, io: CliIo): CommandContext {
  const { values } = parsed;
  const json = values.json === true;
  let client: MpcClient | undefined;
  let keys: KeyStore | undefined;
  return {
    // Built on first use, so `mpc create --help` or a usage error needs no configuration.
    client: () => (client ??= new MpcClient(clientOptionsFrom(values, io.env))),
    keys: () => (keys ??= new KeyStore(mpcHomeFrom(values, io.env))),
    serverKeys: () =>
      serverKeyOptionsFrom(values, io.env, mpcHomeFrom(values, io.env), (text) =>
        io.stderr.write(`${text}\n`),
      ),
    arguments: parsed.arguments,
    values,
    emit: (document, human) => io.stdout.write(json ? `${JSON.stringify(document, null, 2)}\n` : human),
    note: (text) => {
      if (!json) io.stderr.write(`${text}\n`);
    },
    progress: new Progress(json ? { write: () => undefined } : io.stderr),
  };
}
