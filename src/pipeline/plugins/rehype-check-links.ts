import type {Element, ElementContent, Root} from 'hast'
import type {VFile} from 'vfile'
import {SKIP, visit} from 'unist-util-visit'
import {warn} from '../../core/messages.js'
import {safeDecode} from './rehype-unique-ids.js'

export interface Options {
  /** The address the manuscript is published under: relative links resolve against it. */
  baseUrl?: string | null | undefined
  /** Ids of the publication outside this tree (the body's, for the abstract) that links may lead to. */
  otherIds?: ReadonlySet<string> | null | undefined
}

const emptyOptions: Readonly<Options> = {}
const kept = new Set(['http:', 'https:', 'mailto:', 'tel:'])
const whiteSpace = /\s/u

type Verdict = {href: string} | {reason: string; ruleId: string}

/**
 * Every link of a publication must lead somewhere: to an id in the document, or to an address on the
 * web. A link to a missing id, to a file that is not part of the publication (`../README.md`, `/docs/x`:
 * nothing of the sort is in the PDF or the e-book) or to a malformed address is reported and printed as
 * its text, unless the manuscript gives a `baseUrl` that relative links resolve against.
 */
export default function rehypeCheckLinks(options?: Readonly<Options> | null) {
  const settings = options ?? emptyOptions
  const baseUrl = settings.baseUrl ?? undefined
  const otherIds = settings.otherIds ?? new Set<string>()

  return function (tree: Root, file: VFile): undefined {
    const ids = new Set([...idsOf(tree), ...otherIds])
    visit(tree, 'element', (element: Element, index, parent) => {
      const href = element.properties.href
      if (element.tagName !== 'a' || typeof href !== 'string' || !element.position) return
      const verdict = judge(href, ids, baseUrl)
      if ('href' in verdict) {
        element.properties.href = verdict.href
        return
      }
      warn(file, `Link to \`${href}\`: ${verdict.reason}; printed as plain text`, element.position, verdict.ruleId)
      if (!parent || index === undefined) return
      parent.children.splice(index, 1, ...(element.children as ElementContent[]))
      return [SKIP, index]
    })
  }
}

/** Where a link leads, or why it leads nowhere. */
export function judge(href: string, ids: ReadonlySet<string>, baseUrl?: string): Verdict {
  if (whiteSpace.test(href)) return {reason: 'an address holds no spaces (write them %20)', ruleId: 'link-malformed'}
  if (href.startsWith('#')) {
    return ids.has(safeDecode(href.slice(1)))
      ? {href}
      : {reason: 'no heading or anchor of the document has this id', ruleId: 'link-missing-fragment'}
  }
  if (URL.canParse(href)) {
    return kept.has(new URL(href).protocol)
      ? {href}
      : {reason: 'this kind of address cannot be followed from a publication', ruleId: 'link-malformed'}
  }
  if (baseUrl !== undefined && URL.canParse(href, baseUrl)) return {href: new URL(href, baseUrl).href}
  if (href === '') return {reason: 'the address is empty', ruleId: 'link-malformed'}
  return {
    reason: 'it is not part of the publication (give the manuscript a `baseUrl` to link to the web page it means)',
    ruleId: 'link-outside'
  }
}

export function idsOf(tree: Root): Set<string> {
  const ids = new Set<string>()
  visit(tree, 'element', (element: Element) => {
    const id = element.properties.id
    if (typeof id === 'string' && id !== '') ids.add(id)
  })
  return ids
}
