/**
 * Data a webview page carries from the start (in a `<script type="application/json">` element, which the CSP
 * lets through because it never runs): serialized so that no value can close the element early.
 */
export function pageJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The cheat sheet's embedded data: the home model, its version and the view state, so its first screen paints at once. */
export const CHEAT_SHEET_DATA_ID = 'page-data';
