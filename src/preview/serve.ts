// The preview's web server: the preview folder only, on the loopback interface only. A path is
// decoded once, must stay inside the folder after normalising and after resolving symbolic links.
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".csv": "text/csv; charset=utf-8",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".pdf": "application/pdf",
  ".json": "application/json",
};

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

/** The file a request path names inside `root` (real path), or undefined when it is not one. */
export async function confinedFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0] ?? "");
  } catch {
    return undefined;
  }
  if (!decoded.startsWith("/") || /[\0\\]/.test(decoded)) return undefined;
  if (decoded.split("/").some((segment) => segment === "..")) return undefined;
  const wanted = decoded.endsWith("/") ? `${decoded}index.html` : decoded;
  const realRoot = await realpath(root);
  const candidate = path.join(realRoot, ...wanted.split("/").filter(Boolean));
  try {
    const real = await realpath(candidate);
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

export interface PreviewServer {
  server: Server;
  url: string;
  /** Sends an event to every open page. */
  broadcast(event: string, data: unknown): void;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The folder served (looked up per request: it may appear after the first build). */
  root: () => string;
  /** 0: a free port. */
  port: number;
  /** Added before </body> of each HTML page. */
  inject: () => string;
  /** The state a page is sent as soon as it listens for events. */
  state: () => unknown;
  /** Answers a request itself (true) or leaves it to the file server. */
  extra: (request: IncomingMessage, response: ServerResponse) => boolean;
}

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

/** Serves the folder on 127.0.0.1 only, with server-sent "state" events at /__nch/events. */
export async function startPreviewServer(options: ServeOptions): Promise<PreviewServer> {
  const { root, port, inject, state, extra } = options;
  const clients = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405).end();
      return;
    }
    if (request.url === "/__nch/events") {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
      response.write(event("state", state()));
      clients.add(response);
      request.on("close", () => clients.delete(response));
      return;
    }
    if (extra(request, response)) return;
    void serveFile(root(), request.url ?? "/", response, inject);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${bound}/`,
    broadcast(name, data) {
      for (const client of clients) client.write(event(name, data));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serveFile(
  root: string,
  url: string,
  response: ServerResponse,
  inject: () => string,
) {
  const file = await confinedFile(root, url);
  if (!file) {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
    return;
  }
  const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  const headers = {
    "content-type": type,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    // Only our own script runs; an SVG of the data opened on its own runs none.
    "content-security-policy": `${CSP}${type === "image/svg+xml" ? "; sandbox" : ""}`,
  };
  if (type.startsWith("text/html")) {
    const { readFile } = await import("node:fs/promises");
    const html = (await readFile(file, "utf8")).replace("</body>", `${inject()}</body>`);
    response.writeHead(200, headers).end(html);
    return;
  }
  response.writeHead(200, headers);
  createReadStream(file).pipe(response);
}
