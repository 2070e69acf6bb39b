import { enCheck } from "./en-check.js";
import { enLoad } from "./en-load.js";
import { enReview } from "./en-review.js";
import type { Catalogue } from "./types.js";

/** English: the words the tool has always printed (`validate --format json` depends on them). */
export const en: Catalogue = { ...enLoad, ...enCheck, ...enReview };
