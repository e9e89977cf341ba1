/**
 * Article text for a plain label that VS Code draws with icons (code lens titles, symbol and
 * quick pick labels, tree items): a word joiner after `$` keeps `$(name)` from turning into an
 * icon, and looks the same.
 */
export function plainLabel(text: string): string {
  return text.replace(/\$\(/g, '$\u2060(');
}
