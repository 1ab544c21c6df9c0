import {createHash} from 'node:crypto'
import path from 'node:path'
import {type Format, outputPath} from '../config/formats.js'
import type {Cache} from './cache.js'
import {exists, hashRecordedAssets} from './fingerprint.js'

/** What the outputs of one run are checked against. */
export interface Freshness {
  cache: Cache
  /** What every output shares: template, fonts, options, code. */
  shared: string
  out: string
  force: boolean
}

/** What one output is made of: what every output shares, the publication's text and the assets it showed. */
export function inputsOf(format: Format, shared: string, text: string, assets: string): string {
  return `${format}:${createHash('sha256').update(shared).update(text).update(assets).digest('hex')}`
}

/**
 * The formats whose output is out of date: made of other inputs than recorded, or missing (itself or a
 * file written with it). `within`: the folders its recorded assets may be in (default: `folder`).
 */
export async function staleFormats(
  freshness: Freshness,
  publication: {slug: string; folder: string},
  formats: readonly Format[],
  text: string,
  within?: readonly string[]
): Promise<Format[]> {
  const {cache, shared, out, force} = freshness
  const stale: Format[] = []
  for (const format of formats) {
    const key = outputPath(publication.slug, format)
    const record = cache[key]
    const assets = record && (await hashRecordedAssets(publication.folder, record.assets, within))
    const fresh =
      record !== undefined &&
      assets !== undefined &&
      record.inputs === inputsOf(format, shared, text, assets) &&
      (await allExist(out, [key, ...(record.outputs ?? [])]))
    if (force || !fresh) stale.push(format)
  }
  return stale
}

async function allExist(out: string, files: readonly string[]): Promise<boolean> {
  for (const file of files) if (!(await exists(path.join(out, file)))) return false
  return true
}
