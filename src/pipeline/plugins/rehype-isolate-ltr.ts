import type {Element, ElementContent, Root, RootContent, Text} from 'hast'
import {findLtrRuns} from '../../arabic/bidi.js'

// Verbatim or foreign content, where a span would change meaning or break
// markup. `textarea` and `title` hold raw text: a span would show as text.
const skippedTags = new Set([
  'code',
  'pre',
  'kbd',
  'samp',
  'script',
  'style',
  'svg',
  'math',
  'textarea',
  'title'
])

/**
 * Wrap Latin-script phrases in `<span dir="ltr">`.
 *
 * On inline elements `dir` makes a bidi isolate, so punctuation and numbers
 * next to an English phrase stay on the right side of it in Arabic text.
 */
export default function rehypeIsolateLtr(_options?: null) {
  return function (tree: Root): undefined {
    isolateChildren(tree)
  }
}

function isolateChildren(parent: Root | Element): void {
  const children: Array<RootContent | ElementContent> = []

  for (const child of parent.children) {
    if (child.type === 'text') {
      children.push(...isolateText(child))
    } else {
      if (child.type === 'element' && !isSkipped(child)) isolateChildren(child)
      children.push(child)
    }
  }

  // Root and element children differ only by doctype, which is never split.
  parent.children = children as typeof parent.children
}

// An existing `dir` is an author decision; it also keeps a second pass from
// wrapping our own spans again.
function isSkipped(element: Element): boolean {
  return (
    skippedTags.has(element.tagName) || element.properties.dir !== undefined
  )
}

function isolateText(node: Text): ElementContent[] {
  const runs = findLtrRuns(node.value)
  if (runs.length === 0) return [node]

  const result: ElementContent[] = []
  let last = 0

  for (const run of runs) {
    if (run.start > last) result.push(text(node.value.slice(last, run.start)))
    result.push({
      type: 'element',
      tagName: 'span',
      properties: {dir: 'ltr'},
      children: [text(node.value.slice(run.start, run.end))]
    })
    last = run.end
  }

  if (last < node.value.length) result.push(text(node.value.slice(last)))
  return result
}

function text(value: string): Text {
  return {type: 'text', value}
}
