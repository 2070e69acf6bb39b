// P4 baseline: only parse calls.csv with csv-parse (streamed), nothing else.
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";

let rows = 0;
const parser = createReadStream(process.argv[2]).pipe(parse({ delimiter: ",", bom: true }));
for await (const _ of parser) rows++;
if (rows === 0) process.exitCode = 1;
