import type {ElementContent, Root, Text} from 'hast'

/**
 * Latin words joined by an en dash («Euphrates–Tigris»), whole in the PDF's text. A line may break after
 * the dash, as typesetting allows; a reader's text then has a line break inside the compound, and on a
 * right-to-left page poppler and PDFium set the dash at the wrong end of its line («–Ayşegül Kibaroğlu,
 * …Euphrates»). In print, each compound is a `.dash-compound` span, made whole like an address (see
 * `wrapped-words.ts`): nothing drawn moves. Number ranges («3–16») are left alone: their pieces are not
 * words.
 */
export const dashCompoundClass = 'dash-compound'

const compound = /(?<![\p{L}\p{N}])\p{Script=Latin}+(?:\u2013\p{Script=Latin}+)+(?![\p{L}\p{N}])/gu

/** The print tree with each Latin compound joined by an en dash in a span of its own. */
export function spanDashCompounds(nodes: Array<Root | ElementContent>): void {
  for (const node of nodes) visit(node)
}

function visit(node: Root | ElementContent): void {
  if (node.type !== 'root' && node.type !== 'element') return
  if (node.type === 'element' && isCode(node.tagName)) return
  const children = node.children as ElementContent[]
  node.children = children.flatMap((child) => {
    if (child.type === 'text') return split(child)
    visit(child)
    return [child]
  })
}

/** The compounds of a text, as `spanDashCompounds` spans them. */
export function dashCompoundsOf(value: string): string[] {
  return [...value.matchAll(compound)].map((match) => match[0])
}

/** Whether an element's text is left as it is: code is printed as written. */
export function isCode(tagName: string): boolean {
  return tagName === 'pre' || tagName === 'code'
}

/** A text's pieces: the compounds in spans, the rest as it was. */
export function split(text: Text): ElementContent[] {
  const pieces: ElementContent[] = []
  let from = 0
  for (const match of text.value.matchAll(compound)) {
    if (match.index > from) pieces.push({type: 'text', value: text.value.slice(from, match.index)})
    pieces.push({
      type: 'element',
      tagName: 'span',
      properties: {className: [dashCompoundClass]},
      children: [{type: 'text', value: match[0]}]
    })
    from = match.index + match[0].length
  }
  if (from === 0) return [text]
  if (from < text.value.length) pieces.push({type: 'text', value: text.value.slice(from)})
  return pieces
}
