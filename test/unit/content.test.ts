/** The shipped knowledge base: it compiles, it is complete where the product promises, and it is ours. */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceCoverage } from '../../src/compiler/coverage';
import { DOMAIN_WEIGHTS, type Domain } from '../../src/core/knowledge/types';
import { knowledgeBase } from './helpers';
import { shingleHash, shingles } from './studyShingles';

const referenceDir = join(__dirname, '..', '..', '..', 'shared', 'reference');
/** What the tests need from the reference, kept in the repository (scripts/vendorReference.ts refreshes it). */
const vendored = join(__dirname, '..', 'fixtures', 'reference');

/** Every service and concept the product promises a full note for (issue: knowledge base). */
const REQUIRED_NOTES = `cloud-computing public-cloud private-cloud hybrid-cloud iaas paas saas cloud-characteristics cloud-advantages
regions availability-zones edge-locations local-zones wavelength outposts shared-responsibility-model iam root-user iam-users
iam-groups iam-roles iam-policies mfa ec2 on-demand-instances reserved-instances convertible-reserved-instances spot-instances
dedicated-hosts dedicated-instances savings-plans capacity-reservations ebs efs instance-store ami elb auto-scaling s3 s3-storage-classes
s3-standard s3-standard-ia s3-one-zone-ia s3-intelligent-tiering s3-glacier-instant-retrieval s3-glacier-flexible-retrieval
s3-glacier-deep-archive snow-family snowball-edge storage-gateway rds aurora elasticache dynamodb redshift emr athena quicksight
documentdb neptune qldb managed-blockchain dms glue ecs fargate ecr eks lambda api-gateway batch lightsail cloudformation
elastic-beanstalk codedeploy codecommit codebuild codepipeline codeartifact systems-manager route-53 cloudfront
s3-transfer-acceleration global-accelerator sqs sns kinesis amazon-mq cloudwatch cloudtrail x-ray aws-health vpc subnets
internet-gateway nat-gateway network-acls security-groups vpc-flow-logs vpc-peering vpc-endpoints privatelink direct-connect
site-to-site-vpn transit-gateway shield waf kms cloudhsm secrets-manager artifact guardduty inspector config macie
organizations scps control-tower ram service-catalog iam-identity-center cognito directory-service security-hub detective
audit-manager trusted-advisor support-plans budgets cost-explorer cost-and-usage-report pricing-calculator compute-optimizer
well-architected-framework wa-operational-excellence wa-security wa-reliability wa-performance-efficiency wa-cost-optimization
wa-sustainability cloud-adoption-framework migration-strategies application-discovery-service migration-hub
application-migration-service datasync transfer-family app-runner step-functions eventbridge appsync amplify ses pinpoint
connect workspaces appstream iot-core sagemaker rekognition comprehend lex polly transcribe translate textract kendra
personalize forecast bedrock amazon-q`.split(/\s+/);

