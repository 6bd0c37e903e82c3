import { Socket } from "node:net";
import type { FastifyInstance } from "fastify";

/**
 * Cuts off a client that sends its request body too slowly. Node.js times out slow headers
 * (`headersTimeout`) but not a body that trickles in a byte now and then, which would hold a
 * connection (and the memory of a half-read upload) for as long as the client likes. Counted from
 * the end of the headers; once the whole request has arrived, the handler may take its time.
 */
export function registerSlowRequestTimeout(app: FastifyInstance, timeoutMs: number) {
  app.addHook("onRequest", async (request) => {
    const raw = request.raw;
    const hasBody = request.headers["content-length"] !== undefined || request.headers["transfer-encoding"];
    // Only real connections (not app.inject) with a body still to come.
    if (raw.complete || !hasBody || !(raw.socket instanceof Socket)) return;
    const timer = setTimeout(() => {
      if (raw.complete) return;
      request.log.warn({ timeoutMs }, "request body not received in time; connection closed");
      raw.socket.destroy();
    }, timeoutMs);
    timer.unref();
    // On the request, not the socket: a kept-alive socket carries many requests, and a listener per
    // request on it would pile up until the socket closes.
    const clear = () => clearTimeout(timer);
    raw.once("end", clear);
    raw.once("close", clear);
  });
}
