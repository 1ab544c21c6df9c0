/**
 * A PDF content stream as a list of operations, enough to rewrite what Chromium writes: each operation keeps
 * its source text, so what is not rewritten is written back byte for byte.
 */
export interface Operation {
  operator: string
  /** The operands' tokens, in order (a dictionary or array as its delimiters and inner tokens). */
  operands: string[]
  source: string
}

const whitespace = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const delimiters = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%'])
const operandWords = new Set(['true', 'false', 'null'])

/** Splits a content stream into operations. Undefined when it holds an inline image, which is left alone. */
export function parseContent(text: string): Operation[] | undefined {
  const operations: Operation[] = []
  let operands: string[] = []
  let start = -1
  let index = 0
  while (index < text.length) {
    const code = text.charCodeAt(index)
    if (whitespace.has(code)) {
      index++
      continue
    }
    const end = tokenEnd(text, index)
    const token = text.slice(index, end)
    if (start < 0) start = index
    if (isOperand(token)) operands.push(token)
    else if (token !== '%' && !token.startsWith('%')) {
      if (token === 'BI') return undefined
      operations.push({operator: token, operands, source: text.slice(start, end)})
      operands = []
      start = -1
    } else if (operands.length === 0) start = -1
    index = end
  }
  return operations
}

/** Operators are words: what starts with a delimiter, a digit or a sign is an operand. */
function isOperand(token: string): boolean {
  const first = token[0]!
  return delimiters.has(first) && first !== '%' || '0123456789+-.'.includes(first) || operandWords.has(token)
}

/** Where the token starting at `index` ends. */
function tokenEnd(text: string, index: number): number {
  const character = text[index]!
  if (character === '%') {
    const newline = text.slice(index).search(/[\r\n]/)
    return newline < 0 ? text.length : index + newline
  }
  if (character === '(') return literalEnd(text, index)
  if (character === '<' || character === '>') {
    if (text[index + 1] === character) return index + 2
    if (character === '>') return index + 1
    const close = text.indexOf('>', index)
    return close < 0 ? text.length : close + 1
  }
  if ('[]{}'.includes(character)) return index + 1
  let end = index + 1
  while (end < text.length && !whitespace.has(text.charCodeAt(end)) && !delimiters.has(text[end]!)) end++
  return end
}

function literalEnd(text: string, index: number): number {
  let depth = 0
  for (let end = index; end < text.length; end++) {
    const character = text[end]
    if (character === '\\') end++
    else if (character === '(') depth++
    else if (character === ')' && --depth === 0) return end + 1
  }
  return text.length
}

/** The bytes of a hex string token (`<0041>`). */
export function hexBytes(token: string): number[] {
  const digits = token.slice(1, -1).replace(/\s+/g, '')
  const bytes: number[] = []
  for (let index = 0; index < digits.length; index += 2) bytes.push(Number.parseInt(digits.slice(index, index + 2).padEnd(2, '0'), 16))
  return bytes
}

/** A hex string token's text, read as UTF-16BE (its byte-order mark dropped). */
export function hexText(token: string): string {
  const bytes = hexBytes(token)
  const units: number[] = []
  for (let index = 0; index + 1 < bytes.length; index += 2) units.push(bytes[index]! * 256 + bytes[index + 1]!)
  if (units[0] === 0xfeff) units.shift()
  return String.fromCharCode(...units)
}

/** A text string as a hex string token, UTF-16BE with its byte-order mark. */
export function textHex(text: string): string {
  let hex = 'FEFF'
  for (let index = 0; index < text.length; index++) hex += text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')
  return `<${hex}>`
}

/** A ToUnicode CMap read into glyph code → text (two-byte codes, as Chromium writes them). */
export function readToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>()
  const tokens = (parseContent(cmap) ?? []).flatMap((operation) => [...operation.operands, operation.operator])
  let section = ''
  let group: string[] = []
  for (const token of tokens) {
    if (token === 'beginbfchar' || token === 'beginbfrange') {
      section = token
      group = []
    } else if (token === 'endbfchar' || token === 'endbfrange') section = ''
    else if (section === 'beginbfchar' && token.startsWith('<')) {
      group.push(token)
      if (group.length === 2) {
        map.set(code(group[0]!), hexText(group[1]!))
        group = []
      }
    } else if (section === 'beginbfrange' && (token.startsWith('<') || token === '[' || token === ']')) {
      group.push(token)
      if (rangeComplete(group)) {
        addRange(map, group)
        group = []
      }
    }
  }
  return map
}

function code(token: string): number {
  return hexBytes(token).reduce((value, byte) => value * 256 + byte, 0)
}

function rangeComplete(group: string[]): boolean {
  if (group.length < 3) return false
  return group[2] !== '[' || group.at(-1) === ']'
}

function addRange(map: Map<number, string>, group: string[]): void {
  const low = code(group[0]!)
  const high = code(group[1]!)
  if (group[2] === '[') {
    group.slice(3, -1).forEach((token, offset) => map.set(low + offset, hexText(token)))
    return
  }
  const first = hexText(group[2]!)
  for (let glyph = low; glyph <= high; glyph++) {
    map.set(glyph, first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + glyph - low))
  }
}
