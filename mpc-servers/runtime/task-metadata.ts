/**
 * The task's private IPv4 address from the ECS task metadata endpoint v4 (ECS_CONTAINER_METADATA_URI_V4,
 * set by Fargate), or undefined outside ECS. B publishes it so that A can connect.
 */
export async function taskPrivateIp(
  env: NodeJS.ProcessEnv,
  fetchFn: typeof fetch = fetch,
): Promise<string | undefined> {
  const base = env.ECS_CONTAINER_METADATA_URI_V4;
  if (!base) return undefined;
  const response = await fetchFn(`${base}/task`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`ECS task metadata answered ${response.status}`);
  const task = (await response.json()) as {
    Containers?: { Networks?: { IPv4Addresses?: string[] }[] }[];
  };
  return task.Containers?.flatMap((container) => container.Networks ?? []).flatMap(
    (n) => n.IPv4Addresses ?? [],
  )[0];
}
