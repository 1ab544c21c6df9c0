import path from 'node:path'
import * as pagefind from 'pagefind'
import {writeAtomically, writeFolderAtomically} from '../../run/write.js'
import {indexedRecord} from './record.js'
import {searchScript} from './script.js'
import type {SearchRecord} from './types.js'

/**
 * Pagefind's files the search page does not use: its ready-made interfaces (this page draws its own, in
 * the brand and right to left) and its highlighting script.
 */
const unused = ['pagefind-ui.', 'pagefind-modular-ui.', 'pagefind-component-ui.', 'pagefind-highlight.']

/** Writes the static index under `<site>/pagefind/` and the search script `<site>/assets/search.js`. */
export async function writeSearchIndex(siteFolder: string, records: SearchRecord[]): Promise<void> {
  const files = await indexFiles(records)
  await writeFolderAtomically(path.join(siteFolder, 'pagefind'), files)
  await writeAtomically(path.join(siteFolder, 'assets', 'search.js'), searchScript())
}

/**
 * The index's files, built in memory by Pagefind's service (its binary, from the npm package of the
 * platform) and in the order of the records' addresses, so that the same records give the same bytes.
 */
export async function indexFiles(records: SearchRecord[]): Promise<Map<string, Uint8Array>> {
  try {
    const created = await pagefind.createIndex({forceLanguage: 'ar'}).catch((error: Error) => {
      throw new Error(
        `Pagefind's indexer would not run (${error.message}): it comes with \`npm install\`, as the package ` +
          `@pagefind/${process.platform}-${process.arch}; reinstall, or set PAGEFIND_BINARY_PATH to a pagefind binary`,
        {cause: error}
      )
    })
    const index = created.index
    if (!index) throw new Error(`Pagefind could not create an index: ${created.errors.join('; ')}`)
    const sorted = [...records].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    for (const record of sorted) {
      const added = await index.addCustomRecord(indexedRecord(record))
      if (added.errors.length > 0) throw new Error(`Pagefind refused ${record.url}: ${added.errors.join('; ')}`)
    }
    const written = await index.getFiles()
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`)
    return new Map(
      written.files
        .filter((file) => !unused.some((prefix) => path.basename(file.path).startsWith(prefix)))
        .map((file) => [file.path, file.content])
    )
  } finally {
    // Pagefind's service is a child process: left running, it would keep `press site` from exiting.
    await pagefind.close()
  }
}
