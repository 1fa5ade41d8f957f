/** Escaping for the XML and HTML reports. Bodies can hold anything, so everything written goes through here. */

/** Not allowed in XML 1.0: C0 controls other than tab, LF and CR; lone surrogates; U+FFFE and U+FFFF. */
export const NOT_XML = /(?![\t\n\r\u007F-\u009F])\p{Cc}|\p{Cs}|[\uFFFE\uFFFF]/gu;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
};

/** XML character data or attribute value: markup escaped, characters XML 1.0 forbids removed, CR kept. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"'\r]/g, (ch) => ENTITIES[ch] ?? ch);
}

/** An XML attribute value: as escapeXml, with tab and newline kept as references (parsers turn raw ones to spaces). */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** HTML text or attribute value: markup escaped; characters HTML forbids written as \u{XXXX} escapes. */
export function escapeHtml(text: string): string {
  return (
    text
      // Controls other than tab, LF, FF and CR, lone surrogates and noncharacters are HTML parse errors.
      .replace(/(?![\t\n\f\r])\p{Cc}|\p{Cs}|[\uFDD0-\uFDEF\uFFFE\uFFFF]/gu, (ch) => {
        const code = ch.codePointAt(0) ?? 0;
        return `\\u{${code.toString(16).toUpperCase().padStart(4, '0')}}`;
      })
      .replace(/[&<>"']/g, (ch) => (ch === "'" ? '&#39;' : (ENTITIES[ch] ?? ch)))
  );
}
