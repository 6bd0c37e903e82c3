import type { FastifyError, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Language } from "../i18n/language.ts";
import { formatMessage, type ServerMessageKey } from "../i18n/server-messages/index.ts";

/**
 * What a schema refusal says, in the request's language. A schema's own message (e.g. «Velg
 * regiondimensjonen») is kept; zod's defaults are replaced by ours: «Mangler.», «Må være et tall.»,
 * «Må være en av: business, academia, public, voluntary.», never «expected number, received NaN».
 */

/** The parts of a zod issue the messages use (fastify-type-provider-zod passes them as `params`). */
type Issue = {
  code?: string;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  values?: unknown[];
  format?: string;
  keys?: string[];
  input?: unknown;
};

const typeKeys: Record<string, ServerMessageKey> = {
  number: "validation.notNumber",
  int: "validation.notInteger",
  string: "validation.notText",
  boolean: "validation.notBoolean",
  object: "validation.notObject",
  array: "validation.notList",
};

const formatKeys: Record<string, ServerMessageKey> = {
  uuid: "validation.notUuid",
  guid: "validation.notUuid",
  email: "validation.notEmail",
  date: "validation.notDate",
  datetime: "validation.notDateTime",
  url: "validation.notUrl",
};

const shownValue = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

/** A zod issue as a sentence in a language; `missing` when the field is not in the request at all. */
export function issueMessage(issue: Issue, language: Language, missing: boolean): string {
  const say = (key: ServerMessageKey, params: Record<string, string | number> = {}) =>
    formatMessage(language, key, params);
  const limit = (n: number | bigint | undefined) => (n === undefined ? "" : String(n));
  switch (issue.code) {
    case "invalid_type":
      if (missing) return say("validation.required");
      return say(typeKeys[issue.expected ?? ""] ?? "validation.wrongType", {
        expected: issue.expected ?? "",
      });
    case "too_small":
      if (issue.origin === "string") return say("validation.tooShort", { minimum: limit(issue.minimum) });
      if (issue.origin === "array" || issue.origin === "set")
        return say("validation.tooFewItems", { minimum: limit(issue.minimum) });
      return say("validation.tooSmall", { minimum: limit(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return say("validation.tooLong", { maximum: limit(issue.maximum) });
      if (issue.origin === "array" || issue.origin === "set")
        return say("validation.tooManyItems", { maximum: limit(issue.maximum) });
      return say("validation.tooBig", { maximum: limit(issue.maximum) });
    case "invalid_value":
      return say("validation.oneOf", { values: (issue.values ?? []).map(shownValue).join(", ") });
    case "invalid_format":
      return say(formatKeys[issue.format ?? ""] ?? "validation.invalidFormat", {
        format: issue.format ?? "",
      });
    case "unrecognized_keys":
      return say("validation.unknownFields", { keys: (issue.keys ?? []).join(", ") });
    case "not_multiple_of":
      return say("validation.notInteger");
    default:
      return say("validation.invalid");
  }
}

/** zod's own messages, everywhere on the server, are ours in bokmål (the schemas' own messages win). */
export function installNorwegianSchemaMessages() {
  z.config({
    localeError: (issue) =>
      issueMessage(issue as Issue, "nb", issue.code === "invalid_type" && issue.input === undefined),
  });
}

/** The value at a JSON pointer ("/rows/0/amountNok") in a parsed body, query or path. */
function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const segment of pointer.split("/").slice(1)) {
    if (segment === "") continue;
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

type Validation = {
  instancePath: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
};

/**
 * A schema refusal's problems, each with its field (a JSON pointer into the body, or the query or
 * path parameter) and a message in the language.
 */
export function validationProblems(
  error: FastifyError & { validation: Validation[]; validationContext?: string },
  request: FastifyRequest,
  language: Language,
): { path: string; message: string }[] {
  const part =
    error.validationContext === "querystring"
      ? request.query
      : error.validationContext === "params"
        ? request.params
        : error.validationContext === "headers"
          ? request.headers
          : request.body;
  return error.validation.map((v) => {
    const issue = { ...(v.params ?? {}), code: v.keyword } as Issue;
    const missing = v.keyword === "invalid_type" && valueAt(part, v.instancePath) === undefined;
    // zod's default (our bokmål from `installNorwegianSchemaMessages`) is written in the request's language;
    // a schema's own message is kept.
    const isDefault =
      !v.message ||
      v.message === issueMessage(issue, "nb", false) ||
      v.message === issueMessage(issue, "nb", true) ||
      /^(Invalid|Too (big|small)|Unrecognized key)/.test(v.message);
    return {
      path: v.instancePath || "/",
      message: isDefault ? issueMessage(issue, language, missing) : (v.message as string),
    };
  });
}

/** The name of a field in a message: the pointer without its slash, or «body» for the whole body. */
export function fieldName(path: string, context: string | undefined): string {
  const bare = path.replace(/^\//, "");
  if (bare) return bare;
  return context === "querystring" ? "query" : context === "params" ? "params" : "body";
}
