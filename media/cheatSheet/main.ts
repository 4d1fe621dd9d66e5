/**
 * The cheat-sheet webview: search, browse by category/domain/concept, comparisons, ports, the learner's
 * notes, and an entry's details. The extension computes every model; this script only renders them and
 * reports clicks. Its state (tab, query, open entry, scroll) is kept by the extension: every page starts
 * from the copy it embeds, and each change is sent back.
 */
import type { CheatSheetToExtension, CheatSheetViewState, ComparisonModel, DetailModel, ExtensionToCheatSheet, HomeModel, ListItem, Ref } from '../../src/core/protocol/cheatSheet';
import { CHEAT_SHEET_DATA_ID } from '../../src/core/protocol/pageJson';
import { refs } from '../../src/core/ids';
import { acquireApi, el, icon, readPageJson } from '../shared/dom';
import { t } from '../shared/l10n';
import { inFileSection, inWorkspaceSection, type ScansState } from './scans';

type Tab = CheatSheetViewState['tab'];
type ViewState = CheatSheetViewState;

const started = performance.now();
const vscode = acquireApi();
/** What the extension embeds in the page: the home screen and the view's state. */
const pageData = readPageData();
const state: ViewState = pageData?.state ?? { tab: 'browse', browseBy: 'category', query: '', portFilter: '', open: [], scroll: 0 };
let home: HomeModel | undefined;
let results: ListItem[] | undefined;
let reported = false;
let homeVersion = -1;
let restoreScroll = true;

const send = (m: CheatSheetToExtension) => vscode.postMessage(m);
let saveTimer: number | undefined;
/** Sends the state to the extension, which keeps the one copy of it (scrolling in short bursts). */
const save = (soon = false) => {
  window.clearTimeout(saveTimer);
  if (soon) saveTimer = window.setTimeout(() => send({ type: 'state', state }), 100);
  else send({ type: 'state', state });
};
window.addEventListener('pagehide', () => {
  window.clearTimeout(saveTimer);
  send({ type: 'state', state });
});

/** Missing or unreadable, the extension sends the home model after 'ready' instead. */
function readPageData(): { home?: HomeModel; version?: number; state?: ViewState } | undefined {
  return readPageJson(CHEAT_SHEET_DATA_ID);
}

const scans: ScansState = {};
/** "In this file" and "In this workspace": kept across renders and updated in place, so typing does not reset the view. */
const scansBox = el('div', { class: 'scans' });

const app = document.getElementById('app') as HTMLElement;
const header = el('header', { class: 'search-bar' });
const search = el('input', {
  type: 'search',
  placeholder: t('Search services, ports, AWS::... , s3:Get...'),
  'aria-label': t('Search'),
  value: state.query,
}) as HTMLInputElement;
header.append(el('span', { class: 'codicon codicon-search', 'aria-hidden': 'true' }), search);
const main = el('main', { id: 'content', tabindex: '-1' });
app.append(header, main);

let searchTimer: number | undefined;
search.addEventListener('input', () => {
  state.query = search.value;
  state.ref = undefined;
  save();
  window.clearTimeout(searchTimer);
  if (!state.query.trim()) {
    results = undefined;
    render();
    return;
  }
  searchTimer = window.setTimeout(() => send({ type: 'search', query: state.query }), 60);
});
search.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown') {
    e.preventDefault();
    focusItem(0);
  } else if (e.key === 'Enter') {
    const first = main.querySelector<HTMLElement>('[role="listitem"][data-ref]');
    if (first) open(first.dataset.ref as Ref);
  } else if (e.key === 'Escape' && search.value) {
    search.value = '';
    search.dispatchEvent(new Event('input'));
  }
});

main.addEventListener('scroll', () => {
  state.scroll = main.scrollTop;
  save(true);
});
window.addEventListener('scroll', () => {
  state.scroll = document.scrollingElement?.scrollTop ?? 0;
  save(true);
});

