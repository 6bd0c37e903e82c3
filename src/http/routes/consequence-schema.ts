import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Message } from "../../domain/consequences.ts";
import { messageText } from "../../services/consequence-texts.ts";
import { languageOfRequest } from "../errors.ts";

/** A consequence or warning: its key and parameters, and its text in the request's language. */
export const messageSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.unknown()),
  text: z.string(),
});
export type MessageResponse = z.infer<typeof messageSchema>;

export const consequencesSchema = z.object({
  consequences: z.array(messageSchema),
  warnings: z.array(messageSchema),
});

/** Renders messages in the language of the request (cookie, then Accept-Language). */
export function presentMessages(request: FastifyRequest, reply: FastifyReply, messages: Message[]) {
  const language = languageOfRequest(request, reply);
  return messages.map((m) => ({ key: m.key, params: m.params, text: messageText(language, m) }));
}
export type ConsequencesResponse = z.infer<typeof consequencesSchema>;
