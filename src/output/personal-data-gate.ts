// The last gate before anything is written: the text of every output — as a reader sees it —
// and every file name is scanned for identity numbers. A hit stops the build with a message
// that names the output and, where its digits can be found in an input, the input's line.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { foldForScan } from "../check/personal-data-fold.js";
import { findPersonalData, type PersonalDataMatch } from "../check/personal-data-patterns.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type FindingPlace, finding } from "../diagnostics/finding.js";
import type { YearData } from "../load/dataset.js";
import { positionsOf, smallInputTexts } from "../load/input-text.js";
import { type OutputText, outputTexts } from "./output-text.js";
import { UnreadablePdfError } from "./pdf-text.js";
import type { OutputFile } from "./write.js";

export interface GateContext {
  data: YearData;
  /** The data root and the output folder (absolute): outputs are named relative to the root. */
  dataRoot: string;
  outDir: string;
  /** Chart SVGs and alt texts of every target, also those only embedded in DOCX or PDF. */
  charts?: readonly { fileName: string; svg: string; alt: string }[];
}

interface Source {
  file: string;
  text: string;
}

/** A digit run of an input no more than this many characters apart still reads as one number. */
const MAX_GAP = 40;

/** Where in an input the digits of a finding are written, whatever lies between them. */
function trace(sources: readonly Source[], digits: string): FindingPlace | undefined {
  const wanted = digits.length === 12 ? [digits, digits.slice(2)] : [digits];
  for (const source of sources) {
    const folded = foldForScan(source.text, true);
    let stream = "";
    const offsets: number[] = [];
    let last = -MAX_GAP - 1;
    for (const m of folded.text.matchAll(/[0-9]/g)) {
      if (m.index - last > MAX_GAP) stream += "|";
      if (m.index - last > MAX_GAP) offsets.push(-1);
      stream += m[0];
      offsets.push(m.index);
      last = m.index;
    }
    for (const w of wanted) {
      const at = stream.indexOf(w);
      if (at === -1) continue;
      const [start] = folded.span(offsets[at] as number, (offsets[at] as number) + 1);
      return { file: source.file, ...positionsOf(source.text)(start) };
    }
  }
  return undefined;
}

/** The project's own templates (Markdown, chart specs, Typst) as the user wrote them. */
async function projectTemplates(dataRoot: string): Promise<Source[]> {
  const dir = path.join(dataRoot, "templates");
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const texts = names
    .map((name) => name.split(path.sep).join("/"))
    .filter((name) => /\.(hbs|json|typ|md)$/.test(name))
    .map(async (name) => {
      const text = await readFile(path.join(dir, name), "utf8").catch(() => "");
      return { file: `templates/${name}`, text };
    });
  return Promise.all(texts);
}

async function traceSources(context: GateContext): Promise<Source[]> {
  const inputs = (await smallInputTexts(context.data)).map((t) => ({
    file: t.file.rel,
    text: t.text,
  }));
  return [...inputs, ...(await projectTemplates(context.dataRoot))];
}

function leak(
  piece: OutputText,
  match: PersonalDataMatch,
  named: string,
  sources: readonly Source[],
): Diagnostic {
  const from = trace(sources, match.folded.replace(/[^0-9]/g, ""));
  return finding("personal-data/in-output", from ?? { file: named, line: 0, column: 0 }, {
    kind: match.kind,
    output: piece.output,
    place: piece.locate(match.index),
    traced: from !== undefined,
  });
}

function unreadable(output: string, named: string, error: Error): Diagnostic {
  return finding(
    "personal-data/unchecked-output",
    { file: named, line: 0, column: 0 },
    { output, detail: error.message },
  );
}

function identityNumbers(piece: OutputText): PersonalDataMatch[] {
  return findPersonalData(piece.text, { joinLines: piece.joinLines }).filter(
    (m) => m.kind === "personnummer" || m.kind === "samordningsnummer",
  );
}

/** Findings of identity numbers in the outputs about to be written, input names included. */
export async function personalDataGate(
  files: readonly OutputFile[],
  context: GateContext,
): Promise<Diagnostic[]> {
  const named = (output: string) =>
    path.relative(context.dataRoot, path.join(context.outDir, output)).split(path.sep).join("/");
  const pieces: OutputText[] = context.data.inputs.map((f) => ({
    output: f.rel,
    text: f.rel,
    joinLines: false,
    locate: () => "an input file's name",
    file: f.rel,
  }));
  const found: Diagnostic[] = [];
  for (const chart of context.charts ?? []) {
    pieces.push(...(await outputTexts({ name: chart.fileName, bytes: chart.svg })));
    pieces.push({
      output: chart.fileName,
      text: chart.alt,
      joinLines: true,
      locate: () => "its alt text",
    });
  }
  for (const file of files) {
    try {
      pieces.push(...(await outputTexts(file)));
    } catch (error) {
      if (!(error instanceof UnreadablePdfError)) throw error;
      found.push(unreadable(file.name, named(file.name), error));
    }
  }
  const hits = pieces.flatMap((piece) => identityNumbers(piece).map((m) => ({ piece, m })));
  if (hits.length === 0) return found;
  const sources = await traceSources(context);
  const seen = new Set<string>();
  for (const { piece, m } of hits) {
    const d = leak(piece, m, piece.file ?? named(piece.output.replace(/ \(.*$/, "")), sources);
    const key = `${d.file}:${d.line}:${d.column}:${piece.output}`;
    if (!seen.has(key)) found.push(d);
    seen.add(key);
  }
  return found;
}
