/**
 * Rich text back to plain text, without the sanitiser (src/domain/rich-text.ts), so the browser's
 * edit form can use it without bundling xss.
 */

/** The text of rich text, for search and for short summaries. */
export function richTextToPlain(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/h\d)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
}

/**
 * What the edit form shows: rich text that is only paragraphs and line breaks goes back to the plain
 * text it came from (sanitizeRichText turns it into the same HTML again); anything richer stays HTML.
 */
export function richTextForEditing(html: string): string {
  if (html === "") return "";
  const onlyParagraphs = html.replace(/<\/?p>|<br>/g, "");
  if (/<[a-z/]/i.test(onlyParagraphs)) return html;
  return richTextToPlain(
    html
      .replace(/<\/p><p>/g, "\n\n")
      .replace(/<br>/g, "\n")
      .replace(/<\/?p>/g, ""),
  );
}
