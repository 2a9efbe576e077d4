import * as logs from 'aws-cdk-lib/aws-logs';

/** CloudWatch accepts only some retention periods; take the smallest one that keeps logs at least as long. */
export function retentionDays(days: number): logs.RetentionDays {
  const allowed = Object.values(logs.RetentionDays)
    .filter((value): value is number => typeof value === 'number' && value > 0)
    .sort((a, b) => a - b);
  return (allowed.find((value) => value >= days) ?? logs.RetentionDays.INFINITE) as logs.RetentionDays;
}
