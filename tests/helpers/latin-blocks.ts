import {readFileSync} from 'node:fs'
import type {Nodes as MdastNodes, Parent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {VFile} from 'vfile'
import {directionOf} from '../../src/manuscript/meta.js'
import {parseManuscript} from '../../src/pipeline/processor.js'
import {words} from './text-measure.js'

const latin = /\p{Script=Latin}/u
const arabic = /\p{Script=Arabic}/u

export interface LeftToRight {
  /** The publication's direction, from its `lang`. */
  direction: 'rtl' | 'ltr'
  /** The blocks that read left to right, each as its words. */
  blocks: string[][]
}

/**
 * The blocks of a manuscript that read left to right, as the project parses its Markdown: code blocks,
 * and paragraphs, headings and table cells written in Latin letters with no Arabic letter (raw HTML tags
 * are markup, not letters). In a right-to-left publication each must be set left to right, or its words
 * come back from a PDF in the wrong order.
 */
export async function leftToRightBlocks(manuscriptPath: string): Promise<LeftToRight> {
  const file = new VFile({path: manuscriptPath, value: readFileSync(manuscriptPath, 'utf8')})
  const tree = await parseManuscript(file)
  return {direction: directionOf(file.data.meta?.lang ?? 'ar'), blocks: collect(tree, undefined)}
}

/** A paragraph right after a table that starts with `:` is the table's caption, printed after an Arabic label. */
function isTableCaption(node: MdastNodes, previous: MdastNodes | undefined): boolean {
  return node.type === 'paragraph' && previous?.type === 'table' && toString(node).startsWith(':')
}

function collect(node: MdastNodes, previous: MdastNodes | undefined): string[][] {
  if (node.type === 'code') return [words(node.value)]
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    const text = toString(node, {includeHtml: false})
    return latin.test(text) && !arabic.test(text) && !isTableCaption(node, previous) ? [words(text)] : []
  }
  const children = 'children' in node ? (node as Parent).children : []
  return children.flatMap((child, index) => collect(child, children[index - 1]))
}
