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
export function zipArchive(entries: ZipEntry[], date: Date): Uint8Array {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1)
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const deflated = entry.name === 'mimetype' || compressedAlready.test(entry.name) ? undefined : deflateRawSync(entry.data, {level: 9})
    const deflate = deflated !== undefined && deflated.length < entry.data.length
    const stored = deflate ? deflated : entry.data
    const fields = {
      version: deflate ? 20 : 10,
      // Bit 11: the name is UTF-8.
      flags: /[^\x20-\x7e]/.test(entry.name) ? 0x0800 : 0,
      method: deflate ? 8 : 0,
      crc: crc32(entry.data),
      compressedSize: stored.length,
      size: entry.data.length
    }

    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(fields.version, 4)
    local.writeUInt16LE(fields.flags, 6)
    local.writeUInt16LE(fields.method, 8)
    local.writeUInt16LE(time, 10)
    local.writeUInt16LE(day, 12)
    local.writeUInt32LE(fields.crc, 14)
    local.writeUInt32LE(fields.compressedSize, 18)
    local.writeUInt32LE(fields.size, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    locals.push(local, name, stored)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(fields.version, 6)
    central.writeUInt16LE(fields.flags, 8)
    central.writeUInt16LE(fields.method, 10)
    central.writeUInt16LE(time, 12)
    central.writeUInt16LE(day, 14)
    central.writeUInt32LE(fields.crc, 16)
    central.writeUInt32LE(fields.compressedSize, 20)
    central.writeUInt32LE(fields.size, 24)
    central.writeUInt16LE(name.length, 28)
    // Extra field, comment, disk, internal and external attributes: none.
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
