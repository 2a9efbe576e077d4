import { NagSuppressions } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * The wildcards our roles use on purpose, each confined to one resource: object keys of the storage layout
 * (`*` = collaboration, input, job or recipient id), the executions of the one state machine, the tasks of
 * the one cluster, the indexes of the one table, and the key actions S3 needs (`GenerateDataKey*`).
 */
/** An ARN field: a pseudo parameter (`<AWS::Region>`) or a literal where the domain's account is configured. */
const FIELD = '(<AWS::[A-Za-z]+>|[a-z0-9-]+)';
const SCOPED_WILDCARDS = [
  // The bucket ARN is a reference: `<Logical.Arn>` in its own stack, a stack-output lookup in another.
  { regex: '/^Resource::.+\\/(inputs|results|dealer|jobs)\\/(A\\/|B\\/)?\\*[^*]*(\\*[^*]*)?$/g' },
  // Executions of the state machine, or the child executions of its Distributed Map runs (`<name>/<label>:`).
  {
    regex: `/^Resource::arn:${FIELD}:states:${FIELD}:${FIELD}:execution:[a-z0-9-]+(\\/[A-Za-z0-9_-]+)?(:|\\/)\\*$/g`,
  },
  { regex: `/^Resource::arn:${FIELD}:ecs:${FIELD}:${FIELD}:task\\/[a-z0-9-]+\\/\\*$/g` },
  { regex: `/^Resource::arn:${FIELD}:ecs:${FIELD}:${FIELD}:task-definition\\/[a-zA-Z0-9-]+:\\*$/g` },
  { regex: '/^Resource::<[A-Za-z0-9]+\\.Arn>\\/index\\/\\*$/g' },
  { regex: '/^Action::kms:(GenerateDataKey|ReEncrypt)\\*$/g' },
];

export const TASK_DEFINITION_REVISIONS = SCOPED_WILDCARDS[3]!;

export function suppressScopedWildcards(construct: IConstruct, whose: string): void {
  NagSuppressions.addResourceSuppressions(
    construct,
    [
      {
        id: 'AwsSolutions-IAM5',
        reason: `${whose}: every wildcard is confined to one resource's per-collaboration or per-job names.`,
        appliesTo: SCOPED_WILDCARDS,
      },
    ],
    true,
  );
}
