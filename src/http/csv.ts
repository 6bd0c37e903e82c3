import type { FastifyReply } from "fastify";

/** Sends CSV as a download, with a byte-order mark so Excel reads æ, ø and å right. */
export function sendCsv(reply: FastifyReply, filename: string, csv: string) {
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename}"`)
    .send(`\uFEFF${csv}`);
}