// Clicks on anything carrying a ref or an external link, wherever it was rendered.
document.addEventListener('click', (e) => {
  const target = (e.target as HTMLElement).closest<HTMLElement>('[data-ref], [data-external], [data-action]');
  if (!target) return;
  e.preventDefault();
  if (target.dataset.external) send({ type: 'openExternal', url: target.dataset.external });
  else if (target.dataset.ref) open(target.dataset.ref as Ref);
  else if (target.dataset.action) act(target.dataset.action, target);
});

document.addEventListener('keydown', (e) => {
  const item = (e.target as HTMLElement).closest<HTMLElement>('[role="listitem"]');
  if (!item) return;
  const items = [...main.querySelectorAll<HTMLElement>('[role="listitem"][data-ref]')].filter((i) => i.offsetParent !== null);
  const index = items.indexOf(item);
  if (e.key === 'ArrowDown') {
    e.preventDefault();
    items[Math.min(items.length - 1, index + 1)]?.focus();
  } else if (e.key === 'ArrowUp') {
    e.preventDefault();
    if (index <= 0) search.focus();
    else items[index - 1]?.focus();
  } else if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    if (item.dataset.ref) open(item.dataset.ref as Ref);
  }
});

function act(action: string, target: HTMLElement): void {
  if (action === 'back') {
    state.ref = undefined;
    save();
    render();
    (search.value ? main.querySelector<HTMLElement>('[role="listitem"]') : main.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]'))?.focus();
  } else if (action === 'tab') {
    state.tab = target.dataset.tab as Tab;
    state.scroll = 0;
    save();
    render();
    main.querySelector<HTMLElement>(`[data-tab="${state.tab}"]`)?.focus();
  } else if (action === 'browse-by') {
    state.browseBy = target.dataset.by === 'domain' ? 'domain' : 'category';
    save();
    render();
    main.querySelector<HTMLElement>(`[data-by="${state.browseBy}"]`)?.focus();
  } else if (action === 'quiz' && target.dataset.topic) {
    send({ type: 'quiz', topic: target.dataset.topic });
  } else if (action === 'open-note' && target.dataset.file) {
    send({ type: 'openUserNote', file: target.dataset.file, line: Number(target.dataset.line ?? 0) });
  } else if (action === 'reveal-line' && scans.inFile?.model) {
    send({ type: 'revealLine', uri: scans.inFile.model.uri, line: Number(target.dataset.line ?? 0) });
  } else if (action === 'quiz-file') send({ type: 'quizFile' });
  else if (action === 'quiz-workspace') send({ type: 'quizWorkspace' });
  else if (action === 'scan-workspace') send({ type: 'scanWorkspace' });
  else if (action === 'stop-scan') send({ type: 'stopScan' });
}

/** A scan section that stays open or closed as the reader left it (open at first). */
function scanSection(id: string, label: string, content: HTMLElement[]): HTMLElement {
  const details = el('details', { class: 'group scan', id }) as HTMLDetailsElement;
  details.open = !state.open.includes(`-${label}`);
  details.append(el('summary', {}, el('span', { class: 'label' }, label)), ...content);
  details.addEventListener('toggle', () => {
    state.open = details.open ? state.open.filter((l) => l !== `-${label}`) : [...new Set([...state.open, `-${label}`])];
    save();
  });
  return details;
}

function refreshScans(): void {
  // A keyboard user may be on a link in these lists when an update comes: keep focus on the same control.
  const focused = scansBox.contains(document.activeElement) ? focusKey(document.activeElement as HTMLElement) : undefined;
  scansBox.replaceChildren(scanSection('in-file', t('In this file'), inFileSection(scans)), scanSection('in-workspace', t('In this workspace'), inWorkspaceSection(scans)));
  if (focused) (scansBox.querySelector<HTMLElement>(focused) ?? scansBox.querySelector<HTMLElement>('summary'))?.focus({ preventScroll: true });
}

/** A selector for the same control after a re-render: its action, reference or line, within its section. */
function focusKey(e: HTMLElement): string {
  const section = e.closest<HTMLElement>('details.scan')?.id;
  const attrs = ['data-action', 'data-ref', 'data-line'].map((a) => (e.hasAttribute(a) ? `[${a}="${CSS.escape(e.getAttribute(a) ?? '')}"]` : '')).join('');
  return `${section ? `#${section} ` : ''}${e.tagName.toLowerCase()}${attrs}`;
}

