import { constants } from "node:os";
import { Command, CommanderError, Option } from "commander";
import { maskPersonalData, redactText } from "../diagnostics/redact.js";
import { REPORTERS } from "../diagnostics/reporters/index.js";
import { PDF_STANDARDS } from "../output/pdf-standards.js";
import { DEFAULT_FORMATS, OUTPUT_FORMATS, OUTPUT_RECIPES } from "../output/recipes.js";
import { TOOL_VERSION } from "../version.js";
import { EXIT, UsageError } from "./exit.js";
import { langOption, messageLang } from "./lang.js";
import { checkWritableFolder, dataRootFor } from "./where.js";

/** "Markdown, DOCX and PDF": the formats of the registry, for the help. */
const FORMATS_TEXT = OUTPUT_RECIPES.map((r) => r.displayName)
  .join(", ")
  .replace(/, ([^,]*)$/, " and $1");

const DATA_HELP = "data root (default: data/ of the project, found from here upwards)";

function colorWanted(stream: NodeJS.WriteStream, flag: boolean): boolean {
  return flag && stream.isTTY === true && !process.env.NO_COLOR;
}

type SetExit = (code: number) => void;
type PreviewFlags = { data?: string; port?: string; open: boolean; lang?: string };
type ChangesFlags = { data?: string; since: string; format: string; lang?: string };
type ReviewFlags = { data?: string; year?: string; out?: string; format: string; lang?: string };

/** The flags of a command that reads a year's data, resolved: data root, colour, message language. */
function resolved<F extends { data?: string; lang?: string }>(
  program: Command,
  flags: F,
  stream: NodeJS.WriteStream,
) {
  const color = colorWanted(stream, program.opts().color !== false);
  return { ...flags, data: dataRootFor(flags.data), color, lang: messageLang(flags.lang) };
}

/** `validate <year>`: the year's data checked, findings by a reporter. */
function addValidate(program: Command, setExit: SetExit): void {
  program
    .command("validate")
    .description(
      "Check a year's data: schemas, cross-file consistency, finance arithmetic, prose and personal data.",
    )
    .argument("<year>", "report year, e.g. 2025 (the folder <data>/<year>)")
    .option("--data <dir>", DATA_HELP)
    .addOption(
      new Option("--format <name>", "output format")
        .choices(Object.keys(REPORTERS))
        .default("stylish"),
    )
    .option("--strict", "exit 1 on any warning")
    .option("--max-warnings <n>", "exit 1 when there are more than n warnings")
    .option("--quiet", "report errors only")
    .addOption(langOption())
    .addHelpText(
      "after",
      `
Examples:
  $ nch-report validate 2025 --lang sv         # messages in Swedish (analysts)
  $ nch-report validate 2023 --format json
  $ nch-report validate 2025 --format github --max-warnings 0   # in CI
  $ nch-report validate 2025 --data examples/minimal`,
    )
    .action(async (year: string, flags) => {
      const { runValidate } = await import("./validate.js");
      setExit(await runValidate(year, resolved(program, flags, process.stdout), process.stdout));
    });
}

