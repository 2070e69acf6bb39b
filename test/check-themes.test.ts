import { describe, expect, it } from "vitest";
import { findings, where } from "./check-helpers.js";

describe("themes (themes/*)", () => {
  it("finds every theme of 2023 referred to and every reference known", async () => {
    expect(await findings("data", 2023, "themes/")).toEqual([]);
  });

  it("reports unknown ids with the nearest one, duplicates and unused themes", async () => {
    const found = await findings("test/fixtures/themes-bad", 2025, "themes/");
    expect(found.map(where)).toEqual([
      ["error", "themes/unknown", "2025/counties/uppsala.yaml", 22, 19],
      ["error", "themes/unknown", "2025/counties/uppsala.yaml", 22, 41],
      ["warning", "themes/unused", "2025/themes.yaml", 3, 9],
      ["error", "themes/duplicate-id", "2025/themes.yaml", 9, 9],
      ["warning", "themes/unused", "2025/themes.yaml", 9, 9],
      ["warning", "themes/unused", "2025/themes.yaml", 12, 9],
    ]);
    expect(found[0]?.message).toBe(
      '"befintliga-strukture" is not a success factor (framgångsfaktor) in themes.yaml.',
    );
    expect(found[0]?.hint).toBe('Did you mean "befintliga-strukturer"?');
    expect(found[1]?.hint).toBe('"glesbygd" is a challenge (utmaning): move it to challenges.');
    expect(found[3]?.message).toBe(
      'The theme id "befintliga-strukturer" is used twice: on line 3 (success_factors) and line 9 (challenges).',
    );
    expect(found[5]?.message).toBe(
      'No status report lists the challenge (utmaning) "lagkonjunkturen" (Lågkonjunkturen).',
    );
  });
});