function focusItem(index: number): void {
  const items = [...main.querySelectorAll<HTMLElement>('[role="listitem"][data-ref]')].filter((i) => i.offsetParent !== null);
  items[index]?.focus();
}

function open(ref: Ref): void {
  state.ref = ref;
  save();
  main.setAttribute('aria-busy', 'true');
  send({ type: 'open', ref });
}

window.addEventListener('message', (event: MessageEvent<ExtensionToCheatSheet>) => {
  const m = event.data;
  switch (m.type) {
    case 'home':
      // The same home the page came with: already on screen.
      if (m.version === homeVersion) break;
      applyHome(m.home, m.version);
      break;
    case 'results':
      if (m.query !== state.query) return;
      results = m.items;
      if (!state.ref) render();
      break;
    case 'reveal':
      state.ref = m.ref;
      save();
      break;
    case 'inFile':
      scans.inFile = { model: m.model, reason: m.reason };
      refreshScans();
      break;
    case 'inWorkspace':
      scans.inWorkspace = m.model;
      refreshScans();
      break;
    case 'showSection': {
      state.ref = undefined;
      state.query = '';
      search.value = '';
      save();
      render();
      const target = document.getElementById(m.section === 'inFile' ? 'in-file' : 'in-workspace') as HTMLDetailsElement | null;
      if (target) {
        target.open = true;
        target.scrollIntoView({ block: 'start' });
        (target.querySelector('summary') as HTMLElement).focus();
      }
      break;
    }
    case 'detail':
      if (state.ref !== m.detail.ref) state.ref = m.detail.ref;
      save();
      renderDetail(m.detail);
      break;
    case 'comparison':
      state.ref = m.comparison.ref;
      save();
      renderComparison(m.comparison);
      break;
    case 'notFound':
      state.ref = undefined;
      save();
      render();
      main.prepend(el('p', { class: 'notice', role: 'status' }, t('Nothing found for {0}.', m.ref)));
      break;
  }
});

/** Moves focus to a newly opened entry's title, but never takes focus from the editor or another view. */
function focusTitle(article: HTMLElement): void {
  if (document.hasFocus()) (article.querySelector('h1') as HTMLElement).focus({ preventScroll: true });
}

/** Shows the home model: the open entry again (where the reader was), the search results, or the home screen. */
function applyHome(h: HomeModel, version: number): void {
  home = h;
  homeVersion = version;
  if (state.ref) {
    restoreScroll = true;
    open(state.ref);
  } else if (state.query.trim()) send({ type: 'search', query: state.query });
  else render();
}

function finishRender(): void {
  app.removeAttribute('aria-busy');
  main.removeAttribute('aria-busy');
  if (restoreScroll) {
    restoreScroll = false;
    main.scrollTop = state.scroll;
    if (document.scrollingElement) document.scrollingElement.scrollTop = state.scroll;
  }
  if (!reported) {
    reported = true;
    requestAnimationFrame(() => send({ type: 'rendered', ms: performance.now() - started, sinceNavigation: performance.now() }));
  }
}

function render(): void {
  main.replaceChildren();
  if (!home) return;
  if (state.query.trim() && results) {
    main.append(list(results, t(results.length === 1 ? '{0} result for “{1}”' : '{0} results for “{1}”', results.length, state.query)));
    if (!results.length) main.append(el('p', { class: 'notice' }, t('No entries match. Try a service name, a port number or a notation such as AWS::S3::Bucket.')));
    finishRender();
    return;
  }
  main.append(el('h1', { class: 'visually-hidden' }, t('Cloud Coach cheat sheet')), scansBox, tabs());
  const panel = el('section', { role: 'tabpanel', id: `panel-${state.tab}`, 'aria-labelledby': `tab-${state.tab}` });
  main.append(panel);
  if (state.tab === 'browse') renderBrowse(panel, home);
  else if (state.tab === 'concepts') for (const g of home.concepts) panel.append(section(g.name, () => list(g.items.map((i) => (home as HomeModel).items[i]))));
  else if (state.tab === 'compare') renderComparisons(panel, home);
  else if (state.tab === 'ports') renderPorts(panel, home);
  else renderMyNotes(panel, home);
  finishRender();
}

