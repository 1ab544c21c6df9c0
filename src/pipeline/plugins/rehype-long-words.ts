import type {Element, ElementContent, Root, Text} from 'hast'
import {SKIP, visit} from 'unist-util-visit'

export interface Options {
  /** Characters from which a word is taken to be longer than any line (default: 40). */
  maxWord?: number | null | undefined
}

const emptyOptions: Readonly<Options> = {}

// Verbatim text, which the stylesheets wrap their own way.
const skippedTags = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math', 'textarea', 'title'])

/**
 * Words too long for any line (a string of ten thousand letters, a hash) in `<span class="long-word">`,
 * which the stylesheets let break between any two letters: such a word then starts where it stands and
 * fills its lines, instead of moving whole to the next line and leaving the justified line before it
 * stretched, or widening a table column past the page. Addresses (`.url`) are broken their own way.
 */
export default function rehypeLongWords(options?: Readonly<Options> | null) {
  const maxWord = (options || emptyOptions).maxWord || 40
  return function (tree: Root): undefined {
    visit(tree, 'element', function (element: Element) {
      if (skippedTags.has(element.tagName) || hasClass(element, 'url') || hasClass(element, 'long-word')) return SKIP
      element.children = element.children.flatMap((child) =>
        child.type === 'text' ? markLongWords(child, maxWord) : [child]
      )
      return undefined
    })
  }
}

function hasClass(element: Element, name: string): boolean {
  const value = element.properties.className
  return Array.isArray(value) && value.includes(name)
}

/** The text with each run of more than `maxWord` non-space characters in a `long-word` span. */
export function markLongWords(node: Text, maxWord: number): ElementContent[] {
  // No word is longer than its text: most texts are passed over without being read.
  if (node.value.length <= maxWord) return [node]
  const result: ElementContent[] = []
  let rest = 0
  for (const match of node.value.matchAll(/\S+/g)) {
    const word = match[0]
    if (word.length <= maxWord || [...word].length <= maxWord) continue
    if (match.index > rest) result.push({type: 'text', value: node.value.slice(rest, match.index)})
    result.push({
      type: 'element',
      tagName: 'span',
      properties: {className: ['long-word']},
      children: [{type: 'text', value: word}]
    })
    rest = match.index + word.length
  }
  if (result.length === 0) return [node]
  if (rest < node.value.length) result.push({type: 'text', value: node.value.slice(rest)})
  return result
}
