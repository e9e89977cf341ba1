/**
 * The same JavaScript with every non-ASCII character written as a \u escape. esbuild escapes
 * them in strings but not in regular expressions, and the engine's are full of curly quotes and
 * dashes: one such character makes V8 hold the whole source, a megabyte in each thread, at two
 * bytes a character. In a regular expression "\’" is the character itself: that backslash goes.
 * @param {string} code
 * @returns {string}
 */
export function asciiOnly(code) {
  return code.replace(/(\\*)([^\x00-\x7f])/g, (_match, slashes, character) => {
    const escape = `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + escape;
  });
}
