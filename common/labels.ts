/**
 * Article text for a plain label that VS Code draws with icons (code lens titles, symbol and
 * quick pick labels, tree items): a word joiner after `$` keeps `$(name)` from turning into an
 * icon, and looks the same.
 */
export function plainLabel(text: string): string {
  return text.replace(/\$\(/g, '$\u2060(');
}

/** A count and its noun, the noun in the plural unless the count is one: "1 article", "1,778 articles". */
export function countOf(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
