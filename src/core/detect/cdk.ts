/**
 * AWS CDK in TypeScript, JavaScript and Python: module paths (`aws-cdk-lib/aws-lambda`, `aws_cdk.aws_s3`),
 * and constructs through the alias a file imports a module under (`lambda.Function`, `lambda_.Runtime`,
 * `sfn.JsonPath`). The aliases come from the file's imports, which sit at its top, far from most uses.
 */
import type { LookupTables } from '../knowledge/lookupTables';

/** Common aliases, used when the file's imports are not in view: `sfn` is Step Functions in any CDK app. */
const USUAL_ALIASES: Record<string, string> = {
  elbv2: 'elasticloadbalancingv2',
  elb: 'elasticloadbalancing',
  sfn: 'stepfunctions',
  cw: 'cloudwatch',
  apigw: 'apigateway',
  apigwv2: 'apigatewayv2',
  ddb: 'dynamodb',
  cf: 'cloudfront',
  r53: 'route53',
  sm: 'secretsmanager',
  asg: 'autoscaling',
};

/** The CDK module (`lambda`, `elasticloadbalancingv2`) to its CloudFormation namespace key. */
export function cdkModuleNamespace(t: LookupTables, module: string): string | undefined {
  // A submodule names its service first: stepfunctions-tasks, events-targets, lambda-event-sources.
  const parts = module.toLowerCase().split(/[-_]/);
  for (let n = parts.length; n >= 1; n--) {
    const key = parts.slice(0, n).join('');
    const namespace = USUAL_ALIASES[key] ?? key;
    if (t.cfnNamespace[namespace]) return namespace;
  }
  return undefined;
}

const IMPORTS = [
  // import * as lambda from 'aws-cdk-lib/aws-lambda'; import lambda = require('@aws-cdk/aws-lambda')
  /import\s+\*\s+as\s+(\w+)\s+from\s+["'](?:aws-cdk-lib|@aws-cdk)\/aws-([a-z0-9-]+)["']/g,
  /import\s+(\w+)\s*=\s*require\(\s*["'](?:aws-cdk-lib|@aws-cdk)\/aws-([a-z0-9-]+)["']/g,
  // import { aws_lambda as lambda } from 'aws-cdk-lib'; from aws_cdk import aws_lambda as lambda_;
  // import aws_cdk.aws_s3 as s3
  /\baws_([a-z0-9_]+)\s+as\s+(\w+)/g,
];

/** Alias → module name, from import lines. */
export function cdkImports(lines: readonly string[]): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const line of lines) {
    if (!/aws[-_]cdk|aws_[a-z0-9_]+\s+as\s/.test(line)) continue;
    for (const [i, pattern] of IMPORTS.entries()) {
      pattern.lastIndex = 0;
      for (const m of line.matchAll(pattern)) {
        // The first two patterns name the alias first; the others the module first.
        const [alias, module] = i < 2 ? [m[1], m[2]] : [m[2], m[1]];
        aliases.set(alias, module);
      }
    }
  }
  return aliases;
}

const NAMED_IMPORT = /import\s*\{([^}]*)\}\s*from\s*["'](?:aws-cdk-lib|@aws-cdk)\/aws-([a-z0-9-]+)["']|from\s+aws_cdk\.aws_([a-z0-9_]+)\s+import\s+\(?([\w\s,]+)/g;

/** Construct → module, for constructs imported by name: `import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs'`. */
export function cdkNamedImports(lines: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of lines) {
    if (!/aws[-_]cdk/.test(line)) continue;
    for (const m of line.matchAll(NAMED_IMPORT)) {
      const module = m[2] ?? m[3].replace(/_/g, '-');
      for (const item of (m[1] ?? m[4]).split(',')) {
        const name = item.trim().split(/\s+as\s+/).pop();
        if (name && /^[A-Z]\w*$/.test(name)) names.set(name, module);
      }
    }
  }
  return names;
}

const headerImports = new WeakMap<readonly string[], { aliases: Map<string, string>; named: Map<string, string> }>();
const NONE = { aliases: new Map<string, string>(), named: new Map<string, string>() };

/**
 * The CDK aliases and named imports in view: those of the lines near the token, and those of the file's
 * header (parsed once per header, so that scanning a whole file does not parse its imports per token).
 */
export function cdkImportsInView(near: readonly string[], header: readonly string[] | undefined): { aliases: Map<string, string>; named: Map<string, string> } {
  let top = header && headerImports.get(header);
  if (header && !top) {
    top = header.some((l) => /aws[-_]cdk/.test(l)) ? { aliases: cdkImports(header), named: cdkNamedImports(header) } : NONE;
    headerImports.set(header, top);
  }
  const local = near.some((l) => /aws[-_]cdk|aws_[a-z0-9_]+\s+as\s/.test(l)) ? { aliases: cdkImports(near), named: cdkNamedImports(near) } : NONE;
  if (local === NONE) return top ?? NONE;
  return { aliases: new Map([...(top?.aliases ?? []), ...local.aliases]), named: new Map([...(top?.named ?? []), ...local.named]) };
}
