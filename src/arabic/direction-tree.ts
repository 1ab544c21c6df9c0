import type {Element, ElementContent, Root, Text} from 'hast'
import {atom, findIsolates, strongDirection, type Direction, type Run} from './direction.js'

export interface DirectionOptions {
  /** Give blocks whose letters are all of the other direction their own `dir` (default: true). */
  blocks?: boolean | undefined
  /** Isolate signed numbers and powers in right-to-left text (default: true). */
  numbers?: boolean | undefined
}

// Blocks whose direction follows their letters. Not `table` (its columns keep the publication's order),
// not `ul`/`ol` (each item decides), not `pre` (code reads left to right, and says so itself).
const blockTags = new Set([
  'p',
  'li',
  'td',
  'th',
  'caption',
  'figcaption',
  'blockquote',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6'
])
// Verbatim content, read left to right whatever it holds: one strong left-to-right piece.
const verbatimTags = new Set(['code', 'kbd', 'samp', 'pre', 'math'])
// Never entered: raw text, or foreign markup where a span would change meaning.
const opaqueTags = new Set(['script', 'style', 'svg', 'textarea', 'title', 'template'])
// Inline elements a phrase may run across. Anything else is a block, and a boundary.
const phrasingTags = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'math',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'svg',
  'time',
  'u',
  'var',
  'wbr'
])

/**
 * Directions decided at build time, so that print, e-book and web page agree:
 * - a block whose letters are all of the other direction than the publication's gets that `dir` (an
 *   English note, table cell or list item in an Arabic paper is laid out left to right); a block that
 *   mixes, or has no letters, inherits. Code counts as left-to-right letters: a list item that is only
 *   `npm install` reads left to right;
 * - in right-to-left text, each left-to-right phrase is isolated whole (`<span dir="ltr">`), across the
 *   links, emphases, code and exponents inside it, and so are signed numbers and powers (`−12%`, `3×10⁶`).
 * An element that has a `dir` keeps it; `dir="auto"` and verbatim content are left alone.
 */
export function applyDirection(tree: Root | Element, direction: Direction, options: DirectionOptions = {}): void {
  walk(tree, direction, direction, options)
}

function walk(parent: Root | Element, direction: Direction, publication: Direction, options: DirectionOptions): void {
  if (direction === 'rtl') isolatePhrases(parent, options)
  for (const child of parent.children) {
    if (child.type !== 'element' || skipped(child)) continue
    walk(child, directionOf(child, direction, publication, options), publication, options)
  }
}

function skipped(element: Element): boolean {
  return verbatimTags.has(element.tagName) || opaqueTags.has(element.tagName) || ownDirection(element) === 'auto'
}

function ownDirection(element: Element): Direction | 'auto' | undefined {
  const dir = element.properties.dir
  if (typeof dir !== 'string') return undefined
  const value = dir.toLowerCase()
  return value === 'ltr' || value === 'rtl' || value === 'auto' ? value : undefined
}

// A block is marked whenever its direction differs from the publication's, even inside a block of that
// direction already: notes and chapters are taken out of their parents later, and keep their direction.
function directionOf(
  element: Element,
  inherited: Direction,
  publication: Direction,
  options: DirectionOptions
): Direction {
  const own = ownDirection(element)
  if (own === 'ltr' || own === 'rtl') return own
  if (options.blocks === false || !blockTags.has(element.tagName)) return inherited
  const strong = strongDirection(letters(element))
  if (strong !== 'ltr' && strong !== 'rtl') return inherited
  if (strong !== publication || strong !== inherited) element.properties.dir = strong
  return strong
}

// Any right-to-left letter: what an element marked `dir="rtl"` counts as.
const rightToLeftStandIn = '\u05D0'