describe('the shipped knowledge base', () => {
  const kb = knowledgeBase();

  it('has a full note for every service and concept the product promises', () => {
    const missing = REQUIRED_NOTES.filter((id) => {
      const e = kb.entry(id);
      return !e || e.kind === 'catalog';
    });
    assert.deepEqual(missing, []);
  });

  it('has the resource types learners meet, each with its Terraform names and note', () => {
    const expected: [string, string[], string][] = [
      ['AWS::EC2::Instance', ['aws_instance'], 'ec2'],
      ['AWS::EC2::Volume', ['aws_ebs_volume'], 'ebs'],
      ['AWS::S3::Bucket', ['aws_s3_bucket'], 's3'],
      ['AWS::Lambda::Function', ['aws_lambda_function'], 'lambda'],
      ['AWS::DynamoDB::Table', ['aws_dynamodb_table'], 'dynamodb'],
      ['AWS::RDS::DBInstance', ['aws_db_instance'], 'rds'],
      ['AWS::EC2::NatGateway', ['aws_nat_gateway'], 'nat-gateway'],
      ['AWS::EC2::SecurityGroup', ['aws_security_group'], 'security-groups'],
      ['AWS::IAM::Role', ['aws_iam_role'], 'iam-roles'],
      ['AWS::Serverless::Function', [], 'lambda'],
    ];
    for (const [type, terraform, entry] of expected) {
      const r = kb.resource(type);
      assert.ok(r, type);
      for (const tf of terraform) assert.ok(r.terraform.includes(tf), `${type} lists ${tf}`);
      assert.equal(r.entry, entry, type);
    }
    assert.ok(kb.resource('AWS::EC2::Subnet::Id')?.isParameterType, 'parameter types too');
  });

  it('has the well-known, registered and ephemeral port ranges', () => {
    const has = (from: number, to: number) => kb.portRanges.some((r) => r.from === from && r.to === to);
    assert.ok(has(0, 1023) && has(1024, 49151) && has(49152, 65535));
  });

  it('has the AWS ports learners are asked about, with what uses them', () => {
    const expected: [number, string][] = [
      [22, 'ec2'],
      [2049, 'efs'],
      [5439, 'redshift'],
      [6379, 'elasticache'],
      [11211, 'elasticache'],
      [27017, 'documentdb'],
      [8182, 'neptune'],
      [9092, 'msk'],
      [9094, 'msk'],
      [8883, 'iot-core'],
      [500, 'site-to-site-vpn'],
      [4500, 'site-to-site-vpn'],
      [179, 'direct-connect'],
      [3306, 'rds'],
      [5432, 'rds'],
    ];
    for (const [port, id] of expected) assert.ok(kb.port(port)?.aws.includes(id), `port ${port} should list ${id}`);
    for (const port of [22, 3389, 3306, 5432, 1433, 27017]) assert.ok(kb.port(port)?.risk, `port ${port} should carry a risk`);
  });

  it('balances the question bank across the four CLF-C02 domains', () => {
    const byDomain = new Map<Domain, number>();
    for (const q of kb.questions) byDomain.set(q.domain, (byDomain.get(q.domain) ?? 0) + 1);
    const total = kb.questions.length;
    for (const d of [1, 2, 3, 4] as Domain[]) {
      const n = byDomain.get(d) ?? 0;
      assert.ok(n >= 40, `domain ${d} has ${n} questions`);
      // Within 8 points of the exam's weight, except that the smallest domain needs 40 for variety.
      assert.ok(Math.abs((100 * n) / total - DOMAIN_WEIGHTS[d]) <= 8, `domain ${d}: ${((100 * n) / total).toFixed(1)}% vs ${DOMAIN_WEIGHTS[d]}%`);
    }
    const multiple = kb.questions.filter((q) => q.type === 'multiple').length;
    assert.ok(multiple >= 30, `${multiple} multiple-response questions`);
  });

  it('links every note to official AWS documentation', () => {
    for (const e of kb.entries) {
      if (e.kind === 'catalog') continue;
      // AWS pages, or the standard that defines a concept (NIST's definition of cloud computing).
      assert.match(e.docs ?? '', /^https:\/\/([a-z0-9-]+\.)*(aws\.amazon\.com|amazonaws\.com|aws|nist\.gov)\//, `${e.id}: ${e.docs}`);
    }
  });

  it('covers every AWS service API and CloudFormation namespace in the reference list', () => {
    const coverage = referenceCoverage(kb.data, readFileSync(join(vendored, 'aws-services.txt'), 'utf8'));
    assert.deepEqual(coverage.services.missing, []);
    assert.deepEqual(coverage.namespaces.missing, []);
  });

  it('copies no sentence from the study notes it was started from', () => {
    const source = new Set(readFileSync(join(vendored, 'study-notes.shingles'), 'utf8').split('\n').filter(Boolean));
    assert.ok(source.size > 1000, `${source.size} shingle hashes`);
    // Official names are quoted, not copied: the six advantages of cloud computing as AWS names them.
    const officialNames = ['stop spending money running and maintaining data centers'];
    const copied: string[] = [];
    const texts = [
      ...kb.entries.map((e) => [e.id, `${e.summary} ${e.body}`]),
      ...kb.questions.map((q) => [q.id, `${q.question} ${q.options.map((o) => `${o.text}. ${o.why}`).join(' ')}`]),
    ];
    for (const [id, text] of texts) {
      const hit = shingles(text).find((s) => source.has(shingleHash(s)) && !officialNames.some((n) => n.includes(s)));
      if (hit) copied.push(`${id}: "${hit}"`);
    }
    assert.deepEqual(copied, []);
  });

  it('has the reference files of test/fixtures/reference as they are in the shared reference (where it is at hand)', function () {
    if (!existsSync(referenceDir)) {
      // A checkout away from the shared reference tests against the vendored copies alone.
      if (process.env.CLOUD_COACH_REQUIRE_ALL_TIERS === '1') console.warn(`      (no ${referenceDir} here: the vendored copies are used as they are)`);
      this.skip();
    }
    assert.equal(readFileSync(join(vendored, 'aws-services.txt'), 'utf8'), readFileSync(join(referenceDir, 'aws-services.txt'), 'utf8'), 'run npx tsx scripts/vendorReference.ts');
    const fresh = [...new Set(shingles(readFileSync(join(referenceDir, 'study-notes.md'), 'utf8')).map(shingleHash))].sort();
    assert.deepEqual(readFileSync(join(vendored, 'study-notes.shingles'), 'utf8').split('\n').filter(Boolean), fresh, 'run npx tsx scripts/vendorReference.ts');
  });

  it('presents no retired product as current', () => {
    const retired: [string, RegExp][] = [
      ['snowmobile', /retir|discontinu|no longer/i],
      ['snowcone', /retir|discontinu|no longer/i],
      ['codestar', /discontinu|retir|no longer/i],
      ['qldb', /end of support|retir|discontinu/i],
      ['opsworks', /end of life|retir|discontinu/i],
      ['scheduled-reserved-instances', /no longer|retir|discontinu/i],
    ];
    for (const [id, pattern] of retired) assert.match(kb.entry(id)?.status ?? '', pattern, id);
    const eventbridge = kb.entry('eventbridge');
    assert.ok(eventbridge?.aliases.some((a) => /CloudWatch Events/i.test(a)) || /CloudWatch Events/.test(eventbridge?.body ?? ''));
  });
});
