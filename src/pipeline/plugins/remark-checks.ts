import type {FootnoteDefinition, Heading, Node, Root, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {fail, warn} from '../../core/messages.js'

export interface Options {
  /** Lists and quotes nested deeper than this are refused: no paper needs it, and it breaks the page. */
  maximumDepth?: number | null | undefined
  /** Headings longer than this (in characters) get a warning. */
  longHeading?: number | null | undefined
}

const emptyOptions: Readonly<Options> = {}
const containers = new Set(['list', 'blockquote'])

/**
 * What an author would want to hear about before printing: notes called but never written, written
 * but never called, or written twice; lists and quotes nested absurdly deep; headings that look like
 * paragraphs.
 */
export default function remarkChecks(options?: Readonly<Options> | null) {
  const settings = options ?? emptyOptions
  const maximumDepth = settings.maximumDepth ?? 32
  const longHeading = settings.longHeading ?? 300

  return function (tree: Root, file: VFile): undefined {
    const called = new Set<string>()
    visit(tree, 'footnoteReference', (node) => {
      called.add(node.identifier)
    })
    const defined = new Map<string, FootnoteDefinition>()
    visit(tree, 'footnoteDefinition', (node: FootnoteDefinition) => {
      const first = defined.get(node.identifier)
      if (first) {
        warn(
          file,
          `Note [^${node.label ?? node.identifier}] is written twice (first at line ${first.position?.start.line ?? '?'}): the first one is used`,
          node.position?.start,
          'note-duplicate'
        )
        return
      }
      defined.set(node.identifier, node)
      if (!called.has(node.identifier))
        warn(
          file,
          `Note [^${node.label ?? node.identifier}] is never called in the text: it will not be printed`,
          node.position?.start,
          'note-unused'
        )
    })
    // A call whose note is missing stays text: `[^x]`.
    visit(tree, 'text', (node: Text) => {
      for (const match of node.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
        const start = node.position?.start
        const place = start ? {line: start.line, column: start.column + match.index} : undefined
        warn(
          file,
          `Note call [^${match[1]}] has no note: write \`[^${match[1]}]: …\` at the end of the manuscript`,
          place,
          'note-missing'
        )
      }
    })

    const depthFailed = new Set<Node>()
    const walk = (node: Node, depth: number) => {
      const next = containers.has(node.type) ? depth + 1 : depth
      if (next > maximumDepth) {
        if (!depthFailed.size)
          fail(
            file,
            `Lists and quotes are nested more than ${maximumDepth} deep here: flatten them`,
            node.position?.start,
            'nesting-depth'
          )
        depthFailed.add(node)
        return
      }
      for (const child of (node as {children?: Node[]}).children ?? []) walk(child, next)
    }
    walk(tree, 0)

    visit(tree, 'heading', (node: Heading) => {
      const length = toString(node).length
      if (length > longHeading)
        warn(
          file,
          `A heading of ${length} characters: is it a paragraph? (a paragraph is separated from a heading by a blank line)`,
          node.position?.start,
          'heading-length'
        )
    })
  }
}
