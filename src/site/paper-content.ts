import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {Element} from 'hast'
import {outputPath} from '../config/formats.js'
import type {Manuscript} from '../manuscript/read.js'
import type {Meta} from '../manuscript/meta.js'
import {readCache} from '../run/cache.js'
import {writeAtomically} from '../run/write.js'

/**
 * What the site shows of a paper: its metadata and the web edition's parts, as plain data. Made from the
 * document, or read back from the site's cache while the build's web edition of the paper is up to date,
 * so that an unchanged paper costs the site no run of the pipeline.
 */
export interface PaperContent {
  slug: string
  meta: Meta
  dir: 'rtl' | 'ltr'
  /** The abstract as plain text ('' without one). */
  abstractText: string
  titlePage: Element
  abstract?: Element | undefined
  contents?: Element | undefined
  /** The text and its notes, as the web edition has them (tables that scroll, boxed notes as notes). */
  text: Element
  /** The images it shows: `src` as written, and the file relative to the manuscript's folder. */
  assets: Array<{src: string; file: string}>
  /** The whole text, plain, for search. */
  fullText: string
}

interface Kept {
  /** The build's record of the paper's web edition when this was made. */
  inputs: string
  content: PaperContent
}

function keptFile(buildFolder: string, slug: string): string {
  return path.join(buildFolder, '.cache', 'site', `${slug}.json`)
}

/**
 * Each manuscript's content: kept from an earlier run while the build's record of its web edition is the
 * same (same text, images, template, fonts, options and code), else made by `make` and kept.
 */
export async function paperContents(
  buildFolder: string,
  manuscripts: readonly Manuscript[],
  make: (manuscript: Manuscript) => Promise<PaperContent | undefined>
): Promise<{contents: PaperContent[]; reused: number}> {
  const cache = await readCache(buildFolder)
  const contents: PaperContent[] = []
  let reused = 0
  for (const manuscript of manuscripts) {
    const inputs = cache[outputPath(manuscript.slug, 'html')]?.inputs
    const file = keptFile(buildFolder, manuscript.slug)
    const kept = await readFile(file, 'utf8')
      .then((text) => JSON.parse(text) as Kept)
      .catch(() => undefined)
    if (inputs && kept?.inputs === inputs && kept.content.slug === manuscript.slug) {
      contents.push(kept.content)
      reused++
      continue
    }
    const content = await make(manuscript)
    if (!content) continue
    contents.push(content)
    if (inputs) await writeAtomically(file, JSON.stringify({inputs, content} satisfies Kept))
  }
  return {contents, reused}
}
