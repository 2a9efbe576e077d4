import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../../../client/cli/error-line.ts';
import { UsageError } from '../../../../client/cli/usage-error.ts';
import { TokenError } from '../../../../client/auth/token-provider.ts';
import { ApiError } from '../../../../client/http/api-error.ts';
import { InputRowsError, parseInputRows } from '../../../../client/input/rows.ts';
import { notComputable } from '../../../../lambdas/domain/collaboration-computability.ts';
import { problemResponse } from '../../../../lambdas/http/problem.ts';

function rowsErrorOf(text: string): InputRowsError {
  try {
    parseInputRows(text, [
      { name: 'age', type: 'int', min: 0, max: 120 },
      { name: 'income', type: 'fixed' },
    ]);
  } catch (error) {
    if (error instanceof InputRowsError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('describeFailure', () => {
  it('usage errors exit 2 and point at the command help', () => {
    expect(describeFailure(new UsageError('--input is required', 'submit'))).toEqual({
      line: 'mpc: --input is required (see mpc submit --help)',
      exitCode: 2,
    });
    expect(describeFailure(new UsageError('no command given')).line).toBe(
      'mpc: no command given (see mpc --help)',
    );
  });

  it('input problems name the file, the first line and field, and how many more', () => {
    const failure = describeFailure(rowsErrorOf('age,income\n30,x\n140,1\n-1,2\n'), 'data/pay.csv');
    expect(failure).toEqual({
      line: 'mpc: data/pay.csv line 2, field "income": not a number: "x" (and 2 more problems); nothing was uploaded',
      exitCode: 1,
    });
    expect(describeFailure(rowsErrorOf('age,salary\n1,2\n')).line).toMatch(
      /^mpc: input line 1, field "salary": unknown column \(expected age, income\) \(and 1 more problems\)/,
    );
  });

  it('a collaboration the servers could not compute: one line with each field and what to declare', () => {
    const draft = {
      name: 'n',
      analyses: [{ kind: 'variance' as const }],
      inputSchema: {
        fields: [
          { name: 'v', type: 'int' as const },
          { name: 'w', type: 'fixed' as const, fractionalBits: 30, min: 0, max: 1e9 },
        ],
      },
      minParticipants: 1,
      maxParticipants: 3,
      inputDeadline: '2030-01-01T00:00:00Z',
      resultRecipients: 'all-participants' as const,
    };
    // The coordinator's own refusal, as its HTTP layer answers it.
    const refusal = notComputable(draft)!;
    const answer = problemResponse(refusal.kind, refusal.message, 'req-9', refusal.violations);
    const error = ApiError.fromBody(
      new Response(null, { status: answer.statusCode!, headers: answer.headers as Record<string, string> }),
      answer.body,
    );
    expect(error.kind).toBe('not-computable');
    const failure = describeFailure(error);
    expect(failure.exitCode).toBe(1);
    expect(failure.line).not.toContain('\n');
    expect(failure.line).toMatch(
      /^mpc: the servers could not compute this: field "v": variance needs declared min and max .*; field "w": variance would overflow 128 bits .*at most \d+ fractionalBits or maxRowsPerParticipant at most \d+ \[request req-9\]$/,
    );
  });

  it('problem details become title, status, detail and request id', () => {
    const response = new Response(null, { status: 409, headers: { 'x-request-id': 'from-header' } });
    const error = ApiError.fromBody(response, {
      type: 'https://mpc.example/problems/collaboration-full',
      title: 'Collaboration is full',
      detail: 'maxParticipants 5 reached',
      requestId: 'req-1',
    });
    expect(describeFailure(error)).toEqual({
      line: 'mpc: Collaboration is full (HTTP 409): maxParticipants 5 reached [request req-1]',
      exitCode: 1,
    });
    const s3 = ApiError.fromBody(
      new Response(null, { status: 403, statusText: 'Forbidden' }),
      '<Error>\n<Code>x',
    );
    expect(describeFailure(s3).line).toBe('mpc: Forbidden (HTTP 403): <Error>');
  });

  it('anything else is its message on one line, exit 1', () => {
    expect(describeFailure(new TokenError('token request failed:\n invalid_client', 401))).toEqual({
      line: 'mpc: token request failed: invalid_client',
      exitCode: 1,
    });
    const missing = Object.assign(new Error("ENOENT: no such file or directory, open 'x.csv'"), {
      code: 'ENOENT',
      path: 'x.csv',
    });
    expect(describeFailure(missing).line).toBe('mpc: no such file: x.csv');
    expect(
      describeFailure(new Error('fetch failed', { cause: new Error('connect ECONNREFUSED') })).line,
    ).toBe('mpc: fetch failed (connect ECONNREFUSED)');
    expect(describeFailure('plain').line).toBe('mpc: plain');
  });
});
