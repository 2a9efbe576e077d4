import { TokenError } from '../auth/token-provider.ts';
import { ApiError } from '../http/api-error.ts';
import { InputRowsError } from '../input/rows.ts';
import type { RowIssue } from '../input/rows.ts';
import { UsageError } from './usage-error.ts';

export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** What the user sees when a command fails: one line for stderr and the exit code. */
export interface Failure {
  line: string;
  exitCode: number;
}

/**
 * Any error as ONE readable line: problem details' title and detail (with the request id to quote; for a
 * collaboration the servers could not compute, each field's reason and what to declare instead), an input
 * file's first bad line and field (and how many more), a usage error with where to find help.
 */
export function describeFailure(error: unknown, inputPath?: string): Failure {
  if (error instanceof UsageError) {
    const help = error.command ? `mpc ${error.command} --help` : 'mpc --help';
    return { line: `mpc: ${error.message} (see ${help})`, exitCode: EXIT_USAGE };
  }
  if (error instanceof InputRowsError) {
    const [first] = error.issues;
    const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
    const where = inputPath ?? 'input';
    const issue = first ? describeRowIssue(first) : 'rejected';
    return { line: `mpc: ${where} ${issue}${more}; nothing was uploaded`, exitCode: EXIT_FAILURE };
  }
  if (error instanceof ApiError && error.kind === 'not-computable') {
    const reasons = error.violations.map((violation) => violation.message);
    const why = reasons.length > 0 ? reasons.join('; ') : (error.detail ?? error.title);
    const request = error.requestId ? ` [request ${error.requestId}]` : '';
    return {
      line: `mpc: the servers could not compute this: ${oneLine(why)}${request}`,
      exitCode: EXIT_FAILURE,
    };
  }
  if (error instanceof ApiError) {
    const detail = error.detail ? `: ${error.detail}` : '';
    const request = error.requestId ? ` [request ${error.requestId}]` : '';
    return { line: `mpc: ${error.title} (HTTP ${error.status})${detail}${request}`, exitCode: EXIT_FAILURE };
  }
  if (error instanceof TokenError) return { line: `mpc: ${oneLine(error.message)}`, exitCode: EXIT_FAILURE };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' && (error as NodeJS.ErrnoException).path) {
    return { line: `mpc: no such file: ${(error as NodeJS.ErrnoException).path}`, exitCode: EXIT_FAILURE };
  }
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return { line: `mpc: ${oneLine(message + cause)}`, exitCode: EXIT_FAILURE };
}

function describeRowIssue(issue: RowIssue): string {
  const field = issue.field === undefined ? '' : `, field "${issue.field}"`;
  return `line ${issue.line}${field}: ${issue.message}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
