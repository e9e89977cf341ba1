// Between a reporting cue and a cue nested in its complement: an optional "that" and a short
// subject with its auxiliaries ("said he expects", "says that the union will refuse").
const COMPLEMENT_SUBJECT = /^\s+(?:that\s+)?(?:[\p{L}\p{N}.'’-]+\s+){1,5}$/u;
// A conjunction or relative pronoun opens a clause of its own ("said Monday and Smith argued").
const OWN_CLAUSE = /(?:^|\s)(?:and|but|or|nor|yet|so|while|whereas|because|although|though|when|whenever|if|unless|since|after|before|until|as|who|whom|whose|which)\s/iu;

/**
 * True when a cue stands in the reported clause of the cue that ends at `reportEnd`
 * ("Fowler said he expects", "She says it underscores"): what the nested verb reports is part of
 * the outer attribution's content, not an attribution of its own.
 */
export function insideReportedClause(text: string, reportEnd: number, cueStart: number): boolean {
  if (reportEnd > cueStart) return false;
  const between = text.slice(reportEnd, cueStart);
  return COMPLEMENT_SUBJECT.test(between) && !OWN_CLAUSE.test(` ${between}`);
}
