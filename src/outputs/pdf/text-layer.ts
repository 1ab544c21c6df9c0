import type {Element, ElementContent, Root, Text} from 'hast'

/**
 * Marks that make a PDF's text come back in logical order. Chromium writes the glyphs right; extractors
 * (pdftotext, and the copy, search and read-aloud of viewers built like it) then re-order each line, and
 * in Arabic text they glue a number to the word after it («19 تشرين» → «19تشرين») and reverse number
 * ranges («1950-1953» → «1953-1950»). Measured fixes, both invisible on the page:
 * - a right-to-left mark after a number (and the punctuation closing it) that a space follows;
 * - a left-to-right isolate around a range of numbers.
 * Used for print only: screens and e-readers lay out text themselves.
 */
const skipped = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math'])
const rightToLeftMark = '\u200F'
const range = /[0-9\u0660-\u0669]+(?:[-–/][0-9\u0660-\u0669]+)+/g
const numberBeforeSpace = /([0-9\u0660-\u0669][)\]»"'.,،؛:!?%٪]*)(?=\s)/g

export function markTextLayer(nodes: Array<Root | ElementContent>): void {
  for (const node of nodes) visit(node)
}

function visit(node: Root | ElementContent): void {
  if (node.type !== 'root' && node.type !== 'element') return
  if (node.type === 'element' && (skipped.has(node.tagName) || node.properties.dir === 'ltr')) return
  const children: ElementContent[] = []
  for (const child of node.children as ElementContent[]) {
    if (child.type === 'text') children.push(...mark(child))
    else {
      visit(child)
      children.push(child)
    }
  }
  node.children = children as typeof node.children
}

function mark(node: Text): ElementContent[] {
  const value = node.value.replace(numberBeforeSpace, `$1${rightToLeftMark}`)
  const result: ElementContent[] = []
  let last = 0
  for (const match of value.matchAll(range)) {
    if (match.index > last) result.push({type: 'text', value: value.slice(last, match.index)})
    result.push({type: 'element', tagName: 'span', properties: {dir: 'ltr'}, children: [{type: 'text', value: match[0]}]} satisfies Element)
    last = match.index + match[0].length
  }
  if (last < value.length) result.push({type: 'text', value: value.slice(last)})
  return result.length > 0 ? result : [{type: 'text', value}]
}
