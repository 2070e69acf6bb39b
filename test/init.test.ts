import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { markLiteralNumbers } from "../src/init/chapters.js";
import { validateYear } from "../src/pipeline/validate.js";
import { git, makeRepo, run } from "./git-repo.js";

const where = (d: Diagnostic) => [d.severity, d.code, d.file, d.line, d.column, d.message];
const countBy = (list: readonly Diagnostic[], key: (d: Diagnostic) => string) => {
  const counts: Record<string, number> = {};
  for (const d of list) counts[key(d)] = (counts[key(d)] ?? 0) + 1;
  return counts;
};

describe("markLiteralNumbers", () => {
  it("marks literal numbers of the prose at the end of their line, never expressions, code or references", () => {
    const text = [
      "# 1. Årlig redovisning 2025",
      "",
      "Under {{year}} inkom {{supportLine.thisYear.total}} samtal, 21 751 kr och `kod 12`.",
      "Förordning (2022:1345) och uppdrag A2025/01207 samt avsnitt 5.1.1[^3].",
      '{{> support-line-years number="6.1.1" caption="perioden',
      '2015–2023"}}',
      "```",
      "2024",
      "```",
      "1. första punkten",
    ].join("\n");
    const marked = markLiteralNumbers(text, 2025);
    expect(marked.marked).toBe(3);
    expect(marked.text.split("\n")).toEqual([
      "# 1. Årlig redovisning 2025 {{!-- TODO: granska 2025 (tal ur texten för 2025) --}}",
      "",
      "Under {{year}} inkom {{supportLine.thisYear.total}} samtal, 21 751 kr och `kod 12`. {{!-- TODO: granska 21 751 (tal ur texten för 2025) --}}",
      "Förordning (2022:1345) och uppdrag A2025/01207 samt avsnitt 5.1.1[^3].",
      '{{> support-line-years number="6.1.1" caption="perioden',
      '2015–2023"}} {{!-- TODO: granska 2015, 2023 (tal ur texten för 2025) --}}',
      "```",
      "2024",
      "```",
      "1. första punkten",
    ]);
  });
});

