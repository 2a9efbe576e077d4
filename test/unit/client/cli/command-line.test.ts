import { describe, expect, it } from 'vitest';
import { COMMANDS, helpText, parseCommandLine } from '../../../../client/cli/command-line.ts';
import { UsageError } from '../../../../client/cli/usage-error.ts';

function usageErrorOf(argv: string[]): UsageError {
  try {
    parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('parseCommandLine', () => {
  it('finds the command after global options that take values, and global options after it', () => {
    const parsed = parseCommandLine(['--api-url', 'http://x', 'submit', 'c1', '--input', 'a.csv', '--json']);
    expect(parsed).toMatchObject({
      kind: 'command',
      command: { name: 'submit' },
      arguments: ['c1'],
      values: { 'api-url': 'http://x', input: 'a.csv', json: true },
    });
  });

  it('collects repeated options of create', () => {
    const parsed = parseCommandLine([
      'create',
      '--name=Pay',
      '--field',
      'salary:fixed',
      '--field',
      'age:int',
      '--analysis',
      'mean',
      '--min',
      '2',
      '--max',
      '5',
    ]);
    expect(parsed.kind === 'command' && parsed.values.field).toEqual(['salary:fixed', 'age:int']);
  });

  it('gives help for no arguments, --help and <command> --help', () => {
    expect(parseCommandLine([])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['-h'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['run', '--help'])).toMatchObject({ kind: 'help', command: { name: 'run' } });
    // --help wins over missing required options and arguments.
    expect(parseCommandLine(['create', '-h'])).toMatchObject({ kind: 'help', command: { name: 'create' } });
  });

  it.each([
    [['frob'], /unknown command "frob"/, undefined],
    [['--json'], /no command given/, undefined],
    [['show'], /expected ID, got none/, 'show'],
    [['show', 'a', 'b'], /expected ID, got a b/, 'show'],
    [['list', 'x'], /expected no arguments/, 'list'],
    [['submit', 'c1'], /--input is required/, 'submit'],
    [['wait', 'c1', '--tmeout', '5'], /Unknown option '--tmeout'/, 'wait'],
    [['join', 'c1', '--webhook'], /--webhook.*argument missing/, 'join'],
  ])('%j is a usage error', (argv, message, command) => {
    const error = usageErrorOf(argv);
    expect(error.message).toMatch(message);
    expect(error.command).toBe(command);
    expect(error.message).not.toContain('\n');
  });
});

describe('helpText', () => {
  it('lists every command, and each command its options with the required ones in the usage line', () => {
    const overview = helpText();
    for (const command of COMMANDS) expect(overview).toContain(`  ${command.name} `);
    const create = helpText(COMMANDS.find((c) => c.name === 'create'));
    expect(create).toMatch(
      /usage: mpc create --name N --field SPEC --analysis LIST --min M --max X \[options\]/,
    );
    expect(create).toMatch(/--bins E0,E1,\.\.\. +histogram bin edges/);
    expect(create).toMatch(/--json +one JSON document on stdout/);
    expect(helpText(COMMANDS.find((c) => c.name === 'run'))).toMatch(
      /usage: mpc run ID --input FILE \[options\]/,
    );
  });
});