/** The letters that decide an element's direction: its text, code standing for a left-to-right letter. */
function letters(node: Root | ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element' && node.type !== 'root') return ''
  if (node.type === 'element') {
    if (opaqueTags.has(node.tagName)) return ''
    const own = ownDirection(node)
    if (own === 'ltr' || verbatimTags.has(node.tagName)) return atom.ltr
    if (own === 'rtl') return rightToLeftStandIn
  }
  return node.children.map((child) => letters(child as ElementContent)).join('')
}

/** The stand-in of an inline element when its parent's content is read as one string. */
function atomOf(node: ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return atom.neutral
  const {tagName} = node
  if (tagName === 'br' || !phrasingTags.has(tagName)) return atom.boundary
  if (tagName === 'img' || tagName === 'svg' || tagName === 'wbr' || isNoteCall(node)) return atom.neutral
  const own = ownDirection(node)
  if (own === 'ltr' || verbatimTags.has(tagName)) return atom.ltr
  if (own !== undefined) return atom.boundary
  const content = letters(node)
  const strong = strongDirection(content)
  if (strong === 'ltr') return atom.ltr
  if (strong !== undefined) return atom.boundary
  if (!/\p{N}/u.test(content)) return atom.neutral
  return tagName === 'sup' || tagName === 'sub' ? atom.exponent : atom.number
}

function isNoteCall(element: Element): boolean {
  if (element.properties.dataFootnoteRef !== undefined) return true
  return element.children.some((child) => child.type === 'element' && isNoteCall(child))
}

function isolatePhrases(parent: Root | Element, options: DirectionOptions): void {
  const children = parent.children as ElementContent[]
  const flat = children.map(atomOf).join('')
  const runs = findIsolates(flat, {numbers: options.numbers})
  if (runs.length === 0) return
  parent.children = wrap(children, runs, options) as typeof parent.children
}

/** The children with each run's content moved into one isolate, text split at the runs' edges. */
function wrap(children: ElementContent[], runs: Run[], options: DirectionOptions): ElementContent[] {
  const result: ElementContent[] = []
  let isolate: ElementContent[] | undefined
  let offset = 0
  let next = 0

  const close = (): void => {
    if (isolate) result.push(isolated(isolate, options))
    isolate = undefined
    next++
  }

  for (const child of children) {
    const length = child.type === 'text' ? child.value.length : 1
    let position = 0
    while (position < length) {
      const run = runs[next]
      const here = offset + position
      if (isolate && run) {
        const end = Math.min(length, run.end - offset)
        isolate.push(piece(child, position, end))
        position = end
        if (offset + position === run.end) close()
      } else if (run && here >= run.start) {
        isolate = []
      } else {
        const end = Math.min(length, run ? run.start - offset : length)
        result.push(piece(child, position, end))
        position = end
      }
    }
    offset += length
  }
  return result
}

function piece(child: ElementContent, start: number, end: number): ElementContent {
  if (child.type !== 'text' || (start === 0 && end === child.value.length)) return child
  return {type: 'text', value: child.value.slice(start, end)} satisfies Text
}

// One whole element takes the `dir` itself when it is one phrase through and through: `<em dir="ltr">`
// isolates as a span would, with less markup. One that also holds what is no phrase (the leader and page
// number of a contents entry) is left as it is: its phrase is isolated inside it, when it is walked.
// One that has its `dir` already (a second run) is left as it is too.
function isolated(content: ElementContent[], options: DirectionOptions): ElementContent {
  const [only] = content
  if (content.length === 1 && only?.type === 'element') {
    const own = ownDirection(only)
    if (own === 'ltr' || (own === undefined && !isOnePhrase(only, options))) return only
    if (own === undefined) {
      only.properties.dir = 'ltr'
      return only
    }
  }
  return {type: 'element', tagName: 'span', properties: {dir: 'ltr'}, children: content}
}

function isOnePhrase(element: Element, options: DirectionOptions): boolean {
  if (verbatimTags.has(element.tagName)) return true
  const flat = element.children.map(atomOf).join('')
  const runs = findIsolates(flat, {numbers: options.numbers})
  return runs.length === 1 && runs[0]!.start === 0 && runs[0]!.end === flat.length
}
