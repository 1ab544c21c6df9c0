import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import {manuscriptAt, type Manuscript} from '../manuscript/read.js'

export class DiscoveryError extends Error {}

/**
 * Manuscripts named by the paths given: a `.md` file, a folder holding `index.md`, or a folder of
 * manuscripts (`<slug>/index.md` and `<slug>.md`), sorted so builds run in a stable order.
 */
export async function discoverManuscripts(paths: string[]): Promise<Manuscript[]> {
  const found = new Map<string, Manuscript>()
  for (const given of paths) {
    const target = path.resolve(given)
    const info = await stat(target).catch(() => undefined)
    if (!info) throw new DiscoveryError(`${given}: no such file or folder`)
    if (info.isFile()) {
      if (!target.endsWith('.md')) throw new DiscoveryError(`${given}: a manuscript is a .md file`)
      found.set(target, manuscriptAt(target))
      continue
    }
    const index = path.join(target, 'index.md')
    if (await isFile(index)) {
      found.set(index, manuscriptAt(index))
      continue
    }
    const entries = (await readdir(target, {withFileTypes: true})).sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const file = entry.isDirectory() ? path.join(target, entry.name, 'index.md') : path.join(target, entry.name)
      if (file.endsWith('.md') && (await isFile(file)) && !/^readme\.md$/i.test(entry.name))
        found.set(file, manuscriptAt(file))
    }
  }
  const manuscripts = [...found.values()]
  const slugs = new Map<string, string>()
  for (const manuscript of manuscripts) {
    const other = slugs.get(manuscript.slug)
    if (other)
      throw new DiscoveryError(
        `${other} and ${manuscript.path} would both be built as \`${manuscript.slug}\`: rename one`
      )
    slugs.set(manuscript.slug, manuscript.path)
  }
  return manuscripts
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false
}
