import type {Parent, Root, Text} from 'mdast'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {SKIP, visit} from 'unist-util-visit'
import {parseAttributes} from '../attributes.js'
import {warn} from '../../core/messages.js'

interface Leftover {
  start: number
  end: number
  /** Removed from the text, or kept as it is. */
  remove: boolean
  reason: string
  ruleId: string
}

/**
 * Syntax of other Markdown dialects that would print as stray braces: kramdown's `{: .class}` and
 * `{::options …}` (meaningless here: removed), Liquid's `{% … %}` and `{{ … }}` (a site generator's
 * template language: kept as the text it is, since it may be what the author means to show), and
 * Pandoc or markdown-it attribute blocks after a link, an image or a code span, or alone in a paragraph
 * (removed: our outputs have no use for them). Each is reported where it stands.
 */
export default function remarkDialectLeftovers() {
  return function (tree: Root, file: VFile): undefined {
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined) return
      const previous = parent.children[index - 1]
      const leftovers = findLeftovers(
        node.value,
        previous !== undefined && previous.type !== 'text' && previous.type !== 'break'
      )
      if (leftovers.length === 0) return
      for (const leftover of leftovers) {
        const place = node.position
          ? {
              start: pointAt(node.value, leftover.start, node.position.start),
              end: pointAt(node.value, leftover.end, node.position.start)
            }
          : undefined
        warn(file, leftover.reason, place, leftover.ruleId)
      }
      node.value = removeLeftovers(node.value, leftovers)
    })
    dropEmptyParagraphs(tree)
  }
}

/** The leftovers in a text; `afterInline` when it follows a link, image or code span on its line. */
export function findLeftovers(value: string, afterInline: boolean): Leftover[] {
  const found: Leftover[] = []
  for (let index = value.indexOf('{'); index >= 0; index = value.indexOf('{', index + 1)) {
    const leftover = leftoverAt(value, index, afterInline && index === 0, lineIsOnly(value, index))
    if (!leftover) continue
    found.push(leftover)
    index = leftover.end - 1
  }
  return found
}

function leftoverAt(value: string, start: number, attached: boolean, alone: boolean): Leftover | undefined {
  if (value.startsWith('{%', start))
    return closed(
      value,
      start,
      '%}',
      false,
      (text) => `Liquid tag \`${text}\` (a site generator's template language): nothing fills it in here; kept as text`,
      'dialect-liquid'
    )
  if (value.startsWith('{{', start))
    return closed(
      value,
      start,
      '}}',
      false,
      (text) =>
        `Liquid output \`${text}\` (a site generator's template language): nothing fills it in here; kept as text`,
      'dialect-liquid'
    )
  if (value.startsWith('{::comment}', start) && value.includes('{:/comment}', start)) {
    const end = value.indexOf('{:/comment}', start) + '{:/comment}'.length
    return {
      start,
      end,
      remove: true,
      reason: 'kramdown comment `{::comment}…{:/comment}`: removed with what it holds',
      ruleId: 'dialect-kramdown'
    }
  }
  if (value.startsWith('{:', start))
    return closed(
      value,
      start,
      '}',
      true,
      (text) =>
        `kramdown ${value.startsWith('{::', start) ? 'extension' : 'attribute list'} \`${text}\` means nothing in a publication: removed`,
      'dialect-kramdown'
    )
  if (!attached && !alone) return undefined
  const end = value.indexOf('}', start)
  if (end < 0 || !parseAttributes(value.slice(start + 1, end))) return undefined
  const text = value.slice(start, end + 1)
  return {
    start,
    end: end + 1,
    remove: true,
    reason: `Attribute block \`${text}\` (Pandoc, markdown-it) is read on headings only: removed`,
    ruleId: 'dialect-attributes'
  }
}

function closed(
  value: string,
  start: number,
  closing: string,
  remove: boolean,
  reason: (text: string) => string,
  ruleId: string
): Leftover | undefined {
  const end = value.indexOf(closing, start + 2)
  if (end < 0 || value.slice(start, end).includes('\n')) return undefined
  const text = value.slice(start, end + closing.length)
  return {start, end: end + closing.length, remove, reason: reason(text), ruleId}
}

/** Whether the brace group starting at `index` is all its line holds (a block of its own). */
function lineIsOnly(value: string, index: number): boolean {
  const lineStart = value.lastIndexOf('\n', index - 1) + 1
  const lineEnd = value.indexOf('\n', index)
  const line = value.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim()
  return value.slice(lineStart, index).trim() === '' && line.endsWith('}')
}

function removeLeftovers(value: string, leftovers: Leftover[]): string {
  let result = value
  for (const {start, end, remove} of [...leftovers].reverse()) {
    if (!remove) continue
    const before = result.slice(0, start)
    const after = result.slice(end)
    // Attached to the link or image before it: what follows keeps its space.
    if (start === 0) result = after
    else if (after.trim() === '' || after.startsWith('\n')) result = before.trimEnd() + after
    else result = before + after.trimStart()
  }
  return result
}

// The text node's value is the source less escapes: positions counted in it are right on lines without any.
function pointAt(value: string, offset: number, start: Point): Point {
  const before = value.slice(0, offset)
  const lines = before.split('\n')
  const column = lines.length === 1 ? start.column + offset : lines.at(-1)!.length + 1
  return {line: start.line + lines.length - 1, column}
}

function dropEmptyParagraphs(tree: Root) {
  visit(tree, 'paragraph', (node, index, parent: Parent | undefined) => {
    const empty = node.children.every((child) => child.type === 'text' && child.value.trim() === '')
    if (!empty || !parent || index === undefined || node.children.length === 0) return
    parent.children.splice(index, 1)
    return [SKIP, index]
  })
}
