import path from 'node:path'
import {VFile} from 'vfile'
import {loadBrand} from '../../src/brand/brand.js'
import {collectionSchema, type CollectionInput} from '../../src/manuscript/collection.js'
import {directionOf} from '../../src/manuscript/meta.js'
import {manuscriptAt, readManuscript} from '../../src/manuscript/read.js'
import type {Collection, Document} from '../../src/model/types.js'
import {createDocument} from '../../src/pipeline/create-document.js'

export const projectRoot = path.resolve(import.meta.dirname, '../..')
export const corpus = path.join(projectRoot, 'tests/fixtures/corpus')
/** The seed and two corpus papers: a collection of three, with notes, sections and a contents page. */
export const threePapers = [
  path.join(projectRoot, 'manuscript/russia-dprk-partnership/index.md'),
  path.join(corpus, 'water-security-policy/index.md'),
  path.join(corpus, 'translated-essay-deterrence/index.md')
]

/**
 * A collection read from papers given as paths to their `.md` files, without a yaml on disk: what a writer
 * is given. `meta` as a `collection.yaml` would hold it (its `papers` are ignored).
 */
export async function collectionOf(
  meta: Omit<CollectionInput, 'papers'>,
  papers: string[] = threePapers,
  folder = path.join(projectRoot, 'tests/fixtures/collections/three')
): Promise<Collection> {
  const brand = await loadBrand(path.join(projectRoot, 'templates/hammurabi'), path.join(projectRoot, 'fonts'))
  const {papers: _, ...parsed} = collectionSchema.parse({...meta, papers: papers})
  const documents: Document[] = []
  for (const paper of papers) {
    const manuscript = manuscriptAt(paper)
    const file = await readManuscript(manuscript, projectRoot)
    const document = await createDocument(manuscript, file, brand.data.labels)
    if (!document) throw new Error(`${paper}: ${file.messages.join('\n')}`)
    documents.push(document)
  }
  const yaml = path.join(folder, 'collection.yaml')
  return {
    slug: path.basename(folder),
    path: yaml,
    folder,
    meta: parsed,
    dir: directionOf(parsed.lang),
    papers: documents,
    file: new VFile({path: path.relative(projectRoot, yaml)})
  }
}

/** The journal issue the collection tests print. */
export const journalIssue: Omit<CollectionInput, 'papers'> = {
  title: 'قضايا الأمن الإقليمي',
  subtitle: 'أوراق مختارة',
  series: 'مجلة حمورابي',
  volume: 3,
  number: 12,
  date: '2025-12-01',
  editors: [{name: 'علي حسين', role: 'رئيس التحرير'}, 'سارة كاظم']
}
