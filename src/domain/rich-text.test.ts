import { describe, expect, it } from "vitest";
import { richTextForEditing, richTextToPlain, sanitizeRichText } from "./rich-text.ts";

describe("sanitizeRichText", () => {
  it("keeps the allowed formatting", () => {
    const html =
      '<p>Et <strong>viktig</strong> tiltak med <a href="https://usn.no">USN</a>.</p><ul><li>én</li></ul>';
    expect(sanitizeRichText(html)).toBe(html);
  });

  it("removes scripts, event handlers, styles and dangerous links", () => {
    const dirty =
      '<p onclick="steal()">Hei<script>alert(1)</script></p><img src=x onerror=alert(1)><a href="javascript:alert(1)">lenke</a><style>p{}</style>';
    const clean = sanitizeRichText(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|javascript|<img|<style/i);
    expect(clean).toContain("Hei");
    expect(clean).toContain("lenke");
  });

  it("turns plain text into escaped paragraphs", () => {
    expect(sanitizeRichText("Første avsnitt\nlinje to\n\nAndre < avsnitt")).toBe(
      "<p>Første avsnitt<br>linje to</p><p>Andre &lt; avsnitt</p>",
    );
    expect(sanitizeRichText("   ")).toBe("");
  });

  it("gives the plain text back for search", () => {
    expect(richTextToPlain("<p>Næring &amp; <em>vekst</em></p><p>USN</p>")).toBe("Næring & vekst\nUSN");
  });
});

describe("richTextForEditing", () => {
  it("gives plain paragraphs back as the text they came from", () => {
    const text = "Første avsnitt\nlinje to\n\nAndre < avsnitt & mer";
    expect(richTextForEditing(sanitizeRichText(text))).toBe(text);
    expect(sanitizeRichText(richTextForEditing(sanitizeRichText(text)))).toBe(sanitizeRichText(text));
  });

  it("keeps richer HTML as HTML", () => {
    expect(richTextForEditing("<p>Et <strong>viktig</strong> tiltak</p>")).toBe(
      "<p>Et <strong>viktig</strong> tiltak</p>",
    );
  });
});
