import type { Language } from "../language.ts";
import { en } from "./en.ts";
import { nb } from "./nb.ts";
import { nn } from "./nn.ts";

/**
 * The server's messages (error texts) in bokmål, nynorsk and English. Bokmål is the source: its keys
 * are the keys, and its placeholders ({name}) are the parameters a message takes.
 */
export type ServerMessageKey = keyof typeof nb;

/** The placeholder names in a template, e.g. "Rad {row}: {problem}" → "row" | "problem". */
type PlaceholdersIn<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersIn<Rest>
  : never;

/** Another message as a parameter: rendered in the same language (e.g. a row's error inside a summary). */
export type MessageRef = { key: ServerMessageKey; params?: Readonly<Record<string, MessageParam>> };
export type MessageParam = string | number | MessageRef;

/** The parameters a message takes: exactly its placeholders. */
export type MessageParams<K extends ServerMessageKey> = {
  [Name in PlaceholdersIn<(typeof nb)[K]>]: MessageParam;
};

/** Keys that take no parameters. */
export type PlainMessageKey = {
  [K in ServerMessageKey]: [PlaceholdersIn<(typeof nb)[K]>] extends [never] ? K : never;
}[ServerMessageKey];

/** A translation: any missing message falls back to bokmål (a test checks that none is missing). */
export type ServerMessages = { readonly [K in ServerMessageKey]?: string };

export const serverMessages: Record<Language, ServerMessages> = { nb, nn, en };

/** A message in a language, its placeholders filled in; a placeholder without a value stays as it is. */
export function formatMessage(
  language: Language,
  key: ServerMessageKey,
  params: Readonly<Record<string, MessageParam>> = {},
): string {
  const template = serverMessages[language][key] ?? nb[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "object" ? formatMessage(language, value.key, value.params) : String(value);
  });
}
