import type {Node, Paragraph, Parent, PhrasingContent, Root, RootContent, Text} from 'mdast'
import {directiveFromMarkdown} from 'mdast-util-directive'
import {directive} from 'micromark-extension-directive'
import type {Processor} from 'unified'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {warn} from '../../core/messages.js'

type Container = Extract<RootContent, {type: 'containerDirective'}>
type Extension = ReturnType<typeof directive>

/** The boxed notes a manuscript may hold, by the names other tools give them, and the box each becomes. */
export const calloutKinds: Readonly<Record<string, 'note' | 'tip' | 'warning'>> = {
  note: 'note',
  info: 'note',
  tip: 'tip',
  important: 'warning',
  warning: 'warning',
  caution: 'warning',
  danger: 'warning'
}

// `::: tip عنوان` (VitePress, markdown-it-container) and `:::tip عنوان`: a line of plain text, not a directive.
const openingLine = /^:::[ \t]*([A-Za-z][\w-]*)(?:[ \t]+(.*))?$/
const closingLine = /^:::[ \t]*$/

/**
 * `:::note`, `:::tip`, `:::warning` (and their kin) become boxed notes: an `<aside class="callout
 * callout-tip">` opening with a `.callout-title` paragraph, holding the title written (`:::tip[عنوان]`,
 * `::: tip عنوان`) or none, for the template's label to fill. Containers of other names go back to
 * the text the author wrote, with a warning.
 */
export default function remarkContainers(this: Processor) {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(containerSyntax())
  ;(data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown())

  return function (tree: Root, file: VFile): undefined {
    const source = String(file.value)
    groupPlainContainers(tree, file)
    visit(tree, 'containerDirective', (node: Container, index, parent) => {
      if (calloutKinds[node.name]) {
        toCallout(node)
        return
      }
      warn(
        file,
        `Unknown container \`:::${node.name}\` (known: ${Object.keys(calloutKinds).join(', ')}): kept as text`,
        node.position?.start,
        'container-unknown'
      )
      if (!parent || index === undefined) return
      parent.children.splice(index, 1, ...(restoreContainer(node, source) as never[]))
      return index
    })
  }
}

/**
 * Only the block form, `:::name`, of the generic directives (remark-directive's syntax): its `:name`
 * and `::name` forms would read ordinary text as directives (`10:30`, `std:vector`) and, even put back
 * as text afterwards, would have broken GFM's autolinks (`mailto:a@b.org`). The container construct is
 * the flow construct that is concrete (like fenced code, it owns its lines).
 */
function containerSyntax(): Extension {
  const constructs = directive().flow?.[58]
  const container = (Array.isArray(constructs) ? constructs : constructs ? [constructs] : []).filter(
    (construct) => construct.concrete === true
  )
  return {flow: {58: container}}
}

function toCallout(node: Container) {
  const kind = calloutKinds[node.name]!
  node.data = {...node.data, hName: 'aside', hProperties: {className: ['callout', `callout-${kind}`]}}
  const label = node.children[0]
  const title: Paragraph =
    label?.type === 'paragraph' && label.data && 'directiveLabel' in label.data
      ? (node.children.shift() as Paragraph)
      : {type: 'paragraph', children: []}
  title.data = {hProperties: {className: ['callout-title']}}
  node.children.unshift(title)
}

/** The fences go back as paragraphs of text around what the container held. */
function restoreContainer(node: Container, source: string): RootContent[] {
  const position = node.position
  const children = node.children.filter((child) => !(child.data && 'directiveLabel' in child.data))
  if (position?.start.offset === undefined || position.end.offset === undefined) return children
  const openingEnd = lineEnd(source, position.start.offset)
  const result: RootContent[] = [
    paragraphOf({type: 'text', value: source.slice(position.start.offset, openingEnd)}),
    ...children
  ]
  const closingStart = source.lastIndexOf('\n', position.end.offset - 1) + 1
  if (closingStart > openingEnd && closingLine.test(source.slice(closingStart, position.end.offset).trim())) {
    result.push(paragraphOf({type: 'text', value: source.slice(closingStart, position.end.offset).trim()}))
  }
  return result
}

