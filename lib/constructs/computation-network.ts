import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { DeploymentConfig } from '../config/deployment-config.ts';
import { retentionDays } from '../config/log-retention.ts';
import { removalPolicyFor } from '../config/removal-policy.ts';

/** A literal range (not a token) so that security-group rules naming it can be checked at synth. */
export const COMPUTATION_VPC_CIDR = '10.42.0.0/16';
/**
 * Each server's VPC has its own range, distinct from the dealer's and the other server's, so that the two
 * server VPCs can be peered for the A-B link (docs/deploy.md, "Three operators").
 */
export const SERVER_VPC_CIDRS = { A: '10.43.0.0/16', B: '10.44.0.0/16' } as const;

type MaterialStreamGroups = Partial<Record<'dealer' | 'serverA' | 'serverB', ec2.ISecurityGroup>>;

/**
 * The security group rules of the dealer-to-server material stream: each server connects to the dealer's
 * material port (`mpc:materialPort`), nothing else. Tasks of one stack name each other's groups; across
 * domains (accounts) a group can only name the other side's VPC range: the dealer admits each server's VPC
 * (SERVER_VPC_CIDRS), a server may reach the dealer's VPC (`dealerCidr`, the coordinator's
 * COMPUTATION_VPC_CIDR). The route between the VPCs is the operators' peering (docs/deploy.md).
 */
export function allowMaterialStreams(
  groups: MaterialStreamGroups,
  port: number,
  dealerCidr: string = COMPUTATION_VPC_CIDR,
): void {
  const tcp = ec2.Port.tcp(port);
  const { dealer } = groups;
  for (const [name, party] of [
    ['serverA', 'A'],
    ['serverB', 'B'],
  ] as const) {
    const server = groups[name];
    if (dealer && server) {
      dealer.addIngressRule(server, tcp, `Material stream from server ${party}`);
      server.addEgressRule(dealer, tcp, 'Material stream to the dealer');
    } else if (dealer) {
      dealer.addIngressRule(
        ec2.Peer.ipv4(SERVER_VPC_CIDRS[party]),
        tcp,
        `Material stream from server ${party} (its VPC)`,
      );
    } else if (server) {
      server.addEgressRule(
        ec2.Peer.ipv4(dealerCidr),
        tcp,
        "Material stream to the dealer (the dealer's VPC)",
      );
    }
  }
}

export interface ComputationNetworkProps {
  readonly config: DeploymentConfig;
  /** Defaults to COMPUTATION_VPC_CIDR. */
  readonly cidr?: string;
}

/**
 * A VPC with isolated subnets only: no internet gateway, no NAT. The tasks reach AWS through VPC endpoints
 * and each other only through their security groups, so a share never leaves the AWS network.
 */
export class ComputationNetwork extends Construct {
  readonly vpc: ec2.Vpc;
  readonly subnets: ec2.SubnetSelection = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };

  readonly cidr: string;

  constructor(scope: Construct, id: string, props: ComputationNetworkProps) {
    super(scope, id);
    const cidr = props.cidr ?? COMPUTATION_VPC_CIDR;
    this.cidr = cidr;
    const flowLogs = new logs.LogGroup(this, 'FlowLogs', {
      retention: retentionDays(props.config.logRetentionDays),
      removalPolicy: removalPolicyFor(props.config),
    });
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(cidr),
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
      flowLogs: {
        all: {
          destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs),
          trafficType: ec2.FlowLogTrafficType.ALL,
        },
      },
      // Nothing uses the default security group; restricting it would add a custom-resource Lambda.
      restrictDefaultSecurityGroup: false,
    });
    // S3 (shares, ECR image layers) and DynamoDB (job status) through free gateway endpoints.
    this.vpc.addGatewayEndpoint('S3', {
      service: ec2.GatewayVpcEndpointAwsService.S3,
      subnets: [this.subnets],
    });
    this.vpc.addGatewayEndpoint('DynamoDb', {
      service: ec2.GatewayVpcEndpointAwsService.DYNAMODB,
      subnets: [this.subnets],
    });
    const interfaceEndpoints: Record<string, ec2.InterfaceVpcEndpointAwsService> = {
      EcrApi: ec2.InterfaceVpcEndpointAwsService.ECR,
      EcrDocker: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
      Logs: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
      SecretsManager: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
      StepFunctions: ec2.InterfaceVpcEndpointAwsService.STEP_FUNCTIONS,
    };
    for (const [name, service] of Object.entries(interfaceEndpoints)) {
      const endpoint = this.vpc.addInterfaceEndpoint(name, {
        service,
        subnets: this.subnets,
        privateDnsEnabled: true,
        open: false,
      });
      // The VPC's own range may reach the endpoint on 443, nothing else.
      endpoint.connections.allowFrom(ec2.Peer.ipv4(cidr), ec2.Port.tcp(443), 'HTTPS from the VPC');
    }
  }
}
