import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {CollectionListing} from '../../src/run/listing.js'
import {build, projectFolder} from '../../src/run/build.js'
import {DiscoveryError, discoverManuscripts, discoverPublications} from '../../src/run/discover.js'
import {loadPdf} from '../helpers/pdf.js'
import {redPixel, transparentPixel} from '../helpers/png.js'

const paper = (title: string, body = '', date = '2024-10-31') =>
  ['---', `title: ${title}`, 'authors: [كاتب]', `date: ${date}`, '---', '', `نص ${title}.`, '', body, ''].join('\n')

const collectionYaml = (papers: string[], subtitle = 'أوراق مختارة') =>
  [
    'title: عدد تجريبي',
    `subtitle: ${subtitle}`,
    'date: 2025-12-01',
    'papers:',
    ...papers.map((p) => `  - ${p}`),
    ''
  ].join('\n')

/** Writes files (relative path → content) into a fresh folder. */
function folderWith(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'press-collection-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), {recursive: true})
    writeFileSync(path.join(folder, name), content)
  }
  return folder
}

describe('discovering collections', () => {
  it('finds a folder holding collection.yaml beside manuscripts, never as a manuscript', async () => {
    const folder = folderWith({
      'a/index.md': paper('أ'),
      'b.md': paper('ب'),
      'journal/collection.yaml': collectionYaml(['../a', '../b.md']),
      'journal/index.md': paper('ليست ورقة')
    })
    const found = await discoverPublications([folder])
    expect(found.manuscripts.map((manuscript) => manuscript.slug)).toEqual(['a', 'b'])
    expect(found.collections).toEqual([
      {slug: 'journal', path: path.join(folder, 'journal', 'collection.yaml'), folder: path.join(folder, 'journal')}
    ])
    expect((await discoverManuscripts([folder])).map((manuscript) => manuscript.slug)).toEqual(['a', 'b'])
  })

  it('takes a collection given as its folder or as its yaml', async () => {
    const folder = folderWith({'a.md': paper('أ'), 'journal/collection.yaml': collectionYaml(['../a.md'])})
    for (const given of [path.join(folder, 'journal'), path.join(folder, 'journal', 'collection.yaml')]) {
      const found = await discoverPublications([given])
      expect([found.manuscripts, found.collections.map((collection) => collection.slug)]).toEqual([[], ['journal']])
    }
  })

  it('refuses a collection and a manuscript that would be built under one name', async () => {
    const folder = folderWith({
      'journal.md': paper('أ'),
      'journal/collection.yaml': collectionYaml(['../journal.md'])
    })
    const discovery = discoverPublications([folder])
    await expect(discovery).rejects.toThrow(DiscoveryError)
    await expect(discovery).rejects.toThrow(
      `${path.join(folder, 'journal', 'collection.yaml')} and ${path.join(folder, 'journal.md')} would both be built as \`journal\`: rename one`
    )
  })
})

describe('a broken collection in a run', () => {
  it('exits non-zero naming the paper and its list item, builds the other manuscript, writes nothing for the collection', () => {
    const work = folderWith({
      'papers/good.md': paper('جيدة'),
      'papers/bad.md': paper('معطوبة', '', '2024-02-30'),
      'catalogue/alone.md': paper('وحيدة'),
      'catalogue/journal/collection.yaml': collectionYaml(['../../papers/good.md', '../../papers/bad.md'])
    })
    const out = path.join(work, 'out')
    const run = spawnSync(
      process.execPath,
      [
        path.join(projectFolder, 'lib', 'cli', 'press.js'),
        'build',
        'catalogue',
        '--out',
        out,
        '--format',
        'pdf',
        '--json'
      ],
      {cwd: work, encoding: 'utf8', env: {...process.env, CI: 'true'}}
    )
    expect(run.status).toBe(1)
    const results = JSON.parse(run.stdout) as {
      manuscripts: Array<{
        slug: string
        kind: string
        ok: boolean
        messages: Array<{file: string; line: number; column: number; message: string}>
      }>
    }
    expect(results.manuscripts.map((entry) => [entry.slug, entry.kind, entry.ok])).toEqual([
      ['journal', 'collection', false],
      ['alone', 'manuscript', true]
    ])
    expect(
      results.manuscripts[0]!.messages.map((message) => [message.file, message.line, message.column, message.message])
    ).toEqual([
      [
        path.join('catalogue', 'journal', 'collection.yaml'),
        6,
        5,
        `Paper \`${path.join('papers', 'bad.md')}\` has errors (reported at its own lines): the collection is not built`
      ],
      [path.join('papers', 'bad.md'), 4, 7, '`date` must be a calendar date written YYYY-MM-DD (got "2024-02-30")']
    ])
    expect(run.stderr).toContain(path.join('papers', 'bad.md'))
    expect(readdirSync(out).filter((name) => !name.startsWith('.'))).toEqual(['alone.pdf'])
  }, 300_000)

  it('builds nothing for a collection asked only for the web edition', async () => {
    const folder = folderWith({'a.md': paper('أ'), 'journal/collection.yaml': collectionYaml(['../a.md'])})
    const out = path.join(folder, 'out')
    const result = await build({paths: [folder], out, formats: ['html'], cwd: folder})
    expect(result.ok).toBe(true)
    expect(result.results.map((entry) => [entry.manuscript.slug, entry.skipped])).toEqual([
      ['journal', true],
      ['a', false]
    ])
    expect(readdirSync(out).filter((name) => !name.startsWith('.'))).toEqual(['a'])
  }, 300_000)
})

