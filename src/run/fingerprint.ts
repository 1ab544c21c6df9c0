import {createHash} from 'node:crypto'
import {readdir, readFile, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import type {Asset} from '../model/types.js'
import type {Manuscript} from '../manuscript/read.js'

/**
 * What an output is made of, as one hash: if none of it changed, neither would the output.
 * Reading and hashing a paper's files takes a millisecond; building it takes a second.
 */
export async function hashFiles(files: string[], root: string): Promise<string> {
  const hash = createHash('sha256')
  for (const file of [...files].sort()) {
    const bytes = await readFile(file).catch(() => undefined)
    hash
      .update(path.relative(root, file))
      .update('\0')
      .update(bytes ? createHash('sha256').update(bytes).digest('hex') : 'missing')
      .update('\0')
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
 * The manuscript's text, hashed before the pipeline reads it: a save made during the build leaves the
 * output out of date rather than recorded as up to date.
 */
export async function hashText(manuscript: Manuscript): Promise<string> {
  return hashFiles([manuscript.path], manuscript.folder)
}

/**
 * The files a build read besides the manuscript's text (its images, as the pipeline found them), kept in
 * the cache with each output: the next build hashes these again without running the pipeline. If the
 * text changed, the list may have too, but then the output is rebuilt and the list recorded anew.
 */
export interface RecordedAssets {
  /** Relative to the manuscript's folder, sorted. */
  files: string[]
  /** Their contents, hashed before the writers read them. */
  hash: string
}

export async function recordAssets(folder: string, assets: readonly Asset[]): Promise<RecordedAssets> {
  // Asset paths are real paths (links resolved): relative to the folder's real path, they stay inside it.
  const real = await realpath(folder)
  const files = [...new Set(assets.map((asset) => path.relative(real, asset.path)))].sort()
  return {
    files,
    hash: await hashFiles(
      files.map((file) => path.join(folder, file)),
      folder
    )
  }
}

/**
 * The assets of every paper of a collection, relative to the collection's folder (papers usually lie
 * outside it: `../paper/pic.png`), hashed before the writers read them.
 */
export async function recordCollectionAssets(collection: {
  folder: string
  papers: ReadonlyArray<{folder: string; assets: readonly Asset[]}>
}): Promise<RecordedAssets> {
  const files = new Set<string>()
  for (const paper of collection.papers) {
    const real = await realpath(paper.folder)
    for (const asset of paper.assets)
      files.add(path.relative(collection.folder, path.join(paper.folder, path.relative(real, asset.path))))
  }
  const sorted = [...files].sort()
  return {
    files: sorted,
    hash: await hashFiles(
      sorted.map((file) => path.join(collection.folder, file)),
      collection.folder
    )
  }
}

/**
 * The hash of the files an earlier build recorded, as they are now; undefined when a recorded path leads
 * out of the manuscript's folder (the cache was edited by hand), so that nothing outside it is read.
 * `within`: the folders the files may be in, when not the folder itself (a collection's, its papers').
 */
export async function hashRecordedAssets(
  folder: string,
  files: readonly string[],
  within: readonly string[] = [folder]
): Promise<string | undefined> {
  const resolved = files.map((file) => path.resolve(folder, file))
  const inside = (file: string, root: string) => {
    const relative = path.relative(root, file)
    return relative !== '' && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative)
  }
  const outside = resolved.some((file) => !within.some((root) => inside(file, root)))
  return outside ? undefined : hashFiles(resolved, folder)
}

export async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined
}