function tabs(): HTMLElement {
  const bar = el('div', { role: 'tablist', 'aria-label': t('Cheat sheet sections'), class: 'tabs' });
  const names: [Tab, string, string][] = [
    ['browse', t('Browse'), 'library'],
    ['concepts', t('Concepts'), 'lightbulb'],
    ['compare', t('Compare'), 'split-horizontal'],
    ['ports', t('Ports'), 'plug'],
    ['notes', t('My notes'), 'notebook'],
  ];
  for (const [tab, label, codicon] of names) {
    const selected = state.tab === tab;
    bar.append(
      el('button', { role: 'tab', id: `tab-${tab}`, 'aria-selected': String(selected), 'aria-controls': `panel-${tab}`, tabindex: selected ? '0' : '-1', 'data-action': 'tab', 'data-tab': tab, class: 'tab' }, icon(codicon), label),
    );
  }
  bar.addEventListener('keydown', (e) => {
    const all = [...bar.querySelectorAll<HTMLElement>('[role="tab"]')];
    const i = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      all[(i + (e.key === 'ArrowRight' ? 1 : all.length - 1)) % all.length].focus();
    }
  });
  return bar;
}

function renderBrowse(panel: HTMLElement, h: HomeModel): void {
  const switcher = el('div', { class: 'segmented', role: 'group', 'aria-label': t('Browse by') });
  for (const [by, label] of [['category', t('By category')], ['domain', t('By exam domain')]] as const) {
    switcher.append(el('button', { 'data-action': 'browse-by', 'data-by': by, 'aria-pressed': String(state.browseBy === by), class: 'segment' }, label));
  }
  panel.append(switcher);
  const pick = (refs: number[]) => refs.map((i) => h.items[i]);
  if (state.browseBy === 'category') for (const c of h.categories) panel.append(section(c.name, () => list(pick(c.items)), `${c.items.length}`));
  else for (const d of h.domains) panel.append(section(t('Domain {0}: {1}', d.domain, d.name), () => list(pick(d.items)), t('{0}% of the exam', d.weight)));
}

function renderComparisons(panel: HTMLElement, h: HomeModel): void {
  if (!h.comparisons.length) {
    panel.append(el('p', { class: 'notice' }, t('No comparisons yet.')));
    return;
  }
  panel.append(list(h.comparisons.map((c) => ({ ref: refs.comparison(c.id), name: c.title, category: t('Comparison'), summary: c.intro ?? '' }))));
}

function renderPorts(panel: HTMLElement, h: HomeModel): void {
  const filter = el('input', { type: 'search', placeholder: t('Filter by port, protocol or service'), 'aria-label': t('Filter ports'), value: state.portFilter, class: 'filter' }) as HTMLInputElement;
  const table = el('table', { class: 'ports', 'aria-label': t('Ports') });
  const head = el('thead', {}, el('tr', {}, ...[t('Port'), t('Protocol'), t('Used for'), t('On AWS')].map((name) => el('th', { scope: 'col' }, name))));
  const body = el('tbody');
  table.append(head, body);
  const fill = () => {
    const q = state.portFilter.trim().toLowerCase();
    body.replaceChildren();
    for (const r of h.ports) {
      const hay = `${r.port} ${r.protocol} ${r.name} ${r.use} ${r.aws.map((a) => a.name).join(' ')}`.toLowerCase();
      if (q && !(/^\d+$/.test(q) ? r.port === q || r.port.split('–').some((p) => p === q) || inRange(r.port, Number(q)) : hay.includes(q))) continue;
      const aws = el('td');
      r.aws.forEach((a, i) => aws.append(...(i ? [', '] : []), el('a', { href: '#', 'data-ref': a.ref }, a.name)));
      const portCell = el('td', { class: 'num' }, r.port);
      if (r.risk) portCell.append(el('span', { class: 'codicon codicon-warning risk', role: 'img', title: t('Risky to open to the internet ({0})', r.risk), 'aria-label': t('risk: {0}', r.risk) }));
      body.append(el('tr', { 'data-port': r.port }, portCell, el('td', {}, el('strong', {}, r.protocol), el('div', { class: 'muted' }, `${r.name} · ${r.transport}`)), el('td', {}, r.use), aws));
    }
    if (!body.children.length) body.append(el('tr', {}, el('td', { colspan: '4', class: 'notice' }, t('No port matches the filter.'))));
  };
  filter.addEventListener('input', () => {
    state.portFilter = filter.value;
    save();
    fill();
  });
  fill();
  panel.append(filter, table);
}

