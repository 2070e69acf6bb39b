import { jsonSchemas } from "../schema/json-schema.js";
import { EXIT, UsageError } from "./exit.js";

export function runSchema(name: string | undefined, out: NodeJS.WritableStream): number {
  const all = jsonSchemas();
  if (name === undefined) {
    out.write(`${JSON.stringify(all, null, 2)}\n`);
    return EXIT.ok;
  }
  const schema = all[name];
  if (!schema)
    throw new UsageError(
      `There is no schema "${name}"; choose one of ${Object.keys(all).join(", ")}.`,
    );
  out.write(`${JSON.stringify(schema, null, 2)}\n`);
  return EXIT.ok;
}
