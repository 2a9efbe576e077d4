import { PEER_HOST_PUBLISHED_BY_B } from '../../../contract/job/peer-endpoint.ts';
import type { PeerEndpoints } from '../../ports/workflow-compute-tasks.ts';

/**
 * B's address for A. With a host configured (MPC_PEER_HOST: a name that resolves to B's task) the job says
 * so; without, the job says B publishes its task's private IP in the job status once it listens, and A
 * waits for it (`contract/peer-endpoint.ts`). The port (MPC_PEER_PORT) is the one the security groups open.
 */
export class ConfiguredPeerEndpoints implements PeerEndpoints {
  constructor(private readonly endpoint: { host?: string; port: number }) {}

  async forJob(): Promise<{ host: string; port: number }> {
    return { host: this.endpoint.host ?? PEER_HOST_PUBLISHED_BY_B, port: this.endpoint.port };
  }
}
