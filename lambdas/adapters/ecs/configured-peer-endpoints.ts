import type { PeerEndpoints } from '../../ports/workflow-compute-tasks.ts';

/**
 * B's address from configuration (MPC_PEER_HOST, MPC_PEER_PORT): on AWS a name that resolves to B's task
 * (e.g. a Cloud Map service), the port the security groups open. Server A's PEER_HOST overrides it.
 */
export class ConfiguredPeerEndpoints implements PeerEndpoints {
  constructor(private readonly endpoint: { host: string; port: number }) {}

  async forJob(): Promise<{ host: string; port: number }> {
    return this.endpoint;
  }
}