/**
 * Finds `::: tip Title` … `:::` written as paragraphs (with or without blank lines between) and makes
 * them the container nodes the generic syntax would have given.
 */
function groupPlainContainers(tree: Root, file: VFile) {
  visit(tree, (node) => {
    if (!('children' in node)) return
    const parent = node as Parent
    for (let index = 0; index < parent.children.length; index++) {
      const container = plainContainerAt(parent, index, file)
      if (container) parent.children.splice(index, container.count, container.node as never)
    }
  })
}

function plainContainerAt(parent: Parent, index: number, file: VFile): {node: Container; count: number} | undefined {
  const opening = parent.children[index]
  if (opening?.type !== 'paragraph') return undefined
  const [firstLine, rest] = splitFirstLine(opening.children)
  const match = firstLine?.every((child) => child.type === 'text')
    ? openingLine.exec(firstLine.map((child) => (child as Text).value).join(''))
    : null
  if (!match) return undefined
  const name = match[1]!
  if (!calloutKinds[name]) {
    warn(
      file,
      `Unknown container \`::: ${name}\` (known: ${Object.keys(calloutKinds).join(', ')}): kept as text`,
      opening.position?.start,
      'container-unknown'
    )
    return undefined
  }
  const body: RootContent[] = rest.length > 0 ? [{type: 'paragraph', children: rest}] : []
  for (let end = index; end < parent.children.length; end++) {
    const candidate = end === index ? (body[0] as Paragraph | undefined) : parent.children[end]
    const closed = candidate?.type === 'paragraph' ? withoutClosingLine(candidate) : undefined
    if (end > index && !closed) body.push(candidate as RootContent)
    if (!closed) continue
    if (end === index) body.length = 0
    if (closed.children.length > 0) body.push(closed)
    const label: Paragraph[] = match[2]
      ? [
          {
            type: 'paragraph',
            data: {directiveLabel: true},
            children: [{type: 'text', value: match[2].trim()}]
          } as Paragraph
        ]
      : []
    const node = {
      type: 'containerDirective',
      name,
      attributes: {},
      children: [...label, ...body],
      position: spanOf(opening, parent.children[end]!)
    } as Container
    return {node, count: end - index + 1}
  }
  warn(
    file,
    `Container \`::: ${name}\` is never closed (a line \`:::\` ends it): kept as text`,
    opening.position?.start,
    'container-unclosed'
  )
  return undefined
}

/** The paragraph without its last line when that line is `:::`; undefined when it is not. */
function withoutClosingLine(paragraph: Paragraph): Paragraph | undefined {
  const last = paragraph.children.at(-1)
  if (last?.type !== 'text') return undefined
  const cut = last.value.lastIndexOf('\n')
  if (!closingLine.test(last.value.slice(cut + 1))) return undefined
  if (cut < 0 && paragraph.children.length > 1) return undefined
  const children = [
    ...paragraph.children.slice(0, -1),
    ...(cut > 0 ? [{...last, value: last.value.slice(0, cut)}] : [])
  ]
  return {...paragraph, children}
}

function splitFirstLine(children: PhrasingContent[]): [PhrasingContent[], PhrasingContent[]] {
  for (const [index, child] of children.entries()) {
    if (child.type !== 'text' || !child.value.includes('\n')) continue
    const cut = child.value.indexOf('\n')
    const after: PhrasingContent[] =
      cut + 1 < child.value.length ? [{type: 'text', value: child.value.slice(cut + 1)}] : []
    return [
      [...children.slice(0, index), {type: 'text', value: child.value.slice(0, cut)}],
      [...after, ...children.slice(index + 1)]
    ]
  }
  return [children, []]
}

function spanOf(first: Node, last: Node): Position | undefined {
  return first.position && last.position ? {start: first.position.start, end: last.position.end} : undefined
}

function paragraphOf(text: Text): Paragraph {
  return {type: 'paragraph', children: [text], position: text.position}
}

function lineEnd(source: string, from: number): number {
  const end = source.indexOf('\n', from)
  return end < 0 ? source.length : end
}
