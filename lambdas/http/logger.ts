import { Logger } from '@aws-lambda-powertools/logger';

/** One Powertools logger per container; each request logs through a child carrying its keys. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'mpc-coordinator' });
