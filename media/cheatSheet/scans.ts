/**
 * "In this file" and "In this workspace", above the cheat sheet's tabs: what the file in view and the
 * workspace use, grouped by service, findings first. Buttons and links carry `data-action`/`data-ref`;
 * the cheat sheet's one click handler sends them to the extension.
 */
import type { InFileModel, InWorkspaceModel } from '../../src/core/protocol/cheatSheet';
import { el, icon } from '../shared/dom';
import { t } from '../shared/l10n';

export interface ScansState {
  inFile?: { model?: InFileModel; reason?: string };
  inWorkspace?: InWorkspaceModel;
}

/** Links to the lines, the first few of them. */
function lineLinks(lines: number[], max = 8): HTMLElement {
  const span = el('span', { class: 'lines' });
  lines.slice(0, max).forEach((line, i) => span.append(...(i ? [', '] : []), el('a', { href: '#', 'data-action': 'reveal-line', 'data-line': String(line), 'aria-label': t('Go to line {0}', line + 1) }, String(line + 1))));
  if (lines.length > max) span.append(' ', t('and {0} more', lines.length - max));
  return span;
}

function findingsList(m: InFileModel): HTMLElement {
  const ul = el('ul', { class: 'findings', 'aria-label': t('Worth noticing') });
  for (const f of m.findings) {
    ul.append(
      el('li', { class: 'finding' }, icon('warning'), el('span', {}, f.text, ' '), el('a', { href: '#', 'data-action': 'reveal-line', 'data-line': String(f.line) }, t('Line {0}', f.line + 1)), ' · ', el('a', { href: '#', 'data-ref': f.concept.ref }, t('Why: {0}', f.concept.name))),
    );
  }
  return ul;
}

function groupsList(m: InFileModel): HTMLElement {
  const ul = el('ul', { class: 'scan-groups', 'aria-label': t('Services in this file') });
  for (const g of m.groups) {
    const items = el('ul', { class: 'scan-items' });
    for (const i of g.items) items.append(el('li', {}, el('a', { href: '#', 'data-ref': i.ref }, el('code', {}, i.label)), ` · ${t('line')} `, lineLinks(i.lines)));
    ul.append(el('li', { class: 'scan-group' }, el('div', { class: 'item-head' }, el('a', { href: '#', 'data-ref': g.ref, class: 'name' }, g.name), el('span', { class: 'count', 'aria-label': t(g.count === 1 ? '{0} mention' : '{0} mentions', g.count) }, String(g.count))), el('div', { class: 'summary' }, g.summary), items));
  }
  if (m.ports.length) {
    const ports = el('ul', { class: 'scan-items' });
    for (const p of m.ports) ports.append(el('li', {}, el('a', { href: '#', 'data-ref': p.ref }, el('code', {}, p.label)), ` · ${t('line')} `, lineLinks(p.lines)));
    ul.append(el('li', { class: 'scan-group' }, el('div', { class: 'item-head' }, el('span', { class: 'name' }, t('Ports')), el('span', { class: 'count' }, String(m.ports.length))), ports));
  }
  return ul;
}

export function inFileSection(s: ScansState): HTMLElement[] {
  const update = s.inFile;
  if (!update) return [el('p', { class: 'notice' }, t('Reading the file in view...'))];
  if (!update.model) return [el('p', { class: 'notice' }, update.reason ?? t('Open a template or source file to see the AWS services it uses.'))];
  const m = update.model;
  const out: HTMLElement[] = [el('p', { class: 'scan-file' }, icon('file'), ' ', m.fileName)];
  if (m.empty) {
    out.push(el('p', { class: 'notice', role: 'status' }, t('No AWS in this file: no service, resource type, IAM action or port that Cloud Coach knows.')));
    return out;
  }
  if (m.findings.length) out.push(el('h2', { class: 'subhead' }, t('Worth noticing')), findingsList(m));
  out.push(groupsList(m), el('button', { class: 'button', 'data-action': 'quiz-file' }, icon('mortar-board'), t('Quiz me on this file')));
  return out;
}

