import type { Severity } from "../diagnostic.js";
import { redacting } from "../redact.js";
import type { Reporter } from "./types.js";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

// GitHub's workflow-command escaping: data, then property values.
const escapeData = (s: string) =>
  s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** Workflow annotations: `::error file=…,line=…,col=…,title=…::message`. */
export const github: Reporter = redacting((diagnostics, { pathPrefix }) =>
  diagnostics
    .map((d) => {
      const props = [`file=${escapeProperty(pathPrefix + d.file)}`];
      if (d.line > 0) props.push(`line=${d.line}`, `col=${Math.max(1, d.column)}`);
      props.push(`title=${escapeProperty(`nch-report ${d.code}`)}`);
      const text = d.hint ? `${d.message} ${d.hint}` : d.message;
      return `::${COMMAND[d.severity]} ${props.join(",")}::${escapeData(text)}\n`;
    })
    .join(""),
);
