/** The decision report's stylesheet: inline, no fonts or images to fetch, readable on screen and on paper. */
export const REPORT_CSS = `
:root { --stop: #a4161a; --caution: #8a5300; --clear: #1d6b34; --neutral: #3d4451; --muted: #5b6270; --line: #d8dbe0; --bg-soft: #f5f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #16181d; background: #fff; }
.page { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.75rem; margin: 0.1rem 0 0.5rem; line-height: 1.2; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.6rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; }
code { background: var(--bg-soft); padding: 0.05em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }
pre { background: var(--bg-soft); padding: 0.75rem; border-radius: 4px; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
a { color: #0b57a4; }
.banner { border: 2px solid var(--tone); border-left-width: 10px; border-radius: 6px; padding: 1rem 1.25rem; background: color-mix(in srgb, var(--tone) 7%, white); }
.tone-stop { --tone: var(--stop); } .tone-caution { --tone: var(--caution); } .tone-clear { --tone: var(--clear); } .tone-neutral { --tone: var(--neutral); }
.banner .kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.75rem; color: var(--muted); }
.banner h1 { color: var(--tone); }
.banner .next { font-size: 1.05rem; margin: 0.25rem 0 0.5rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0.75rem 0 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.citation { color: var(--muted); font-size: 0.92em; }
.badge { display: inline-block; font-size: 0.72rem; line-height: 1.4; padding: 0 0.4em; border-radius: 3px; border: 1px solid var(--line); color: var(--muted); vertical-align: 0.1em; }
.badge.binding { border-color: #6b7280; color: #374151; }
.badge.verified { border-color: var(--clear); color: var(--clear); }
.badge.unverified, .badge.interpretation { border-color: var(--caution); color: var(--caution); }
.quote { font-style: italic; }
ol.questions > li, ol.steps > li, ul.obligations > li, ul.notes > li, ul.duties > li, ul.statements > li, ul.named > li { margin-bottom: 0.6rem; }
.empty { color: var(--muted); font-style: italic; }
.legend { color: var(--muted); font-size: 0.9em; }
.t { font-weight: 600; white-space: nowrap; }
.t-true { color: var(--clear); } .t-false { color: var(--muted); } .t-unknown { color: var(--caution); }
details.rule { border: 1px solid var(--line); border-radius: 4px; margin: 0.35rem 0; padding: 0.3rem 0.6rem; }
details.rule[open] { background: #fcfcfd; }
details.rule > summary { cursor: pointer; }
ul.tree { list-style: none; margin: 0.3rem 0 0.2rem; padding-left: 1.1rem; border-left: 1px dotted var(--line); }
ul.tree li { margin: 0.15rem 0; }
ul.tree details > summary { cursor: pointer; }
.condition .part { color: var(--muted); font-size: 0.85em; }
table.fields { border-collapse: collapse; width: 100%; }
table.fields th, table.fields td { text-align: left; vertical-align: top; padding: 0.2rem 0.6rem 0.2rem 0; border-bottom: 1px solid var(--line); }
table.fields th { font-weight: 500; color: var(--muted); width: 16rem; }
table.fields td { overflow-wrap: anywhere; white-space: pre-wrap; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); padding-top: 0.75rem; }
@page { margin: 14mm; }
@media print {
  body { font-size: 10pt; }
  .page { max-width: none; padding: 0; }
  .banner, .badge, .t { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  details::details-content { content-visibility: visible; display: block; }
  details > summary { list-style: none; }
  details > summary::-webkit-details-marker { display: none; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " <" attr(href) ">"; font-size: 0.8em; color: var(--muted); overflow-wrap: anywhere; }
  h2, h3 { break-after: avoid; }
  details.rule, li { break-inside: avoid; }
}
`;
