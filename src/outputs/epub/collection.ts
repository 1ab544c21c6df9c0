// PLACEHOLDER written by coll-print so that renderCollection compiles: coll-epub owns this file (seam 2).
// The merger takes coll-epub's version and drops this one.
import type {Brand} from '../../brand/brand.js'
import type {Collection} from '../../model/types.js'
import type {EpubOptions} from './epub.js'

export async function writeCollectionEpub(
  _collection: Collection,
  _brand: Brand,
  _options: EpubOptions
): Promise<Uint8Array> {
  throw new Error('The collection e-book is not written yet (placeholder: coll-epub writes it)')
}
