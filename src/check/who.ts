import { countyByCode } from "../schema/counties.js";

/** Who a finding is about, as its args: the operation when it is named, and the county's name. */
export const who = (of: { operation?: string; county: string }) => ({
  ...(of.operation ? { operation: of.operation } : {}),
  county: countyByCode(of.county)?.name ?? of.county,
});
