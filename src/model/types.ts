import type {ElementContent, Root} from 'hast'
import type {VFile} from 'vfile'
import type {CollectionMeta} from '../manuscript/collection.js'
import type {Meta} from '../manuscript/meta.js'

/** A section heading of the body, as the contents page, the bookmarks and the e-book's nav see it. */
export interface Heading {
  depth: number
  id: string
  /** The heading's words, without its number. */
  text: string
  /** Its number as printed (أولاً, 1.2), if it has one. */
  number?: string | undefined
}

/** An image the manuscript shows: a file inside the manuscript's folder, checked by the pipeline. */
export interface Asset {
  /** The `src` as the manuscript wrote it (and as the document keeps it). */
  src: string
  /** The resolved file. */
  path: string
}

/** A footnote: its number as called in the text, and its content (paragraphs, without the back link). */
export interface Note {
  id: string
  callId: string
  number: number
  content: ElementContent[]
}

/**
 * One manuscript, read once. Every output (PDF, EPUB, HTML) is a writer over this and the brand.
 */
export interface Document {
  slug: string
  /** The manuscript file and its folder. */
  path: string
  folder: string
  meta: Meta
  dir: 'rtl' | 'ltr'
  /** The body: sections, with note calls linking to `#<note.id>`. */
  body: Root
  /** The abstract, rendered from the front matter's Markdown. */
  abstract: Root | undefined
  headings: Heading[]
  notes: Note[]
  assets: Asset[]
  /** Whether the document has a contents page. */
  toc: boolean
  /** Messages: warnings to report (documents with errors are never built). */
  file: VFile
}

/**
 * A journal issue or edited volume: its own front matter and its papers, each a document read on its own
 * (ids, notes and headings as in the paper's own outputs; a writer that puts papers side by side in one
 * page scopes them).
 */
export interface Collection {
  /** The name its outputs are called by: the folder holding `collection.yaml`. */
  slug: string
  /** `collection.yaml` and its folder. */
  path: string
  folder: string
  meta: CollectionMeta
  dir: 'rtl' | 'ltr'
  papers: Document[]
  /** The yaml's messages (a paper's own messages stay on its document's file). */
  file: VFile
}

declare module 'vfile' {
  interface DataMap {
    meta: Meta
    assets: Asset[]
  }
}
