/** Compiles `content/resources.yaml` (resource and parameter types) and reads the CloudFormation type list. */
import type { ResourceType } from '../core/knowledge/types';
import type { CompileContext } from './context';
import { textRows, yamlRows } from './rows';
import { resourceRowSchema } from './schemas';

export const CFN_TYPES_FILE = 'content/cloudformation-types.txt';
export const RESOURCES_FILE = 'content/resources.yaml';

/** Every CloudFormation type in the schema snapshot. */
export function readCfnTypes(ctx: CompileContext): string[] {
  return textRows(ctx.file(CFN_TYPES_FILE)).map((r) => r.text);
}

export function compileResources(ctx: CompileContext, cfnTypes: readonly string[]): ResourceType[] {
  const file = ctx.file(RESOURCES_FILE);
  if (!file) return [];
  const known = new Set(cfnTypes);
  const resources: ResourceType[] = [];
  const typesAt = new Map<string, string>();
  const terraformAt = new Map<string, string>();
  for (const { row: r, line } of yamlRows(ctx, file, resourceRowSchema)) {
    const type = 'type' in r ? r.type : r.parameterType;
    const at = `${file.path}:${line}`;
    if ('type' in r && known.size && !known.has(type) && !type.startsWith('AWS::Serverless::'))
      ctx.problem(file.path, line, `${type} is not a CloudFormation resource type (see ${CFN_TYPES_FILE})`);
    if (typesAt.has(type)) ctx.problem(file.path, line, `duplicate resource type ${type} (also ${typesAt.get(type)})`);
    typesAt.set(type, at);
    for (const tf of r.terraform) {
      if (terraformAt.has(tf)) ctx.problem(file.path, line, `duplicate Terraform type ${tf} (also ${terraformAt.get(tf)})`);
      terraformAt.set(tf, at);
    }
    ctx.refer(r.entry, file.path, line, '`entry`');
    resources.push({ type, isParameterType: !('type' in r), terraform: r.terraform, name: r.name, summary: r.summary, entry: r.entry });
  }
  return resources;
}
