import type { CoordinatorPorts } from '../ports/coordinator-ports.ts';
import type { ComputationServerKey } from '../ports/server-directory.ts';

export function listComputationServers(
  ports: Pick<CoordinatorPorts, 'computationServers'>,
): readonly ComputationServerKey[] {
  return ports.computationServers;
}