function inRange(cell: string, port: number): boolean {
  const m = /^(\d+)–(\d+)$/.exec(cell);
  return !!m && port >= Number(m[1]) && port <= Number(m[2]);
}

function renderMyNotes(panel: HTMLElement, h: HomeModel): void {
  if (h.notesNotice) panel.append(el('p', { class: 'notice restricted', role: 'note' }, icon('shield'), ' ', h.notesNotice));
  if (!h.myNotes.length) {
    panel.append(
      el(
        'div',
        { class: 'notice' },
        el('p', {}, t('Your own Markdown notes appear here, in search and in hovers.')),
        el('p', {}, t('Run “Cloud Coach: Add Notes File...” or set cloudCoach.notes.paths.')),
      ),
    );
    return;
  }
  panel.append(list(h.myNotes));
}

function section(label: string, content: () => HTMLElement, count?: string): HTMLElement {
  const details = el('details', { class: 'group' }) as HTMLDetailsElement;
  const summary = el('summary', {}, el('span', { class: 'label' }, label), count ? el('span', { class: 'count' }, count) : '');
  details.append(summary);
  let filled = false;
  const fill = () => {
    if (filled) return;
    filled = true;
    details.append(content());
  };
  if (state.open.includes(label)) {
    details.open = true;
    fill();
  }
  details.addEventListener('toggle', () => {
    if (details.open) fill();
    state.open = details.open ? [...new Set([...state.open, label])] : state.open.filter((l) => l !== label);
    save();
  });
  return details;
}

function list(items: ListItem[], label?: string): HTMLElement {
  const wrap = el('div', { class: 'list-wrap' });
  if (label) wrap.append(el('div', { class: 'list-label', role: 'status' }, label));
  const ul = el('ul', { role: 'list', class: 'list', 'aria-label': label ?? t('Entries') });
  for (const item of items) {
    ul.append(
      el(
        'li',
        { role: 'listitem', tabindex: '0', 'data-ref': item.ref, class: item.mine ? 'item mine' : 'item' },
        el('div', { class: 'item-head' }, el('span', { class: 'name' }, item.name), item.status ? el('span', { class: 'badge warn', title: item.status }, t('status')) : '', el('span', { class: 'category' }, item.category)),
        el('div', { class: 'summary' }, item.summary),
      ),
    );
  }
  wrap.append(ul);
  return wrap;
}

function backButton(): HTMLElement {
  return el('button', { class: 'back', 'data-action': 'back', 'aria-label': t('Back') }, icon('arrow-left'), t('Back'));
}

