/** A stretch that differs: a[aStart, aEnd) was replaced by b[bStart, bEnd) (either may be empty). */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Beyond this many edits the middle is reported as one replaced stretch (memory grows with its square). */
const MAX_EDITS = 2000;

/** Myers' O(ND) shortest edit script between two sequences, as hunks; equal items compared with ===. */
export function diff(a: readonly string[], b: readonly string[]): Hunk[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  if (start === endA && start === endB) return [];
  const A = a.slice(start, endA);
  const B = b.slice(start, endB);
  const moves = editScript(A, B);
  if (!moves) return [{ aStart: start, aEnd: endA, bStart: start, bEnd: endB }];
  return toHunks(moves, start);
}

/** Per item of the script: [x, y] before the step and whether it deleted (x moved) or inserted. */
type Move = { x: number; y: number; deleted: boolean };

function editScript(A: readonly string[], B: readonly string[]): Move[] | undefined {
  const n = A.length;
  const m = B.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], n: number, m: number): Move[] {
  const moves: Move[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const v = trace[d] as Int32Array;
    const at = (k: number) => v[k + d + 1] ?? 0;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    moves.push({ x: prevX, y: prevY, deleted: !down });
    x = prevX;
    y = prevY;
  }
  return moves.reverse();
}

/** Adjacent deletions and insertions become one hunk. */
function toHunks(moves: readonly Move[], base: number): Hunk[] {
  const hunks: Hunk[] = [];
  for (const move of moves) {
    const aEnd = move.x + (move.deleted ? 1 : 0);
    const bEnd = move.y + (move.deleted ? 0 : 1);
    const last = hunks.at(-1);
    if (last && last.aEnd === base + move.x && last.bEnd === base + move.y) {
      last.aEnd = base + aEnd;
      last.bEnd = base + bEnd;
    } else {
      hunks.push({
        aStart: base + move.x,
        aEnd: base + aEnd,
        bStart: base + move.y,
        bEnd: base + bEnd,
      });
    }
  }
  return hunks;
}
