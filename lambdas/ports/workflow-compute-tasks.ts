/** What the poll step needs to know about the ECS tasks (or local processes) of one attempt. */
export interface ComputeTaskState {
  taskArn: string;
  running: boolean;
  /** Why it stopped, when it did (exit code, stop reason). */
  stoppedReason?: string;
}

export interface ComputeTasks {
  describe(taskArns: readonly string[]): Promise<ComputeTaskState[]>;
  /** Stops the tasks still running; already stopped or unknown tasks are ignored. */
  stop(taskArns: readonly string[], reason: string): Promise<void>;
}

/** Where server A reaches server B for one job. */
export interface PeerEndpoints {
  forJob(jobId: string): Promise<{ host: string; port: number }>;
}
