/**
 * Attribute blocks as Pandoc, kramdown and markdown-it-attrs write them after a heading: `{#id}`,
 * `{-}`, `{.unnumbered}`, `{#id .class -}`, `{#id key=value}`. Pure string logic, so that the plugins
 * that read them (headings) and the ones that report them elsewhere (dialect leftovers) agree.
 */

export interface AttributeBlock {
  /** Index of the `{` in the text. */
  start: number
  /** Index after the `}` (trailing white space excluded). */
  end: number
  /** Every `#id` written, in order (the last one wins, as in Pandoc). */
  ids: string[]
  classes: string[]
  /** `-` or `.unnumbered`. */
  unnumbered: boolean
  /** `key=value` pairs: no output of ours has a use for them. */
  pairs: string[]
}

// An id that is a valid XML name (the EPUB's XHTML) and needs no escaping in a URL fragment or CSS.
const idPattern = /^[\p{L}_][\p{L}\p{M}\p{N}_.-]*$/u
const classPattern = /^-?[\p{L}_][\p{L}\p{M}\p{N}_-]*$/u
const space = /\s/u

export function isValidId(id: string): boolean {
  return idPattern.test(id)
}

/**
 * The attribute block ending `text`, or undefined when the text does not end in one. A brace group
 * holding anything but attribute tokens (`{x}`, `{1,2}`) is ordinary text, not an attribute block.
 */
export function trailingAttributeBlock(text: string): AttributeBlock | undefined {
  const end = text.trimEnd().length
  if (text[end - 1] !== '}') return undefined
  const start = text.lastIndexOf('{', end - 1)
  if (start < 0) return undefined
  const block = parseAttributes(text.slice(start + 1, end - 1))
  return block && {...block, start, end}
}

/** The tokens between the braces, or undefined when one of them is not an attribute. */
export function parseAttributes(inner: string): Omit<AttributeBlock, 'start' | 'end'> | undefined {
  const tokens = splitTokens(inner)
  if (tokens.length === 0) return undefined
  const block = {ids: [] as string[], classes: [] as string[], unnumbered: false, pairs: [] as string[]}
  for (const token of tokens) {
    if (token === '-' || token === '.unnumbered') block.unnumbered = true
    else if (token.startsWith('#') && token.length > 1) block.ids.push(token.slice(1))
    else if (token.startsWith('.') && classPattern.test(token.slice(1))) block.classes.push(token.slice(1))
    else if (isPair(token)) block.pairs.push(token)
    else return undefined
  }
  return block
}

function isPair(token: string): boolean {
  const equals = token.indexOf('=')
  return equals > 0 && classPattern.test(token.slice(0, equals))
}

/** White-space separated tokens; a quoted value (`title="two words"`) stays one token. */
function splitTokens(inner: string): string[] {
  const tokens: string[] = []
  let current = ''
  let quote: string | undefined
  for (const character of inner) {
    if (quote) {
      current += character
      if (character === quote) quote = undefined
    } else if (character === '"' || character === "'") {
      current += character
      quote = character
    } else if (space.test(character)) {
      if (current) tokens.push(current)
      current = ''
    } else {
      current += character
    }
  }
  if (current) tokens.push(current)
  return quote ? [] : tokens
}
