import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {z} from 'zod'
import {inShard, parseShard, shardOf} from '../../src/config/shard.js'
import {
  buildCommandSchema,
  commandFields,
  fieldMeta,
  importSchema,
  optionsTable,
  OptionsError,
  resolveBuildCommand,
  resolveBuildOptions,
  resolveSiteOptions,
  resolveWatchOptions,
  siteSchema,
  watchSchema
} from '../../src/config/options.js'
import {projectFolder} from '../../src/config/project.js'
import {readmeTable, tableOf} from '../helpers/readme.js'

describe('build options', () => {
  it('fills every default, with folders made absolute against cwd', () => {
    expect(resolveBuildOptions({cwd: '/work/papers'})).toEqual({
      paths: ['/work/papers/manuscript'],
      out: '/work/papers/dist',
      formats: ['pdf', 'epub'],
      template: path.join(projectFolder, 'templates', 'hammurabi'),
      fonts: path.join(projectFolder, 'fonts'),
      bleed: 0,
      force: false,
      jobs: 2,
      timeout: 60,
      shard: undefined,
      sourceDateEpoch: undefined,
      cwd: '/work/papers'
    })
  })

  it('reads values given as text on the command line', () => {
    const options = resolveBuildCommand({
      cwd: '/work',
      paths: ['a', '/b.md'],
      out: 'out',
      formats: 'html, pdf,html',
      template: './my-template',
      bleed: '3',
      jobs: '4',
      timeout: '0.5',
      shard: '2/3',
      sourceDateEpoch: '1700000000',
      quiet: true
    })
    expect(options).toMatchObject({
      paths: ['/work/a', '/b.md'],
      out: '/work/out',
      formats: ['html', 'pdf'],
      template: '/work/my-template',
      bleed: 3,
      jobs: 4,
      timeout: 0.5,
      shard: {index: 2, count: 3},
      sourceDateEpoch: 1700000000,
      quiet: true,
      json: false
    })
  })

  it.each([
    [{jobs: '0'}, '--jobs takes a whole number from 1 to 16 (got `0`)'],
    [{jobs: 2.5}, '--jobs takes a whole number from 1 to 16 (got `2.5`)'],
    [{timeout: 'x'}, '--timeout takes a number of seconds above 0, at most 3600 (got `x`)'],
    [{timeout: '0'}, '--timeout takes a number of seconds above 0, at most 3600 (got `0`)'],
    [{formats: 'pdf,doc'}, '--format takes any of pdf, epub, html, comma-separated (got `pdf,doc`)'],
    [{formats: ','}, '--format takes any of pdf, epub, html, comma-separated (got `,`)'],
    [{bleed: '21'}, '--bleed takes a number of millimetres from 0 to 20 (got `21`)'],
    [{shard: '4/3'}, '--shard takes K/N, two whole numbers with 1 ≤ K ≤ N (got `4/3`)'],
    [{out: ''}, '--out takes a folder (got ``)'],
    [{sourceDateEpoch: 'yesterday'}, 'SOURCE_DATE_EPOCH takes a whole number of seconds since 1970 (got `yesterday`)']
  ])('refuses %o, naming the option and what it takes', (input, message) => {
    expect(() => resolveBuildOptions(input)).toThrow(new OptionsError(message))
  })

  it('names every wrong value, one line each', () => {
    expect(() => resolveBuildOptions({jobs: '0', timeout: 'x'})).toThrow(
      new OptionsError(
        [
          '--jobs takes a whole number from 1 to 16 (got `0`)',
          '--timeout takes a number of seconds above 0, at most 3600 (got `x`)'
        ].join('\n')
      )
    )
  })
})

describe('watch options', () => {
  it('fills every default', () => {
    expect(resolveWatchOptions({cwd: '/work'})).toMatchObject({
      paths: ['/work/manuscript'],
      out: '/work/dist',
      port: 4000,
      host: '127.0.0.1',
      debounce: 0,
      background: true
    })
  })

  it('refuses a port out of range', () => {
    expect(() => resolveWatchOptions({port: '65536'})).toThrow(
      new OptionsError('--port takes a whole number from 0 to 65535 (got `65536`)')
    )
  })
})

