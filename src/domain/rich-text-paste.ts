/**
 * What the rich-text editor does with HTML pasted from Word (and from Outlook, LibreOffice, Google
 * Docs) before its own schema reads it: Word's list paragraphs become real lists, headings are moved
 * to the levels a description may use (h3, h4: the page around it has h1 and h2), and Word's
 * comments, conditional comments, bookmarks, `<o:p>`, `<xml>` and `<style>` go. Styles, classes, spans and fonts
 * are left for the editor's schema, which keeps only paragraphs, headings, lists, bold, italic and
 * links. The server sanitises what is saved (src/domain/rich-text.ts) whatever the browser sent.
 *
 * Pure string work, without a DOM, so it is tested here and runs the same in the browser.
 */
export function cleanPastedHtml(html: string): string {
  const withoutNoise = html
    // The fragment markers and whatever precedes the body.
    .replace(/^[\s\S]*?<body[^>]*>/i, "")
    .replace(/<\/body>[\s\S]*$/i, "")
    // Conditional comments (<!--[if gte mso 9]><xml>…</xml><![endif]-->) and ordinary comments.
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(style|xml|script|head|title)\b[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<\/?(o:p|meta|link)\b[^>]*>/gi, "")
    .replace(/<\/?[a-z]+:[a-z]+\b[^>]*>/gi, "")
    // Word's bookmarks (<a name="_Toc1"></a>) are anchors without a link.
    .replace(/<a\b(?![^>]*\bhref=)[^>]*>([\s\S]*?)<\/a>/gi, "$1");
  return headingsForDescriptions(wordListsToLists(withoutNoise))
    .replace(/<!\[if[^\]]*\]>|<!\[endif\]>/gi, "")
    .trim();
}

/** h1/h2 (and Word's «Tittel») become h3, h3–h6 become h4. */
function headingsForDescriptions(html: string): string {
  return html
    .replace(/<(\/?)h([1-6])\b[^>]*>/gi, (_, slash: string, level: string) =>
      Number(level) <= 2 ? `<${slash}h3>` : `<${slash}h4>`,
    )
    .replace(/<p\b[^>]*class=["']?MsoTitle[^>]*>([\s\S]*?)<\/p>/gi, "<h3>$1</h3>");
}

type ListItem = { list: string; level: number; ordered: boolean; content: string };

/**
 * Word writes a list as paragraphs styled `mso-list:l0 level1 lfo1`, each starting with its bullet
 * or number inside `<![if !supportLists]>…<![endif]>`. Runs of such paragraphs become `<ul>`/`<ol>`,
 * nested by level; a marker like «1.», «a)» or «iv.» makes a numbered list, anything else bullets.
 */
function wordListsToLists(html: string): string {
  const paragraph = /<p\b([^>]*)>([\s\S]*?)<\/p>/gi;
  let out = "";
  let last = 0;
  let run: ListItem[] = [];
  let runEnd = 0;
  const flush = () => {
    if (run.length > 0) out += renderList(run);
    run = [];
  };
  for (let match = paragraph.exec(html); match; match = paragraph.exec(html)) {
    const [whole, attributes = "", content = ""] = match;
    const list = /mso-list:\s*(l\d+)\s+level(\d)/i.exec(attributes);
    if (!list) continue;
    const between = html.slice(run.length > 0 ? runEnd : last, match.index);
    // Another list (Word numbers its lists l0, l1, …) starts a new one, even right after.
    if (run.length > 0 && run.at(-1)?.list !== list[1]) {
      flush();
      out += between;
    } else if (run.length > 0 && between.trim() !== "") {
      flush();
      out += between;
    } else if (run.length === 0) out += html.slice(last, match.index);
    const markerMatch = /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/i.exec(content);
    const marker = textOf(markerMatch?.[1] ?? "");
    run.push({
      list: list[1] ?? "",
      level: Number(list[2]),
      ordered: /^(\d+|[a-z]|[ivxlc]+)[.)]$/i.test(marker),
      content: content.replace(/<!\[if !supportLists\]>[\s\S]*?<!\[endif\]>/i, "").trim(),
    });
    runEnd = match.index + whole.length;
    last = runEnd;
  }
  flush();
  return out + html.slice(last);
}

function renderList(items: ListItem[]): string {
  let html = "";
  const open: { level: number; tag: "ul" | "ol" }[] = [];
  for (const item of items) {
    const tag = item.ordered ? "ol" : "ul";
    while (open.length > 0 && (open.at(-1)?.level ?? 0) > item.level) html += `</li></${open.pop()?.tag}>`;
    const top = open.at(-1);
    if (!top || top.level < item.level) {
      html += `<${tag}>`;
      open.push({ level: item.level, tag });
    } else html += "</li>";
    html += `<li>${item.content}`;
  }
  while (open.length > 0) html += `</li></${open.pop()?.tag}>`;
  return html;
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/&[a-z]+;/gi, "")
    .trim();
}
