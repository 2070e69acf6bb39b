import { svCheck } from "./sv-check.js";
import { svLoad } from "./sv-load.js";
import { svReview } from "./sv-review.js";
import type { Catalogue } from "./types.js";

/** Svenska: det dokumenterade språket för analytikerna (`--lang sv`). */
export const sv: Catalogue = { ...svLoad, ...svCheck, ...svReview };
