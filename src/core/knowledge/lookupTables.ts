/**
 * Exact-match tables from every notation to its entry, computed at build time so that a hover is a
 * handful of object look-ups. Keys are normalised as the detectors normalise what they read.
 */
export interface PlainName {
  entry: string;
  /** When set, the phrase must appear with exactly one of these spellings (case kept, separators as spaces). */
  exact?: string[];
}

export interface LookupTables {
  /** Lower-case CloudFormation namespace (`ec2`, `elasticloadbalancingv2`, `serverless`) to entry id. */
  cfnNamespace: Record<string, string>;
  /** Lower-case spelling of every CloudFormation type in the schema snapshot and resources.yaml, to the exact one. */
  cfnTypes: Record<string, string>;
  /** Lower-case resource or parameter type to its exact spelling in resources.yaml. */
  resourceTypeLower: Record<string, string>;
  /** Terraform type prefix to entry id, matched on whole `_` segments, longest first. */
  terraformPrefix: Record<string, string>;
  /** Exact Terraform type to the CloudFormation type of its resources.yaml row. */
  terraformType: Record<string, string>;
  /** Exact Terraform resource or data source type to the entry it is about (content/terraform-types.txt). */
  terraformEntry: Record<string, string>;
  /** The Terraform security-group module's named rules (`ssh-tcp`) to their [from, to] ports. */
  securityGroupRules: Record<string, [number, number]>;
  boto3: Record<string, string>;
  sdkPackage: Record<string, string>;
  /** `client-cloudwatch-logs` becomes `cloudwatchlogs`: matches `CloudWatchLogsClient` and `AWS.CloudWatchLogs`. */
  sdkCompact: Record<string, string>;
  iam: Record<string, string>;
  endpoint: Record<string, string>;
  principal: Record<string, string>;
  operation: Record<string, string>;
  plainName: Record<string, PlainName>;
  plainNameMaxWords: number;
}
