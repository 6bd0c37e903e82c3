import { describe, expect, it } from "vitest";
import { sanitizeRichText } from "./rich-text.ts";
import { cleanPastedHtml } from "./rich-text-paste.ts";

/** What Word puts on the clipboard for a heading, a bulleted and a numbered list, bold, a link, a table. */
const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt;} --></style></head>
<body lang=NO-BOK style='tab-interval:35.4pt'>
<!--StartFragment-->
<h1 style='mso-style-link:"Overskrift 1 Tegn"'><a name="_Toc1"></a><span style='mso-bookmark:_Toc1'>Landstrøm i havna</span><o:p></o:p></h1>
<p class=MsoNormal style='margin-bottom:6.0pt'><span style='font-family:"Calibri",sans-serif;color:#1F3864'>Tiltaket gir <b style='mso-bidi-font-weight:normal'>strøm til skip</b> ved kai, <i>uten</i> dieselaggregat.<o:p></o:p></span></p>
<h2><font face="Arial" size=3>Hvorfor</font><o:p></o:p></h2>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Mindre utslipp<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Mindre støy<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp; </span></span><![endif]>Søke Enova<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp; </span></span><![endif]>Bygge anlegget<o:p></o:p></p>
<p class=MsoNormal>Les mer hos <a href="https://www.enova.no/" class=MsoHyperlink style='color:#0563C1'>Enova</a> og <a href="javascript:alert(1)">her</a>.<!-- a comment --></p>
<table class=MsoTableGrid border=1 cellspacing=0 style='border-collapse:collapse'><tr><td width=302 valign=top style='width:226.55pt'><p class=MsoNormal>År<o:p></o:p></p></td><td><p class=MsoNormal>Beløp</p></td></tr></table>
<![if !supportLineBreakNewLine]><br style='mso-special-character:line-break'><![endif]>
<!--EndFragment-->
</body></html>`;

const allowed = new Set(["p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "h3", "h4", "a"]);

/** Every element name in the HTML, and every attribute other than a link's href/title. */
function elementsAndAttributes(html: string) {
  const elements = new Set<string>();
  const attributes: string[] = [];
  for (const [, name = "", rest = ""] of html.matchAll(/<\/?([a-z][\w:-]*)([^>]*)>/gi)) {
    elements.add(name.toLowerCase());
    for (const [, attribute = ""] of rest.matchAll(/\s([\w:-]+)=/g))
      if (!(name === "a" && (attribute === "href" || attribute === "title"))) attributes.push(attribute);
  }
  return { elements: [...elements], attributes };
}

describe("HTML pasted from Word", () => {
  it("through the server's sanitiser alone: only allowed elements and attributes, no Word markup", () => {
    const clean = sanitizeRichText(wordHtml);
    const { elements, attributes } = elementsAndAttributes(clean);
    expect(elements.filter((e) => !allowed.has(e))).toEqual([]);
    expect(attributes).toEqual([]);
    expect(clean).not.toMatch(
      /mso|o:p|<!--|<!\[|StartFragment|<table|<td|<span|<font|style|class|javascript/i,
    );
    expect(clean).toContain('<a href="https://www.enova.no/">Enova</a>');
    expect(clean).toContain("<b>strøm til skip</b>");
  });

  it("through the editor's paste cleaning: Word's lists become lists and headings fit a description", () => {
    const pasted = cleanPastedHtml(wordHtml);
    expect(pasted).not.toMatch(/<!--|<!\[|<o:p|<xml|<style|<meta|supportLists|·/);
    expect(pasted).toMatch(/<h3>.*Landstrøm i havna.*<\/h3>/);
    expect(pasted).toMatch(/<h3>.*Hvorfor.*<\/h3>/);
    expect(pasted).toMatch(/<ul><li>Mindre utslipp<\/li><li>Mindre støy<\/li><\/ul>/);
    expect(pasted).toMatch(/<ol><li>Søke Enova<\/li><li>Bygge anlegget<\/li><\/ol>/);

    const saved = sanitizeRichText(pasted);
    const { elements, attributes } = elementsAndAttributes(saved);
    expect(elements.filter((e) => !allowed.has(e))).toEqual([]);
    expect(attributes).toEqual([]);
    expect(saved).toContain("<h3>Landstrøm i havna</h3>");
    expect(saved).toContain("<ul><li>Mindre utslipp</li><li>Mindre støy</li></ul>");
    expect(saved).toContain("<ol><li>Søke Enova</li><li>Bygge anlegget</li></ol>");
    expect(saved).toContain('<a href="https://www.enova.no/">Enova</a>');
    expect(saved).not.toContain("javascript");
    expect(saved).not.toMatch(/<table|<td|<span|<font|class=|style=/);
  });

  it("nests Word's indented list items and maps h3–h6 to h4", () => {
    const nested = [
      "<p style='mso-list:l0 level1 lfo1'><![if !supportLists]>·<![endif]>Én</p>",
      "<p style='mso-list:l0 level2 lfo1'><![if !supportLists]>a)<![endif]>Én a</p>",
      "<p style='mso-list:l0 level1 lfo1'><![if !supportLists]>·<![endif]>To</p>",
      "<h3>Tre</h3><h5>Fem</h5>",
    ].join("\n");
    expect(cleanPastedHtml(nested)).toBe(
      "<ul><li>Én<ol><li>Én a</li></ol></li><li>To</li></ul>\n<h4>Tre</h4><h4>Fem</h4>",
    );
  });

  it("leaves HTML that is not from Word alone (Google Docs, LibreOffice and browsers write real lists)", () => {
    const html = '<ul><li><p>Én</p></li></ul><p>Tekst med <a href="https://usn.no">lenke</a></p>';
    expect(cleanPastedHtml(html)).toBe(html);
  });
});