function accuracy(s: InWorkspaceModel['services'][number]): string {
  return s.answered ? t('{0}% of {1} answered', Math.round((100 * s.correct) / s.answered), s.answered) : t('not practised yet');
}

export function inWorkspaceSection(s: ScansState): HTMLElement[] {
  const w = s.inWorkspace;
  if (!w || w.state === 'idle') return [el('p', { class: 'notice' }, t('The services your workspace uses appear here.')), el('button', { class: 'button secondary', 'data-action': 'scan-workspace' }, icon('search'), t('Scan workspace'))];
  const out: HTMLElement[] = [];
  if (w.state === 'scanning') out.push(el('p', { class: 'notice', role: 'status' }, t('Scanning: {0} of {1} files', w.scanned, w.total || '...'), ' '), el('button', { class: 'button secondary', 'data-action': 'stop-scan' }, icon('debug-stop'), t('Stop')));
  if (w.state === 'cancelled') out.push(el('p', { class: 'notice', role: 'status' }, t(w.scanned === 1 ? 'Scan stopped after {0} file.' : 'Scan stopped after {0} files.', w.scanned)));
  const skipped = [w.skipped.tooLarge && t('{0} too large', w.skipped.tooLarge), w.skipped.binary && t('{0} binary', w.skipped.binary), w.skipped.unreadable && t('{0} unreadable', w.skipped.unreadable), w.skipped.overCap && t('{0} over the file cap', w.skipped.overCap)].filter(Boolean);
  if (w.state !== 'scanning') out.push(el('p', { class: 'muted' }, skipped.length ? t(w.scanned === 1 ? '{0} file scanned; skipped {1}.' : '{0} files scanned; skipped {1}.', w.scanned, skipped.join(', ')) : t(w.scanned === 1 ? '{0} file scanned.' : '{0} files scanned.', w.scanned)));
  if (!w.services.length) {
    if (w.state !== 'scanning') out.push(el('p', { class: 'notice' }, t('No AWS found in the workspace.')));
    return out;
  }
  const next = [...w.services].sort((a, b) => (a.answered ? a.correct / a.answered : 0.5) - (b.answered ? b.correct / b.answered : 0.5)).slice(0, 3);
  out.push(el('p', { class: 'study-next' }, el('strong', {}, `${t('Study next:')} `), ...next.flatMap((n, i) => [...(i ? [', '] : []), el('a', { href: '#', 'data-ref': n.ref }, n.name), ` (${accuracy(n)})`])));
  const shown = w.services.slice(0, 15);
  const list = el('ul', { class: 'scan-groups workspace', 'aria-label': t('Services in this workspace') });
  for (const svc of shown) {
    list.append(el('li', { class: 'scan-group' }, el('div', { class: 'item-head' }, el('a', { href: '#', 'data-ref': svc.ref, class: 'name' }, svc.name), el('span', { class: 'count', 'aria-label': t(svc.count === 1 ? '{0} mention' : '{0} mentions', svc.count) }, String(svc.count))), el('div', { class: 'muted' }, t(svc.files === 1 ? 'In {0} file · your answers: {1}' : 'In {0} files · your answers: {1}', svc.files, accuracy(svc)))));
  }
  if (w.services.length > shown.length) list.append(el('li', { class: 'muted' }, t(w.services.length - shown.length === 1 ? 'and {0} more service' : 'and {0} more services', w.services.length - shown.length)));
  out.push(list, el('div', { class: 'actions' }, el('button', { class: 'button', 'data-action': 'quiz-workspace' }, icon('mortar-board'), t('Quiz me on this workspace')), el('button', { class: 'button secondary', 'data-action': 'scan-workspace' }, icon('refresh'), t('Scan again'))));
  return out;
}
