import * as assert from 'node:assert/strict';
import { KnowledgeSearch } from '../../src/core/search/search';
import { knowledgeBase } from './helpers';

describe('search', () => {
  const kb = knowledgeBase();
  const search = new KnowledgeSearch(kb);
  const first = (q: string) => search.search(q, 5)[0]?.doc.ref;

  it('puts exact names, short names and aliases first', () => {
    assert.equal(first('ebs'), 'entry:ebs');
    assert.equal(first('EBS'), 'entry:ebs');
    assert.equal(first('Amazon S3'), 'entry:s3');
    assert.equal(first('route 53'), 'entry:route-53');
  });

  it('reads notations: resource types, IAM actions, Terraform types, ports', () => {
    assert.equal(first('AWS::S3::Bucket'), 'resource:AWS::S3::Bucket');
    assert.equal(first('s3:GetObject'), 'entry:s3');
    assert.equal(first('aws_s3_bucket'), 'resource:AWS::S3::Bucket');
    assert.equal(first('5432'), 'port:5432');
  });

  it('finds by words of the name, fuzzily', () => {
    assert.equal(first('elastic block'), 'entry:ebs');
    assert.equal(first('elastik blok'), 'entry:ebs');
    assert.equal(first('glacier deep'), 'entry:s3-glacier-deep-archive');
  });

  it('prefers a match in a name over the same letters in a long text', () => {
    const top = search.search('nat', 3).map((r) => r.doc.ref);
    assert.ok(top.some((r) => r === 'entry:nat-gateway' || r === 'resource:AWS::EC2::NatGateway'), top.join(', '));
  });

  it('returns nothing for nonsense and for an empty query', () => {
    assert.deepEqual(search.search('xyzzyqq'), []);
    assert.deepEqual(search.search('   '), []);
  });
});
