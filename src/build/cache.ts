import {mkdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {writeAtomically} from './write.js'

/** For each output path (relative to the output folder): the hash of what it was made from. */
export type Cache = Record<string, string>

export function cacheFile(out: string): string {
  return path.join(out, '.cache', 'hammurabi-press.json')
}

export async function readCache(out: string): Promise<Cache> {
  try {
    const data: unknown = JSON.parse(await readFile(cacheFile(out), 'utf8'))
    return data && typeof data === 'object' ? (data as Cache) : {}
  } catch {
    return {}
  }
}

export async function writeCache(out: string, cache: Cache): Promise<void> {
  await mkdir(path.dirname(cacheFile(out)), {recursive: true})
  const sorted = Object.fromEntries(Object.entries(cache).sort(([a], [b]) => (a < b ? -1 : 1)))
  await writeAtomically(cacheFile(out), JSON.stringify(sorted, null, 2) + '\n')
}