// long: one commander chain, an option per line with its help text
/** `build <year>`: validate, then the report in every format asked for. */
function addBuild(program: Command, setExit: SetExit): void {
  program
    .command("build")
    .description(
      `Validate a year's data, then build the report: ${OUTPUT_RECIPES.map((r) => `${r.displayName} (${r.files.join(", ")})`).join(", ")}.`,
    )
    .argument("<year>", "report year, e.g. 2025 (the folder <data>/<year>)")
    .option("--data <dir>", DATA_HELP)
    .option("--out <dir>", "output folder (default dist/<year>)")
    .option(
      "--format <list>",
      `comma-separated: ${OUTPUT_FORMATS.join(", ")} (default: ${DEFAULT_FORMATS.join(", ")})`,
    )
    .option("--draft", 'stamp "UTKAST", the short commit id and its date on every page')
    .addOption(
      new Option("--pdf-standard <name>", "PDF standard: ua-1 (accessible, default) or a-2b etc.")
        .choices(PDF_STANDARDS)
        .default("ua-1"),
    )
    .option("--quiet", "no progress lines")
    .option("--keep-intermediates", "also write report.pandoc.md, the Markdown behind DOCX and PDF")
    .option("--watch", "build again on every save in the year's folder, history, words, templates")
    .addOption(langOption())
    .addHelpText(
      "after",
      `
Examples:
  $ nch-report build 2025                      # dist/2025/: report.md, figurer/, report.docx, report.pdf, manifest.json
  $ nch-report build 2023 --format md --out /tmp/rapport
  $ nch-report build 2025 --draft              # UTKAST · <commit> · <date> on every page (CI drafts)
  $ nch-report build 2025 --format pdf --pdf-standard a-2b   # PDF/A-2b for archiving
  $ nch-report build 2025 --data examples/minimal
  $ nch-report build 2025 --format html        # dist/2025/html/: the accessible HTML edition
  $ nch-report build 2025 --format md --watch  # build again on every save (Ctrl-C stops)`,
    )
    .action(async (year: string, flags) => {
      // The converters start first: they load while the build's own code does.
      const started = (await import("./build-start.js")).startBuild(flags);
      const { runBuild } = await import("./build.js");
      const run = flags.watch ? (await import("./preview.js")).runWatch : runBuild;
      const options = resolved(program, flags, process.stderr);
      setExit(await run(year, options, process.stdout, process.stderr, started));
    });

  program
    .command("preview")
    .description(
      "Build the HTML edition into a private folder, serve it on 127.0.0.1 and rebuild on every save; the page reloads itself and shows the findings.",
    )
    .argument("<year>", "report year, e.g. 2025")
    .option("--data <dir>", DATA_HELP)
    .option("--port <n>", "port on 127.0.0.1 (default: a free one)")
    .option("--no-open", "do not open the browser (never opened in CI or without a terminal)")
    .addOption(langOption())
    .addHelpText(
      "after",
      `
Examples:
  $ nch-report preview 2025                    # prints http://127.0.0.1:<port>/ and opens it
  $ nch-report preview 2025 --port 4000 --no-open`,
    )
    .action(async (year: string, flags: PreviewFlags) => {
      const { runPreview } = await import("./preview.js");
      const options = resolved(program, flags, process.stderr);
      setExit(await runPreview(year, options, process.stdout, process.stderr));
    });
}

/** `init <year>`: a new year's folder from the previous year's. */
function addInit(program: Command, setExit: SetExit): void {
  program
    .command("init")
    .description(
      "Start a year's folder from the previous year's: same structure, period-bound facts cleared and marked TODO.",
    )
    .argument("<year>", "the new report year, e.g. 2026")
    .option("--data <dir>", DATA_HELP)
    .option(
      "--from <year>",
      "the year to start from (default: the latest earlier year with a folder)",
    )
    .addOption(langOption())
    .addHelpText(
      "after",
      `
Examples:
  $ nch-report init 2026                       # data/2025 → data/2026
  $ nch-report validate 2026                   # the to-do list: every TODO with file and line
  $ nch-report init 2024 --from 2023          # from a given year`,
    )
    .action(async (year: string, flags: { data?: string; from?: string; lang?: string }) => {
      const { runInit } = await import("./init.js");
      setExit(await runInit(year, resolved(program, flags, process.stdout), process.stdout));
    });
}

/** `changes <year>`: what the working tree changes in the report against a commit. */
function addChanges(program: Command, setExit: SetExit): void {
  program
    .command("changes")
    .description(
      "What the working tree changes in the report against a commit: figures old → new, edited prose, findings.",
    )
    .argument("<year>", "report year, e.g. 2025")
    .option("--data <dir>", DATA_HELP)
    .option("--since <ref>", "the git commit to compare with", "HEAD~1")
    .addOption(
      new Option("--format <name>", "output format")
        .choices(["terminal", "md", "json"])
        .default("terminal"),
    )
    .addOption(langOption())
    .addHelpText(
      "after",
      `
Examples:
  $ nch-report changes 2025                    # since the previous commit (HEAD~1)
  $ nch-report changes 2025 --since main       # what this branch changes
  $ nch-report changes 2025 --since HEAD~1 --format md >> "$GITHUB_STEP_SUMMARY"
  $ nch-report changes 2025 --format json`,
    )
    .action(async (year: string, flags: ChangesFlags) => {
      const { runChanges } = await import("./changes.js");
      const options = resolved(program, flags, process.stdout);
      setExit(await runChanges(year, options, process.stdout, process.stderr));
    });
}

