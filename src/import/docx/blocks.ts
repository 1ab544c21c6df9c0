import type {BlockContent, Heading, List, ListItem, Paragraph, PhrasingContent} from 'mdast'
import type {DocxParagraphInfo} from '../docx-info.js'
import {report, type Context, type Part, type Where} from './context.js'
import {readRuns, type Runs} from './inline.js'
import {isOrdered, letterFormats} from './numbering.js'
import {headingLevel} from './styles.js'
import {readTable} from './table.js'
import {collapseSpaces} from './text.js'
import {element, elements, toggle, value, type XmlElement} from './xml.js'

/** A block, or a paragraph Word numbers, waiting to be grouped into lists. */
type Flat = {node: BlockContent} | {item: Paragraph; numId: string; ilvl: number}

/** The blocks of the body, a table cell, a note or a text box, in order, lists grouped. */
export function readBlocks(container: XmlElement, context: Context, part: Part): BlockContent[] {
  const flat: Flat[] = []
  let pageBreak = false
  const visit = (nodes: XmlElement[]) => {
    for (const node of nodes) {
      if (node.name === 'w:p') pageBreak = readParagraph(node, context, part, pageBreak, flat)
      else if (node.name === 'w:tbl') flat.push(...readTable(node, context, part).map((block) => ({node: block})))
      else if (node.name === 'w:sdt') visit(elements(element(node, 'w:sdtContent')))
      else if (node.name === 'w:customXml' || node.name === 'w:ins' || node.name === 'w:moveTo') visit(elements(node))
    }
  }
  visit(elements(container))
  return groupLists(flat, context)
}

/** Reads one paragraph into `flat`; returns whether the next one starts a new page. */
function readParagraph(paragraph: XmlElement, context: Context, part: Part, pageBreak: boolean, flat: Flat[]): boolean {
  const number = ++context.paragraphs
  const pPr = element(paragraph, 'w:pPr')
  const styleId = value(pPr, 'w:pStyle')
  const style = styleId === undefined ? undefined : context.styles.get(styleId)
  const where: Where = {paragraph: number, words: visibleText(paragraph)}
  const runs = readRuns(paragraph, context, part, where, style)
  reportChanges(runs, context, where)
  const content = trim(runs.content)
  const breakAfter = runs.pageBreak || element(pPr, 'w:sectPr') !== undefined
  const boxes = runs.textBoxes.flatMap((box) => {
    report(
      context,
      where,
      'the text of a text box is placed after this paragraph: check where it belongs',
      'docx-text-box'
    )
    return readBlocks(box, context, part)
  })
  if (content.length === 0) {
    flat.push(...boxes.map((node) => ({node})))
    return pageBreak || breakAfter
  }
  const outline = value(pPr, 'w:outlineLvl')
  const paragraphLevel = outline === undefined ? undefined : Number(outline)
  const info = paragraphInfo(
    number,
    style?.name ?? styleId,
    paragraphLevel ?? style?.outlineLevel,
    runs,
    value(pPr, 'w:jc') ?? style?.align,
    toggle(pPr, 'w:bidi') === true,
    pageBreak || toggle(pPr, 'w:pageBreakBefore') === true
  )
  const numPr = element(pPr, 'w:numPr')
  const numId = value(numPr, 'w:numId') ?? style?.numId
  const level = headingLevel(style, paragraphLevel)
  if (level !== undefined) {
    flat.push({node: heading(level, content, info, context, numId)})
  } else if (numId !== undefined && numId !== '0' && context.numbering.levels.has(numId)) {
    const ilvl = Number(value(numPr, 'w:ilvl') ?? style?.ilvl ?? 0)
    flat.push({item: {type: 'paragraph', children: content, data: {docx: info}}, numId, ilvl})
  } else {
    flat.push({node: {type: 'paragraph', children: content, data: {docx: info}}})
  }
  flat.push(...boxes.map((node) => ({node})))
  return breakAfter
}

function paragraphInfo(
  paragraph: number,
  style: string | undefined,
  outlineLevel: number | undefined,
  runs: Runs,
  jc: string | undefined,
  bidi: boolean,
  pageBreakBefore: boolean
): DocxParagraphInfo {
  const info: DocxParagraphInfo = {paragraph, bold: runs.bold, pageBreakBefore}
  if (style !== undefined) info.style = style
  if (outlineLevel !== undefined && outlineLevel < 9) info.outlineLevel = outlineLevel
  if (runs.size !== undefined) info.size = runs.size
  const align = alignment(jc, bidi)
  if (align) info.align = align
  return info
}

/** `left` and `right` in a right-to-left paragraph are its end and start. */
function alignment(jc: string | undefined, bidi: boolean): DocxParagraphInfo['align'] {
  switch (jc) {
    case 'center':
      return 'center'
    case 'both':
    case 'distribute':
    case 'thaiDistribute':
    case 'lowKashida':
    case 'mediumKashida':
    case 'highKashida':
      return 'both'
    case 'start':
      return 'start'
    case 'end':
      return 'end'
    case 'left':
      return bidi ? 'end' : 'start'
    case 'right':
      return bidi ? 'start' : 'end'
    default:
      return undefined
  }
}

