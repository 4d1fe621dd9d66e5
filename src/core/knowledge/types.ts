/**
 * The knowledge base as the extension sees it at run time: what `scripts/content.ts` compiles
 * `content/` into (`dist/knowledge.json`). Everything here is plain data, safe to JSON round-trip.
 */

import type { Ref } from '../ids';
import type { LookupTables } from './lookupTables';
import type { EntryNames } from './userNotes';

export const KNOWLEDGE_FORMAT = 1;

export type EntryKind = 'service' | 'feature' | 'concept' | 'catalog';

export type Domain = 1 | 2 | 3 | 4;

export const DOMAIN_NAMES: Record<Domain, string> = {
  1: 'Cloud Concepts',
  2: 'Security and Compliance',
  3: 'Cloud Technology and Services',
  4: 'Billing, Pricing, and Support',
};

/** The CLF-C02 exam guide's weights, in percent. */
export const DOMAIN_WEIGHTS: Record<Domain, number> = { 1: 24, 2: 30, 3: 34, 4: 12 };

export const CATEGORIES = [
  'Cloud Concepts',
  'Global Infrastructure',
  'Compute',
  'Containers',
  'Storage',
  'Databases',
  'Analytics',
  'Networking and Content Delivery',
  'Security, Identity, and Compliance',
  'Management and Governance',
  'Application Integration',
  'Developer Tools',
  'Machine Learning',
  'Migration and Transfer',
  'Billing and Support',
  'Front-End Web and Mobile',
  'Customer Engagement',
  'End User Computing',
  'Internet of Things',
  'Business Applications',
  'Media Services',
  'Game Tech',
  'Blockchain',
  'Quantum Technologies',
  'Satellite',
  'Robotics',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** The identifiers under which a service appears in templates, code and policies. */
export interface Notations {
  /** CloudFormation namespaces, without `AWS::` (e.g. `EFS`). */
  cloudformation: string[];
  /** Terraform type prefixes, matched on whole `_` segments (e.g. `aws_efs`). */
  terraform: string[];
  /** boto3 client ids (e.g. `efs`). */
  boto3: string[];
  /** AWS SDK for JavaScript v3 packages (e.g. `@aws-sdk/client-efs`). */
  sdk: string[];
  /** IAM action prefixes / ARN service names (e.g. `elasticfilesystem`). */
  iam: string[];
  /** Endpoint prefixes that differ from the IAM prefixes. */
  endpoint: string[];
  /** Service principals (e.g. `lambda.amazonaws.com`). */
  principal: string[];
  /** Common API operation names, used to recognise SDK v3 `<Operation>Command` classes. */
  operations: string[];
}

export interface Entry {
  id: string;
  kind: EntryKind;
  name: string;
  short?: string;
  aliases: string[];
  category: Category;
  domains: Domain[];
  /** One sentence; plain Markdown. */
  summary: string;
  /** Bare name is an ordinary word: plain-text mentions need an "AWS"/"Amazon" prefix. */
  needsPrefix: boolean;
  /** Retired, renamed or closed to new customers, with the date. */
  status?: string;
  notations: Notations;
  related: string[];
  confused: string[];
  /** Official documentation URL. */
  docs?: string;
  /** The note whose service this entry belongs to: a catalogue entry's API, or a feature's service. */
  partOf?: string;
  /** Key-fact bullets, Markdown, in order (notes only). */
  keyFacts: string[];
  /** Exam-tip bullets, Markdown, in order (notes only). */
  examTips: string[];
  /** The full note body without its summary, Markdown with `note:` links (notes only). */
  body: string;
  /** Where the entry is defined, relative to the project, for messages and "edit this note". */
  source: string;
}

export interface ResourceType {
  /** `AWS::EC2::Volume`, or a parameter type such as `AWS::EC2::Subnet::Id`. */
  type: string;
  isParameterType: boolean;
  terraform: string[];
  name: string;
  summary: string;
  entry: string;
}

export type PortRisk = 'remote-admin' | 'database' | 'cleartext' | 'sensitive';

export interface PortEntry {
  port: number;
  transport: ('tcp' | 'udp')[];
  protocol: string;
  name: string;
  use: string;
  aws: string[];
  risk?: PortRisk;
  security?: string;
  /** Asked about in generated questions: a port the exam and everyday AWS work use. */
  quiz: boolean;
  docs?: string;
}

export interface PortRange {
  from: number;
  to: number;
  name: string;
  use: string;
  docs?: string;
}

export type QuestionType = 'single' | 'multiple';

export interface QuestionOption {
  text: string;
  correct: boolean;
  why: string;
}

export interface Question {
  id: string;
  domain: Domain;
  topics: string[];
  type: QuestionType;
  question: string;
  options: QuestionOption[];
  docs?: string;
  source: string;
}

export interface Comparison {
  id: string;
  title: string;
  intro?: string;
  columns: { name: string; entry?: string }[];
  rows: { label: string; values: string[] }[];
  docs?: string;
}

/** One searchable item: an entry, a resource type or a port. */
export interface SearchDoc {
  /** `entry:<id>`, `resource:<type>` or `port:<n>`. */
  ref: Ref;
  name: string;
  /** Names, aliases and notations, space-separated. */
  keys: string;
  summary: string;
  category: string;
  /** Key facts and exam tips, plain text. */
  text: string;
}

export interface SearchHit {
  doc: SearchDoc;
  /** 0 is a perfect match; exact matches score 0. */
  score: number;
  exact: boolean;
}

/** Search over the knowledge base, as the cheat sheet, look-up and notes use it. */
export interface KnowledgeSearcher extends EntryNames {
  search(query: string, limit?: number): SearchHit[];
}

export interface CompiledKnowledge {
  format: typeof KNOWLEDGE_FORMAT;
  entries: Entry[];
  resources: ResourceType[];
  ports: PortEntry[];
  portRanges: PortRange[];
  questions: Question[];
  comparisons: Comparison[];
  lookup: LookupTables;
  search: {
    docs: SearchDoc[];
    /** `Fuse.createIndex(...).toJSON()`, loaded with `Fuse.parseIndex`. */
    index: unknown;
  };
  counts: ContentCounts;
}

export interface ContentCounts {
  notes: number;
  catalog: number;
  resourceTypes: number;
  ports: number;
  portRanges: number;
  questions: number;
  comparisons: number;
  iamPrefixes: number;
  terraformTypes: number;
}
