/** What the detectors find under the cursor. */
import type { ArnParts } from './arn';

/** `[start, end)` character offsets on the line. */
export type Span = readonly [number, number];

export type Notation =
  | 'cloudformation'
  | 'cloudformation-parameter'
  | 'sam-transform'
  | 'terraform'
  | 'boto3'
  | 'sdk-package'
  | 'sdk-client'
  | 'sdk-command'
  | 'sdk-v2'
  | 'cdk'
  | 'iam-action'
  | 'principal'
  | 'endpoint'
  | 'arn'
  | 'plain-name';

export const NOTATION_LABELS: Record<Notation, string> = {
  cloudformation: 'CloudFormation resource type',
  'cloudformation-parameter': 'CloudFormation parameter type',
  'sam-transform': 'AWS SAM transform',
  terraform: 'Terraform type',
  boto3: 'boto3 client',
  'sdk-package': 'AWS SDK for JavaScript v3 package',
  'sdk-client': 'AWS SDK for JavaScript v3 client',
  'sdk-command': 'AWS SDK for JavaScript v3 command',
  'sdk-v2': 'AWS SDK for JavaScript v2 class',
  cdk: 'AWS CDK',
  'iam-action': 'IAM action',
  principal: 'Service principal',
  endpoint: 'Service endpoint',
  arn: 'ARN',
  'plain-name': 'Name',
};

export interface ServiceDetection {
  kind: 'service';
  span: Span;
  notation: Notation;
  token: string;
  entryId: string;
  /** The CloudFormation type (or parameter type) of a resources.yaml row the token names. */
  resourceType?: string;
  /** A short reading of the token beyond the service: "operation PutObject", "region us-east-1". */
  detail?: string;
  arn?: ArnParts;
}

/** AWS-shaped but not in the knowledge base: say what can be read from it, never guess a service. */
export interface UnknownAwsDetection {
  kind: 'unknown-aws';
  span: Span;
  notation: Notation;
  token: string;
  reading: string;
  arn?: ArnParts;
}

export interface PortDetection {
  kind: 'port';
  span: Span;
  port: number;
  /** Up to `port`: a range like `FromPort: 0` ... `ToPort: 65535`, or `3000-3005`. */
  to?: number;
  /** `host` or `container` in a mapping such as `"8080:80"`. */
  role?: 'host' | 'container';
  /** Where the number was read: `FromPort`, `ports:`, `EXPOSE`, `URL`, ... */
  context: string;
  /** The world-open CIDR found in the same rule (`0.0.0.0/0` or `::/0`). */
  openTo?: string;
}

export type Detection = ServiceDetection | UnknownAwsDetection | PortDetection;
