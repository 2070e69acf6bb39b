// The script the preview server adds to each page (never to the built site): it reloads the page
// when a newer build is ready, keeping the scroll position, and shows the findings in a banner.
// Findings are set as text (textContent): nothing in them becomes HTML. A finding whose line the
// last good build printed links to that section of the report.

export const CLIENT_PATH = "/__nch/client.js";

export const clientTag = (version: number) =>
  `<script src="${CLIENT_PATH}" data-version="${version}"></script>\n`;

export const CLIENT_SCRIPT = `(() => {
  const version = Number(document.currentScript.dataset.version);
  const key = "nch-preview-scroll:" + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    const y = Number(saved);
    window.scrollTo(0, y);
    window.addEventListener("load", () => window.scrollTo(0, y));
  }
  const show = (findings) => {
    let box = document.getElementById("nch-findings");
    if (findings.length === 0) return box && box.remove();
    if (!box) {
      box = document.createElement("section");
      box.id = "nch-findings";
      box.setAttribute("role", "alert");
      box.setAttribute("aria-label", "Fynd i data");
      box.style.cssText = "position:sticky;top:0;z-index:20;background:#fff4f0;color:#5a1400;border-bottom:3px solid #b32d00;padding:0.75rem 1.25rem;max-height:50vh;overflow:auto";
      document.body.prepend(box);
    }
    const title = document.createElement("p");
    title.style.fontWeight = "700";
    title.textContent = findings.length + (findings.length === 1 ? " fynd" : " fynd") +
      " – rapporten nedan är den senaste som gick att bygga.";
    const list = document.createElement("ul");
    for (const f of findings) {
      const item = document.createElement("li");
      const text = f.file + ":" + f.line + ":" + f.column + " " + f.code + " " + f.message;
      if (f.href) {
        // "page.html#id" of the last good build: the section that prints the finding's line.
        const hash = f.href.indexOf("#");
        const link = document.createElement("a");
        link.href = hash < 0 ? "/" + encodeURI(f.href)
          : "/" + encodeURI(f.href.slice(0, hash)) + "#" + encodeURIComponent(f.href.slice(hash + 1));
        link.textContent = text;
        link.style.color = "inherit";
        item.append(link);
      } else item.textContent = text;
      list.append(item);
    }
    box.replaceChildren(title, list);
  };
  const events = new EventSource("/__nch/events");
  events.addEventListener("state", (event) => {
    const state = JSON.parse(event.data);
    if (state.version !== version) {
      sessionStorage.setItem(key, String(window.scrollY));
      location.reload();
      return;
    }
    show(state.findings);
  });
})();
`;
