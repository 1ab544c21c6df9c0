import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {build} from '../../src/run/build.js'

/**
 * The numbers of ordered lists in the PDF's text: a right-to-left mark after the number of an item read
 * right to left, none after one read left to right, whether its own `dir` or the document's language
 * makes it so (pdftotext glued the mark to the first word of an English item: «1.‏Capture»).
 */
const work = mkdtempSync(path.join(os.tmpdir(), 'press-markers-'))

async function printed(slug: string, markdown: string): Promise<string> {
  const folder = path.join(work, slug)
  mkdirSync(folder)
  writeFileSync(path.join(folder, 'index.md'), markdown)
  const result = await build({paths: [folder], out: path.join(work, 'out'), formats: ['pdf'], cwd: work})
  expect(result.ok).toBe(true)
  // Only poppler's own embedding marks are taken out: the marks the print edition writes are kept.
  return execFileSync('pdftotext', ['-q', path.join(work, 'out', `${slug}.pdf`), '-'], {encoding: 'utf8'}).replace(
    /[\u202a-\u202c]/g,
    ''
  )
}

let english = ''
let arabic = ''

beforeAll(async () => {
  english = await printed(
    'english-list',
    [
      '---',
      'title: Options',
      'lang: en',
      'authors: [Research team]',
      'date: 2025-01-15',
      '---',
      '',
      'Three options.',
      '',
      '1. Capture flared gas.',
      '2. Regional interconnection.',
      ''
    ].join('\n')
  )
  arabic = await printed(
    'arabic-list',
    [
      '---',
      'title: خيارات',
      'authors: [فريق البحث]',
      'date: 2025-01-15',
      '---',
      '',
      'ثلاثة خيارات.',
      '',
      '1. التقاط الغاز المحروق.',
      '2. الربط الإقليمي.',
      ''
    ].join('\n')
  )
}, 300_000)

describe('ordered list numbers in the PDF text', () => {
  it('puts no right-to-left mark after the number of an item in an English document', () => {
    expect(english).toContain('1. Capture flared gas.')
    expect(english).toContain('2. Regional interconnection.')
    expect(english).not.toContain('\u200F')
  })

  it('keeps the right-to-left mark after the number of an item read right to left', () => {
    // pdftotext sets the full stop of a number read right to left before it («.1»).
    expect(arabic).toMatch(/(?:1\.|\.1)\u200F\s+التقاط/u)
  })
})
