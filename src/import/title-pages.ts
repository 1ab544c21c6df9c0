import type {Paragraph} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {findDates, isoDateOf} from '../arabic/dates.js'
import {foldArabic} from '../arabic/fold.js'
import {afterMarker, hasWordOf, isOneOf} from './markers.js'
import {infoOf, note, wordsOf, type ImportedAuthor, type ImportedMeta} from './paragraph.js'
import {roleWords, seriesNames} from './vocabulary.js'

export interface TitlePageWords {
  /** Lines that announce the author («إعداد»). */
  author: readonly string[]
  /** Lines that announce the keywords. */
  keywords: readonly string[]
}

/**
 * Read the paragraphs of the title pages (cover, title page, rights page: the boilerplate already gone)
 * into front matter. Returns the paragraphs it did not recognise, to keep in the text.
 */
export function readTitlePages(
  page: readonly Paragraph[],
  words: TitlePageWords,
  meta: ImportedMeta,
  file: VFile
): Paragraph[] {
  const left = new Set(page)
  const take = (node: Paragraph) => left.delete(node)
  // A title may hold a date («أحداث 9 نيسان 2003»): the title's paragraph is never the date line.
  const title = page.find((node) => styleOf(node) === 'title') ?? largest(page)
  for (const node of page) {
    if (!meta.date && node !== title && readDate(node, meta, file)) take(node)
    else if (!meta.series && isOneOf(toString(node), seriesNames)) {
      meta.series = toString(node)
        .trim()
        .replace(/[:：]$/u, '')
      note(file, node, `the series «${meta.series}», from its name`, 'import-series')
      take(node)
    } else if (!meta.keywords && readKeywords(node, words, meta, file)) take(node)
  }
  readStyledAuthors([...left], meta, file).forEach(take)
  if (!meta.authors) readMarkedAuthors([...left], words, meta, file).forEach(take)
  readTitle([...left], meta, file).forEach(take)
  if (!meta.authors) readNameAndRole([...left], meta, file).forEach(take)
  for (const node of left) {
    if (isRepeat(node, meta)) {
      note(file, node, 'the title repeated on the title page, dropped', 'import-title')
      take(node)
    }
  }
  for (const node of left)
    note(file, node, 'not recognised on the title pages: kept at the start of the text', 'import-title-page')
  return [...left]
}

function readDate(node: Paragraph, meta: ImportedMeta, file: VFile): boolean {
  const text = toString(node)
  if (wordsOf(text).length > 12) return false
  const dates = findDates(text)
  if (dates.length === 0) return false
  const gregorian = dates.map(isoDateOf).find(Boolean)
  const hijri = dates.find((date) => date.calendar === 'hijri')
  if (gregorian) {
    meta.date = gregorian
    note(
      file,
      node,
      `the date ${gregorian}, from «${text.trim()}»${hijri ? ' (the Hijri date beside it not used)' : ''}`,
      'import-date'
    )
  } else if (hijri) {
    note(file, node, 'a Hijri date, not converted: write the Gregorian date as `date: YYYY-MM-DD`', 'import-hijri-date')
  } else {
    note(
      file,
      node,
      'a date without its day: the front matter needs the whole date, write it as `date: YYYY-MM-DD`',
      'import-date-partial'
    )
  }
  return true
}

function readKeywords(node: Paragraph, words: TitlePageWords, meta: ImportedMeta, file: VFile): boolean {
  const rest = afterMarker(toString(node), words.keywords)
  if (!rest) return false
  meta.keywords = rest
    .split(/\s*[،,؛;]\s*/u)
    .map((word) => word.trim().replace(/[.。]$/u, ''))
    .filter(Boolean)
  note(file, node, `${meta.keywords.length} keywords`, 'import-keywords')
  return true
}

/** «إعداد» (or «بقلم», «تأليف»), then each name with the line under it when that says what the author is. */
function readMarkedAuthors(
  page: readonly Paragraph[],
  words: TitlePageWords,
  meta: ImportedMeta,
  file: VFile
): Paragraph[] {
  const start = page.findIndex((node) => afterMarker(toString(node), words.author) !== undefined)
  if (start < 0) return []
  const taken = [page[start]!]
  const authors: ImportedAuthor[] = []
  const inline = afterMarker(toString(page[start]!), words.author)!
  if (inline) authors.push({name: inline})
  for (const node of page.slice(start + 1)) {
    const text = toString(node).trim()
    const last = authors.at(-1)
    if (last && !last.role && isRole(text)) last.role = text
    else if (isName(text)) authors.push({name: text})
    else break
    taken.push(node)
  }
  if (authors.length === 0) return []
  meta.authors = authors
  note(
    file,
    page[start]!,
    `${authors.length === 1 ? 'the author' : `${authors.length} authors`} ${authors.map(describe).join('، ')}, after «${wordsOf(toString(page[start]!))[0]}»`,
    'import-author'
  )
  return taken
}

/**
 * Paragraphs in the Author style (Pandoc writes one per author), each with the role under it if there is
 * one: the lines after the name's in the same paragraph (the style says they are about the author), or
 * the next paragraph when it says what the author is.
 */