/** A heading one level under the title (Word's Heading 1 is a `##` section); numbering Word adds is noted. */
function heading(
  level: number,
  content: PhrasingContent[],
  info: DocxParagraphInfo,
  context: Context,
  numId: string | undefined
): Heading {
  context.counts.headings++
  if (numId !== undefined && numId !== '0') {
    const format = context.numbering.levels.get(numId)?.get(level)?.format
    if (format && format !== 'none' && format !== 'bullet') context.headingNumbering ??= format
  }
  const only = content.length === 1 ? content[0] : undefined
  const children = only?.type === 'strong' ? only.children : content
  return {type: 'heading', depth: Math.min(level + 2, 6) as Heading['depth'], children, data: {docx: info}}
}

function reportChanges(runs: Runs, context: Context, where: Where): void {
  const {inserted, deleted, comments} = runs.changes
  if (inserted + deleted > 0) {
    report(
      context,
      where,
      `tracked changes accepted (${inserted} insertion${inserted === 1 ? '' : 's'} kept, ${deleted} deletion${deleted === 1 ? '' : 's'} dropped)`,
      'docx-tracked-change'
    )
  }
  if (comments > 0)
    report(context, where, `${comments === 1 ? 'a comment' : `${comments} comments`} dropped`, 'docx-comment')
}

/** The text a reader of the accepted document sees: no deleted text, no field instructions. */
function visibleText(node: XmlElement): string {
  return node.children
    .map((child) =>
      typeof child === 'string'
        ? child
        : ['w:del', 'w:delText', 'w:instrText', 'w:moveFrom'].includes(child.name)
          ? ''
          : visibleText(child)
    )
    .join('')
}

/** Spaces made single and taken off the ends, breaks at the ends dropped. */
function trim(content: PhrasingContent[]): PhrasingContent[] {
  const nodes = content.map((node) => (node.type === 'text' ? {...node, value: collapseSpaces(node.value)} : node))
  while (nodes.length > 0 && isBlank(nodes[0]!)) nodes.shift()
  while (nodes.length > 0 && isBlank(nodes.at(-1)!)) nodes.pop()
  const first = nodes[0]
  if (first?.type === 'text') nodes[0] = {...first, value: first.value.trimStart()}
  const last = nodes.at(-1)
  if (last?.type === 'text') nodes[nodes.length - 1] = {...last, value: last.value.trimEnd()}
  return nodes
}

function isBlank(node: PhrasingContent): boolean {
  return node.type === 'break' || (node.type === 'text' && node.value.trim() === '')
}

/**
 * Numbered paragraphs into nested lists. Word counts per numbering instance across the whole document, so
 * a list that comes back after other paragraphs continues its count (Markdown's `start`), and an instance
 * that overrides its start restarts.
 */
function groupLists(flat: Flat[], context: Context): BlockContent[] {
  const blocks: BlockContent[] = []
  let stack: List[] = []
  for (const entry of flat) {
    if ('node' in entry) {
      blocks.push(entry.node)
      stack = []
      continue
    }
    const number = count(context, entry.numId, entry.ilvl)
    const level = context.numbering.levels.get(entry.numId)?.get(entry.ilvl)
    const ordered = isOrdered(level)
    const depth = Math.min(entry.ilvl, stack.length)
    stack = stack.slice(0, depth + 1)
    let list = stack[depth]
    if (!list || list.ordered !== ordered || list.data?.numId !== entry.numId) {
      list = newList(ordered, number, entry.numId, context, level?.format, entry.item.data?.docx?.paragraph)
      if (depth === 0) blocks.push(list)
      else lastItem(stack[depth - 1]!).children.push(list)
      stack[depth] = list
    }
    list.children.push({type: 'listItem', spread: false, children: [entry.item]})
  }
  return blocks
}

function newList(
  ordered: boolean,
  start: number,
  numId: string,
  context: Context,
  format: string | undefined,
  paragraph: number | undefined
): List {
  context.counts.lists++
  if (format && letterFormats.has(format)) {
    report(
      context,
      paragraph === undefined ? undefined : {paragraph, words: ''},
      `a list numbered in Word with letters (${format}) is numbered with digits in Markdown`,
      'docx-list-format'
    )
  }
  return {type: 'list', ordered, start: ordered ? start : undefined, spread: false, children: [], data: {numId}}
}

function lastItem(list: List): ListItem {
  let item = list.children.at(-1)
  if (!item) {
    item = {type: 'listItem', spread: false, children: []}
    list.children.push(item)
  }
  return item
}

/** The number Word gives this item; deeper levels restart after it. */
function count(context: Context, numId: string, ilvl: number): number {
  const counters = context.listCounters.get(numId) ?? []
  const start = context.numbering.levels.get(numId)?.get(ilvl)?.start ?? 1
  const next = (counters[ilvl] ?? start - 1) + 1
  context.listCounters.set(numId, [
    ...counters.slice(0, ilvl),
    ...Array(Math.max(0, ilvl - counters.length)).fill(undefined),
    next
  ])
  return next
}
