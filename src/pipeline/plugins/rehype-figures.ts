import type {Element, ElementContent, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import {h} from 'hastscript'
import {SKIP, visit} from 'unist-util-visit'

export interface Options {
  /** The word before a figure's number, «شكل». */
  figureLabel?: string | null | undefined
  /** The word before a table's number, «جدول». */
  tableLabel?: string | null | undefined
}

const emptyOptions: Readonly<Options> = {}

/**
 * Numbered figures and tables. An image alone in its paragraph becomes a figure captioned «شكل N: alt»
 * (its alternative text is the caption, and stays its description). A paragraph right after a table that
 * starts with `:` (Pandoc's table caption) becomes the table's caption «جدول N: …».
 */
export default function rehypeFigures(options?: Readonly<Options> | null) {
  const settings = options ?? emptyOptions
  const figureLabel = settings.figureLabel ?? 'شكل'
  const tableLabel = settings.tableLabel ?? 'جدول'

  return function (tree: Root): undefined {
    let figures = 0
    let tables = 0
    visit(tree, 'element', function (element: Element, index, parent) {
      if (!parent || index === undefined) return
      const image = loneImage(element)
      if (image) {
        figures++
        const alt = typeof image.properties.alt === 'string' ? image.properties.alt.trim() : ''
        const figure = h('figure', {id: `figure-${figures}`}, [
          image,
          h('figcaption', [h('span.caption-label', `${figureLabel} ${figures}`), alt ? `: ${alt}` : ''])
        ])
        figure.position = element.position
        parent.children[index] = figure
        return SKIP
      }
      if (element.tagName === 'table') {
        tables++
        element.properties.id ??= `table-${tables}`
        const next = nextElement(parent.children as ElementContent[], index)
        const captionText = next && captionOf(next.element)
        const caption = h('caption', [h('span.caption-label', `${tableLabel} ${tables}`)])
        if (next && captionText) {
          caption.children.push({type: 'text', value: ': '}, ...captionText)
          parent.children.splice(next.index, 1)
        }
        element.children.unshift(caption)
        return SKIP
      }
    })
  }
}

function loneImage(element: Element): Element | undefined {
  if (element.tagName !== 'p') return undefined
  const meaningful = element.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  const only = meaningful[0]
  return meaningful.length === 1 && only?.type === 'element' && only.tagName === 'img' ? only : undefined
}

function nextElement(children: ElementContent[], index: number): {element: Element; index: number} | undefined {
  for (let next = index + 1; next < children.length; next++) {
    const child = children[next]!
    if (child.type === 'element') return {element: child, index: next}
    if (child.type === 'text' && child.value.trim() !== '') return undefined
  }
  return undefined
}

/** The caption of `: caption` or `Table: caption`, without its marker. */
function captionOf(paragraph: Element): ElementContent[] | undefined {
  if (paragraph.tagName !== 'p') return undefined
  const first = paragraph.children[0]
  if (first?.type !== 'text') return undefined
  const marker = /^\s*(?:Table|جدول)?\s*:\s*/.exec(first.value)
  if (!marker || !/^\s*(?:Table|جدول)?\s*:/.test(toString(paragraph))) return undefined
  return [{type: 'text', value: first.value.slice(marker[0].length)}, ...paragraph.children.slice(1)]
}