describe('site options', () => {
  it('fills every default, the site inside the build folder', () => {
    expect(resolveSiteOptions({cwd: '/work'})).toMatchObject({
      paths: ['/work/manuscript'],
      out: '/work/dist/site',
      build: '/work/dist',
      jobs: 2
    })
    expect(resolveSiteOptions({cwd: '/work'}).baseUrl).toBeUndefined()
  })

  it('ends a base URL with a slash, so pages resolve under it', () => {
    expect(resolveSiteOptions({baseUrl: 'https://example.org/pubs'}).baseUrl).toBe('https://example.org/pubs/')
  })

  it.each(['example.org', 'ftp://example.org/', '/pubs/'])('refuses the base URL %j', (baseUrl) => {
    expect(() => resolveSiteOptions({baseUrl})).toThrow(
      new OptionsError(`--base-url takes an absolute http(s) address (got \`${baseUrl}\`)`)
    )
  })
})

describe('shards', () => {
  it.each([
    ['1/1', {index: 1, count: 1}],
    ['3/4', {index: 3, count: 4}],
    [' 2 / 5 ', {index: 2, count: 5}]
  ])('reads %s', (text, shard) => {
    expect(parseShard(text)).toEqual(shard)
  })

  it.each(['0/3', '4/3', '1/0', '1.5/3', 'a/b', '1/', '/3', '1/2/3', '3', ''])('refuses %j', (text) => {
    expect(parseShard(text)).toBeUndefined()
  })

  it('puts every slug in exactly one shard', () => {
    const slugs = Array.from({length: 200}, (_, index) => `paper-${index}`)
    for (const slug of slugs) {
      expect([1, 2, 3, 4].filter((index) => inShard(slug, {index, count: 4}))).toHaveLength(1)
    }
  })

  it('keeps a slug in its shard as the catalogue grows', () => {
    const before = Array.from({length: 20}, (_, index) => `paper-${index}`)
    const grown = [...Array.from({length: 30}, (_, index) => `new-${index}`), ...before].sort()
    for (const index of [1, 2, 3, 4]) {
      const shard = {index, count: 4}
      const chosenBefore = before.filter((slug) => inShard(slug, shard))
      const chosenAfter = grown.filter((slug) => inShard(slug, shard) && before.includes(slug))
      expect(chosenAfter.sort()).toEqual(chosenBefore.sort())
    }
  })

  // A change here moves papers between shards, and so out of their CI caches: make it on purpose only.
  it('gives the shares it gave before', () => {
    expect(['alpha', 'beta', 'gamma', 'theta', 'russia-dprk-partnership'].map((slug) => shardOf(slug, 3))).toEqual([
      2, 3, 3, 1, 2
    ])
  })

  it('spreads slugs over the shards', () => {
    const counts = [0, 0, 0, 0]
    for (let index = 0; index < 400; index++) counts[shardOf(`paper-${index}`, 4) - 1]!++
    for (const count of counts) expect(count).toBeGreaterThan(70)
  })
})

describe('command fields', () => {
  it('takes a field without default for a required one', () => {
    const files = z.array(z.string()).min(1).describe('the files')
    fieldMeta.add(files, {kind: 'argument', name: 'FILE', expects: 'files'})
    const slug = z.string().default('paper').describe('the slug')
    fieldMeta.add(slug, {kind: 'option', name: '--slug', value: 'SLUG', expects: 'a slug'})
    expect(commandFields(z.object({files, slug})).map((field) => [field.key, field.required, field.default])).toEqual([
      ['files', true, 'required'],
      ['slug', false, '`paper`']
    ])
  })
})

describe('the README', () => {
  it('documents the options of press build as the schema does', () => {
    expect(readmeTable('Use')).toEqual(tableOf(optionsTable(buildCommandSchema)))
  })

  it('documents the options of press watch as the schema does', () => {
    expect(readmeTable('Live preview')).toEqual(tableOf(optionsTable(watchSchema)))
  })

  it('documents the options of press site as the schema does', () => {
    expect(readmeTable('The catalogue site')).toEqual(tableOf(optionsTable(siteSchema)))
  })

  it('documents the options of press import as the schema does', () => {
    expect(readmeTable('Importing Word files')).toEqual(tableOf(optionsTable(importSchema)))
  })
})
