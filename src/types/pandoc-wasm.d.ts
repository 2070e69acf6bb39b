// pandoc-wasm ships no types; this is the part of its API the output recipes use.
declare module "pandoc-wasm" {
  export interface ConvertResult {
    stdout: string;
    stderr: string;
    warnings: unknown[];
    files: Record<string, Blob>;
    mediaFiles: Record<string, Blob>;
  }
  export function convert(
    options: Record<string, unknown>,
    stdin: string | null,
    files: Record<string, Blob | string>,
  ): Promise<ConvertResult>;
  export function query(options: Record<string, unknown>): Promise<unknown>;
}
