import type {Root} from 'hast'
import {VFile} from 'vfile'
import type {Document} from '../model/types.js'
import {directionOf} from '../manuscript/meta.js'
import type {Manuscript} from '../manuscript/read.js'
import {hasErrors} from '../core/messages.js'
import {idsOf} from './plugins/rehype-check-links.js'
import {collectHeadings, extractNotes, parseFragment, parseManuscript, toHast, type Labels} from './processor.js'

/** From four sections up, a paper gets a contents page unless the front matter says otherwise. */
const automaticContentsFrom = 4

/**
 * Reads a manuscript into the document model. Returns the document, or undefined when the file has errors
 * (they are on `file.messages`, with their places).
 */
export async function createDocument(
  manuscript: Manuscript,
  file: VFile,
  labels: Labels
): Promise<Document | undefined> {
  if (hasErrors(file)) return undefined
  const mdast = await parseManuscript(file)
  const meta = file.data.meta
  if (!meta || hasErrors(file)) return undefined

  const body = await toHast(mdast, file, {meta, folder: manuscript.folder, labels})
  const notes = extractNotes(body)
  const headings = collectHeadings(body)

  let abstract: Root | undefined
  const assets = [...(file.data.assets ?? [])]
  if (meta.abstract) {
    // The abstract's messages belong to the manuscript: copy them over with the manuscript's path.
    const fragment = new VFile({path: file.path, value: meta.abstract})
    abstract = await toHast(await parseFragment(fragment), fragment, {
      meta,
      folder: manuscript.folder,
      labels,
      idPrefix: 'abstract-',
      otherIds: idsOf(body)
    })
    for (const message of fragment.messages) file.messages.push(message)
    // Its images are shown, and read, like the body's.
    assets.push(...(fragment.data.assets ?? []).filter((asset) => !assets.some((known) => known.src === asset.src)))
    extractNotes(abstract)
  }
  if (hasErrors(file)) return undefined

  const sections = headings.filter((heading) => heading.depth === 2).length
  return {
    slug: manuscript.slug,
    path: manuscript.path,
    folder: manuscript.folder,
    meta,
    dir: directionOf(meta.lang),
    body,
    abstract,
    headings,
    notes,
    assets,
    toc: meta.toc ?? sections >= automaticContentsFrom,
    file
  }
}
