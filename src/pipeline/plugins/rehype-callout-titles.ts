import type {Element, Root} from 'hast'
import {visit} from 'unist-util-visit'

export interface Options {
  /** The template's title of each kind of boxed note, when the manuscript gives none. */
  labels?: Readonly<Partial<Record<string, string>>> | null | undefined
}

const emptyOptions: Readonly<Options> = {}

/** A boxed note written without a title takes its kind's label («تلميح»); with no label, no title. */
export default function rehypeCalloutTitles(options?: Readonly<Options> | null) {
  const labels = (options ?? emptyOptions).labels ?? {}

  return function (tree: Root): undefined {
    visit(tree, 'element', (element: Element) => {
      if (element.tagName !== 'aside' || !classList(element).includes('callout')) return
      const title = element.children.find(
        (child): child is Element => child.type === 'element' && classList(child).includes('callout-title')
      )
      if (!title || title.children.length > 0) return
      const kind = classList(element)
        .find((name) => name.startsWith('callout-'))
        ?.slice('callout-'.length)
      const label = kind ? labels[kind] : undefined
      if (label) title.children.push({type: 'text', value: label})
      else element.children.splice(element.children.indexOf(title), 1)
    })
  }
}

function classList(element: Element): string[] {
  const value = element.properties.className
  return Array.isArray(value) ? value.map(String) : []
}
