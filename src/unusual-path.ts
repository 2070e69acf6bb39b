// A quick look at a folder the tool is about to create and write (--out, the cache) before any
// write: Node's recursive mkdir never returns under /proc, so such a path must not reach it.
import { realpathSync, statSync } from "node:fs";
import path from "node:path";

/** Kernel pseudo-filesystems; /dev/shm is ordinary memory-backed storage and stays allowed. */
const PSEUDO = ["/proc", "/sys", "/dev"];
const ALLOWED_UNDER_PSEUDO = ["/dev/shm"];

const under = (abs: string, root: string) => abs === root || abs.startsWith(`${root}/`);

function pseudoRoot(abs: string): string | undefined {
  if (ALLOWED_UNDER_PSEUDO.some((root) => under(abs, root))) return undefined;
  return PSEUDO.find((root) => under(abs, root));
}

/** The nearest existing folder or file at or above `abs`, and the part below it. */
function nearestExisting(abs: string): { existing: string; isDirectory: boolean } {
  for (let dir = abs; ; dir = path.dirname(dir)) {
    try {
      return { existing: dir, isDirectory: statSync(dir).isDirectory() };
    } catch {
      if (path.dirname(dir) === dir) return { existing: dir, isDirectory: true };
    }
  }
}

/**
 * Why a folder cannot be made and written, found without writing: it lies on a kernel
 * pseudo-filesystem (/proc, /sys, /dev, also through a symbolic link), or a path component
 * above it is a file. Undefined when nothing is wrong that can be seen in advance.
 */
export function unusualFolderReason(folder: string): string | undefined {
  if (process.platform === "win32") return undefined;
  const abs = path.resolve(folder);
  const { existing, isDirectory } = nearestExisting(abs);
  if (!isDirectory && existing !== abs) return `${existing} is a file, not a folder`;
  let real = existing;
  try {
    real = realpathSync(existing);
  } catch {
    // An unreadable link is left to the write, which names its own cause.
  }
  const pseudo = pseudoRoot(abs) ?? pseudoRoot(path.join(real, path.relative(existing, abs)));
  return pseudo
    ? `${pseudo} is a pseudo-filesystem of the kernel, where files cannot be written`
    : undefined;
}
