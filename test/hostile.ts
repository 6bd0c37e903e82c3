import { parseHTML } from "linkedom";

/**
 * Stored cross-site scripting attempts. Each sets `window.__xss` if it ever runs, so a browser test
 * can tell; the server-side tests look for the markup itself.
 */
export const hostile = {
  /** A title: a script, an image with onerror, an attribute break-out with SVG, a template. */
  title: `<script>window.__xss=1</script><img src=x onerror="window.__xss=2">"><svg onload=window.__xss=3>{{constructor.constructor('window.__xss=4')()}}`,
  /** Shorter, for names with a lower limit. */
  name: `"><img src=x onerror=window.__xss=5>&amp;<b>Firma</b>`,
  /** Rich text: what survives sanitising is the paragraph, the bold text and a link without its javascript: href. */
  description: `<p>Beskrivelse med <strong>vekt</strong>.</p><script>window.__xss=6</script><img src=x onerror="window.__xss=7"><a href="javascript:window.__xss=8">lenke</a><iframe src="javascript:window.__xss=9"></iframe><p onclick="window.__xss=10" style="background:url(javascript:window.__xss=11)">Klikk</p>`,
  /** Plain text (comments, proposals, status narratives): shown as text, never as markup. */
  plain: `Se <script>window.__xss=12</script> og <img src=x onerror=window.__xss=13> [lenke](javascript:window.__xss=14)`,
  /** Spreadsheet formula injection: a cell starting with =, +, - or @. */
  formula: `=HYPERLINK("https://example.org/x","Klikk her")`,
  formulas: ["+1+2", "-3+4", "@SUM(1;2)"],
} as const;

/**
 * What in an HTML document could run: scripts (other than the page's non-executed JSON state and
 * the app's own bundle),
 * event-handler attributes, javascript: addresses, frames and objects. Empty means none.
 */
export function activeContent(html: string): string[] {
  const { document } = parseHTML(html);
  const found: string[] = [];
  for (const element of document.querySelectorAll("*")) {
    const tag = element.tagName.toLowerCase();
    // Allowed: the page's state as non-executed JSON, and the app's own bundle from /assets/.
    const ownBundle =
      /^\/assets\/[\w.-]+\.js$/.test(element.getAttribute("src") ?? "") && !element.textContent;
    if (tag === "script" && element.getAttribute("type") !== "application/json" && !ownBundle)
      found.push(`<script> ${element.outerHTML.slice(0, 80)}`);
    if (["iframe", "object", "embed", "frame"].includes(tag)) found.push(`<${tag}>`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/\s/g, "").toLowerCase();
      if (name.startsWith("on")) found.push(`${tag}[${name}]`);
      if (/^(href|src|action|formaction|xlink:href)$/.test(name) && value.startsWith("javascript:"))
        found.push(`${tag}[${name}=javascript:]`);
      if (name === "style" && value.includes("javascript:")) found.push(`${tag}[style]`);
    }
  }
  return found;
}

/** The text of an HTML document, as a reader sees it. */
export function textOf(html: string): string {
  const { document } = parseHTML(html);
  return document.body?.textContent ?? document.documentElement.textContent ?? "";
}
