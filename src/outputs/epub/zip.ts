import {crc32, deflateRawSync} from 'node:zlib'

export interface ZipEntry {
  name: string
  data: Uint8Array
}

/** Compressed already (WOFF and WOFF2 fonts): deflating them again costs time and saves nothing. */
const compressedAlready = /\.woff2?$/i

/**
 * A zip archive as an EPUB's container wants it: `mimetype` first, stored, with no extra field; every
 * other entry deflated by Node's zlib, or stored where that would not make it smaller. Each entry carries
 * `date` (read in UTC), so the archive depends on its contents alone.
 */
export function zipArchive(entries: ZipEntry[], given: Date): Uint8Array {
  // A zip's dates run from 1980 to 2107: a date outside (SOURCE_DATE_EPOCH=0, say) is held at the nearest end.
  const date = new Date(Math.min(Math.max(given.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31, 23, 59, 58)))
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1)
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const deflated =
      entry.name === 'mimetype' || compressedAlready.test(entry.name)
        ? undefined
        : deflateRawSync(entry.data, {level: 9})
    const deflate = deflated !== undefined && deflated.length < entry.data.length
    const stored = deflate ? deflated : entry.data
    const fields: EntryFields = {
      version: deflate ? 20 : 10,
      // Bit 11: the name is UTF-8.
      flags: /[^\x20-\x7e]/.test(entry.name) ? 0x0800 : 0,
      method: deflate ? 8 : 0,
      time,
      day,
      crc: crc32(entry.data),
      compressedSize: stored.length,
      size: entry.data.length,
      nameLength: name.length
    }

    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    writeEntryFields(local, 4, fields)
    // Then an extra field's length: none.
    locals.push(local, name, stored)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    // Made by: version 2.0.
    central.writeUInt16LE(20, 4)
    writeEntryFields(central, 6, fields)
    // Then extra field, comment, disk, internal and external attributes: none; and where the entry starts.
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)

    offset += local.length + name.length + stored.length
  }
  const directorySize = centrals.reduce((total, part) => total + part.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directorySize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, ...centrals, end])
}

interface EntryFields {
  version: number
  flags: number
  method: number
  time: number
  day: number
  crc: number
  compressedSize: number
  size: number
  nameLength: number
}

/** The run of fields an entry's local header and its central directory record share, in this order. */
function writeEntryFields(header: Buffer, at: number, fields: EntryFields): void {
  let position = at
  for (const [value, bytes] of [
    [fields.version, 2],
    [fields.flags, 2],
    [fields.method, 2],
    [fields.time, 2],
    [fields.day, 2],
    [fields.crc, 4],
    [fields.compressedSize, 4],
    [fields.size, 4],
    [fields.nameLength, 2]
  ] as const) {
    if (bytes === 2) header.writeUInt16LE(value, position)
    else header.writeUInt32LE(value, position)
    position += bytes
  }
}
