import { constants } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";

/**
 * Copies a built-in template to the project's templates folder. Without `force` an existing
 * file is never overwritten (the copy fails atomically with EEXIST): returns false then.
 */
export async function ejectTemplate(
  source: string,
  target: string,
  force: boolean,
): Promise<boolean> {
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await copyFile(source, target, force ? 0 : constants.COPYFILE_EXCL);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}
