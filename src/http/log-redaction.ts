import type { FastifyRequest } from "fastify";

/** Query parameters that carry secrets: invitation and import tokens, OpenID Connect's code and state. */
const secretParams = new Set([
  "token",
  "code",
  "state",
  "id_token",
  "access_token",
  "refresh_token",
  "password",
  "secret",
  "session_state",
]);
/** Path segments that follow these are secrets (invitation links, in the API and in the app). */
const secretAfter = new Set(["invitations", "invitasjon", "reset", "tilbakestill"]);
/** A segment that looks like a random token (not a UUID, a reference or a word) is hidden too. */
const tokenLike = /^[A-Za-z0-9_-]{32,}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const hidden = "[redacted]";

/**
 * A request address safe to log: secrets in the path (the segment after /invitations/ and friends,
 * anything that looks like a token) and in the query (token, code, state, …) are replaced.
 */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? "" : url.slice(queryAt + 1);
  const segments = path.split("/");
  const safePath = segments
    .map((segment, i) => {
      const previous = (segments[i - 1] ?? "").toLowerCase();
      if (segment && secretAfter.has(previous)) return hidden;
      if (tokenLike.test(segment) && !uuid.test(segment)) return hidden;
      return segment;
    })
    .join("/");
  if (queryAt === -1) return safePath;
  const safeQuery = query
    .split("&")
    .map((pair) => {
      const at = pair.indexOf("=");
      const name = decodeSafely(at === -1 ? pair : pair.slice(0, at)).toLowerCase();
      return at !== -1 && secretParams.has(name) ? `${pair.slice(0, at)}=${hidden}` : pair;
    })
    .join("&");
  return `${safePath}?${safeQuery}`;
}

function decodeSafely(text: string) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Fastify's request serialiser for the log, with the address redacted; no headers, no body. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
