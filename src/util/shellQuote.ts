// Command lines a user can paste back into a POSIX shell.

/** `text` as one shell word: bare when it holds only safe characters, else in single quotes. */
export function shellQuote(text: string): string {
  if (/^[\w@%+=:,./-]+$/.test(text)) return text;
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** This process's own command line (node, its flags such as --import tsx, the script, the arguments). */
export function ownCommandLine(): string {
  const [node, ...rest] = process.argv;
  return [node, ...process.execArgv, ...rest].map(shellQuote).join(" ");
}
