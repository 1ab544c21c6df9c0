import type {Element} from 'hast'
import {toString} from 'hast-util-to-string'
import {h} from 'hastscript'
import {SKIP, visit} from 'unist-util-visit'
import type {Parts} from '../../parts/pages.js'

/**
 * The web edition's parts as landmarks, so that a screen reader can move between them and no content
 * is outside one: the front matter is the page's header, the back page its footer, the text (with its
 * notes) its main. Print keeps its own markup: its pages are not navigated this way.
 */
export function webPublication(parts: Parts, tableLabel: (number: number) => string): Element[] {
  const {cover, titlePage, rightsPage, abstract, contents, body, notes, backPage} = parts
  const front = [cover, titlePage, rightsPage, abstract].filter((part): part is Element => part !== undefined)
  const text = {...body, children: notes ? [...body.children, webNotes(notes)] : body.children}
  const main = calloutsAsNotes(scrollingTables(text, tableLabel))
  return [h('header.front-matter', front), ...(contents ? [contents] : []), main, h('footer.back-matter', [backPage])]
}

/** The notes as a plain list: DPUB-ARIA deprecated `doc-endnote`; the list in its `doc-endnotes` section says it. */
function webNotes(notes: Element): Element {
  const copy = structuredClone(notes)
  visit(copy, 'element', function (element: Element) {
    if (element.properties.role === 'doc-endnote') delete element.properties.role
  })
  return copy
}

/**
 * Each table in a box that scrolls sideways when the table is wider than the screen, so the page itself
 * never does. A box that scrolls must be reachable from the keyboard, and so it is a region named by the
 * table's caption (or «جدول N»).
 */
export function scrollingTables(tree: Element, tableLabel: (number: number) => string): Element {
  const copy = structuredClone(tree)
  let uncaptioned = 0
  visit(copy, 'element', function (element: Element, index, parent) {
    if (element.tagName !== 'table' || !parent || index === undefined) return
    const caption = element.children.find(
      (child): child is Element => child.type === 'element' && child.tagName === 'caption'
    )
    const label = caption ? toString(caption) : tableLabel(++uncaptioned)
    parent.children[index] = h('div.table-scroll', {role: 'region', tabIndex: 0, ariaLabel: label}, [element])
    return SKIP
  })
  return copy
}

/**
 * Boxed notes as `note`s rather than `complementary` landmarks: they are part of the text they sit in,
 * and a page of several would have landmarks no one can tell apart.
 */
export function calloutsAsNotes(tree: Element): Element {
  const copy = structuredClone(tree)
  visit(copy, 'element', function (element: Element) {
    const classes = element.properties.className
    if (element.tagName === 'aside' && Array.isArray(classes) && classes.includes('callout')) {
      element.properties.role = 'note'
    }
  })
  return copy
}
