import {createHash} from 'node:crypto'

/** Share K of N of a catalogue. */
export interface Shard {
  /** K: from 1 to `count`. */
  index: number
  /** N. */
  count: number
}

/** `K/N` as written on the command line; undefined when it is not two whole numbers with 1 ≤ K ≤ N. */
export function parseShard(text: string): Shard | undefined {
  const parts = text.split('/')
  if (parts.length !== 2 || parts.some((part) => part.trim() === '')) return undefined
  const [index, count] = parts.map(Number) as [number, number]
  if (!Number.isInteger(index) || !Number.isInteger(count) || index < 1 || index > count) return undefined
  return {index, count}
}

/**
 * The share a slug belongs to, from the slug alone: a paper stays in its share however many others are
 * added or removed, so a CI matrix keeps rebuilding it where its cache is.
 */
export function shardOf(slug: string, count: number): number {
  return (createHash('sha256').update(slug).digest().readUInt32BE(0) % count) + 1
}

export function inShard(slug: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(slug, shard.count) === shard.index
}
