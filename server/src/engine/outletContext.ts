/** Where a mention stands in its line: what the ambiguous-form rules look at. */
export interface OutletMentionSite {
  text: string;
  /** Start of the mention, article included. */
  start: number;
  end: number;
  /** Start of the form itself, after any article. */
  coreStart: number;
  hasArticle: boolean;
}

const LOOK_AROUND = 80;

// A credit or source phrase right before the outlet: "via AP", "Credit: PA", "told the AP", "Getty Images/AP".
const CREDIT_BEFORE = new RegExp(
  String.raw`(?:\b(?:via|credits?|images?|photos?|photograph|pictures?|sources?|courtesy(?: of)?|copyright|according to|told|tells|telling|` +
    String.raw`(?:said|says|speaking|spoke|spoken|talking|talked|talks) (?:to|with)|interviews? with|interviewed by|` +
    String.raw`(?:wrote|writes|writing|written|published|appeared|appearing) (?:in|on|for)|` +
    String.raw`(?:first )?(?:reported|published|obtained|seen|released|aired|broadcast|conducted|cited|quoted) by|` +
    String.raw`(?:op-ed|column|article|piece|story|report|editorial|interview) (?:in|for|by|with))\s*:?\s*|[©/|]\s*)$`,
  'iu',
);

// A credit or reporting word right after it: "AP Photo", "REUTERS/Amr Alfiky", "AP reported".
const CREDIT_AFTER =
  /^(?:[ \u00a0]+(?:Photos?|PHOTOS?|Images|IMAGES|Video|reported|reports|reporting|has reported|had reported|first reported|has learned|learned|contributed|reporter|correspondent|obtained|published|poll|survey|interview)\b|[ \u00a0]*\/[ \u00a0]*(?:\p{Lu}|$))/u;

// Only after "the AP", "the Hill": a bare "PA said" is as likely Pennsylvania.
const SAID_AFTER = /^,?[ \u00a0]+(?:said|says|noted|added|wrote|writes|found|reports|reported)\b/u;

const NEXT_WORD = /^[ \u00a0]+(\p{Lu}[\p{L}'’.-]*)/u;
// A capitalised word or an initial ("J.") right before: "Michael J. Fox", "Andrew Breitbart".
const PREVIOUS_WORD = /(?:^|[\s(“"])(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]*)[ \u00a0]$/u;

// Capitalised words that may follow an outlet without making it part of a longer name.
const FREE_NEXT_WORDS = new Set([
  'Photo', 'Photos', 'PHOTO', 'Images', 'IMAGES', 'Video',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December', 'Jan.', 'Feb.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.',
]);

function lineBefore(site: OutletMentionSite): string {
  const from = Math.max(0, site.start - LOOK_AROUND);
  const before = site.text.slice(from, site.start);
  const newline = before.lastIndexOf('\n');
  return newline >= 0 ? before.slice(newline + 1) : before;
}

function lineAfter(site: OutletMentionSite): string {
  const after = site.text.slice(site.end, site.end + LOOK_AROUND);
  const newline = after.indexOf('\n');
  return newline >= 0 ? after.slice(0, newline) : after;
}

/** True when the line holds nothing but the mention (a caption credit such as "PA"). */
function standsAlone(before: string, after: string): boolean {
  return before.trim() === '' && /^[\s.:;,]*$/.test(after);
}

/** The mention sits in a credit or source phrase (annotation guide, "Outlet"). */
export function inCreditContext(site: OutletMentionSite): boolean {
  const before = lineBefore(site);
  const after = lineAfter(site);
  if (standsAlone(before, after)) return true;
  if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) return true;
  if (CREDIT_BEFORE.test(before) || CREDIT_AFTER.test(after)) return true;
  return site.hasArticle && SAID_AFTER.test(after);
}

/**
 * The mention looks like a piece of a longer capitalised name ("Michael J. Fox", "the Post Office"),
 * which makes an ambiguous or anaphoric form no outlet.
 */
export function insideLongerName(site: OutletMentionSite): boolean {
  const next = NEXT_WORD.exec(lineAfter(site));
  if (next && !FREE_NEXT_WORDS.has(next[1] ?? '')) return true;
  if (site.hasArticle) return false;
  const before = lineBefore(site);
  return PREVIOUS_WORD.test(before) && !CREDIT_BEFORE.test(before);
}
