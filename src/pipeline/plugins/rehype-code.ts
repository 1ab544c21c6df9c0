import type {Element, ElementContent, Root} from 'hast'
import {SKIP, visit} from 'unist-util-visit'

export interface Options {
  /** Columns between tab stops; the stylesheets' `tab-size` must say the same (default: 4). */
  tabSize?: number | null | undefined
}

const emptyOptions: Readonly<Options> = {}

/**
 * Code reads left to right whatever the language around it: `dir="ltr"` on every `pre` and `code` (on
 * inline code, that makes it a bidi isolate, so its brackets stay where they were written), and each line
 * of a code block a block of its own, so that a line too long for the page wraps with a hanging indent
 * measured from its own indentation instead of being cut off.
 */
export default function rehypeCode(options?: Readonly<Options> | null) {
  const tabSize = (options || emptyOptions).tabSize || 4
  return function (tree: Root): undefined {
    visit(tree, 'element', function (element: Element) {
      if (element.tagName === 'pre') {
        element.properties.dir = 'ltr'
        for (const child of element.children) {
          if (child.type === 'element' && child.tagName === 'code') {
            child.properties.dir = 'ltr'
            splitLines(child, tabSize)
          }
        }
        return SKIP
      }
      if (element.tagName === 'code') {
        element.properties.dir = 'ltr'
        return SKIP
      }
      return undefined
    })
  }
}

/**
 * Each line of `code` in a `<span class="code-line">` that ends with its own line break, so the text
 * (what copy and paste and the PDF's text give back) is the code exactly. Code with markup inside (raw
 * HTML) is left as it is.
 */
export function splitLines(code: Element, tabSize: number): void {
  if (!code.children.every((child) => child.type === 'text')) return
  const source = code.children.map((child) => (child as {value: string}).value).join('')
  const lines = source.split('\n')
  // The final line break (Markdown's code blocks end with one) closes the last line; it opens no new one.
  if (lines.length > 1 && lines.at(-1) === '') lines.pop()
  code.children = lines.map((line, index) => codeLine(index < lines.length - 1 ? `${line}\n` : line, tabSize))
}

/** A line, with `--hang` (columns) when its continuation hangs elsewhere than the stylesheets' default. */
function codeLine(value: string, tabSize: number): ElementContent {
  const columns = hang(value, tabSize)
  return {
    type: 'element',
    tagName: 'span',
    properties: {className: ['code-line'], ...(columns === defaultHang ? {} : {style: `--hang: ${columns}`})},
    children: [{type: 'text', value}]
  }
}

/** The stylesheets' hang, for a line with no indentation and no tab. */
const defaultHang = 2

/**
 * Where a wrapped line goes on: two columns in from its own indentation. A line with a tab in it hangs
 * at a tab stop, since tab stops are counted from where the continuation starts, not from the margin.
 */
export function hang(line: string, tabSize: number): number {
  const columns = indentation(line, tabSize) + defaultHang
  return line.includes('\t') ? Math.ceil(columns / tabSize) * tabSize : columns
}

/** The columns a line's leading spaces and tabs take, tabs stopping every `tabSize` columns. */
export function indentation(line: string, tabSize: number): number {
  let columns = 0
  for (const character of line) {
    if (character === ' ') columns++
    else if (character === '\t') columns += tabSize - (columns % tabSize)
    // A line of nothing but spaces has no text to indent.
    else return character === '\n' ? 0 : columns
  }
  return 0
}
