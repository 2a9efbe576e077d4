import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, type TestFunction } from 'vitest';
import {
  ENDPOINT_CAPABILITIES,
  endpointKindFromEnv,
  KIND_CAPABILITIES,
  type EndpointCapability,
  type EndpointKind,
} from '../../deploy/endpoint-capabilities.ts';
import { REPO_ROOT } from '../../lib/config/repo-paths.ts';

/** One test (or group) left to endpoints that have what it needs; `npm run test:localstack` prints these. */
export interface NotRunHere {
  file: string;
  name: string;
  kind: EndpointKind;
  missing: EndpointCapability[];
}

export function endpointKind(): EndpointKind {
  return endpointKindFromEnv();
}

export function endpointSupports(capability: EndpointCapability): boolean {
  return KIND_CAPABILITIES[endpointKind()].includes(capability);
}

function missingOf(needs: readonly EndpointCapability[]): EndpointCapability[] {
  return needs.filter((capability) => !endpointSupports(capability));
}

/** Says, on the test output and in the script's report (MPC_ENDPOINT_REPORT), what is not run here and why. */
function recordNotRun(name: string, missing: EndpointCapability[]): void {
  const testPath = expect.getState().testPath ?? '';
  const entry: NotRunHere = {
    file: testPath ? path.relative(REPO_ROOT, testPath) : '',
    name,
    kind: endpointKind(),
    missing,
  };
  console.log(
    `not run on this endpoint (${entry.kind}): ${name}; it needs ` +
      missing.map((capability) => `${capability} (${ENDPOINT_CAPABILITIES[capability]})`).join(', '),
  );
  const report = process.env.MPC_ENDPOINT_REPORT;
  if (report) appendFileSync(report, `${JSON.stringify(entry)}\n`);
}

export interface EndpointGated {
  /** `it`, registered only where the endpoint has every capability; otherwise recorded as not run here. */
  it(name: string, body: TestFunction, timeout?: number): void;
  /** `describe`, likewise: its hooks and tests exist only where the endpoint has every capability. */
  describe(name: string, body: () => void): void;
}

/**
 * Tests that need capabilities some endpoints lack (deploy/endpoint-capabilities.ts): they run where the
 * endpoint has them all, and elsewhere are recorded with the reason, never silently skipped.
 */
export function whereEndpointHas(...needs: EndpointCapability[]): EndpointGated {
  const missing = missingOf(needs);
  return {
    it: (name, body, timeout) =>
      missing.length === 0 ? it(name, body, timeout) : recordNotRun(name, missing),
    describe: (name, body) => (missing.length === 0 ? describe(name, body) : recordNotRun(name, missing)),
  };
}
