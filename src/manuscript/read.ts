import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {fail} from '../core/messages.js'

/** Larger than any paper; large enough to make the browser work for minutes. */
export const maximumBytes = 4 * 2 ** 20

export interface Manuscript {
  /** The name outputs are called by: the folder of `<slug>/index.md`, or the file name of `<slug>.md`. */
  slug: string
  /** The Markdown file. */
  path: string
  /** The folder its images are resolved in. */
  folder: string
}

export function manuscriptAt(filePath: string): Manuscript {
  const absolute = path.resolve(filePath)
  const base = path.basename(absolute, path.extname(absolute))
  const folder = path.dirname(absolute)
  return {slug: base === 'index' ? path.basename(folder) : base, path: absolute, folder}
}

/**
 * The manuscript's text as a vfile. A byte-order mark is dropped (editors on Windows add one) and invalid
 * UTF-8 is an error rather than a page of replacement characters.
 */
export async function readManuscript(manuscript: Manuscript, cwd = process.cwd()): Promise<VFile> {
  const bytes = await readFile(manuscript.path)
  const file = new VFile({path: path.relative(cwd, manuscript.path) || manuscript.path, cwd})
  if (bytes.length > maximumBytes) {
    fail(
      file,
      `The manuscript is ${(bytes.length / 2 ** 20).toFixed(1)} MB: manuscripts over ${maximumBytes / 2 ** 20} MB are refused (a paper of a hundred pages is about 300 KB); split it into several`,
      {line: 1, column: 1},
      'size'
    )
    file.value = ''
    return file
  }
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    const before = new TextDecoder().decode(bytes.subarray(0, nul)).split('\n')
    fail(
      file,
      'The file contains a NUL byte: it is not a text file, or was damaged (save it again as UTF-8 text)',
      {line: before.length, column: before.at(-1)!.length + 1},
      'encoding'
    )
    file.value = ''
    return file
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false}).decode(bytes)
  } catch {
    const offset = firstInvalidUtf8(bytes)
    const before = new TextDecoder().decode(bytes.subarray(0, offset))
    const lines = before.split('\n')
    fail(
      file,
      'The file is not valid UTF-8: save it as UTF-8 text',
      {line: lines.length, column: lines.at(-1)!.length + 1},
      'encoding'
    )
    file.value = ''
    return file
  }
  file.value = text
  return file
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', {fatal: true})
  let low = 0
  let high = bytes.length
  // The longest valid prefix, by halving (decoding is linear, so this stays cheap on large files).
  while (high - low > 4) {
    const middle = (low + high) >> 1
    try {
      // Streaming: a character cut in two at `middle` is not an error, a wrong byte before it is.
      decoder.decode(bytes.subarray(0, middle), {stream: true})
      low = middle
    } catch {
      high = middle
    }
    try {
      decoder.decode()
    } catch {
      // The cut character, flushed: nothing to learn from it.
    }
  }
  return low
}
