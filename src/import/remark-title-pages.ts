import type {Paragraph, Root, RootContent} from 'mdast'
import {gfmToMarkdown} from 'mdast-util-gfm'
import {toMarkdown} from 'mdast-util-to-markdown'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {afterMarker, isOneOf} from './markers.js'
import {importedMeta, infoOf, isBold, note, wordsOf} from './paragraph.js'
import {readTitlePages} from './title-pages.js'
import {typedNumber} from './typed-numbers.js'
import {abstractMarkers, authorMarkers, introductionNames, keywordMarkers} from './vocabulary.js'

export interface Options {
  /** The template's labels, read as markers besides the usual words: «الملخص», «الكلمات المفتاحية», «إعداد». */
  labels?: Readonly<{abstract?: string; keywords?: string; author?: string}> | null | undefined
  /** A paragraph this long (in words) opens the text: title pages have none (default 30). */
  longParagraph?: number | null | undefined
}

const emptyOptions: Readonly<Options> = {}

/**
 * Front matter from the title pages, the blocks before the text: title and subtitle, authors and
 * roles, date, series, keywords, and the abstract when a line marks it («الملخص»), up to the next
 * heading or page. What the title pages hold and is not recognised stays at the start of the text.
 */
export default function remarkTitlePages(options?: Readonly<Options> | null) {
  const settings = options ?? emptyOptions
  const labels = settings.labels ?? {}
  const abstract = withLabel(abstractMarkers, labels.abstract)
  const words = {author: withLabel(authorMarkers, labels.author), keywords: withLabel(keywordMarkers, labels.keywords)}
  const longParagraph = settings.longParagraph ?? 30

  return function (tree: Root, file: VFile): undefined {
    const meta = importedMeta(file)
    headingAsTitle(tree, file)
    const front = frontBlocks(tree.children, abstract, longParagraph)
    if (front.abstract.length > 0) {
      meta.abstract = toMarkdown({type: 'root', children: front.abstract}, {extensions: [gfmToMarkdown()]}).trim()
      note(
        file,
        front.abstract[0],
        `the abstract (${front.abstract.length} paragraph${front.abstract.length > 1 ? 's' : ''}), ${front.abstractFrom ?? ''}`,
        'import-abstract'
      )
    }
    const kept = readTitlePages(front.page, words, meta, file)
    tree.children = [...kept, ...tree.children.slice(front.end)]
  }
}

/**
 * A heading that opens the document, shallower than every other, is its title typed in a heading
 * style (Word users often give the title «Heading 1»): read as a paragraph in the Title style.
 */
function headingAsTitle(tree: Root, file: VFile): void {
  const first = tree.children[0]
  if (first?.type !== 'heading') return
  if (tree.children.slice(1).some((block) => block.type === 'heading' && block.depth <= first.depth)) return
  const info = first.data?.docx ?? {paragraph: 0, bold: true, pageBreakBefore: false}
  tree.children[0] = {
    type: 'paragraph',
    children: first.children,
    data: {...first.data, docx: {...info, style: 'Title'}}
  }
  note(file, first, 'the only heading of its level, and the first block: read as the title', 'import-title')
}

interface Front {
  /** Index of the first block of the text. */
  end: number
  page: Paragraph[]
  abstract: Paragraph[]
  /** How the abstract was known: «after «الملخص»», «from the Abstract style». */
  abstractFrom?: string
}

/**
 * Where the text starts: at the first heading, list or table, paragraph numbered as a section («أولاً:»,
 * or a bold «1.»),
 * introduction («المقدمة»), or long paragraph, except the paragraphs of an abstract (marked, or in the
 * Abstract style, as Pandoc writes it).
 */
function frontBlocks(blocks: readonly RootContent[], abstractWords: readonly string[], longParagraph: number): Front {
  const front: Front = {end: blocks.length, page: [], abstract: []}
  let inAbstract = false
  for (const [index, block] of blocks.entries()) {
    const text = toString(block)
    const marker = block.type === 'paragraph' || block.type === 'heading' ? afterMarker(text, abstractWords) : undefined
    if (marker !== undefined && front.abstract.length === 0) {
      inAbstract = true
      front.abstractFrom = `after «${wordsOf(text)[0]?.replace(/[:：]$/u, '')}»`
      if (marker) front.abstract.push({type: 'paragraph', children: [{type: 'text', value: marker}], data: block.data})
      continue
    }
    if (block.type !== 'paragraph') return {...front, end: index}
    if (infoOf(block)?.style?.toLowerCase() === 'abstract') {
      front.abstract.push(block)
      front.abstractFrom ??= 'from the Abstract style'
      continue
    }
    if (inAbstract && goesOnAbstract(block)) {
      front.abstract.push(block)
      continue
    }
    inAbstract = false
    if (opensText(block, longParagraph)) return {...front, end: index}
    front.page.push(block)
  }
  return front
}

/** The abstract ends at a page, the keywords, or a heading typed as a bold line or numbered. */
function goesOnAbstract(block: Paragraph): boolean {
  const text = toString(block)
  const heading =
    (isBold(block) && wordsOf(text).length <= 15) ||
    typedNumber(text)?.kind === 'ordinal' ||
    isOneOf(text, introductionNames)
  return !infoOf(block)?.pageBreakBefore && afterMarker(text, keywordMarkers) === undefined && !heading
}

function opensText(block: Paragraph, longParagraph: number): boolean {
  const text = toString(block)
  const number = typedNumber(text)
  return (
    wordsOf(text).length >= longParagraph ||
    number?.kind === 'ordinal' ||
    (number?.kind === 'decimal' && isBold(block)) ||
    isOneOf(text, introductionNames)
  )
}

function withLabel(words: readonly string[], label: string | undefined): string[] {
  return label ? [label, ...words] : [...words]
}
