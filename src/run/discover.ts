import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import {type CollectionSource, collectionAt, collectionFileName} from '../manuscript/collection.js'
import {type Manuscript, manuscriptAt} from '../manuscript/read.js'

export class DiscoveryError extends Error {}

/** What a run builds: manuscripts, and collections of them. */
export interface Publications {
  manuscripts: Manuscript[]
  collections: CollectionSource[]
}

/**
 * Manuscripts named by the paths given: a `.md` file, a folder holding `index.md`, or a folder of
 * manuscripts (`<slug>/index.md` and `<slug>.md`), sorted so builds run in a stable order.
 */
export async function discoverManuscripts(paths: string[]): Promise<Manuscript[]> {
  return (await discoverPublications(paths)).manuscripts
}

/**
 * Manuscripts as `discoverManuscripts` finds them, and collections: a folder holding `collection.yaml`
 * (or that file), given or a child of a folder given. A collection's folder is never a manuscript. Every
 * publication's slug names its outputs, so two alike are refused.
 */
export async function discoverPublications(paths: string[]): Promise<Publications> {
  const found = new Map<string, Manuscript | CollectionSource>()
  const add = (file: string) => found.set(file, isCollectionFile(file) ? collectionAt(file) : manuscriptAt(file))
  for (const given of paths) {
    const target = path.resolve(given)
    const info = await stat(target).catch(() => undefined)
    if (!info) throw new DiscoveryError(`${given}: no such file or folder`)
    if (info.isFile()) {
      if (!target.endsWith('.md') && !isCollectionFile(target))
        throw new DiscoveryError(`${given}: a manuscript is a .md file, a collection a ${collectionFileName}`)
      add(target)
      continue
    }
    const own = await publicationIn(target)
    if (own) {
      add(own)
      continue
    }
    const entries = (await readdir(target, {withFileTypes: true})).sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const file = entry.isDirectory()
        ? await publicationIn(path.join(target, entry.name))
        : path.join(target, entry.name)
      if (!file) continue
      if (
        entry.isDirectory() ||
        (file.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md' && (await isFile(file)))
      )
        add(file)
    }
  }
  checkSlugs([...found.values()])
  const publications = [...found.entries()]
  return {
    manuscripts: publications.filter(([file]) => !isCollectionFile(file)).map(([, found]) => found),
    collections: publications.filter(([file]) => isCollectionFile(file)).map(([, found]) => found)
  }
}

/** The file that makes a folder a publication: its `collection.yaml`, else its `index.md`. */
async function publicationIn(folder: string): Promise<string | undefined> {
  for (const name of [collectionFileName, 'index.md']) {
    const file = path.join(folder, name)
    if (await isFile(file)) return file
  }
  return undefined
}

function isCollectionFile(file: string): boolean {
  return path.basename(file) === collectionFileName
}

function checkSlugs(publications: Array<Manuscript | CollectionSource>): void {
  const slugs = new Map<string, string>()
  for (const publication of publications) {
    const other = slugs.get(publication.slug)
    if (other)
      throw new DiscoveryError(
        `${other} and ${publication.path} would both be built as \`${publication.slug}\`: rename one`
      )
    slugs.set(publication.slug, publication.path)
  }
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false
}
