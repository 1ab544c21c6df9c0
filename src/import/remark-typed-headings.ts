import type {Heading, Paragraph, PhrasingContent, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {isOneOf} from './markers.js'
import {dropLeadingCharacters, dropTrailingColon, importedMeta, isBold, note, wordsOf} from './paragraph.js'
import {typedNumber, type TypedNumber} from './typed-numbers.js'
import {unnumberedSections} from './vocabulary.js'

export interface Options {
  /** A bold paragraph longer than this (in words) is emphasis, not a heading (default 15). */
  longHeading?: number | null | undefined
}

const emptyOptions: Readonly<Options> = {}

/**
 * Headings as the project writes them: a bold short paragraph standing alone is a heading (when the
 * document has no heading styles, or when it is numbered by hand); sections start at `##`; a trailing
 * colon goes. Numbers typed at the start of headings («أولاً:», "1.2") are removed and `numbering` set
 * when they run in the sequence the build prints; headings left without one are marked `{-}`.
 */
export default function remarkTypedHeadings(options?: Readonly<Options> | null) {
  const longHeading = (options ?? emptyOptions).longHeading ?? 15

  return function (tree: Root, file: VFile): undefined {
    shiftStyledHeadings(tree, file)
    promoteBoldParagraphs(tree, longHeading, file)
    const headings = tree.children.filter((block): block is Heading => block.type === 'heading')
    for (const heading of headings) dropTrailingColon(heading.children)
    const typed = headings.map((heading) => typedNumber(toString(heading)))
    const numbering = sectionNumbering(headings, typed, file)
    if (!numbering) return
    importedMeta(file).numbering = numbering
    for (const [index, heading] of headings.entries()) applyNumbering(heading, typed[index], numbering, file)
  }
}

/** Heading styles counted from `#`: the title is in the front matter, so sections start at `##`. */
function shiftStyledHeadings(tree: Root, file: VFile): void {
  const headings = tree.children.filter((block): block is Heading => block.type === 'heading')
  if (headings.length === 0) return
  const shift = 2 - Math.min(...headings.map((heading) => heading.depth))
  if (shift === 0) return
  for (const heading of headings) heading.depth = Math.min(6, Math.max(2, heading.depth + shift)) as Heading['depth']
  note(
    file,
    undefined,
    `Heading levels moved ${shift > 0 ? 'down' : 'up'} by ${Math.abs(shift)}: sections start at \`##\``,
    'import-heading-level'
  )
}

function promoteBoldParagraphs(tree: Root, longHeading: number, file: VFile): void {
  const styled = tree.children.some((block) => block.type === 'heading')
  const ordinals = tree.children.some(
    (block) => (block.type === 'heading' || isBold(block)) && typedNumber(toString(block))?.kind === 'ordinal'
  )
  tree.children = tree.children.map((block, index) => {
    if (block.type !== 'paragraph' || !standsAlone(block, tree.children[index + 1], longHeading)) return block
    const number = typedNumber(toString(block))
    if (number?.kind === 'abjad' || number?.kind === 'bullet' || (styled && !number)) return block
    const depth = depthOf(block, number, ordinals)
    note(file, block, `a bold line standing alone, read as a level-${depth} heading`, 'import-heading')
    return {type: 'heading', depth, children: unwrapStrong(block.children), data: block.data} satisfies Heading
  })
}

function standsAlone(block: Paragraph, next: RootContent | undefined, longHeading: number): boolean {
  const text = toString(block).trim()
  if (!isBold(block) || text === '' || wordsOf(text).length > longHeading || /[.،؛!?؟]$/u.test(text)) return false
  // «1. **الأمن**» followed by «2. …» is a list of bold items, not a heading.
  return !(
    typedNumber(text)?.kind === 'decimal' &&
    next?.type === 'paragraph' &&
    typedNumber(toString(next))?.kind === 'decimal'
  )
}

/**
 * A section when numbered «أولاً» or "1.", a subsection at "1.1"; unnumbered, a subsection of a paper
 * whose sections are numbered with ordinals, unless its name is one that is never numbered («الخاتمة»).
 */
function depthOf(block: Paragraph, number: TypedNumber | undefined, ordinals: boolean): Heading['depth'] {
  if (number?.kind === 'ordinal') return 2
  if (number?.kind === 'decimal') return ordinals ? 3 : (Math.min(6, number.value.length + 1) as Heading['depth'])
  return ordinals && !isOneOf(toString(block), unnumberedSections) ? 3 : 2
}

function unwrapStrong(children: PhrasingContent[]): PhrasingContent[] {
  return children.flatMap((child) => (child.type === 'strong' ? child.children : [child]))
}

/**
 * The numbering the typed numbers follow, when they follow one the build prints: ordinals on the
 * sections only, «أولاً» to the last in order; or decimal numbers on every level, each the next one.
 */
function sectionNumbering(
  headings: readonly Heading[],
  typed: ReadonlyArray<TypedNumber | undefined>,
  file: VFile
): 'ordinal' | 'decimal' | undefined {
  const ordinals = typed.filter((number) => number?.kind === 'ordinal').length
  const decimals = typed.filter(
    (number, index) => number?.kind === 'decimal' && (ordinals === 0 || headings[index]!.depth === 2)
  ).length
  if (ordinals === 0 && decimals === 0) return undefined
  const numbering = ordinals > 0 && decimals === 0 ? 'ordinal' : ordinals === 0 ? 'decimal' : undefined
  const wrong = numbering
    ? outOfSequence(headings, typed, numbering)
    : headings.find((_, index) => typed[index]?.kind === 'ordinal')
  if (numbering && wrong === undefined) return numbering
  note(
    file,
    wrong,
    'the numbers typed in the headings do not run in sequence: kept as typed, and the headings not numbered by the build',
    'import-numbering'
  )
  return undefined
}

/** The first heading whose typed number is not the one the build would print there. */
function outOfSequence(
  headings: readonly Heading[],
  typed: ReadonlyArray<TypedNumber | undefined>,
  numbering: 'ordinal' | 'decimal'
): Heading | undefined {
  const counters = [0, 0, 0, 0, 0]
  for (const [index, heading] of headings.entries()) {
    const number = typed[index]
    const rank = heading.depth - 2
    if (numbering === 'ordinal') {
      if (number?.kind !== 'ordinal') continue
      if (rank !== 0 || number.value !== ++counters[0]!) return heading
      continue
    }
    if (number?.kind !== 'decimal') continue
    counters[rank] = (counters[rank] ?? 0) + 1
    counters.fill(0, rank + 1)
    const expected = counters.slice(0, rank + 1)
    if (number.value.join('.') !== expected.join('.')) return heading
  }
  return undefined
}

function applyNumbering(
  heading: Heading,
  number: TypedNumber | undefined,
  numbering: 'ordinal' | 'decimal',
  file: VFile
): void {
  const numbered = numbering === 'ordinal' ? heading.depth === 2 : true
  if (number?.kind === (numbering === 'ordinal' ? 'ordinal' : 'decimal') && numbered) {
    dropLeadingCharacters(heading.children, number.length)
    return
  }
  if (!numbered) return
  note(
    file,
    heading,
    'a heading without a number among numbered ones: marked `{-}`, out of the numbering',
    'import-unnumbered'
  )
  const last = heading.children.at(-1)
  if (last?.type === 'text') last.value += ' {-}'
  else heading.children.push({type: 'text', value: ' {-}'})
}
