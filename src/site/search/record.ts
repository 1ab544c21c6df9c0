import {foldArabic} from '../../arabic/fold.js'
import type {SearchRecord} from './types.js'

/** What Pagefind stores of a record (its `addCustomRecord` argument). */
export interface IndexedRecord {
  url: string
  content: string
  language: string
  meta: Record<string, string>
}

/**
 * A record as the index holds it: the words folded (`foldArabic`, the function the search page applies to
 * the query), so that any spelling of a word finds it. The words as written go beside them in the meta,
 * one for one, for the page to show the excerpt in the paper's own spelling: Pagefind gives the place of
 * each match as the index of a word among the content's words, split at white space.
 * Every record is indexed as Arabic: Pagefind keeps one index per language and the search page, being
 * Arabic, loads only the Arabic one, so a paper in English would otherwise never be found.
 */
export function indexedRecord(record: SearchRecord): IndexedRecord {
  const written = alignedWords(withTitle(record))
  return {
    url: record.url,
    content: written.map(foldArabic).join(' '),
    language: 'ar',
    meta: {
      title: record.title,
      authors: JSON.stringify(record.authors),
      date: record.date,
      lang: record.lang,
      words: written.join(' ')
    }
  }
}

/** The title's words are searched too, even when the text given does not open with them. */
function withTitle(record: SearchRecord): string {
  return record.text.trimStart().startsWith(record.title) ? record.text : `${record.title}\n${record.text}`
}

/**
 * The text's words as written, each of which folds to one word: compatibility forms are resolved first (a
 * ligature such as ﷺ folds to four words), and a word made only of marks or tatweel, which folds to
 * nothing, is left out, so that the folded words and these stay one for one.
 */
export function alignedWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/\s+/u)
    .filter((word) => foldArabic(word) !== '')
}
