import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {collectionAt, collectionSchema, readCollection} from '../../src/manuscript/collection.js'
import {createCollection} from '../../src/pipeline/create-collection.js'
import {labels} from '../helpers/pipeline.js'
import {readmeTable, tableOf} from '../helpers/readme.js'

const paper = (title: string, date = '2024-10-31') =>
  ['---', `title: ${title}`, 'authors: [كاتب]', `date: ${date}`, '---', '', `نص ${title}.`, ''].join('\n')

/** A folder with papers `a/index.md`, `b.md`, `bad/index.md` (an impossible date) and `journal/collection.yaml`. */
function workspace(yaml: string[]) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'press-collection-'))
  mkdirSync(path.join(folder, 'a'))
  writeFileSync(path.join(folder, 'a', 'index.md'), paper('أ'))
  writeFileSync(path.join(folder, 'b.md'), paper('ب'))
  mkdirSync(path.join(folder, 'bad'))
  writeFileSync(path.join(folder, 'bad', 'index.md'), paper('خطأ', '2024-02-30'))
  mkdirSync(path.join(folder, 'journal'))
  writeFileSync(path.join(folder, 'journal', 'collection.yaml'), `${yaml.join('\n')}\n`)
  return {folder, source: collectionAt(path.join(folder, 'journal', 'collection.yaml'))}
}

const header = ['title: عدد', 'date: 2025-12-01']

async function messagesOf(yaml: string[]): Promise<string[]> {
  const {folder, source} = workspace(yaml)
  const {file} = await readCollection(source, folder)
  return file.messages.map((message) => `${message.fatal ? 'error' : 'warning'} ${String(message)}`)
}

describe('reading collection.yaml', () => {
  it('reads the metadata with defaults and finds each paper, folder or file, in order', async () => {
    const {folder, source} = workspace([...header, 'volume: 3', 'papers:', '  - ../b.md', '  - ../a'])
    const read = await readCollection(source, folder)
    expect(read.file.messages).toEqual([])
    expect(read.meta).toEqual({
      title: 'عدد',
      date: '2025-12-01',
      volume: 3,
      editors: [],
      lang: 'ar',
      digits: 'latin'
    })
    expect(read.papers.map((manuscript) => [manuscript.slug, path.relative(folder, manuscript.path)])).toEqual([
      ['b', 'b.md'],
      ['a', path.join('a', 'index.md')]
    ])
    expect(read.places).toEqual([
      {line: 5, column: 5},
      {line: 6, column: 5}
    ])
  })

  it('puts an unknown key at the key', async () => {
    expect(await messagesOf([...header, 'colour: red', 'papers: [../a]'])).toEqual([
      'error journal/collection.yaml:3:1: Unknown key `colour` in collection.yaml (known keys: title, subtitle, shortTitle, series, volume, number, date, editors, lang, digits, pageSize, papers)'
    ])
  })

  it('puts a wrong value at the value, one message per problem', async () => {
    expect(
      await messagesOf(['title: [a, b]', 'date: 2025-02-30', 'volume: three', 'editors:', '  - 42', 'papers: [../a]'])
    ).toEqual([
      'error journal/collection.yaml:1:8: `title` must be a string (got a list)',
      'error journal/collection.yaml:2:7: `date` must be a calendar date written YYYY-MM-DD (got "2025-02-30")',
      'error journal/collection.yaml:3:9: `volume` must be a number (got "three")',
      'error journal/collection.yaml:5:5: `editors[0]` must be a name or {name, role}'
    ])
  })

  it('names a missing required field', async () => {
    expect(await messagesOf(['title: عدد', 'papers: [../a]'])).toEqual([
      'error journal/collection.yaml:1:1: Missing required field `date` in collection.yaml'
    ])
    expect(await messagesOf([...header, 'papers: []'])).toEqual([
      'error journal/collection.yaml:3:9: `papers` must not be empty'
    ])
  })

  it('puts a missing paper, or one that is no manuscript, at its list item', async () => {
    const {folder, source} = workspace([...header, 'papers:', '  - ../a', '  - ../nowhere', '  - ../journal'])
    const read = await readCollection(source, folder)
    expect(read.file.messages.map(String)).toEqual([
      'journal/collection.yaml:5:5: Paper `../nowhere` not found: no such file or folder (papers are written relative to the collection.yaml)',
      'journal/collection.yaml:6:5: Paper `../journal` is not a manuscript: its folder holds no index.md'
    ])
    expect(read.meta).toBeUndefined()
  })

  it('puts a paper listed twice at its second item, naming the first', async () => {
    expect(await messagesOf([...header, 'papers:', '  - ../a', '  - ../b.md', '  - ../a/index.md'])).toEqual([
      'error journal/collection.yaml:6:5: Paper `../a/index.md` is listed twice: it is `../a` (line 4); list each paper once'
    ])
  })

  it('reports invalid YAML at its place', async () => {
    expect(await messagesOf([...header, 'papers: [../a', 'volume: 3'])).toEqual([
      expect.stringMatching(/^error journal\/collection\.yaml:4:1: collection\.yaml is not valid YAML: /)
    ])
    expect(await messagesOf([...header, 'title: again', 'papers: [../a]'])).toEqual([
      'error journal/collection.yaml:3:1: collection.yaml is not valid YAML: Map keys must be unique'
    ])
  })

  it('reports every problem of the file at once, in the order of the file', async () => {
    const messages = await messagesOf(['title: عدد', 'volume: 0', 'colour: red', 'papers: [../nowhere]'])
    expect(messages.map((message) => message.split(': ')[0])).toEqual([
      'error journal/collection.yaml:1:1',
      'error journal/collection.yaml:2:9',
      'error journal/collection.yaml:3:1',
      'error journal/collection.yaml:4:10'
    ])
  })
})

