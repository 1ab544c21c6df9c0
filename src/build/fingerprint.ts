import {createHash} from 'node:crypto'
import {readdir, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import type {Manuscript} from '../manuscript/read.js'

/**
 * What an output is made of, as one hash: if none of it changed, neither would the output.
 * Reading and hashing a paper's files takes a millisecond; building it takes a second.
 */
export async function hashFiles(files: string[], root: string): Promise<string> {
  const hash = createHash('sha256')
  for (const file of [...files].sort()) {
    const bytes = await readFile(file).catch(() => undefined)
    hash.update(path.relative(root, file)).update('\0').update(bytes ? createHash('sha256').update(bytes).digest('hex') : 'missing').update('\0')
  }
  return hash.digest('hex')
}

export async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, {withFileTypes: true, recursive: true}).catch(() => [])
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath ?? (entry as unknown as {path: string}).path, entry.name))
}

/**
 * A manuscript's own inputs: a manuscript in a folder of its own is that folder (its text and images);
 * a single `.md` among others is the file and the images it names.
 */
export async function manuscriptInputs(manuscript: Manuscript): Promise<string[]> {
  if (path.basename(manuscript.path) === 'index.md') return filesUnder(manuscript.folder)
  const text = await readFile(manuscript.path, 'utf8').catch(() => '')
  const named = [...text.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)|<img[^>]*\ssrc=["']([^"']+)/g)]
    .map((match) => match[1] ?? match[2] ?? '')
    .filter((src) => src && !/^[a-z][a-z\d+.-]*:/i.test(src))
    .map((src) => path.resolve(manuscript.folder, decodeURIComponent(src.split(/[?#]/)[0]!)))
  return [manuscript.path, ...named]
}

export async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined
}