/** `review <file.docx>`: reviewers' comments and tracked changes at their sources. */
function addReview(program: Command, setExit: SetExit): void {
  program
    .command("review")
    .description(
      "Map the comments and tracked changes of a reviewed report.docx back to the source files and lines.",
    )
    .argument("<file.docx>", "the DOCX as it came back from Word or LibreOffice")
    .option("--year <year>", "the report year (default: from the document)")
    .option("--data <dir>", DATA_HELP)
    .option(
      "--out <dir>",
      "the build folder with manifest.json (default: beside the DOCX, then dist/<year>)",
    )
    .option("--format <name>", "stylish, json or github", "stylish")
    .addOption(langOption())
    .addHelpText(
      "after",
      `
Examples:
  $ nch-report review ~/Hämtade/report-kommenterad.docx
  $ nch-report review report.docx --year 2025 --format json
  $ nch-report review report.docx --format github   # annotations on the source lines`,
    )
    .action(async (file: string, flags: ReviewFlags) => {
      const { runReview } = await import("./review.js");
      setExit(await runReview(file, resolved(program, flags, process.stdout), process.stdout));
    });
}

/** `templates list | eject <name>`: the built-in templates and the project's overrides. */
function addTemplates(program: Command, setExit: SetExit): void {
  const templates = program
    .command("templates")
    .description(
      "List the report's templates, or copy a built-in one into <data>/templates/ to customise it.",
    );
  templates
    .command("list")
    .description(
      "Show each template, whether it is built-in or overridden by the project, and its path.",
    )
    .option("--data <dir>", DATA_HELP)
    .action(async (flags: { data?: string }) => {
      const { runTemplatesList } = await import("./templates.js");
      setExit(await runTemplatesList({ data: dataRootFor(flags.data) }, process.stdout));
    });
  templates
    .command("eject")
    .description(
      "Copy a built-in template into <data>/templates/ (same relative name) to customise it.",
    )
    .argument("<name>", 'e.g. "status-overview", "partials/grants.md.hbs", "report"')
    .option("--data <dir>", DATA_HELP)
    .option("--force", "overwrite the project's copy if there is one")
    .addHelpText(
      "after",
      `
Examples:
  $ nch-report templates list
  $ nch-report templates eject status-overview   # → data/templates/partials/status-overview.md.hbs`,
    )
    .action(async (name: string, flags: { data?: string; force?: boolean }) => {
      const { runTemplatesEject } = await import("./templates.js");
      const data = dataRootFor(flags.data);
      setExit(await runTemplatesEject(name, { ...flags, data }, process.stdout));
    });
}

/** `schema [name]`: the JSON Schemas of the YAML input files. */
function addSchema(program: Command, setExit: SetExit): void {
  program
    .command("schema")
    .description(
      "Print the JSON Schemas of the YAML input files, for editor completion (VS Code's YAML extension).",
    )
    .argument(
      "[name]",
      "one of report, county, themes, income-statement, appropriation; all when omitted",
    )
    .action(async (name: string | undefined) => {
      const { runSchema } = await import("./schema.js");
      setExit(runSchema(name, process.stdout));
    });
}

function buildProgram(setExit: SetExit): Command {
  const program = new Command("nch-report")
    .description(
      `Compiles NCH's annual report from the year's data: validate it, then build ${FORMATS_TEXT}.`,
    )
    .version(TOOL_VERSION)
    .option("--verbose", "show stack traces of internal failures")
    .option("--no-color", "no colours in the output (NO_COLOR is respected too)")
    .showHelpAfterError()
    .exitOverride();

  addValidate(program, setExit);
  addBuild(program, setExit);
  addInit(program, setExit);
  addChanges(program, setExit);
  addReview(program, setExit);
  addTemplates(program, setExit);
  addSchema(program, setExit);
  return program;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    // A cache that cannot be written would hang mkdir (under /proc): refused before any work.
    const cache = process.env.NCH_REPORT_CACHE;
    if (cache) checkWritableFolder(cache, `NCH_REPORT_CACHE=${cache}`);
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`nch-report: ${redactText(error.message)}\n`);
      return EXIT.usage;
    }
    // The output folder's own trouble (read-only, full, a file) and a signal are no crash either.
    if (error instanceof Error && error.name === "OutputFolderError") {
      process.stderr.write(`nch-report: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof Error && error.name === "BuildInterrupted") {
      process.stderr.write(`nch-report: ${error.message}\n`);
      return 128 + constants.signals[(error as Error & { signal: NodeJS.Signals }).signal];
    }
    const verbose = argv.includes("--verbose");
    // A conversion that failed says what failed and where; it is no crash of the tool.
    if (error instanceof Error && error.name === "ConverterError" && !verbose) {
      process.stderr.write(`nch-report: ${redactText(error.message)}\n`);
      return EXIT.usage;
    }
    process.stderr.write(
      verbose && error instanceof Error
        ? `nch-report: internal failure\n${maskPersonalData(error.stack ?? "")}\n`
        : `nch-report: internal failure: ${redactText((error as Error).message ?? String(error))}\n(run with --verbose for details)\n`,
    );
    return EXIT.usage;
  }
}
