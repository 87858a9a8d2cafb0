import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { decodeLine, encodeLine, fileLines } from "../../src/pipeline/storeLines.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-lines-"));
const withoutNewline = (line: string) => Buffer.from(line.slice(0, -1));

test("a line is the JSON's CRC-32 in hex, a space, the JSON and a newline", () => {
  const line = encodeLine({ arch: "é", x: [1, NaN] });
  assert.match(line, /^[0-9a-f]{8} \{"arch":"é","x":\[1,null\]\}\n$/);
  assert.equal(decodeLine(withoutNewline(line)), { arch: "é", x: [1, null] });
});

test("a changed byte, a cut line or a missing checksum decodes to undefined", () => {
  const line = encodeLine({ score: 12.5 });
  assert.is(decodeLine(withoutNewline(line.replace("12.5", "12.6"))), undefined);
  assert.is(decodeLine(withoutNewline(line).subarray(0, 15)), undefined);
  assert.is(decodeLine(Buffer.from('{"score":12.5}')), undefined);
});

test("a line whose checksum matches but whose text is not JSON decodes to undefined, not a throw", () => {
  const text = "not json {";
  assert.is(decodeLine(Buffer.from(`${crc32(text).toString(16).padStart(8, "0")} ${text}`)), undefined);
});

test("lines stream with their byte offsets across chunk borders; an unterminated tail is marked", () => {
  const path = join(scratch, "lines");
  writeFileSync(path, "alpha\nbé\n\nlast-without-newline");
  for (const chunk of [1, 3, 7, 1 << 20]) {
    const lines = [...fileLines(path, chunk)].map(({ bytes, start, terminated }) => [bytes.toString(), start, terminated]);
    assert.equal(lines, [["alpha", 0, true], ["bé", 6, true], ["", 10, true], ["last-without-newline", 11, false]], `chunk ${chunk}`);
  }
});

test.after(() => rmSync(scratch, { recursive: true }));

test.run();
