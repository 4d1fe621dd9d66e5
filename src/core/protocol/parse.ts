/** How both webview protocols read what a webview sends: one parser per message type, checked by the compiler. */
export type Fields = Record<string, unknown>;

/** A parser for every message type of `M`: leaving one out does not compile. */
export type Parsers<M extends { type: string }> = { [K in M['type']]: (m: Fields) => Extract<M, { type: K }> | undefined };

/** The message if `raw` is one of `M`'s and its fields pass its parser, else undefined. */
export function messageParser<M extends { type: string }>(parsers: Parsers<M>): (raw: unknown) => M | undefined {
  return (raw) => {
    if (!raw || typeof raw !== 'object') return undefined;
    const m = raw as Fields;
    if (typeof m.type !== 'string' || !Object.hasOwn(parsers, m.type)) return undefined;
    return (parsers[m.type as M['type']] as (m: Fields) => M | undefined)(m);
  };
}
