import {execFileSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {zipArchive} from '../../src/outputs/epub/zip.js'

/** Python's zipfile, an independent reader: each entry's name, method, date and a CRC check of the whole. */
function readBack(archive: Uint8Array) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'press-zip-')), 'book.epub')
  writeFileSync(file, archive)
  const script = `import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({"bad": z.testzip(), "entries": [[i.filename, i.compress_type, list(i.date_time), len(i.extra), z.read(i).decode("latin-1")] for i in z.infolist()]}))`
  return JSON.parse(execFileSync('python3', ['-c', script, file], {encoding: 'utf8'})) as {
    bad: string | null
    entries: Array<[string, number, number[], number, string]>
  }
}

describe('zipArchive', () => {
  const text = 'نص عربي '.repeat(200)
  const archive = zipArchive(
    [
      {name: 'mimetype', data: Buffer.from('application/epub+zip')},
      {name: 'OEBPS/section-01.xhtml', data: Buffer.from(text)},
      {name: 'OEBPS/fonts/Naskh.woff2', data: Buffer.from('wOF2'.repeat(100))},
      {name: 'OEBPS/images/tiny.svg', data: Buffer.from('<svg/>')}
    ],
    new Date('2024-10-31T13:45:10Z')
  )
  const {bad, entries} = readBack(archive)

  it('writes entries another reader reads back whole, in order', () => {
    expect(bad).toBeNull()
    expect(entries.map(([name]) => name)).toEqual([
      'mimetype',
      'OEBPS/section-01.xhtml',
      'OEBPS/fonts/Naskh.woff2',
      'OEBPS/images/tiny.svg'
    ])
    expect(Buffer.from(entries[1]![4], 'latin1').toString('utf8')).toBe(text)
  })

  it('stores mimetype with no extra field, stores fonts, deflates text only where it shrinks', () => {
    const method = Object.fromEntries(entries.map(([name, compression, , extra]) => [name, {compression, extra}]))
    expect(method.mimetype).toEqual({compression: 0, extra: 0})
    expect(method['OEBPS/section-01.xhtml']!.compression).toBe(8)
    expect(method['OEBPS/fonts/Naskh.woff2']!.compression).toBe(0)
    expect(method['OEBPS/images/tiny.svg']!.compression).toBe(0)
  })

  it('dates every entry with the date given, in UTC', () => {
    for (const [, , date] of entries) expect(date).toEqual([2024, 10, 31, 13, 45, 10])
  })

  it('holds a date before 1980, which a zip cannot carry, at 1980', () => {
    const early = readBack(zipArchive([{name: 'mimetype', data: Buffer.from('application/epub+zip')}], new Date(0)))
    expect(early.bad).toBeNull()
    expect(early.entries[0]![2]).toEqual([1980, 1, 1, 0, 0, 0])
  })
})
