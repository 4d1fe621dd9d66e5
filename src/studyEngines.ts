/**
 * The parts of Cloud Coach that need sizeable libraries (Fuse.js search, markdown-it rendering, the
 * ts-fsrs quiz engine), bundled separately as dist/heavy.js and loaded on first use, so that activation
 * only pays for what a hover needs.
 */
export { CheatSheetModel } from './core/cheatSheet/viewModel';
export { QuizCoach } from './core/quiz/coach';
export { KnowledgeSearch } from './core/search/search';
