/**
 * `npx tsx scripts/vendorReference.ts`: refreshes what the unit tests need from ../shared/reference, so that
 * they run on any checkout: the AWS identifier list (Apache-2.0 botocore and CloudFormation data, copied as
 * is) and the hashes of the study notes' eight-word runs (no prose is copied; see test/unit/studyShingles.ts).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shingleHash, shingles } from '../test/unit/studyShingles';

const root = join(__dirname, '..');
const reference = join(root, '..', 'shared', 'reference');
const fixtures = join(root, 'test', 'fixtures', 'reference');

copyFileSync(join(reference, 'aws-services.txt'), join(fixtures, 'aws-services.txt'));
const hashes = [...new Set(shingles(readFileSync(join(reference, 'study-notes.md'), 'utf8')).map(shingleHash))].sort();
writeFileSync(join(fixtures, 'study-notes.shingles'), `${hashes.join('\n')}\n`);
console.log(`wrote ${fixtures}: aws-services.txt and ${hashes.length} shingle hashes of study-notes.md`);
