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

// What each byte is to the tokenizer, looked up by code: streams are read as latin1 text, one byte a
// character. Sets of one-character strings, looked up character by character, made parsing the slower half
// of the text-layer passes.
const regular = 0
const whitespace = 1
const delimiter = 2
const kinds = new Uint8Array(256)
for (const code of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) kinds[code] = whitespace
for (const character of '()<>[]{}/%') kinds[character.charCodeAt(0)] = delimiter
const percent = 0x25
const operandWords = new Set(['true', 'false', 'null'])

function kindOf(code: number): number {
  return code < 256 ? kinds[code]! : regular
}

/** Splits a content stream into operations. Undefined when it holds an inline image, which is left alone. */
export function parseContent(text: string): Operation[] | undefined {
  const operations: Operation[] = []
  let operands: string[] = []
  let start = -1
  let index = 0
  while (index < text.length) {
    const code = text.charCodeAt(index)
    if (kindOf(code) === whitespace) {
      index++
      continue
    }
    const end = tokenEnd(text, index, code)
    if (start < 0) start = index
    if (code === percent) {
      // A comment: dropped, unless among an operation's operands, whose source keeps it.
      if (operands.length === 0) start = -1
    } else if (isOperand(text, index, end, code)) operands.push(text.slice(index, end))
    else {
      const operator = text.slice(index, end)
      if (operator === 'BI') return undefined
      operations.push({operator, operands, source: text.slice(start, end)})
      operands = []
      start = -1
    }
    index = end
  }
  return operations
}

/** Operators are words: what starts with a delimiter, a digit or a sign is an operand. */
function isOperand(text: string, start: number, end: number, first: number): boolean {
  if (kindOf(first) === delimiter) return true
  if ((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e) return true
  return end - start <= 5 && operandWords.has(text.slice(start, end))
}

/** Where the token starting at `index` (whose code is `code`) ends. */
function tokenEnd(text: string, index: number, code: number): number {
  if (code === percent) {
    let end = index + 1
    while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++
    return end
  }
  if (code === 0x28) return literalEnd(text, index)
  if (code === 0x3c || code === 0x3e) {
    if (text.charCodeAt(index + 1) === code) return index + 2
    if (code === 0x3e) return index + 1
    const close = text.indexOf('>', index)
    return close < 0 ? text.length : close + 1
  }
  if (code === 0x5b || code === 0x5d || code === 0x7b || code === 0x7d) return index + 1
  let end = index + 1
  while (end < text.length && kindOf(text.charCodeAt(end)) === regular) end++
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
  const bytes: number[] = []
  let high = -1
  for (let index = 1; index < token.length - 1; index++) {
    const code = token.charCodeAt(index)
    const value = hexValue(code)
    if (value < 0) {
      if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) continue
      return hexBytesOfAnyText(token)
    }
    if (high < 0) high = value
    else {
      bytes.push(high * 16 + value)
      high = -1
    }
  }
  if (high >= 0) bytes.push(high * 16)
  return bytes
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10
  return -1
}

/** `hexBytes` of a token holding other characters than hex digits and ASCII white space, read as it always was. */
function hexBytesOfAnyText(token: string): number[] {
  const digits = token.slice(1, -1).replace(/\s+/g, '')
  const bytes: number[] = []
  for (let index = 0; index < digits.length; index += 2)
    bytes.push(Number.parseInt(digits.slice(index, index + 2).padEnd(2, '0'), 16))
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
  for (let index = 0; index < text.length; index++)
    hex += text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')
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
    for (const [offset, token] of group.slice(3, -1).entries()) map.set(low + offset, hexText(token))
    return
  }
  const first = hexText(group[2]!)
  for (let glyph = low; glyph <= high; glyph++) {
    map.set(glyph, first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + glyph - low))
  }
}

/** A hex string of two-byte glyph codes, read through a font's ToUnicode map (U+FFFD where it has none). */
export function glyphText(token: string, map: Map<number, string> | undefined): string {
  const bytes = hexBytes(token)
  let text = ''
  for (let index = 0; index + 1 < bytes.length; index += 2)
    text += map?.get(bytes[index]! * 256 + bytes[index + 1]!) ?? '\uFFFD'
  return text
}

/** A glyph drawn: its operation, what readers take it for, and whether a span of another pass holds it. */
export interface Glyph {
  operation: number
  /** The glyph's own text, through its font's map. */
  text: string
  /** What readers take it for: a span's text on its first glyph, nothing on the others. */
  read: string
  inSpan: boolean
}

/** A stream's glyphs, a span's text read once, on its first glyph (as poppler reads `/ActualText`). */
export function readGlyphs(
  operations: Operation[],
  toUnicode: (font: string) => Map<number, string> | undefined
): Glyph[] {
  const glyphs: Glyph[] = []
  const open: Array<{text: string; used: boolean} | undefined> = []
  let font = ''
  operations.forEach(({operator, operands}, index) => {
    if (operator === 'Tf') font = operands[0] ?? ''
    else if (operator === 'BMC') open.push(undefined)
    else if (operator === 'BDC')
      open.push(
        operands[2] === '/ActualText' && operands[3]?.startsWith('<')
          ? {text: hexText(operands[3]), used: false}
          : undefined
      )
    else if (operator === 'EMC') open.pop()
    else if (operator === 'Tj' && operands.length === 1 && operands[0]!.startsWith('<')) {
      const span = open.find((each) => each !== undefined)
      const text = glyphText(operands[0]!, toUnicode(font))
      const read = span ? (span.used ? '' : span.text) : text
      if (span) span.used = true
      glyphs.push({operation: index, text, read, inSpan: span !== undefined})
    }
  })
  return glyphs
}