// These print a collection: they run with the collection renderer (src/run/render-collection.ts).
describe('a collection in the cache', () => {
  it('rebuilds the collection and the paper edited in it, or only the collection when its yaml changes', async () => {
    const folder = folderWith({
      'one/index.md': paper('الأولى', '![شكل](pic.png)'),
      'one/pic.png': transparentPixel,
      'two.md': paper('الثانية'),
      'other.md': paper('أخرى'),
      'journal/collection.yaml': collectionYaml(['../one', '../two.md'])
    })
    const out = path.join(folder, 'out')
    const options = {paths: [folder], out, formats: ['pdf'] as const, cwd: folder}
    const rebuilt = async () => {
      const result = await build(options)
      expect(result.ok, result.results.flatMap((entry) => entry.file?.messages.map(String) ?? []).join('\n')).toBe(true)
      return result.results.filter((entry) => !entry.skipped).map((entry) => entry.manuscript.slug)
    }
    expect(await rebuilt()).toEqual(['journal', 'one', 'other', 'two'])
    expect(existsSync(path.join(out, 'journal.json'))).toBe(true)

    expect(await rebuilt()).toEqual([])
    writeFileSync(path.join(folder, 'two.md'), paper('الثانية', 'فقرة أضيفت.'))
    expect(await rebuilt()).toEqual(['journal', 'two'])
    writeFileSync(path.join(folder, 'one', 'pic.png'), redPixel)
    expect(await rebuilt()).toEqual(['journal', 'one'])
    writeFileSync(path.join(folder, 'journal', 'collection.yaml'), collectionYaml(['../one', '../two.md'], 'عنوان آخر'))
    expect(await rebuilt()).toEqual(['journal'])
    rmSync(path.join(out, 'journal.json'))
    expect(await rebuilt()).toEqual(['journal'])
    expect(existsSync(path.join(out, 'journal.json'))).toBe(true)
  }, 600_000)

  it('names in the listing an e-book built after the PDF', async () => {
    const folder = folderWith({'one.md': paper('الأولى'), 'journal/collection.yaml': collectionYaml(['../one.md'])})
    const out = path.join(folder, 'out')
    const listing = () => JSON.parse(readFileSync(path.join(out, 'journal.json'), 'utf8')) as CollectionListing
    expect((await build({paths: [path.join(folder, 'journal')], out, formats: ['pdf'], cwd: folder})).ok).toBe(true)
    expect(listing().epub).toBeUndefined()
    const pages = listing().papers
    const result = await build({paths: [path.join(folder, 'journal')], out, formats: ['pdf', 'epub'], cwd: folder})
    expect(result.results.map((entry) => [entry.manuscript.slug, entry.ok, entry.skipped])).toEqual([
      ['journal', true, false]
    ])
    expect(listing().epub).toBe('journal.epub')
    expect(listing().papers).toEqual(pages)
  }, 600_000)

  it('lists each paper at the pages its offprint holds, within the collection’s pages', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'press-collection-'))
    const out = path.join(work, 'out')
    const three = path.join(projectFolder, 'tests/fixtures/collections/three')
    const result = await build({paths: [three], out, formats: ['pdf'], cwd: work})
    expect(result.ok, result.results.flatMap((entry) => entry.file?.messages.map(String) ?? []).join('\n')).toBe(true)
    const listing = JSON.parse(readFileSync(path.join(out, 'three.json'), 'utf8')) as CollectionListing
    const pdf = await loadPdf(path.join(out, listing.pdf))
    expect(listing.pages).toBe(pdf.getPageCount())
    expect(listing.papers.map((entry) => entry.slug)).toEqual([
      'russia-dprk-partnership',
      'water-security-policy',
      'translated-essay-deterrence'
    ])
    let previous = 0
    for (const entry of listing.papers) {
      expect(entry.firstPage).toBeGreaterThan(previous)
      expect(entry.lastPage).toBeGreaterThanOrEqual(entry.firstPage)
      const offprint = await loadPdf(path.join(out, entry.offprint!))
      expect(offprint.getPageCount()).toBe(entry.lastPage - entry.firstPage + 1)
      previous = entry.lastPage
    }
    expect(previous).toBeLessThanOrEqual(pdf.getPageCount())
    expect(listing.papers[0]?.offprint).toBe('three/offprints/russia-dprk-partnership.pdf')
  }, 600_000)
})
