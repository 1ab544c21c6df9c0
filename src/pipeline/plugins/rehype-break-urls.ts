import type {Element, ElementContent, Root, Text} from 'hast'
import {SKIP, visit} from 'unist-util-visit'

export interface Options {
  /** Pieces longer than this (in characters) are broken at dots and hyphens too (default: 12). */
  maxPiece?: number | null | undefined
  /** Bits still longer than this are left free to break anywhere (default: 30). */
  longPiece?: number | null | undefined
}

export interface Limits {
  maxPiece: number
  longPiece: number
}

const emptyOptions: Readonly<Options> = {}

export type AddressKind = 'url' | 'email'

export interface Piece {
  text: string
  /** Kept on one line; a piece still too long after every break point is left free to break anywhere. */
  whole: boolean
}

// Verbatim text, and links (handled as wholes).
const skippedTags = new Set(['a', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math', 'textarea', 'title'])

const schemes = new Set(['http:', 'https:', 'ftp:', 'ftps:', 'sftp:'])

// Punctuation that ends a sentence or closes a bracket around an address rather than belonging to it.
const trailing = new Set([...'.,;:!?)]}\'"،؛؟»…'])
const leading = new Set([...'([{\'"«'])

/**
 * URLs and e-mail addresses, as link text or in running text, read in written order and wrap at sensible
 * points: `dir="ltr"` on the address (an isolate, so an Arabic sentence cannot reorder its parts), its
 * pieces each kept on one line (`<span class="url-part">`, which the stylesheets keep from breaking at
 * hyphens) with `<wbr>` between them. A justified line before an address that cannot break is
 * stretched to fill the gap; one that breaks every dozen characters or so leaves little to stretch.
 */
export default function rehypeBreakUrls(options?: Readonly<Options> | null) {
  const settings = options || emptyOptions
  const limits: Limits = {maxPiece: settings.maxPiece || 12, longPiece: settings.longPiece || 30}
  return function (tree: Root): undefined {
    visit(tree, 'element', function (element: Element) {
      if (element.tagName === 'a') {
        breakLink(element, limits)
        return SKIP
      }
      // An address span of ours: its text is pieces already.
      if (skippedTags.has(element.tagName) || classes(element).includes('url')) return SKIP
      element.children = element.children.flatMap((child) =>
        child.type === 'text' ? breakText(child, limits) : [child]
      )
      return undefined
    })
  }
}

/** What an address written out is, by the WHATWG URL parser; `undefined` for anything else. */
export function addressKind(text: string): AddressKind | undefined {
  if (text === '' || /\s/.test(text)) return undefined
  const lower = text.toLowerCase()
  if (lower.startsWith('www.')) return hostParses(text.split('/')[0]!) ? 'url' : undefined
  // Every word of running text comes here: without a colon there is no scheme, without an at sign no
  // e-mail address, and the parser would only throw, which cost the seed paper a third of its pipeline.
  if (!text.includes(':') && !text.includes('@')) return undefined
  const url = parseUrl(text)
  if (url && schemes.has(url.protocol) && lower.startsWith(`${url.protocol}//`) && url.hostname !== '') return 'url'
  if (url?.protocol === 'mailto:') return isEmail(text.slice('mailto:'.length)) ? 'email' : undefined
  return isEmail(text) ? 'email' : undefined
}

// `URL.parse` is Node 22's; the project runs on 20.
function parseUrl(text: string): URL | null {
  try {
    return new URL(text)
  } catch {
    return null
  }
}

function isEmail(text: string): boolean {
  const at = text.indexOf('@')
  if (at < 1 || at !== text.lastIndexOf('@')) return false
  const domain = text.slice(at + 1)
  return domain.includes('.') && !domain.includes('/') && hostParses(domain)
}

function hostParses(host: string): boolean {
  const url = parseUrl(`http://${host}/`)
  if (url === null) return false
  return url.hostname.includes('.') && !url.hostname.endsWith('.')
}

/**
 * An address cut into pieces, in written order: after a slash (not between the two of `//`), before
 * `?`, `&`, `=` and `#` (before `@` in an e-mail address). Only a piece longer than `maxPiece` is cut
 * before dots, hyphens, underscores and tildes too, its bits joined again up to that length: before, not
 * after, since a line ending in a hyphen reads as a hyphenated word. A bit longer than `longPiece` (a
 * hash, a word longer than a line) is not kept whole.
 */
export function urlPieces(text: string, kind: AddressKind, limits: Limits = {maxPiece: 12, longPiece: 30}): Piece[] {
  const pieces: Piece[] = []
  for (const piece of cutAt(text, kind === 'url' ? urlBreakBefore : emailBreakBefore)) {
    const bits =
      [...piece].length <= limits.maxPiece ? [piece] : joinUpTo(cutAt(piece, secondaryBreakBefore), limits.maxPiece)
    for (const bit of bits) pieces.push({text: bit, whole: [...bit].length <= limits.longPiece})
  }
  return pieces
}

type BreakBefore = (text: string, index: number) => boolean

const urlBreakBefore: BreakBefore = (text, index) =>
  (text[index - 1] === '/' && text[index] !== '/') || '?&=#'.includes(text[index]!)

const emailBreakBefore: BreakBefore = (text, index) => text[index] === '@'

const secondaryBreakBefore: BreakBefore = (text, index) => '.-_~'.includes(text[index]!)

function cutAt(text: string, breakBefore: BreakBefore): string[] {
  const pieces: string[] = []
  let start = 0
  for (let index = 1; index < text.length; index++) {
    if (breakBefore(text, index)) {
      pieces.push(text.slice(start, index))
      start = index
    }
  }
  pieces.push(text.slice(start))
  return pieces
}

function joinUpTo(bits: string[], maxPiece: number): string[] {
  const joined: string[] = []
  for (const bit of bits) {
    const last = joined.at(-1)
    if (last !== undefined && [...last].length + [...bit].length <= maxPiece) joined[joined.length - 1] = last + bit
    else joined.push(bit)
  }
  return joined
}

/** The pieces as hast: a span for each whole piece, bare text for a piece free to break, `<wbr>` between. */
export function piecesToHast(pieces: Piece[]): ElementContent[] {
  const nodes: ElementContent[] = []
  for (const piece of pieces) {
    if (nodes.length > 0) nodes.push({type: 'element', tagName: 'wbr', properties: {}, children: []})
    const text: Text = {type: 'text', value: piece.text}
    nodes.push(
      piece.whole ? {type: 'element', tagName: 'span', properties: {className: ['url-part']}, children: [text]} : text
    )
  }
  return nodes
}

function breakLink(link: Element, limits: Limits): void {
  if (!link.children.every((child) => child.type === 'text')) return
  const text = link.children.map((child) => (child as Text).value).join('')
  const kind = addressKind(text)
  if (!kind) return
  link.properties.dir = 'ltr'
  link.properties.className = [...classes(link), 'url']
  link.children = piecesToHast(urlPieces(text, kind, limits))
}

function classes(element: Element): string[] {
  const value = element.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

/** A text node with the URLs written in it (not linked: in raw HTML, say) each made an address span. */
export function breakText(node: Text, limits: Limits): ElementContent[] {
  // An address here has a scheme (and so a colon) or starts with www.: most texts have neither.
  if (!node.value.includes(':') && !node.value.toLowerCase().includes('www.')) return [node]
  const result: ElementContent[] = []
  let rest = 0
  for (const word of words(node.value)) {
    let start = word.start
    let end = word.end
    while (start < end && leading.has(node.value[start]!)) start++
    while (end > start && trailing.has(node.value[end - 1]!) && !closesOwnBracket(node.value.slice(start, end))) end--
    const text = node.value.slice(start, end)
    if (addressKind(text) !== 'url') continue
    if (start > rest) result.push({type: 'text', value: node.value.slice(rest, start)})
    result.push({
      type: 'element',
      tagName: 'span',
      properties: {className: ['url'], dir: 'ltr'},
      children: piecesToHast(urlPieces(text, 'url', limits))
    })
    rest = end
  }
  if (result.length === 0) return [node]
  if (rest < node.value.length) result.push({type: 'text', value: node.value.slice(rest)})
  return result
}

/** A closing parenthesis that pairs with one inside the address (`…/Babylon_(city)`) is part of it. */
function closesOwnBracket(text: string): boolean {
  if (!text.endsWith(')')) return false
  let depth = 0
  for (const character of text) depth += character === '(' ? 1 : character === ')' ? -1 : 0
  return depth >= 0
}

/** The runs of characters between white space, with their offsets. */
function words(value: string): Array<{start: number; end: number}> {
  return [...value.matchAll(/\S+/g)].map((match) => ({start: match.index, end: match.index + match[0].length}))
}
