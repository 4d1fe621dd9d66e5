/**
 * The shapes of the files in `content/`, as zod schemas. Used at build time only: the compiler turns
 * every schema issue into a `file:line: message` error pointing at the offending YAML node.
 */
import { z } from 'zod';
import { CATEGORIES } from '../core/knowledge/types';

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, single hyphens)');
const text = z.string().trim().min(1, 'must not be empty');
const url = z.url({ protocol: /^https$/, error: 'must be an https URL' });
const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);
const category = z.enum(CATEGORIES, { error: 'is not a known category (content/README.md lists them)' });
const domain = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: 'must be 1, 2, 3 or 4' });
const status = z.string().trim().optional().transform((s) => (s ? s : undefined));

export const notationsSchema = z.strictObject({
  cloudformation: list(z.string().regex(/^[A-Za-z0-9]+$/, 'must be a namespace such as EC2 (no AWS:: prefix)')),
  terraform: list(z.string().regex(/^aws(_[a-z0-9]+)+$/, 'must be a Terraform type prefix such as aws_s3')),
  boto3: list(z.string().regex(/^[a-z0-9-]+$/, 'must be a boto3 client id such as s3')),
  sdk: list(z.string().regex(/^@aws-sdk\/client-[a-z0-9-]+$/, 'must be an @aws-sdk/client-* package')),
  iam: list(z.string().regex(/^[a-z0-9-]+$/, 'must be an IAM prefix such as s3')),
  endpoint: list(z.string().regex(/^[a-z0-9.-]+$/, 'must be an endpoint prefix such as sqs')),
  principal: list(z.string().regex(/^[a-z0-9.-]+\.amazonaws\.com$/, 'must be a service principal such as lambda.amazonaws.com')),
  operations: list(z.string().regex(/^[A-Z][A-Za-z0-9]+$/, 'must be a PascalCase operation name such as PutObject')),
});

export type NotationsInput = z.infer<typeof notationsSchema>;

export const noteFrontMatterSchema = z.strictObject({
  id: kebabId,
  kind: z.enum(['service', 'feature', 'concept']),
  name: text,
  short: text.optional(),
  aliases: list(text),
  category,
  domains: z.array(domain).min(1, 'needs at least one CLF-C02 domain'),
  needsPrefix: z.boolean().default(false),
  status,
  /** A feature that is part of a larger service's note: NAT gateways are part of Amazon VPC. */
  partOf: kebabId.optional(),
  notations: notationsSchema.optional(),
  related: list(kebabId),
  confused: list(kebabId),
  docs: url,
});

export type NoteFrontMatter = z.infer<typeof noteFrontMatterSchema>;

export const catalogRowSchema = z.strictObject({
  id: kebabId,
  name: text,
  summary: text.refine((s) => s !== 'TODO', 'is still TODO'),
  category,
  partOf: kebabId.optional(),
  needsPrefix: z.boolean().default(false),
  status,
  docs: url.optional(),
  boto3: notationsSchema.shape.boto3,
  sdk: notationsSchema.shape.sdk,
  iam: notationsSchema.shape.iam,
  endpoint: notationsSchema.shape.endpoint,
  cloudformation: notationsSchema.shape.cloudformation,
  terraform: notationsSchema.shape.terraform,
  principal: notationsSchema.shape.principal,
  operations: notationsSchema.shape.operations,
  aliases: list(text),
  short: text.optional(),
});

export type CatalogRow = z.infer<typeof catalogRowSchema>;

const cfnType = z.string().regex(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/, 'must be a type such as AWS::EC2::Volume');
const cfnParameterType = z
  .string()
  .regex(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+(::[A-Za-z0-9]+)+$/, 'must be a parameter type such as AWS::EC2::Subnet::Id');

const resourceCommon = {
  terraform: list(z.string().regex(/^aws(_[a-z0-9]+)+$/, 'must be a Terraform type such as aws_ebs_volume')),
  name: text,
  summary: text,
  entry: kebabId,
};

export const resourceRowSchema = z.union(
  [
    z.strictObject({ type: cfnType, ...resourceCommon }),
    z.strictObject({ parameterType: cfnParameterType, ...resourceCommon }),
  ],
  { error: 'needs either `type` (AWS::Service::Resource) or `parameterType` (AWS::Service::Resource::Id)' },
);

export type ResourceRow = z.infer<typeof resourceRowSchema>;

const portNumber = z.number().int('must be a whole number').min(0, 'must be 0 to 65535').max(65535, 'must be 0 to 65535');

export const portRowSchema = z.union(
  [
    z.strictObject({
      port: portNumber,
      transport: z.array(z.enum(['tcp', 'udp'])).min(1, 'needs tcp, udp or both'),
      protocol: text,
      name: text,
      use: text,
      aws: list(kebabId),
      risk: z.enum(['remote-admin', 'database', 'cleartext', 'sensitive']).optional(),
      security: text.optional(),
      /** A port the exam and everyday AWS work use: generated port questions draw only from these. */
      quiz: z.boolean().default(false),
      docs: url.optional(),
    }),
    z.strictObject({
      range: z.tuple([portNumber, portNumber]),
      name: text,
      use: text,
      docs: url.optional(),
    }),
  ],
  { error: 'needs either `port` (with transport, protocol, name, use) or `range: [from, to]`' },
);

export type PortRow = z.infer<typeof portRowSchema>;

export const questionRowSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  domain,
  topics: z.array(kebabId).min(1, 'needs at least one topic'),
  type: z.enum(['single', 'multiple']),
  question: text,
  options: z.array(
    z.strictObject({
      text,
      correct: z.boolean().default(false),
      why: z.string({ error: 'needs `why`: the explanation of this option' }).trim().min(1, 'needs `why`: the explanation of this option'),
    }),
  ),
  docs: url.optional(),
});

export type QuestionRow = z.infer<typeof questionRowSchema>;

export const comparisonRowSchema = z.strictObject({
  id: kebabId,
  title: text,
  intro: text.optional(),
  columns: z.array(z.strictObject({ name: text, entry: kebabId.optional() })).min(2, 'needs at least two columns'),
  rows: z.array(z.strictObject({ label: text, values: z.array(z.union([text, z.number()]).transform(String)) })).min(1, 'needs at least one row'),
  docs: url.optional(),
});

export type ComparisonRow = z.infer<typeof comparisonRowSchema>;

export const iamPrefixRowSchema = z.strictObject({
  prefix: z.string().regex(/^[a-z0-9-]+$/, 'must be an IAM service prefix such as s3 or ec2messages'),
  service: text,
  entry: kebabId,
});
