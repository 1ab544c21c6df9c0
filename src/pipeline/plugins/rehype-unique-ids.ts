import type {Element, Root} from 'hast'
import type {VFile} from 'vfile'
import {SKIP, visit} from 'unist-util-visit'
import {isValidId} from '../attributes.js'
import {warn} from '../../core/messages.js'

/**
 * Every id of the document unique and a valid XML name (the EPUB's XHTML requires both, and a link to a
 * duplicate id goes to whichever the reader finds first). Ids the pipeline made (notes, calls) are kept
 * as they are; the author's (raw HTML, heading attributes) give way with a warning. A renamed invalid id
 * takes the links to it along; a renamed duplicate leaves them to the first.
 */
export interface Options {
  /** Ids the publication's own parts use (the title page's, the contents'): the author's give way. */
  reserved?: ReadonlyArray<string> | null | undefined
}

const emptyOptions: Readonly<Options> = {}

export default function rehypeUniqueIds(options?: Readonly<Options> | null) {
  const reserved = (options ?? emptyOptions).reserved ?? []

  return function (tree: Root, file: VFile): undefined {
    const used = new Set<string>(reserved)
    const authored: Element[] = []
    visit(tree, 'element', (element: Element) => {
      if (isNotes(element)) {
        // Made by the pipeline, though with the places of the notes they come from.
        visit(element, 'element', (inner: Element) => void (idOf(inner) !== undefined && used.add(idOf(inner)!)))
        return SKIP
      }
      const id = idOf(element)
      if (id === undefined) return
      if (element.position && element.properties.dataFootnoteRef === undefined) authored.push(element)
      else used.add(id)
    })
    const renamed = new Map<string, string>()
    const firstLine = new Map<string, number | undefined>()
    for (const element of authored) {
      const id = idOf(element)!
      const place = element.position
      if (!isValidId(id)) {
        const fresh = unique(validFrom(id), used)
        warn(
          file,
          `Id \`${id}\` is not a valid id (it must start with a letter and hold no spaces): renamed \`${fresh}\``,
          place,
          'id-invalid'
        )
        renamed.set(id, fresh)
        setId(element, fresh, used)
      } else if (used.has(id)) {
        const fresh = unique(id, used)
        const first = firstLine.get(id)
        const reason = reserved.includes(id)
          ? `Id \`${id}\` belongs to a part of the publication the template adds: renamed \`${fresh}\``
          : `Id \`${id}\` is used twice${first ? ` (first at line ${first})` : ''}: this one is renamed \`${fresh}\`, links go to the first`
        warn(file, reason, place, 'id-duplicate')
        setId(element, fresh, used)
      } else {
        used.add(id)
        firstLine.set(id, place?.start.line)
      }
    }
    if (renamed.size > 0) followRenames(tree, renamed)
  }
}

function isNotes(element: Element): boolean {
  return element.tagName === 'section' && element.properties.dataFootnotes !== undefined
}

function idOf(element: Element): string | undefined {
  const id = element.properties.id
  return typeof id === 'string' && id !== '' ? id : undefined
}

function setId(element: Element, id: string, used: Set<string>) {
  element.properties.id = id
  used.add(id)
}

/** `1-intro` → `id-1-intro`; white space and other characters no id may hold become `-`. */
export function validFrom(id: string): string {
  const cleaned = [...id].map((character) => (isValidId('a' + character) ? character : '-')).join('')
  return isValidId(cleaned) ? cleaned : 'id-' + cleaned
}

export function unique(id: string, used: ReadonlySet<string>): string {
  if (!used.has(id)) return id
  let index = 1
  while (used.has(`${id}-${index}`)) index++
  return `${id}-${index}`
}

function followRenames(tree: Root, renamed: ReadonlyMap<string, string>) {
  visit(tree, 'element', (element: Element) => {
    const href = element.properties.href
    if (typeof href !== 'string' || !href.startsWith('#')) return
    const target = renamed.get(safeDecode(href.slice(1)))
    if (target !== undefined) element.properties.href = '#' + target
  })
}

export function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}
