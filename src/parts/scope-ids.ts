import type {Element} from 'hast'
import {visit} from 'unist-util-visit'

/**
 * Prefixes every id inside an element and every reference to one (`href="#id"`, `url(#id)`,
 * `aria-labelledby`), so that a drawing inlined twice (the logo, on the cover and the back page) holds
 * no id twice in one page and each copy still refers to its own parts; a paper among others in one
 * collection, so that its notes, headings and links never meet another's.
 */
export function scopeIds(root: Element, prefix: string): void {
  const renamed = new Map<string, string>()
  visit(root, 'element', (element: Element) => {
    const id = element.properties.id
    if (typeof id === 'string' && id !== '') {
      renamed.set(id, prefix + id)
      element.properties.id = prefix + id
    }
  })
  if (renamed.size === 0) return
  visit(root, 'element', (element: Element) => {
    for (const [name, value] of Object.entries(element.properties)) {
      // A class may be named like an id (`h1.title#title`): it is no reference to it.
      if (name === 'className') continue
      if (typeof value === 'string') element.properties[name] = renamedValue(value, renamed)
      else if (Array.isArray(value))
        element.properties[name] = value.map((item) => (typeof item === 'string' ? (renamed.get(item) ?? item) : item))
    }
  })
}

function renamedValue(value: string, renamed: ReadonlyMap<string, string>): string {
  if (value.startsWith('#') && renamed.has(value.slice(1))) return '#' + renamed.get(value.slice(1))!
  let result = value
  for (const [from, to] of renamed) result = result.replaceAll(`url(#${from})`, `url(#${to})`)
  return result
}
