import { countBySeverity } from "../diagnostic.js";
import { redacting } from "../redact.js";
import type { Reporter } from "./types.js";

/** One JSON object on stdout: `{ diagnostics, errors, warnings }`; files stay data-root-relative. */
export const json: Reporter = redacting((diagnostics) => {
  const { errors, warnings } = countBySeverity(diagnostics);
  return `${JSON.stringify({ diagnostics, errors, warnings }, null, 2)}\n`;
});
