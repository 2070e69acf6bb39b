// Text into XML and HTML markup: the five characters that would be markup, as entities.

/** `s` as XML/HTML text or attribute value (in double quotes): &, <, > and " escaped. */
export const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
