/** How much of the AWS identifier reference (`shared/reference/aws-services.txt`) the knowledge base covers. */
import type { CompiledKnowledge } from '../core/knowledge/types';

export interface ReferenceIds {
  services: string[];
  namespaces: string[];
}

/** Reads section 1 (boto3 ids) and section 2 (CloudFormation namespaces) of the reference file. */
export function parseReference(text: string): ReferenceIds {
  const services: string[] = [];
  const namespaces: string[] = [];
  let section = 1;
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('# SECTION 2')) section = 2;
    if (!line.trim() || line.startsWith('#')) continue;
    const first = line.split('|')[0].trim();
    (section === 1 ? services : namespaces).push(first);
  }
  return { services, namespaces };
}

export function referenceCoverage(k: CompiledKnowledge, referenceText: string) {
  const ref = parseReference(referenceText);
  const boto3 = new Set(k.entries.flatMap((e) => e.notations.boto3));
  const namespaces = new Set(k.entries.flatMap((e) => e.notations.cloudformation.map((n) => n.toLowerCase())));
  const missingServices = ref.services.filter((s) => !boto3.has(s));
  const missingNamespaces = ref.namespaces.filter((n) => !namespaces.has(n.toLowerCase()));
  return {
    services: { total: ref.services.length, covered: ref.services.length - missingServices.length, missing: missingServices },
    namespaces: { total: ref.namespaces.length, covered: ref.namespaces.length - missingNamespaces.length, missing: missingNamespaces },
  };
}
