import type {Nodes, PhrasingContent, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {warn} from '../core/messages.js'
import type {DocxParagraphInfo} from './docx-info.js'

/** An author as the front matter writes one. */
export interface ImportedAuthor {
  name: string
  role?: string
}

/** The front matter found in a Word document, in the keys of the manuscript schema (`src/manuscript/meta.ts`). */
export interface ImportedMeta {
  title?: string
  subtitle?: string
  series?: string
  authors?: ImportedAuthor[]
  date?: string
  keywords?: string[]
  numbering?: 'ordinal' | 'decimal'
  digits?: 'arabic-indic'
  toc?: true
  abstract?: string
}

declare module 'vfile' {
  interface DataMap {
    /** What the recognition of the centre's layout filled in so far. */
    importedMeta: ImportedMeta
  }
}

export function infoOf(node: Nodes): DocxParagraphInfo | undefined {
  return node.data?.docx
}

export function wordsOf(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean)
}

/**
 * Where a block is, for a message: a .docx has no lines, so its paragraph number and first words, as
 * the reader names paragraphs («paragraph 12 («أولاً: خلفية تاريخية للعلاقات الروسية-الكورية…»)»).
 */
export function placeOf(node: Nodes): string {
  const words = wordsOf(toString(node))
  const start = words.slice(0, 5).join(' ') + (words.length > 5 ? '…' : '')
  const paragraph = infoOf(node)?.paragraph
  return `${paragraph === undefined ? 'block' : `paragraph ${paragraph}`} («${start}»)`
}

/** A guess or a drop, reported where it happened. */
export function note(file: VFile, node: Nodes | undefined, reason: string, ruleId: string): VFileMessage {
  return warn(file, node ? `${placeOf(node)}: ${reason}` : reason, undefined, ruleId)
}

/** The front matter found so far, created on first use. */
export function importedMeta(file: VFile): ImportedMeta {
  return (file.data.importedMeta ??= {})
}

/** Whether a paragraph is bold throughout: the reader says so, or every run of it is strong. */
export function isBold(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false
  if (infoOf(node)?.bold) return true
  const visible = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  return visible.length > 0 && visible.every((child) => child.type === 'strong')
}

/**
 * Remove `count` characters from the start of some phrasing content, through the first children
 * (a typed number may sit inside the bold run that opens a heading), then the white space after them.
 */
export function dropLeadingCharacters(children: PhrasingContent[], count: number): void {
  let left = count
  while (children.length > 0) {
    const first = children[0]!
    if (first.type === 'text') {
      const length = Math.min(left, first.value.length)
      first.value = first.value.slice(length)
      left -= length
      if (left === 0) first.value = first.value.trimStart()
      if (first.value === '') children.shift()
      else if (left === 0) return
    } else if ('children' in first && left > 0) {
      const before = toString(first).length
      dropLeadingCharacters(first.children as PhrasingContent[], left)
      left -= before - toString(first).length
      if (first.children.length === 0) children.shift()
      else if (left === 0) return
    } else return
  }
}

/** Remove a trailing colon (and the space before it) from some phrasing content: «الخاتمة:» → «الخاتمة». */
export function dropTrailingColon(children: PhrasingContent[]): void {
  const last = children.at(-1)
  if (!last) return
  if (last.type === 'text') {
    last.value = last.value.replace(/\s*[:：]\s*$/u, '')
    if (last.value === '') {
      children.pop()
      dropTrailingColon(children)
    }
  } else if ('children' in last) {
    dropTrailingColon(last.children as PhrasingContent[])
    if (last.children.length === 0) children.pop()
  }
}