function renderDetail(d: DetailModel): void {
  main.replaceChildren();
  const article = el('article', { class: 'detail', 'aria-labelledby': 'detail-title' });
  article.append(
    backButton(),
    el('h1', { id: 'detail-title', tabindex: '-1' }, d.title),
    el('div', { class: 'meta' }, el('span', { class: 'badge' }, d.kindLabel), el('span', { class: 'category' }, d.category)),
  );
  if (d.status) {
    const status = el('div', { class: 'status', role: 'note' }, icon('warning'));
    status.insertAdjacentHTML('beforeend', ` <span>${d.status}</span>`);
    article.append(status);
  }
  const actions = el('div', { class: 'actions' });
  if (d.docs) actions.append(el('a', { href: '#', class: 'button secondary', 'data-external': d.docs }, icon('link-external'), t('Documentation')));
  if (d.quizTopic) actions.append(el('button', { class: 'button', 'data-action': 'quiz', 'data-topic': d.quizTopic }, icon('mortar-board'), t('Quiz me on this')));
  article.append(actions);
  const body = el('div', { class: 'markdown' });
  body.innerHTML = d.html;
  article.append(body);
  if (d.userNotes.length && d.kind !== 'usernote') {
    const mine = el('section', { class: 'your-notes', 'aria-label': t('Your notes') }, el('h2', {}, icon('notebook'), t('Your notes')));
    for (const n of d.userNotes) {
      const item = el('div', { class: 'user-note' }, el('strong', {}, n.term));
      const html = el('div', { class: 'markdown' });
      html.innerHTML = n.html;
      item.append(html, el('a', { href: '#', 'data-action': 'open-note', 'data-file': n.file, 'data-line': String(n.line) }, icon('go-to-file'), `${n.fileLabel}:${n.line + 1}`));
      mine.append(item);
    }
    // Right under the official one-sentence summary: the note's first paragraph, after the resource
    // type's own lines (which end with a rule) when the entry was opened from a resource type.
    const parts = [...body.children];
    const summary = parts.slice(parts.findIndex((c) => c.tagName === 'HR') + 1).find((c) => c.tagName === 'P');
    if (summary) summary.after(mine);
    else body.before(mine);
  } else if (d.kind === 'usernote' && d.userNotes[0]) {
    const n = d.userNotes[0];
    article.append(el('a', { href: '#', 'data-action': 'open-note', 'data-file': n.file, 'data-line': String(n.line) }, icon('go-to-file'), t('Open {0}:{1}', n.fileLabel, n.line + 1)));
  }
  if (d.notations.length) {
    const table = el('table', { class: 'notations', 'aria-label': t('Notations') });
    for (const n of d.notations) table.append(el('tr', {}, el('th', { scope: 'row' }, n.label), el('td', {}, ...n.values.map((v) => el('code', {}, v)))));
    article.append(el('h2', {}, t('In templates and code')), table);
  }
  if (d.related.length) {
    const rel = el('ul', { class: 'related', 'aria-label': t('Related') });
    for (const r of d.related) rel.append(el('li', {}, el('a', { href: '#', 'data-ref': r.ref }, r.name)));
    article.append(el('h2', {}, t('Related')), rel);
  }
  main.append(article);
  finishRender();
  focusTitle(article);
}

function renderComparison(c: ComparisonModel): void {
  main.replaceChildren();
  const article = el('article', { class: 'detail comparison' });
  article.append(backButton(), el('h1', { id: 'detail-title', tabindex: '-1' }, c.title));
  if (c.intro) article.append(el('p', {}, c.intro));
  const table = el('table', { class: 'compare', 'aria-label': c.title });
  const headRow = el('tr', {}, el('td'));
  for (const col of c.columns) headRow.append(el('th', { scope: 'col' }, col.ref ? el('a', { href: '#', 'data-ref': col.ref }, col.name) : col.name));
  table.append(el('thead', {}, headRow));
  const body = el('tbody');
  for (const r of c.rows) {
    const tr = el('tr', {}, el('th', { scope: 'row' }, r.label));
    for (const cell of r.cells) {
      const td = el('td');
      td.innerHTML = cell;
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  // A narrow sidebar cannot fit a wide table: the same facts as one card per option, shown by width.
  const cards = el('div', { class: 'compare-cards' });
  c.columns.forEach((col, i) => {
    const list = el('dl');
    for (const r of c.rows) {
      const dd = el('dd');
      dd.innerHTML = r.cells[i] ?? '';
      list.append(el('dt', {}, r.label), dd);
    }
    cards.append(el('section', { class: 'compare-card', 'aria-label': col.name }, el('h2', {}, col.ref ? el('a', { href: '#', 'data-ref': col.ref }, col.name) : col.name), list));
  });
  article.append(el('div', { class: 'table-scroll' }, table), cards);
  if (c.docs) article.append(el('a', { href: '#', class: 'button secondary', 'data-external': c.docs }, icon('link-external'), t('Documentation')));
  main.append(article);
  finishRender();
  focusTitle(article);
}

refreshScans();

// The page carries the home model as data, so the first screen needs no round trip to the extension.
if (pageData?.home && pageData.version !== undefined) applyHome(pageData.home, pageData.version);
send({ type: 'ready', ...(homeVersion >= 0 ? { homeVersion } : {}) });
