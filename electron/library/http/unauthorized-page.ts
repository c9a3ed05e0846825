/** What a browser shows when the page is opened without the key (e.g. from a bookmark). */
export const UNAUTHORIZED_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Folio: key required</title></head>
<body><h1>Open Folio from the address it printed</h1>
<p>This Folio server needs its key. Open the address that <code>folio serve</code> (or <code>npm run serve</code>)
printed in the terminal: it looks like <code>http://127.0.0.1:&lt;port&gt;/?token=…</code>.
A new key is made each time the server starts, unless <code>FOLIO_API_TOKEN</code> is set.</p>
</body></html>`;
