import type { LocalSystemPlugin } from '../runtime/local-system.ts';
import {
  startLocalWorkflow,
  type LocalWorkflow,
  type LocalWorkflowSettings,
} from './local-workflow-system.ts';

/** The workflow as a part of the local system; `workflow()` gives tests and the bench its runner and launcher. */
export interface LocalWorkflowPlugin extends LocalSystemPlugin {
  workflow(): LocalWorkflow;
}

/**
 * `startLocalSystem({ plugins: [localWorkflowPlugin()] })`: the collaboration state machine and the compute
 * tasks run with the system and stop with it (executions aborted, child processes killed).
 */
export function localWorkflowPlugin(local: LocalWorkflowSettings = {}): LocalWorkflowPlugin {
  let running: LocalWorkflow | undefined;
  return {
    name: 'workflow',
    async start(context) {
      running = startLocalWorkflow({
        env: context.env,
        serverKeys: context.serverKeys,
        dealerKey: context.dealerKey,
        inSystem: context.inSystem,
        local,
        log: context.log,
      });
      const started = running;
      return {
        wiring: started.wiring,
        stop: async () => {
          await started.stop();
          if (running === started) running = undefined;
        },
      };
    },
    workflow() {
      if (!running) throw new Error('the local workflow is not running');
      return running;
    },
  };
}
