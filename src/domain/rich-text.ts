import * as xssModule from "xss";

// xss is a CommonJS module: under Node's own ESM loader its functions sit on the default export,
// under bundlers and vitest on the namespace.
const xss = (xssModule as unknown as { default?: typeof xssModule }).default ?? xssModule;
const { escapeHtml, FilterXSS } = xss;

/**
 * Measure descriptions are rich text: a small allowlist of tags, links only to http(s) and mailto.
 * Everything else is removed (scripts with their content). Plain text becomes paragraphs.
 */
const filter = new FilterXSS({
  whiteList: {
    p: [],
    br: [],
    strong: [],
    b: [],
    em: [],
    i: [],
    ul: [],
    ol: [],
    li: [],
    h3: [],
    h4: [],
    a: ["href", "title"],
  },
  stripIgnoreTag: true,
  stripIgnoreTagBody: ["script", "style", "iframe", "object"],
  safeAttrValue: (tag, name, value) => {
    if (tag === "a" && name === "href")
      return /^(https?:|mailto:)/i.test(value.trim()) ? escapeHtml(value.trim()) : "";
    return escapeHtml(value);
  },
});

export function sanitizeRichText(input: string): string {
  const text = input.trim();
  if (text === "") return "";
  if (!/<[a-z!/]/i.test(text)) {
    return text
      .split(/\n\s*\n/)
      .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, "<br>")}</p>`)
      .join("");
  }
  return filter.process(text);
}

// The plain-text helpers need no sanitiser, so the browser can use them without bundling xss.
export { richTextForEditing, richTextToPlain } from "./rich-text-plain.ts";
