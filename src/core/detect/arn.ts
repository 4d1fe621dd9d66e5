/** Amazon Resource Names: `arn:partition:service:region:account-id:resource`. */

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the account, e.g. `function:f` or `my-bucket/key`. */
  resource: string;
  /** The resource type when the resource names one (`function`, `role`, `table`), else undefined. */
  resourceType?: string;
  resourceId: string;
}

/** A part of an ARN: template substitutions such as `${AWS::Region}` count as one opaque piece. */
const PART = String.raw`(?:\$\{[^}\s]*\}|[^:\s"'\`$])*`;

export const ARN_PATTERN = new RegExp(String.raw`\barn:(${PART}):(${PART}):(${PART}):(${PART}):((?:\$\{[^}\s]*\}|[^\s"'\`,\]\)}>])+)`, 'g');

export function parseArnMatch(m: RegExpExecArray): ArnParts {
  const [, partition, service, region, account, resource] = m;
  const split = /^([A-Za-z0-9-]+)([:/])(.*)$/.exec(resource);
  // `my-bucket/key` names no type; `function:f`, `role/admin` and `table/T` do.
  const typed = split && !(service === 's3' && split[2] === '/');
  return {
    partition,
    service,
    region,
    account,
    resource,
    resourceType: typed ? split[1] : undefined,
    resourceId: typed ? split[3] : resource,
  };
}

export function parseArn(text: string): ArnParts | undefined {
  ARN_PATTERN.lastIndex = 0;
  const m = ARN_PATTERN.exec(text);
  return m && m.index === 0 && m[0].length === text.length ? parseArnMatch(m) : undefined;
}
