import type {Element, Root} from 'hast'
import GithubSlugger, {slug} from 'github-slugger'
import {toString} from 'hast-util-to-string'
import {visit} from 'unist-util-visit'

export interface Options {
  /** Prefix for every generated id (default: `''`). */
  prefix?: string | null | undefined
  /** Ids used outside the tree (the publication's own parts) that no heading may take. */
  reserved?: ReadonlyArray<string> | null | undefined
}

const emptyOptions: Readonly<Options> = {}

const heading = /^h[1-6]$/

// github-slugger keeps combining marks, so harakat and tatweel would end up
// in the id and `مُقَدِّمَة` and `مقدمة` would get different anchors.
// They are removed from the text *before* slugging so that the slugger’s
// duplicate tracking sees the final form.
const harakat = /[\u064B-\u065F\u0670\u0640]/g

// XML names (ids in EPUB’s XHTML) must start with a letter or underscore.
const nameStart = /^[\p{L}_]/u

/**
 * Give headings without an `id` one made from their text, keeping Arabic.
 */
export default function rehypeHeadingIds(options?: Readonly<Options> | null) {
  const settings = options || emptyOptions
  const prefix = settings.prefix || ''

  return function (tree: Root): undefined {
    const slugger = new GithubSlugger()
    const used = existingIds(tree)
    for (const id of settings.reserved ?? []) used.add(id)

    visit(tree, 'element', function (node) {
      if (!heading.test(node.tagName) || hasId(node)) return

      const base = safeSlug(toString(node))
      let id: string

      do {
        id = prefix + slugger.slug(base)
      } while (used.has(id))

      used.add(id)
      node.properties.id = id
    })
  }
}

function safeSlug(value: string): string {
  const base = slug(value.replace(harakat, ''))
  if (base === '') return 'h'
  return nameStart.test(base) ? base : 'h-' + base
}

function hasId(element: Element): boolean {
  const id = element.properties.id
  return typeof id === 'string' && id !== ''
}

// Any element’s id is reserved, not only headings’: anchors share one namespace.
function existingIds(tree: Root): Set<string> {
  const ids = new Set<string>()

  visit(tree, 'element', function (node) {
    const id = node.properties.id
    if (typeof id === 'string' && id !== '') ids.add(id)
  })

  return ids
}
