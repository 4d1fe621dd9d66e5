/** Compiles `content/ports.yaml`: port numbers and named ranges. */
import type { PortEntry, PortRange } from '../core/knowledge/types';
import type { CompileContext } from './context';
import { yamlRows } from './rows';
import { portRowSchema } from './schemas';

export const PORTS_FILE = 'content/ports.yaml';

export function compilePorts(ctx: CompileContext): { ports: PortEntry[]; portRanges: PortRange[] } {
  const ports: PortEntry[] = [];
  const portRanges: PortRange[] = [];
  const file = ctx.file(PORTS_FILE);
  if (!file) return { ports, portRanges };
  const seen = new Map<number, number>();
  for (const { row: r, line } of yamlRows(ctx, file, portRowSchema)) {
    if ('range' in r) {
      const [from, to] = r.range;
      if (from > to) ctx.problem(file.path, line, `\`range\` starts after it ends (${from} > ${to})`);
      portRanges.push({ from, to, name: r.name, use: r.use, docs: r.docs });
      continue;
    }
    if (seen.has(r.port)) ctx.problem(file.path, line, `duplicate port ${r.port} (also line ${seen.get(r.port)})`);
    seen.set(r.port, line);
    if (r.risk && !r.security) ctx.problem(file.path, line, '`security` is required when `risk` is set');
    if (r.quiz && !r.docs) ctx.problem(file.path, line, '`docs` is required when `quiz` is set: the source that names the port');
    for (const id of r.aws) ctx.refer(id, file.path, line, '`aws`');
    ports.push({ ...r, transport: [...new Set(r.transport)] });
  }
  ports.sort((a, b) => a.port - b.port);
  portRanges.sort((a, b) => a.from - b.from || a.to - b.to);
  return { ports, portRanges };
}
