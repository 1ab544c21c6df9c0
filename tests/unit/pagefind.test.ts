import {spawnSync} from 'node:child_process'
import {createRequire} from 'node:module'
import {describe, expect, it} from 'vitest'
import {indexFiles} from '../../src/site/search/write-index.js'

/**
 * Pagefind's indexer is a binary, installed from the npm registry as the optional dependency of its
 * platform (`@pagefind/linux-x64`…, pinned by package-lock.json). An `npm install` that skipped it leaves
 * `press site` without search: these tests say so, by name, rather than the site's.
 */
const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`

function pagefindBinary(): string {
  const require = createRequire(import.meta.url)
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${platform}/bin/${name}${process.platform === 'win32' ? '.exe' : ''}`)
    } catch {
      // The other name, then the error below.
    }
  }
  throw new Error(
    `@pagefind/${platform} is not installed: run \`npm install\` (it is an optional dependency of pagefind, ` +
      'fetched from the npm registry for this platform); without it `press site` cannot build its search index'
  )
}

const record = {
  url: 'papers/a/index.html',
  title: 'دراسة',
  text: 'الإستراتيجية الوطنية',
  lang: 'ar',
  authors: [],
  date: ''
}

describe('the Pagefind binary', () => {
  it('is installed for this platform and runs, as version 1.6.0', () => {
    const run = spawnSync(pagefindBinary(), ['--version'], {encoding: 'utf8'})
    expect(run.error, `the Pagefind binary would not run: ${run.error?.message}`).toBeUndefined()
    expect(run.stdout.trim()).toBe('pagefind 1.6.0')
  })

  it('builds an index through the Node API: entry, script, Arabic index and fragment', async () => {
    const names = [...(await indexFiles([record])).keys()]
    expect(names.filter((name) => !name.includes('/')).sort()).toEqual(
      expect.arrayContaining(['pagefind-entry.json', 'pagefind.js', 'wasm.ar.pagefind'])
    )
    expect(names.filter((name) => /^(index\/ar_|fragment\/ar_)/.test(name)).length).toBe(2)
  })

  it('says how to get it back when it cannot run', async () => {
    const before = process.env.PAGEFIND_BINARY_PATH
    process.env.PAGEFIND_BINARY_PATH = '/nonexistent/pagefind'
    try {
      await expect(indexFiles([record])).rejects.toThrow(/^Pagefind's indexer would not run .*npm install/)
    } finally {
      if (before === undefined) delete process.env.PAGEFIND_BINARY_PATH
      else process.env.PAGEFIND_BINARY_PATH = before
    }
  })

  it('gives the same bytes for the same records, in any order', async () => {
    const other = {...record, url: 'papers/b/index.html', text: 'مستوى التعاون'}
    const [first, second] = [await indexFiles([record, other]), await indexFiles([other, record])]
    expect([...second].map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')])).toEqual(
      [...first].map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')])
    )
  })
})
