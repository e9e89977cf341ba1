import { isCollective, isOrganizationHead, isPersonRole } from './roles';

const POSSESSED_HEAD = /^['’]s?\s+(?:[\p{Ll}\-]+\s+)*?([\p{Ll}\-]+)\s*$/u;
const RELATION_BEFORE = /(?:^|\s)([\p{Ll}\-]+)\s+(?:for|of|to)\s+(?:the\s+)?$/u;

/**
 * True when a phrase speaks of someone through the named person rather than of that person:
 * "Gary Johnson’s doctor", "Pagliano's lawyer", "an attorney for Mills". A group word after the
 * possessive ("Clinton's campaign") still names the person's side, and is left to the caller.
 */
export function namesARelation(text: string, phrase: { start: number; end: number }, mention: { start: number; end: number }): boolean {
  const after = POSSESSED_HEAD.exec(text.slice(mention.end, phrase.end));
  if (after) {
    const head = after[1] as string;
    return !isOrganizationHead(head) && !isCollective(head);
  }
  const before = RELATION_BEFORE.exec(text.slice(phrase.start, mention.start));
  return before !== null && isPersonRole(before[1] as string);
}
