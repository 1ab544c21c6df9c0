import path from 'node:path'
import {toString} from 'hast-util-to-string'
import {localizeDigits} from '../arabic/digits.js'
import type {Brand} from '../brand/brand.js'
import {readManuscript, type Manuscript} from '../manuscript/read.js'
import type {Document} from '../model/types.js'
import {webPublication} from '../outputs/html/landmarks.js'
import {composeParts} from '../parts/pages.js'
import {createDocument} from '../pipeline/create-document.js'
import type {PaperContent} from './paper-content.js'
import {searchText} from './search/text.js'

/**
 * A manuscript's content for the site, through the pipeline: this module (and with it the pipeline) is
 * loaded only when a paper is not in the site's cache.
 */
export async function contentOf(manuscript: Manuscript, brand: Brand, cwd: string): Promise<PaperContent | undefined> {
  const document = await createDocument(manuscript, await readManuscript(manuscript, cwd), brand.data.labels)
  return document && paperContent(document, brand)
}

export function paperContent(document: Document, brand: Brand): PaperContent {
  const parts = composeParts(document, brand)
  const web = webPublication(
    parts,
    (number) => `${brand.data.labels.table} ${localizeDigits(String(number), document.meta.digits)}`
  )
  const text = web.find((element) => element.tagName === 'main')!
  const abstractText = document.abstract ? toString(document.abstract).trim() : ''
  return {
    slug: document.slug,
    meta: document.meta,
    dir: document.dir,
    abstractText,
    titlePage: parts.titlePage,
    abstract: parts.abstract,
    contents: parts.contents,
    text: {...text, tagName: 'div', properties: {...text.properties, className: ['paper-text']}},
    assets: document.assets.map((asset) => ({src: asset.src, file: path.relative(document.folder, asset.path)})),
    // Block by block, so that a paragraph's last word and the next one's first stay two words.
    fullText: [
      document.abstract ? searchText(document.abstract) : '',
      searchText(document.body),
      ...document.notes.map((note) => searchText({type: 'root', children: note.content}))
    ]
      .filter(Boolean)
      .join('\n')
  }
}
