/** The container names of the computation service's task definitions; the workflow's ECS states address them. */
export type ComputeTaskName = 'dealer' | 'serverB' | 'serverA';
export const COMPUTE_TASK_NAMES: readonly ComputeTaskName[] = ['dealer', 'serverB', 'serverA'];
