/**
 * The live pages' own styles, inlined in those pages only: the site's stylesheet (app/globals.css) is inlined in
 * every page, so a plain story does not carry these. Colours come from its variables, so dark mode follows.
 */
const LIVE_CSS = `
.live-status{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:baseline;margin:0 0 .5rem;font-family:var(--font-ui);font-size:.9rem;color:var(--muted)}
.live-label{color:var(--accent);text-transform:uppercase;letter-spacing:.06em}
.live-label:not(.live-label--ended)::before{content:"";display:inline-block;width:.55em;height:.55em;margin-right:.35em;border-radius:50%;background:var(--accent)}
.live-label--ended{color:var(--muted);text-transform:none;letter-spacing:0}
.live-story h2{font-family:var(--font-ui);font-size:1.1rem;margin:2rem 0 .75rem}
.live-pinned,.live-key-events,.live-updates{max-width:var(--measure);margin-inline:auto}
.live-pinned .live-update{border:2px solid var(--rule);padding:0 1rem}
.live-key-events ol{margin:0;padding-left:1.25rem;font-family:var(--font-ui)}
.live-key-events li{margin:.35rem 0}
.live-update{border-top:1px solid var(--rule);padding:.75rem 0 .25rem;scroll-margin-top:3.5rem}
.live-update:focus{outline:2px solid var(--focus);outline-offset:4px}
.live-update__time{margin:0;font-family:var(--font-ui);font-size:.9rem;font-weight:600}
.live-update__time a{color:var(--accent)}
.live-update__title{font-size:1.2rem;margin:.25rem 0 .5rem}
.live-update .story-body{max-width:none;padding:0}
.live-update__correction,.live-update__withdrawn{font-family:var(--font-ui);font-size:.9rem;background:var(--banner-bg);color:var(--banner-text);padding:.5rem .75rem}
.live-new-updates{position:sticky;top:0;height:0;z-index:2}
.live-new-updates__button{position:absolute;left:50%;top:.5rem;transform:translateX(-50%);font:600 .95rem var(--font-ui);color:var(--bg);background:var(--link);border:0;border-radius:2rem;padding:.5rem 1.1rem;cursor:pointer}
.live-new-updates__button:focus-visible{outline:2px solid var(--focus);outline-offset:3px}
.live-older,.live-pager{font-family:var(--font-ui);margin:1.5rem 0}
.live-pager ul{display:flex;gap:1.5rem;list-style:none;padding:0;max-width:var(--measure);margin-inline:auto}
@media print{.live-new-updates,.live-older,.live-pager{display:none}.live-update{break-inside:avoid}.live-update__time a{color:inherit}}
`.trim();

export function LiveStyles() {
  return <style>{LIVE_CSS}</style>;
}
