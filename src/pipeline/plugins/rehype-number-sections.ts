import type {Element, Root} from 'hast'
import {visit} from 'unist-util-visit'
import {arabicOrdinal} from '../../arabic/ordinals.js'

export type Numbering = 'ordinal' | 'decimal' | 'none'

export interface Options {
  /** How to number sections (default: `'none'`). */
  numbering?: Numbering | null | undefined
}

const emptyOptions: Readonly<Options> = {}

// h1 is the document title; sections start at h2.
const sectionRank: Readonly<Record<string, number>> = {
  h2: 0,
  h3: 1,
  h4: 2,
  h5: 3,
  h6: 4
}

/**
 * Number section headings, as `أولاً:` (h2 only) or `1.`, `1.1`, `1.1.1`.
 *
 * The number is also stored as `dataNumber` so a contents page can reuse it.
 */
export default function rehypeNumberSections(options?: Readonly<Options> | null) {
  const settings = options || emptyOptions
  const numbering = settings.numbering || 'none'

  return function (tree: Root): undefined {
    if (numbering === 'none') return

    const counters = [0, 0, 0, 0, 0]

    visit(tree, 'element', function (node) {
      const rank = sectionRank[node.tagName]
      if (rank === undefined || isUnnumbered(node)) return
      if (numbering === 'ordinal' && rank > 0) return

      advance(counters, rank)
      const number = sectionNumber(counters, rank, numbering)
      const separator = numbering === 'ordinal' ? ': ' : rank === 0 ? '. ' : ' '

      node.properties.dataNumber = number
      node.children.unshift({
        type: 'element',
        tagName: 'span',
        properties: {className: ['section-number']},
        children: [{type: 'text', value: number + separator}]
      })
    })
  }
}

function isUnnumbered(element: Element): boolean {
  const className = element.properties.className
  return Array.isArray(className) && className.includes('unnumbered')
}

function advance(counters: number[], rank: number): void {
  counters[rank] = (counters[rank] ?? 0) + 1
  counters.fill(0, rank + 1)
}

function sectionNumber(counters: ReadonlyArray<number>, rank: number, numbering: 'ordinal' | 'decimal'): string {
  return numbering === 'ordinal' ? arabicOrdinal(counters[0] ?? 0) : counters.slice(0, rank + 1).join('.')
}
