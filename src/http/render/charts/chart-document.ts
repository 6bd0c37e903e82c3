import { parseHTML } from "linkedom";

/** A fresh DOM document to draw charts in on the server (there is no browser here). */
export function createChartDocument(): Document {
  return parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
}
