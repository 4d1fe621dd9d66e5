/**
 * "In this file" and "In this workspace", above the cheat sheet's tabs: what the file in view and the
 * workspace use, grouped by service, findings first. Buttons and links carry `data-action`/`data-ref`;
 * the cheat sheet's one click handler sends them to the extension.
 */
import type { InFileModel, InWorkspaceModel } from '../../src/core/protocol/cheatSheet';
import { el, icon } from '../shared/dom';

export interface ScansState {
  inFile?: { model?: InFileModel; reason?: string };
  inWorkspace?: InWorkspaceModel;
}

/** Links to the lines, the first few of them. */
function lineLinks(lines: number[], max = 8): HTMLElement {
  const span = el('span', { class: 'lines' });
  lines.slice(0, max).forEach((line, i) => span.append(...(i ? [', '] : []), el('a', { href: '#', 'data-action': 'reveal-line', 'data-line': String(line), 'aria-label': `Go to line ${line + 1}` }, String(line + 1))));
  if (lines.length > max) span.append(` and ${lines.length - max} more`);
  return span;
}

function findingsList(m: InFileModel): HTMLElement {
  const ul = el('ul', { class: 'findings', 'aria-label': 'Worth noticing' });
  for (const f of m.findings) {
    ul.append(
      el('li', { class: 'finding' }, icon('warning'), el('span', {}, f.text, ' '), el('a', { href: '#', 'data-action': 'reveal-line', 'data-line': String(f.line) }, `Line ${f.line + 1}`), ' · ', el('a', { href: '#', 'data-ref': f.concept.ref }, `Why: ${f.concept.name}`)),
    );
  }
  return ul;
}

function groupsList(m: InFileModel): HTMLElement {
  const ul = el('ul', { class: 'scan-groups', 'aria-label': 'Services in this file' });
  for (const g of m.groups) {
    const items = el('ul', { class: 'scan-items' });
    for (const i of g.items) items.append(el('li', {}, el('a', { href: '#', 'data-ref': i.ref }, el('code', {}, i.label)), ' · line ', lineLinks(i.lines)));
    ul.append(el('li', { class: 'scan-group' }, el('div', { class: 'item-head' }, el('a', { href: '#', 'data-ref': g.ref, class: 'name' }, g.name), el('span', { class: 'count', 'aria-label': `${g.count} mentions` }, String(g.count))), el('div', { class: 'summary' }, g.summary), items));
  }
  if (m.ports.length) {
    const ports = el('ul', { class: 'scan-items' });
    for (const p of m.ports) ports.append(el('li', {}, el('a', { href: '#', 'data-ref': p.ref }, el('code', {}, p.label)), ' · line ', lineLinks(p.lines)));
    ul.append(el('li', { class: 'scan-group' }, el('div', { class: 'item-head' }, el('span', { class: 'name' }, 'Ports'), el('span', { class: 'count' }, String(m.ports.length))), ports));
  }
  return ul;
}

export function inFileSection(s: ScansState): HTMLElement[] {
  const update = s.inFile;
  if (!update) return [el('p', { class: 'notice' }, 'Reading the file in view...')];
  if (!update.model) return [el('p', { class: 'notice' }, update.reason ?? 'Open a template or source file to see the AWS services it uses.')];
  const m = update.model;
  const out: HTMLElement[] = [el('p', { class: 'scan-file' }, icon('file'), ' ', m.fileName)];
  if (m.empty) {
    out.push(el('p', { class: 'notice', role: 'status' }, 'No AWS in this file: no service, resource type, IAM action or port that Cloud Coach knows.'));
    return out;
  }
  if (m.findings.length) out.push(el('h3', {}, 'Worth noticing'), findingsList(m));
  out.push(groupsList(m), el('button', { class: 'button', 'data-action': 'quiz-file' }, icon('mortar-board'), 'Quiz me on this file'));
  return out;
}

function accuracy(s: InWorkspaceModel['services'][number]): string {
  return s.answered ? `${Math.round((100 * s.correct) / s.answered)}% of ${s.answered} answered` : 'not practised yet';
}

export function inWorkspaceSection(s: ScansState): HTMLElement[] {
  const w = s.inWorkspace;
  if (!w || w.state === 'idle') return [el('p', { class: 'notice' }, 'The services your workspace uses appear here.'), el('button', { class: 'button secondary', 'data-action': 'scan-workspace' }, icon('search'), 'Scan workspace')];
  const out: HTMLElement[] = [];
  if (w.state === 'scanning') out.push(el('p', { class: 'notice', role: 'status' }, `Scanning: ${w.scanned} of ${w.total || '...'} files `), el('button', { class: 'button secondary', 'data-action': 'stop-scan' }, icon('debug-stop'), 'Stop'));
  if (w.state === 'cancelled') out.push(el('p', { class: 'notice', role: 'status' }, `Scan stopped after ${w.scanned} files.`));
  const skipped = [w.skipped.tooLarge && `${w.skipped.tooLarge} too large`, w.skipped.binary && `${w.skipped.binary} binary`, w.skipped.unreadable && `${w.skipped.unreadable} unreadable`, w.skipped.overCap && `${w.skipped.overCap} over the file cap`].filter(Boolean);
  if (w.state !== 'scanning') out.push(el('p', { class: 'muted' }, `${w.scanned} files scanned${skipped.length ? `; skipped ${skipped.join(', ')}` : ''}.`));
  if (!w.services.length) {
    if (w.state !== 'scanning') out.push(el('p', { class: 'notice' }, 'No AWS found in the workspace.'));
    return out;
  }
  const next = [...w.services].sort((a, b) => (a.answered ? a.correct / a.answered : 0.5) - (b.answered ? b.correct / b.answered : 0.5)).slice(0, 3);
  out.push(el('p', { class: 'study-next' }, el('strong', {}, 'Study next: '), ...next.flatMap((n, i) => [...(i ? [', '] : []), el('a', { href: '#', 'data-ref': n.ref }, n.name), ` (${accuracy(n)})`])));
  const shown = w.services.slice(0, 15);
  const list = el('ul', { class: 'scan-groups workspace', 'aria-label': 'Services in this workspace' });
  for (const svc of shown) {
    list.append(el('li', { class: 'scan-group' }, el('div', { class: 'item-head' }, el('a', { href: '#', 'data-ref': svc.ref, class: 'name' }, svc.name), el('span', { class: 'count', 'aria-label': `${svc.count} mentions` }, String(svc.count))), el('div', { class: 'muted' }, `In ${svc.files} file${svc.files === 1 ? '' : 's'} · your answers: ${accuracy(svc)}`)));
  }
  if (w.services.length > shown.length) list.append(el('li', { class: 'muted' }, `and ${w.services.length - shown.length} more services`));
  out.push(list, el('div', { class: 'actions' }, el('button', { class: 'button', 'data-action': 'quiz-workspace' }, icon('mortar-board'), 'Quiz me on this workspace'), el('button', { class: 'button secondary', 'data-action': 'scan-workspace' }, icon('refresh'), 'Scan again')));
  return out;
}
