/**
 * Where the functions' CloudWatch metrics (Powertools EMF) go, so that alarms in another stack name the very
 * metric the functions emit. Powertools adds the service name as the `service` dimension.
 */
export const METRICS_NAMESPACE = 'MpcCoordination';
export const API_SERVICE_NAME = 'mpc-coordinator';
export const WORKFLOW_SERVICE_NAME = 'mpc-workflow';
