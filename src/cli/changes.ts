export async function runChanges(..._a: unknown[]): Promise<number> {
  return 2;
}
