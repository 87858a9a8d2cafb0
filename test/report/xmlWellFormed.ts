// A small XML well-formedness check for the report's SVGs (no parser dependency): every tag is
// closed in order, attributes are quoted, and text holds no raw '<' or bare '&'. Returns the
// element names seen, so tests can also check what was drawn.
export function xmlElements(text: string): string[] {
  const names: string[] = [];
  const open: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<([^>]*)>?|([^<]+)/g;
  for (const match of text.matchAll(token)) {
    const [whole, closing, name, , selfClosing, bad, chars] = match;
    if (bad !== undefined) throw new Error(`malformed tag: ${whole.slice(0, 60)}`);
    if (chars !== undefined) {
      if (/&(?!(amp|lt|gt|quot|#\d+);)/.test(chars)) throw new Error(`bare & in text: ${chars.slice(0, 60)}`);
      continue;
    }
    if (closing) {
      const expected = open.pop();
      if (expected !== name) throw new Error(`</${name}> closes <${expected}>`);
    } else {
      names.push(name);
      if (!selfClosing) open.push(name);
    }
  }
  if (open.length > 0) throw new Error(`unclosed <${open.join(">, <")}>`);
  return names;
}
