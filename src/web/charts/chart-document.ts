/**
 * The DOM document charts are drawn in: the browser's, or on the server one that the server
 * registers (a linkedom document, see src/http/routes/indicators.ts), so that server-rendered pages
 * carry the chart as SVG without any script.
 */
let serverDocument: (() => Document) | null = null;

export function setServerChartDocument(create: () => Document) {
  serverDocument = create;
}

export function chartDocument(): Document | null {
  if (typeof document !== "undefined") return document;
  return serverDocument?.() ?? null;
}
