// tools/serve-web.ts (`npm run web`) without a browser: a request it cannot serve is answered,
// never fatal, and the next request is served as usual.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { serveWeb } from "../../tools/serve-web.js";

test("a URL with a broken %-escape gets 400, and the server goes on serving", async () => {
  const server = await serveWeb();
  try {
    const bad = await fetch(`${server.url}/web/%E0%A4%A`);
    assert.is(bad.status, 400);
    assert.match(await bad.text(), /^bad request: "\/web\/%E0%A4%A" is not a valid URL/);
    const page = await fetch(`${server.url}/web/index.html`);
    assert.is(page.status, 200);
    assert.match(await page.text(), /<html/i);
    assert.is((await fetch(`${server.url}/web/no-such-file.js`)).status, 404);
  } finally {
    await server.close();
  }
});

test.run();
