/**
 * The search box's words → the list query's text conditions. Every word must appear in the
 * name or the description. Words of three or more characters go to the trigram full-text
 * index (any part of a word, any case, accents ignored); the index cannot look up shorter
 * ones, so those become LIKE patterns checked on the rows the other conditions leave.
 */
export interface TextConditions {
  match: string | null;
  like: string[];
}

export function textConditions(text: string | undefined): TextConditions {
  const words = (text ?? '').normalize('NFC').split(/\s+/u).filter((word) => word !== '');
  const phrases: string[] = [];
  const like: string[] = [];
  for (const word of new Set(words)) {
    if ([...word].length >= 3) phrases.push(`"${word.replaceAll('"', '""')}"`);
    else like.push(`%${word.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`);
  }
  return { match: phrases.length > 0 ? phrases.join(' AND ') : null, like };
}