describe("nch-report init", () => {
  let repo: ReturnType<typeof makeRepo>;
  let data: string;
  beforeAll(() => {
    repo = makeRepo(["2023", "2025", "history"]);
    data = path.join(repo.dir, "data");
  });
  afterAll(() => repo.remove());

  it("starts 2026 from 2025, writes only the new folder, and refuses to overwrite it", () => {
    const { code, stdout, stderr } = run(repo.dir, "init", "2026");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        "Created data/2026/ from 2025: report.yaml, 10 chapters, 22 status reports, finance and support-line files without figures.",
        "Not carried over: README.md.",
        "131 things to fill in or confirm are marked TODO: nch-report validate 2026 lists them.",
        "",
      ].join("\n"),
    );
    expect(git(repo.dir, "status", "--porcelain")).toBe("?? data/2026/\n");
    expect(readdirSync(data).sort()).toEqual(["2023", "2025", "2026", "history"]);

    const again = run(repo.dir, "init", "2026");
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      "nch-report: data/2026/ exists already; init never overwrites a year.\n",
    );
  });

  it("clears or advances each period-bound value of report.yaml, a status report and the finance files", () => {
    const read = (rel: string) => readFileSync(path.join(data, "2026", rel), "utf8");
    expect(read("report.yaml").split("\n").slice(3, 21)).toEqual([
      "year: 2026",
      "title: Årlig redovisning av verksamheten 2026",
      "organisation: Nationellt centrum mot hedersrelaterat våld och förtryck",
      "publisher: Länsstyrelsen Östergötland",
      "# Made up, with a valid ISBN-13 check digit.",
      'isbn: "TODO: fyll i ISBN för rapporten 2026"',
      'report_number: "TODO: fyll i rapportnummer (2027:löpnummer)"',
      'registration_number: "TODO: fyll i diarienummer (löpnummer-2027)"',
      "published: 2027",
      "signed:",
      "  place: Linköping",
      '  date: "2027-03-01" # TODO: bekräfta datum för underskriften',
      "  # Fictitious signatories.",
      "  by: # TODO: bekräfta undertecknarna",
      "    - name: Anna Exempelsson",
      "      title: Landshövding",
      "    - name: Erik Exempelsson",
      "      title: Avdelningschef",
    ]);
    expect(read("counties/dalarna.yaml")).toBe(
      [
        "# EXEMPELDATA (illustrative, made up): not a real status report. See ../README.md.",
        "county: Dalarna",
        "round: 2",
        "period: # TODO: bekräfta perioden som lägesbilden avser",
        '  from: "2026-01-01"',
        '  to: "2026-12-31"',
        "phase: genomförande",
        'operational_since: "2025-02"',
        "principal:",
        "  name: Falu kommun",
        "  status: decided",
        "steering_group: established",
        "project_lead: staffed",
        'own_support_line: "planned"',
        "serves: [professionals]",
        'summary: "TODO: skriv nulägesbilden för 2026"',
        'plans: "TODO: skriv planerna framåt"',
        "success_factors: [] # TODO: ange framgångsfaktorer för 2026 (id i themes.yaml)",
        "challenges: [] # TODO: ange utmaningar för 2026 (id i themes.yaml)",
        "",
      ].join("\n"),
    );
    expect(read("counties/blekinge.yaml").split("\n").slice(3)).toEqual([
      "county: Blekinge",
      'expected_established: "2027-03" # TODO: bekräfta när resurscentrum förväntas vara inrättat',
      "",
    ]);
    expect(read("finance/income-statement.yaml").split("\n").slice(3, 16)).toEqual([
      "unit: tkr",
      "outcome_label: Utfall jan–dec 2026",
      "forecast_label: Prognos 2 helår 2026",
      "lines:",
      "  - label: Utfall",
      "    children:",
      "      - label: Summa intäkter",
      "        outcome: 0 # TODO: fyll i utfall och prognos (Summa intäkter)",
      "        forecast: 0",
      "      - label: Summa kostnader",
      "        children:",
      "          - label: Lönekostnader totalt",
      "            children:",
    ]);
    expect(read("support-line/calls.csv")).toBe(
      "date,organisation,county,child_marriage,abduction,fgm,id\n",
    );
    expect(read("finance/grants.csv")).toBe("amount;round;recipient;paid;operation\n");
    expect(read("themes.yaml")).toBe(readFileSync(path.join(data, "2025/themes.yaml"), "utf8"));
  });

  it("gives validate the to-do list: one error per marker, with file, line and column", async () => {
    const { diagnostics } = await validateYear(data, 2026);
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(countBy(errors, (d) => d.code)).toEqual({ "placeholder/text": 131 });
    expect(
      countBy(
        diagnostics.filter((d) => d.severity !== "error"),
        (d) => d.code,
      ),
    ).toEqual({
      "calls/none": 1,
      // Eight 2025 status reports have no plans to carry over (an info, not a to-do).
      "counties/missing-plans": 8,
      "themes/unused": 10,
      "support-line/gap": 1,
    });
    const inFile = (file: string) => errors.filter((d) => d.file === file).map(where);
    expect(inFile("2026/report.yaml")).toEqual([
      [
        "error",
        "placeholder/text",
        "2026/report.yaml",
        9,
        8,
        "To do: fyll i ISBN för rapporten 2026",
      ],
      [
        "error",
        "placeholder/text",
        "2026/report.yaml",
        10,
        17,
        "To do: fyll i rapportnummer (2027:löpnummer)",
      ],
      [
        "error",
        "placeholder/text",
        "2026/report.yaml",
        11,
        23,
        "To do: fyll i diarienummer (löpnummer-2027)",
      ],
      [
        "error",
        "placeholder/text",
        "2026/report.yaml",
        15,
        24,
        "To do: bekräfta datum för underskriften",
      ],
      ["error", "placeholder/text", "2026/report.yaml", 17, 9, "To do: bekräfta undertecknarna"],
    ]);
    expect(inFile("2026/counties/dalarna.yaml").map((d) => d.slice(3))).toEqual([
      [4, 11, "To do: bekräfta perioden som lägesbilden avser"],
      [16, 11, "To do: skriv nulägesbilden för 2026"],
      [17, 9, "To do: skriv planerna framåt"],
      [18, 23, "To do: ange framgångsfaktorer för 2026 (id i themes.yaml)"],
      [19, 18, "To do: ange utmaningar för 2026 (id i themes.yaml)"],
    ]);
    expect(inFile("2026/chapters/07-stod-till-yrkesverksamma.md").map((d) => d.slice(3))).toEqual([
      [7, 205, "To do: granska 1 (tal ur texten för 2025)"],
    ]);
    expect(errors[0]?.hint).toBe(
      "Fill in or confirm what it says, then delete the TODO marker: the report is not built while it is there.",
    );
    const perFile = countBy(errors, (d) => d.file.replace(/^2026\//, ""));
    expect(perFile["finance/income-statement.yaml"]).toBe(13);
    expect(perFile["finance/appropriation.yaml"]).toBe(12);
    expect(Object.values(perFile).reduce((a, b) => a + b, 0)).toBe(131);
  });

  it("lets build refuse the new year until the to-dos are done", () => {
    const { code, stdout } = run(repo.dir, "build", "2026", "--format", "md", "--out", "out");
    expect(code).toBe(1);
    expect(stdout).toMatch(/The data of 2026 has errors: nothing was built\.\n$/);
    expect(existsSync(path.join(repo.dir, "out"))).toBe(false);
  });

  it("starts 2024 from the published 2023 report: expressions stay, literal numbers are flagged", async () => {
    const { code, stdout } = run(repo.dir, "init", "2024", "--from", "2023");
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe(
      "Created data/2024/ from 2023: report.yaml, 14 chapters, 11 status reports, finance and support-line files without figures.",
    );
    const chapter = readFileSync(
      path.join(data, "2024/chapters/07-stod-till-yrkesverksamma.md"),
      "utf8",
    );
    expect(chapter.split("\n")[18]).toBe(
      "Under {{year}} har det inkommit {{supportLine.thisYear.total}} samtal till stödtelefonen, vilket är det lägsta antalet sedan {{supportLine.facts.lowestSince.year}} ({{supportLine.facts.lowestSince.total}} samtal). Flest samtal inkom {{supportLine.facts.peak.year}} men därefter minskar antalet samtal för att stabiliseras något under perioden 2020–2021. {{!-- TODO: granska 2020, 2021 (tal ur texten för 2023) --}}",
    );
    expect(existsSync(path.join(data, "2024/figurer/organisation.svg"))).toBe(true);
    // 2023's marks of reconstructed figures do not describe 2024's data.
    for (const rel of ["report.yaml", "counties/skane.yaml"])
      expect(readFileSync(path.join(data, "2024", rel), "utf8")).not.toContain("provenance:");
    expect(readFileSync(path.join(data, "2023/report.yaml"), "utf8")).toContain("provenance:");
    const { diagnostics } = await validateYear(data, 2024);
    const todos = diagnostics.filter((d) => d.code === "placeholder/text");
    expect(todos).toHaveLength(192);
    expect(
      todos
        .filter((d) => d.file === "2024/counties/ostergotland.yaml")
        .map((d) => where(d).slice(3)),
    ).toEqual([
      [9, 11, "To do: bekräfta perioden som lägesbilden avser"],
      [16, 11, "To do: skriv nulägesbilden för 2024"],
      [17, 9, "To do: skriv planerna framåt"],
      [18, 23, "To do: ange framgångsfaktorer för 2024 (id i themes.yaml)"],
      [19, 18, "To do: ange utmaningar för 2024 (id i themes.yaml)"],
    ]);
    // Before 2026 no county without a centre is added.
    expect(readdirSync(path.join(data, "2024/counties"))).toHaveLength(11);
  });

  it("from 2026 adds the counties without a status report, and validate asks for their expected establishment", async () => {
    const { code, stdout } = run(repo.dir, "init", "2027", "--from", "2023");
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe(
      "Created data/2027/ from 2023: report.yaml, 14 chapters, 22 status reports (11 new for counties without a centre: Stockholm, Södermanland, Kronoberg, Kalmar, Gotland, Blekinge, Halland, Värmland, Gävleborg, Västerbotten, Norrbotten), finance and support-line files without figures.",
    );
    expect(readFileSync(path.join(data, "2027/counties/sodermanland.yaml"), "utf8")).toBe(
      [
        "# Län utan resurscentrum (uppdrag A2025/01207): lägg till när resurscentrum förväntas vara",
        '# inrättat, expected_established: "ÅÅÅÅ-MM", eller verksamhetens round och phase.',
        "county: Södermanland",
        "",
      ].join("\n"),
    );
    const { diagnostics } = await validateYear(data, 2027);
    const expected = diagnostics.filter((d) => d.code === "counties/expected-missing");
    expect(expected.map((d) => [d.file, d.line, d.column])).toEqual(
      [
        "blekinge",
        "gavleborg",
        "gotland",
        "halland",
        "kalmar",
        "kronoberg",
        "norrbotten",
        "sodermanland",
        "stockholm",
        "varmland",
        "vasterbotten",
      ].map((slug) => [`2027/counties/${slug}.yaml`, 3, 1]),
    );
    expect(diagnostics.filter((d) => d.code === "counties/not-listed")).toEqual([]);
  });

  it("fails with exit 2 and one line when there is nothing to start from", () => {
    expect(run(repo.dir, "init", "2020").stderr).toBe(
      `nch-report: There is no year before 2020 in ${path.join(repo.dir, "data")} to start from; give --from.\n`,
    );
    const later = run(repo.dir, "init", "2028", "--from", "2030");
    expect(later.code).toBe(2);
    expect(later.stderr).toBe("nch-report: --from 2030 must be a year before 2028.\n");
  });
});
