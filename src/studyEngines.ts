/**
 * The study engines: search (Fuse.js), the cheat-sheet model (markdown-it) and the quiz coach (ts-fsrs).
 * In the desktop build they are their own bundle (dist/studyEngines.js), loaded on first use so that
 * activation and hovers pay only for what they need; the web build carries them in its one bundle.
 */
export { CheatSheetModel } from './core/cheatSheet/viewModel';
export { QuizCoach } from './core/quiz/coach';
export { KnowledgeSearch } from './core/search/search';