describe('creating a collection', () => {
  it('makes each paper its document, in order, with the direction of its language', async () => {
    const {folder, source} = workspace([...header, 'lang: en', 'papers: [../a, ../b.md]'])
    const read = await readCollection(source, folder)
    const collection = await createCollection(source, read, labels, folder)
    expect(collection?.papers.map((document) => document.meta.title)).toEqual(['أ', 'ب'])
    expect(collection?.dir).toBe('ltr')
    expect(collection?.slug).toBe('journal')
    expect(read.file.data.papers?.map((file) => file.path)).toEqual([path.join('a', 'index.md'), 'b.md'])
  })

  it('leaves a paper’s errors on its own file and names the paper at its list item', async () => {
    const {folder, source} = workspace([...header, 'papers:', '  - ../a', '  - ../bad'])
    const read = await readCollection(source, folder)
    expect(await createCollection(source, read, labels, folder)).toBeUndefined()
    expect(read.file.messages.map(String)).toEqual([
      'journal/collection.yaml:5:5: Paper `bad/index.md` has errors (reported at its own lines): the collection is not built'
    ])
    expect(read.file.data.papers?.[1]?.messages.map(String)).toEqual([
      'bad/index.md:4:7: `date` must be a calendar date written YYYY-MM-DD (got "2024-02-30")'
    ])
  })
})

describe('the README', () => {
  it('documents the keys of collection.yaml as the schema does', () => {
    const rows = Object.entries(collectionSchema.shape).map(([key, field]) => {
      const absent = field.safeParse(undefined)
      const fallback = absent.success && typeof absent.data === 'string' ? `\`${absent.data}\`` : ''
      return `| \`${key}\` | ${absent.success ? '' : 'yes'} | ${field.description} | ${fallback} |`
    })
    const table = ['| key | required | meaning | default |', '| --- | --- | --- | --- |', ...rows].join('\n')
    expect(readmeTable('Collections')).toEqual(tableOf(table))
  })
})
