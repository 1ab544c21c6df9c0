import {mkdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {writeAtomically} from './write.js'

/** An output as last built: the hash of what it was made from, and the assets among that. */
export interface CacheRecord {
  inputs: string
  /** The manuscript's files the build read besides its text, relative to the manuscript's folder. */
  assets: string[]
  /** Files written with the output, relative to the output folder (a collection's offprints and listing). */
  outputs?: string[] | undefined
}

/** For each output path (relative to the output folder): its record. */
export type Cache = Record<string, CacheRecord>

export function cacheFile(out: string): string {
  return path.join(out, '.cache', 'hammurabi-press.json')
}

/** The records of the last builds; anything else found there (an older cache's entries) is dropped. */
export async function readCache(out: string): Promise<Cache> {
  try {
    const data: unknown = JSON.parse(await readFile(cacheFile(out), 'utf8'))
    if (!data || typeof data !== 'object') return {}
    return Object.fromEntries(Object.entries(data).filter(([, record]) => isCacheRecord(record))) as Cache
  } catch {
    return {}
  }
}

function isCacheRecord(value: unknown): value is CacheRecord {
  if (!value || typeof value !== 'object') return false
  const {inputs, assets, outputs} = value as Partial<Record<keyof CacheRecord, unknown>>
  const texts = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string')
  return typeof inputs === 'string' && texts(assets) && (outputs === undefined || texts(outputs))
}

export async function writeCache(out: string, cache: Cache): Promise<void> {
  await mkdir(path.dirname(cacheFile(out)), {recursive: true})
  const sorted = Object.fromEntries(Object.entries(cache).sort(([a], [b]) => (a < b ? -1 : 1)))
  await writeAtomically(cacheFile(out), JSON.stringify(sorted, null, 2) + '\n')
}
