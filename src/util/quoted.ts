// User text quoted in a message, cut to its first LIMIT characters: a 3 MB line pasted into an
// error would bury the message (and the terminal) under it.
const LIMIT = 120;

/** `"text"`, or `"first 120 characters…" (N characters)` when longer. */
export function quoted(text: string, limit = LIMIT): string {
  if (text.length <= limit) return `"${text}"`;
  // Do not split a surrogate pair at the cut.
  const end = /[\uD800-\uDBFF]/.test(text[limit - 1]) ? limit - 1 : limit;
  return `"${text.slice(0, end)}…" (${text.length.toLocaleString("en-US")} characters)`;
}
