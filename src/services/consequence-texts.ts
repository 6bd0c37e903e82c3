import type { Message } from "../domain/consequences.ts";
import type { Language } from "../i18n/language.ts";
import { formatMessage, type MessageParam, type ServerMessageKey } from "../i18n/server-messages/index.ts";

/** A consequence or warning rendered in a language (its key and parameters kept for clients). */
export function messageText(language: Language, message: Message): string {
  return formatMessage(language, message.key as ServerMessageKey, asParams(message.params));
}

/** The audit trail keeps warnings in bokmål, as its other texts. */
export const auditText = (message: Message) => messageText("nb", message);

function asParams(params: Message["params"]): Record<string, MessageParam> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === "object" ? { key: value.key as ServerMessageKey } : value,
    ]),
  );
}

type InCatalogue<T extends ServerMessageKey> = T;
/** Fails to typecheck when a consequence key is missing from the server's catalogue. */
export type ConsequenceKeysInCatalogue = InCatalogue<Message["key"]>;
