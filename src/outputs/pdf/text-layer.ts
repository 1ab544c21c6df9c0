import type {Element, ElementContent, Root, Text} from 'hast'

/**
 * Marks that make a PDF's text come back in logical order. Chromium writes the glyphs right; extractors
 * (pdftotext, and the copy, search and read-aloud of viewers built like it) then re-order each line, and
 * in Arabic text they glue a number to the word after it («19 تشرين» → «19تشرين»), reverse number ranges
 * («1950-1953» → «1953-1950») and glue a Latin phrase to the Arabic word after it («Git على» → «Gitعلى»).
 * Each mark below is invisible on the page and measured; the gains are in words intact in pdftotext.
 * Used for print only: screens and e-readers lay out text themselves. The tree they expect: text in
 * elements whose direction is their `dir` or their nearest ancestor's (the parts' own is given), Latin
 * phrases as elements with `dir="ltr"` (a span, an `<a>`, `<code>`, a whole block), which are not entered.
 * (Vowelled words are made whole after printing: see `actual-text.ts`.)
 */
const skipped = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math'])
const rightToLeftMark = '\u200F'
const range = /[0-9\u0660-\u0669]+(?:[-–/][0-9\u0660-\u0669]+)+/g
const numberBeforeSpace = /([0-9\u0660-\u0669][)\]»"'.,،؛:!?%٪]*)(?=\s)/g
const closingBeforeSpace = /^([)\]»"'.,،؛:!?%٪]*)(?=\s)/
const latinElements = new Set(['code', 'kbd', 'samp'])
const arabicWordAfter = /^[)\]»"'.,،؛:!?%٪]*\s+[\u0600-\u06FF]/

export function markTextLayer(nodes: Array<Root | ElementContent>, dir: 'rtl' | 'ltr' = 'rtl'): void {
  for (const node of nodes) visit(node, dir)
}

function visit(node: Root | ElementContent, inherited: 'rtl' | 'ltr'): void {
  if (node.type !== 'root' && node.type !== 'element') return
  if (node.type === 'element' && skipped.has(node.tagName)) return
  const dir = directionOf(node, inherited)
  if (dir === 'ltr') return
  const children: ElementContent[] = []
  for (const child of node.children as ElementContent[]) {
    if (child.type === 'text') children.push(...isolateRanges(markNumberEnds(child)))
    else {
      visit(child, dir)
      children.push(child)
    }
  }
  node.children = markLatinEnds(markNumberElementEnds(markNoteNumbers(children))) as typeof node.children
}

function directionOf(node: Root | Element, inherited: 'rtl' | 'ltr'): 'rtl' | 'ltr' {
  if (node.type !== 'element') return inherited
  const dir = node.properties.dir
  return dir === 'ltr' || dir === 'rtl' ? dir : inherited
}

/**
 * A right-to-left mark after a number (and the punctuation closing it) that a space follows: extractors
 * otherwise glue the number to the next word. Seed paper: 99.2% → 99.9% (with `isolateRanges`).
 */
export function markNumberEnds(node: Text): Text {
  return {...node, value: node.value.replace(numberBeforeSpace, `$1${rightToLeftMark}`)}
}

/** A left-to-right isolate around a range of numbers, which extractors otherwise reverse. */
export function isolateRanges(node: Text): ElementContent[] {
  const {value} = node
  const result: ElementContent[] = []
  let last = 0
  for (const match of value.matchAll(range)) {
    if (match.index > last) result.push({type: 'text', value: value.slice(last, match.index)})
    result.push({type: 'element', tagName: 'span', properties: {dir: 'ltr'}, children: [{type: 'text', value: match[0]}]} satisfies Element)
    last = match.index + match[0].length
  }
  if (last < value.length) result.push({type: 'text', value: value.slice(last)})
  return result.length > 0 ? result : [node]
}

/**
 * A right-to-left mark before the space that follows a left-to-right element in right-to-left text,
 * when an Arabic word comes next (only in text: a node of its own would be a box of its own in a flex or
 * grid container; and not between Latin phrases, as in an English note, where it moves their punctuation).
 * pdftotext re-orders a line by the letters' directions, and gives the space between a Latin phrase and the
 * Arabic word after it to the phrase's side (visually its left), so the two come out glued («Git‬على»);
 * the mark is a right-to-left letter standing at that side of the space. Inline code counts as Latin. Policy paper with Latin phrases:
 * 86.7% → 96.4% in pdftotext (pages unchanged to the pixel).
 */
export function markLatinEnds(children: ElementContent[]): ElementContent[] {
  return children.map((child, index) => {
    const before = children[index - 1]
    const latinBefore = before?.type === 'element' && (before.properties.dir === 'ltr' || latinElements.has(before.tagName))
    const glued = latinBefore && child.type === 'text' && arabicWordAfter.test(child.value)
    return glued ? {...child, value: child.value.replace(closingBeforeSpace, `$1${rightToLeftMark}`)} : child
  })
}

/**
 * `markNumberEnds` across an element's end: a note call (a superscript ending in a number), then the
 * punctuation and space of the text after it («مستدام<sup>1</sup>. واستعملت»). With inline code counted
 * as Latin in `markLatinEnds`: policy paper 96.4% → 97.6%, paper with code and formulas 89.5% → 96.8%. Only
 * after a superscript: after any element ending in a number (a Latin phrase «no. 2 (1989): 112»), PDFium
 * lost the Arabic letters of the rest of the line.
 */
export function markNumberElementEnds(children: ElementContent[]): ElementContent[] {
  return children.map((child, index) => {
    const before = children[index - 1]
    if (child.type !== 'text' || before?.type !== 'element' || before.tagName !== 'sup' || !/[0-9\u0660-\u0669]$/.test(textOf(before))) return child
    return {...child, value: child.value.replace(closingBeforeSpace, `$1${rightToLeftMark}`)}
  })
}

/**
 * A right-to-left mark after the number that leads a note (its link back to the call). The number stands
 * at the right of the note's first line; pdftotext, which orders a right-to-left page's lines from their
 * right end, otherwise takes the letters to the left of it, up to the first right-to-left letter, as one
 * left-to-right run with it: it glues the number to an Arabic note's first word («12للاطلاع») and puts it
 * in the middle of an English note, after its first line («Watercourses 10 (New York»). The mark, drawn at
 * the number's left, ends that run at the number. PDFium leaves zero-width glyphs out of its text. Corpus,
 * pdftotext: left-to-right blocks in written order 60 → 76 of 103, translated essay 98.6% → 99.1% of words
 * intact (pages unchanged to the pixel).
 */
export function markNoteNumbers(children: ElementContent[]): ElementContent[] {
  return children.map((child) => {
    if (child.type !== 'element' || child.properties.role !== 'doc-backlink' || !/[0-9\u0660-\u0669]$/.test(textOf(child))) return child
    return {...child, children: [...child.children, {type: 'text', value: rightToLeftMark}]}
  })
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value
  return node.type === 'element' ? node.children.map(textOf).join('') : ''
}
