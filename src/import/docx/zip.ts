import {fromBuffer, type Entry, type ZipFile} from 'yauzl'

/** Bounds on what a Word file may unpack to: a zip bomb or a huge embedded file stops here, early. */
export interface ZipLimits {
  /** Entries in the archive. */
  entries: number
  /** Bytes one entry may unpack to. */
  entryBytes: number
  /** Bytes all entries together may unpack to. */
  totalBytes: number
  /** Unpacked over packed size, above which an entry larger than a megabyte is taken for a bomb. */
  ratio: number
}

export const defaultZipLimits: Readonly<ZipLimits> = {
  entries: 5000,
  entryBytes: 64 * 1024 * 1024,
  totalBytes: 256 * 1024 * 1024,
  ratio: 200
}

/** A Word file this reader refuses, with a reason a person can act on. */
export class DocxError extends Error {
  constructor(
    message: string,
    readonly ruleId: string
  ) {
    super(message)
    this.name = 'DocxError'
  }
}

/**
 * The archive's entries by name. Names are only ever keys here: nothing is written under them. yauzl
 * itself refuses absolute names, `..` segments and sizes that differ from what the directory declares.
 */
export async function readZip(
  bytes: Uint8Array,
  limits: Readonly<ZipLimits> = defaultZipLimits
): Promise<Map<string, Buffer>> {
  const zip = await open(bytes)
  try {
    if (zip.entryCount > limits.entries) {
      throw new DocxError(
        `the archive holds ${zip.entryCount} entries, more than the ${limits.entries} a Word file may have`,
        'docx-too-large'
      )
    }
    return await readEntries(zip, limits)
  } finally {
    zip.close()
  }
}

function open(bytes: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      {lazyEntries: true, strictFileNames: true},
      (error, zip) => {
        if (error) reject(new DocxError(`not a Word file (a .docx is a zip archive): ${error.message}`, 'docx-not-zip'))
        else resolve(zip)
      }
    )
  })
}

function readEntries(zip: ZipFile, limits: Readonly<ZipLimits>): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>()
  let total = 0
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close()
      reject(error instanceof DocxError ? error : damaged(error as Error))
    }
    zip.on('error', fail)
    zip.on('end', () => resolve(entries))
    zip.on('entry', (entry: Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry()
      const refused = refusal(entry, total, limits)
      if (refused) return fail(refused)
      total += entry.uncompressedSize
      readEntry(zip, entry).then((data) => {
        entries.set(entry.fileName, data)
        zip.readEntry()
      }, fail)
    })
    zip.readEntry()
  })
}

/** yauzl's own checks: a name leading out of the archive gets a message of its own. */
function damaged(error: Error): DocxError {
  if (/^(invalid relative path|absolute path|invalid characters in fileName)/.test(error.message)) {
    return new DocxError(
      `an entry's name leads outside the archive (${error.message}): refused, nothing is unpacked`,
      'docx-unsafe-name'
    )
  }
  return new DocxError(`the archive is damaged: ${error.message}`, 'docx-damaged')
}

function refusal(entry: Entry, total: number, limits: Readonly<ZipLimits>): DocxError | undefined {
  const size = entry.uncompressedSize
  const name = `\`${entry.fileName}\``
  if (size > limits.entryBytes) {
    return new DocxError(
      `${name} unpacks to ${megabytes(size)}, more than the ${megabytes(limits.entryBytes)} one part may have`,
      'docx-too-large'
    )
  }
  if (total + size > limits.totalBytes) {
    return new DocxError(`the archive unpacks to more than ${megabytes(limits.totalBytes)}`, 'docx-too-large')
  }
  if (size > 1024 * 1024 && size > entry.compressedSize * limits.ratio) {
    return new DocxError(
      `${name} unpacks to ${Math.round(size / Math.max(1, entry.compressedSize))} times its packed size: a zip bomb, not a Word file`,
      'docx-zip-bomb'
    )
  }
  return undefined
}

function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error)
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', reject)
      stream.on('end', () => resolve(Buffer.concat(chunks)))
    })
  })
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`
}
