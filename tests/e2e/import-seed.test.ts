import {mkdtempSync, readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {Element, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import {visit} from 'unist-util-visit'
import {beforeAll, describe, expect, it} from 'vitest'
import type {Document} from '../../src/model/types.js'
import {defaultBrand} from '../../src/import/recognise.js'
import {runImport} from '../../src/import/run.js'
import {documentOf} from '../helpers/pipeline.js'

/**
 * The seed paper as the centre would send it (tests/fixtures/docx/seed-paper.docx, made by make-seed.mjs:
 * cover, title page with «إعداد», the date in words, the rights page, sections numbered «أولاً» by hand,
 * lists numbered by hand, the back page) imports into a manuscript that builds into the same publication
 * as today's seed manuscript.
 */
const fixture = path.resolve('tests/fixtures/docx/seed-paper.docx')
const seedPath = path.resolve('manuscript/russia-dprk-partnership/index.md')
const out = mkdtempSync(path.join(os.tmpdir(), 'press-import-seed-'))
const slug = 'russia-dprk-partnership'

let status: number
let markdown = ''
let imported: Document
let seed: Document

beforeAll(async () => {
  status = await runImport({files: [fixture], out, slug, force: false, quiet: true, json: false})
  markdown = readFileSync(path.join(out, slug, 'index.md'), 'utf8')
  const importedResult = await documentOf(markdown)
  const seedResult = await documentOf(readFileSync(seedPath, 'utf8'))
  expect(importedResult.file.messages.filter((message) => message.fatal).map(String)).toEqual([])
  imported = importedResult.document!
  seed = seedResult.document!
}, 120_000)

function lists(body: Root): Array<{ordered: boolean; items: string[]}> {
  const found: Array<{ordered: boolean; items: string[]}> = []
  visit(body, 'element', (element: Element) => {
    if (element.tagName !== 'ol' && element.tagName !== 'ul') return
    const items = element.children.filter(
      (child): child is Element => child.type === 'element' && child.tagName === 'li'
    )
    found.push({ordered: element.tagName === 'ol', items: items.map((item) => toString(item).trim())})
  })
  return found
}

function words(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

describe('press import of the seed paper as the centre would send it', () => {
  it('exits with status 0 and writes a manuscript that builds', () => {
    expect(status).toBe(0)
    expect(imported).toBeDefined()
  })

  it('has the seed manuscript’s title, subtitle, series, author, role and date', () => {
    for (const key of ['title', 'subtitle', 'series', 'authors', 'date'] as const)
      expect(imported.meta[key]).toEqual(seed.meta[key])
  })

  it('has the seed manuscript’s abstract, keywords and numbering', () => {
    expect(imported.meta.abstract).toBe(seed.meta.abstract)
    expect(imported.meta.keywords).toEqual(seed.meta.keywords)
    expect(imported.meta.numbering).toBe(seed.meta.numbering)
  })

  it('has the seed manuscript’s sections and subsections, numbered the same', () => {
    const outline = (document: Document) => document.headings.map(({depth, text, number}) => ({depth, text, number}))
    expect(outline(imported)).toEqual(outline(seed))
  })

  it('has the seed manuscript’s lists', () => {
    expect(lists(imported.body)).toEqual(lists(seed.body))
    expect(lists(imported.body)).toHaveLength(2)
  })

  it('has the seed manuscript’s text', () => {
    expect(words(toString(imported.body))).toBe(words(toString(seed.body)))
  })

  it('does not repeat the boilerplate the template prints', () => {
    const brand = defaultBrand()
    const texts = [
      brand.name.ar,
      brand.rights.disclaimer,
      brand.description,
      ...brand.contacts.map((contact) => contact.text)
    ]
    const body = words(toString(imported.body))
    for (const text of texts) expect(body).not.toContain(words(text))
    expect(markdown).not.toContain('حقوق النشر')
    expect(markdown).not.toContain('hcrsiraq')
  })
})
