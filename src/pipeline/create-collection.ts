import type {VFile} from 'vfile'
import {fail, hasErrors} from '../core/messages.js'
import type {CollectionRead, CollectionSource} from '../manuscript/collection.js'
import {directionOf} from '../manuscript/meta.js'
import {readManuscript} from '../manuscript/read.js'
import type {Collection, Document} from '../model/types.js'
import {createDocument} from './create-document.js'
import type {Labels} from './processor.js'

/**
 * Reads every paper of a collection into its document. A paper with errors keeps them on its own file
 * (`read.file.data.papers`), and the collection gets one error at the paper's list item; the collection is
 * then not made (undefined), nor when its yaml has an error.
 */
export async function createCollection(
  source: CollectionSource,
  read: CollectionRead,
  labels: Labels,
  cwd = process.cwd()
): Promise<Collection | undefined> {
  const files: VFile[] = []
  read.file.data.papers = files
  const {meta} = read
  if (!meta || hasErrors(read.file)) return undefined
  const papers: Document[] = []
  for (const [index, manuscript] of read.papers.entries()) {
    const file = await readManuscript(manuscript, cwd)
    files.push(file)
    const document = await createDocument(manuscript, file, labels)
    if (document) papers.push(document)
    else
      fail(
        read.file,
        `Paper \`${file.path}\` has errors (reported at its own lines): the collection is not built`,
        read.places[index],
        'collection-paper-error'
      )
  }
  if (hasErrors(read.file)) return undefined
  return {
    slug: source.slug,
    path: source.path,
    folder: source.folder,
    meta,
    dir: directionOf(meta.lang),
    papers,
    file: read.file
  }
}