function readStyledAuthors(page: readonly Paragraph[], meta: ImportedMeta, file: VFile): Paragraph[] {
  const taken: Paragraph[] = []
  const authors: ImportedAuthor[] = []
  page.forEach((node, index) => {
    if (styleOf(node) !== 'author') return
    const [name = '', ...role] = linesOf(node)
    const author: ImportedAuthor = role.length > 0 ? {name, role: role.join(' ')} : {name}
    const next = page[index + 1]
    if (!author.role && next && styleOf(next) !== 'author' && isRole(toString(next))) {
      author.role = toString(next).trim()
      taken.push(next)
    }
    authors.push(author)
    taken.push(node)
  })
  if (authors.length === 0) return []
  meta.authors = authors
  note(
    file,
    taken[0],
    `${authors.length === 1 ? 'the author' : `${authors.length} authors`} ${authors.map(describe).join('، ')}, from the Author style`,
    'import-author'
  )
  return taken
}

/** Without a marker: a name, and under it a line that says what the author is. */
function readNameAndRole(page: readonly Paragraph[], meta: ImportedMeta, file: VFile): Paragraph[] {
  for (let index = 0; index + 1 < page.length; index++) {
    const name = toString(page[index]!).trim()
    const role = toString(page[index + 1]!).trim()
    if (!isName(name) || !isRole(role)) continue
    meta.authors = [{name, role}]
    note(
      file,
      page[index]!,
      `the author ${describe(meta.authors[0]!)}, guessed from a name and the line under it`,
      'import-author'
    )
    return [page[index]!, page[index + 1]!]
  }
  return []
}

function describe(author: ImportedAuthor): string {
  return author.role ? `«${author.name}» (${author.role})` : `«${author.name}»`
}

function isName(text: string): boolean {
  const count = wordsOf(text).length
  return count >= 2 && count <= 6 && !/[\d\u0660-\u0669\u06F0-\u06F9:،,؛]/u.test(text) && !isRole(text)
}

function isRole(text: string): boolean {
  return wordsOf(text).length <= 20 && hasWordOf(text, roleWords)
}

/**
 * The title: the paragraph in the Title style, or else the largest (then the first bold or centred)
 * paragraph of the title pages, with the lines of the same size after it; the subtitle: the Subtitle
 * style, or a smaller paragraph right under the title.
 */
function readTitle(page: readonly Paragraph[], meta: ImportedMeta, file: VFile): Paragraph[] {
  const styled = page.find((node) => styleOf(node) === 'title')
  const first = styled ?? largest(page) ?? page.find((node) => infoOf(node)?.bold || infoOf(node)?.align === 'center')
  if (!first) return []
  const lines = titleLines(page, first)
  meta.title = lines.map((node) => toString(node).trim()).join(' ')
  const how = styled
    ? 'the Title style'
    : infoOf(first)?.size
      ? `its size (${infoOf(first)!.size! / 2} pt), the largest on the title pages`
      : 'its place, the first bold or centred line'
  note(file, first, `the title, from ${how}`, 'import-title')
  const subtitle = page.find((node) => styleOf(node) === 'subtitle') ?? under(page, lines)
  if (!subtitle) return lines
  meta.subtitle = toString(subtitle).trim()
  note(
    file,
    subtitle,
    `the subtitle, from ${styleOf(subtitle) === 'subtitle' ? 'the Subtitle style' : 'its place under the title, in a smaller size'}`,
    'import-subtitle'
  )
  return [...lines, subtitle]
}

function largest(page: readonly Paragraph[]): Paragraph | undefined {
  let best: Paragraph | undefined
  for (const node of page) {
    const size = infoOf(node)?.size
    if (size !== undefined && size > (infoOf(best ?? node)?.size ?? 0)) best = node
    else if (size !== undefined && !best) best = node
  }
  return best
}

/** The title and the paragraphs of the same size and style right after it on its page (a title typed as lines). */
function titleLines(page: readonly Paragraph[], first: Paragraph): Paragraph[] {
  const lines = [first]
  for (const node of page.slice(page.indexOf(first) + 1)) {
    const info = infoOf(node)
    if (
      !info ||
      info.pageBreakBefore ||
      info.size === undefined ||
      info.size !== infoOf(first)?.size ||
      info.style !== infoOf(first)?.style
    )
      break
    lines.push(node)
  }
  return lines
}

function under(page: readonly Paragraph[], lines: readonly Paragraph[]): Paragraph | undefined {
  const last = lines.at(-1)!
  const next = page[page.indexOf(last) + 1]
  const size = infoOf(next ?? last)?.size
  const titleSize = infoOf(last)?.size
  if (!next || infoOf(next)?.pageBreakBefore || size === undefined || titleSize === undefined) return undefined
  return size < titleSize && size >= titleSize * 0.6 && !isName(toString(next)) ? next : undefined
}

function isRepeat(node: Paragraph, meta: ImportedMeta): boolean {
  const text = foldArabic(toString(node)).replace(/[:：]/gu, '').replace(/\s+/gu, ' ')
  const fold = (value: string | undefined) =>
    value ? foldArabic(value).replace(/[:：]/gu, '').replace(/\s+/gu, ' ') : undefined
  const known = [
    fold(meta.title),
    fold(meta.subtitle),
    fold(meta.title && meta.subtitle ? `${meta.title} ${meta.subtitle}` : undefined)
  ]
  return known.includes(text)
}

/** The paragraph's lines, broken where a line break (Word's Shift+Enter) is. */
export function linesOf(node: Paragraph): string[] {
  const lines: string[] = ['']
  for (const child of node.children) {
    if (child.type === 'break') lines.push('')
    else lines[lines.length - 1] += toString(child)
  }
  return lines.map((line) => line.trim()).filter(Boolean)
}

function styleOf(node: Paragraph): string | undefined {
  return infoOf(node)?.style?.toLowerCase()
}
