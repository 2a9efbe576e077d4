/**
 * Where server A reaches server B. Locally the workflow knows it up front (127.0.0.1 and a free port). On
 * Fargate B's private IP exists only once its task runs: the workflow then writes this placeholder as the
 * job description's `peer.host`, B publishes its endpoint in the job status (from the ECS task metadata)
 * and A waits for it. A's PEER_HOST still overrides both.
 */
export const PEER_HOST_PUBLISHED_BY_B = 'published-by-server-b';

export interface PeerEndpoint {
  host: string;
  port: number;
}
