import path from 'node:path'
import type {FootnoteDefinition} from 'mdast'
import type {VFile} from 'vfile'
import {warn} from '../../core/messages.js'
import type {Numbering} from './numbering.js'
import type {Styles} from './styles.js'
import {firstWords} from './text.js'
import {elements, type XmlElement} from './xml.js'

export interface Relationship {
  /** An archive name for an internal target, the address as written for an external one. */
  target: string
  external: boolean
  /** The relationship type's URI (`…/officeDocument`, `…/image`). */
  type?: string
}

/** What the reader of one part (the body, the footnotes, the endnotes) looks things up in. */
export interface Part {
  /** The part's name in the archive (`word/document.xml`): relationship targets resolve against it. */
  name: string
  relationships: Map<string, Relationship>
}

/** Everything one document's reading shares; made afresh for each file. */
export interface Context {
  file: VFile
  entries: Map<string, Buffer>
  styles: Styles
  numbering: Numbering
  /** Footnote and endnote bodies by kind and id, read when first called. */
  notes: {footnote: Map<string, XmlElement>; endnote: Map<string, XmlElement>}
  noteParts: {footnote?: Part; endnote?: Part}
  definitions: FootnoteDefinition[]
  /** Notes called but not read yet: their bodies are read after the text, into their definitions. */
  pendingNotes: {label: string; kind: 'footnote' | 'endnote'; body: XmlElement}[]
  /** Images written beside the manuscript: their name under `media/` → bytes; archive name → that name. */
  media: Map<string, Uint8Array>
  mediaNames: Map<string, string>
  /** The note being read, if any: its paragraphs are named by it in messages. */
  note?: string
  /** The next paragraph's number, counting every `w:p` of the body, in tables and text boxes too. */
  paragraphs: number
  /** Word's count of each numbering instance, by level. */
  listCounters: Map<string, (number | undefined)[]>
  /** The format of the numbers Word puts before headings, when it numbers them. */
  headingNumbering?: string
  counts: {tables: number; images: number; notes: number; lists: number; headings: number}
}

/** The paragraph a message is about, named by number and first words: a .docx has no lines to point at. */
export interface Where {
  paragraph: number
  words: string
}

export function report(context: Context, where: Where | undefined, reason: string, ruleId: string): void {
  const note = context.note === undefined ? '' : `note ${context.note}, `
  const place = where
    ? `${note}paragraph ${where.paragraph}${where.words ? ` («${firstWords(where.words)}»)` : ''}: `
    : ''
  warn(context.file, `${place}${reason}`, undefined, ruleId)
}

/** `word/_rels/document.xml.rels` read into targets by id; internal targets made archive names. */
export function readRelationships(root: XmlElement | undefined, partName: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>()
  for (const relationship of elements(root, 'Relationship')) {
    const id = relationship.attributes.Id
    const target = relationship.attributes.Target
    if (id === undefined || target === undefined) continue
    const external = relationship.attributes.TargetMode === 'External'
    relationships.set(id, {
      target: external ? target : archiveName(partName, target),
      external,
      type: relationship.attributes.Type
    })
  }
  return relationships
}

/** A relationship target as an archive key: joined as a POSIX path, never used as a file path. */
export function archiveName(partName: string, target: string): string {
  if (target.startsWith('/')) return path.posix.normalize(target.slice(1))
  return path.posix.normalize(path.posix.join(path.posix.dirname(partName), target))
}

export function relationshipsOf(partName: string): string {
  return path.posix.join(path.posix.dirname(partName), '_rels', `${path.posix.basename(partName)}.rels`)
}
