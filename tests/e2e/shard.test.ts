import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {projectFolder} from '../../src/run/build.js'

const paper = (slug: string) =>
  [
    '---',
    `title: ورقة ${slug}`,
    'authors: [كاتب]',
    'date: 2024-10-31',
    '---',
    '',
    '## مقدمة',
    '',
    `نص الورقة ${slug}، وفيه عبارة Latin text و 2024.`,
    ''
  ].join('\n')

// Shares fixed by the slugs (unit-tested): 3/3 takes two, 1/3 and 2/3 one each.
const slugs = ['alpha', 'beta', 'gamma', 'theta']
const work = mkdtempSync(path.join(os.tmpdir(), 'press-shard-'))
const catalogue = path.join(work, 'catalogue')

function press(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    [path.join(projectFolder, 'lib', 'cli', 'press.js'), 'build', ...args, '--format', 'pdf,epub,html'],
    {
      cwd: work,
      encoding: 'utf8',
      env: {...process.env, CI: 'true', SOURCE_DATE_EPOCH: '1735689600'}
    }
  )
  expect(run.status, run.stderr).toBe(0)
  return run
}

/** Every file under `folder` but the build's records, by path relative to it. */
function outputs(folder: string): Map<string, Buffer> {
  const entries = readdirSync(folder, {recursive: true, withFileTypes: true})
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
  return new Map(
    files
      .filter((file) => !file.startsWith('.cache'))
      .sort()
      .map((file) => [file, readFileSync(path.join(folder, file))])
  )
}

const shardOutputs: Array<Map<string, Buffer>> = []
let whole: Map<string, Buffer>

beforeAll(() => {
  for (const slug of slugs) {
    mkdirSync(path.join(catalogue, slug), {recursive: true})
    writeFileSync(path.join(catalogue, slug, 'index.md'), paper(slug))
  }
  for (const index of [1, 2, 3]) {
    press(catalogue, '--out', path.join(work, `shard-${index}`), '--shard', `${index}/3`, '--jobs', '1')
    shardOutputs.push(outputs(path.join(work, `shard-${index}`)))
  }
  press(catalogue, '--out', path.join(work, 'whole'))
  whole = outputs(path.join(work, 'whole'))
}, 900_000)

describe('press build --shard', () => {
  it('builds every manuscript in exactly one shard', () => {
    const slugsOf = (files: Map<string, Buffer>) =>
      [...files.keys()].filter((file) => file.endsWith('.pdf')).map((file) => file.slice(0, -'.pdf'.length))
    expect(shardOutputs.map(slugsOf)).toEqual([['theta'], ['alpha'], ['beta', 'gamma']])
  })

  it('writes, over all shards, the files of one whole build, byte for byte', () => {
    const union = new Map(shardOutputs.flatMap((files) => [...files]))
    expect(union.size).toBe(shardOutputs.reduce((total, files) => total + files.size, 0))
    expect([...union.keys()].sort()).toEqual([...whole.keys()])
    // Each of pdf, epub and the web page's folder, for every manuscript.
    expect(whole.size).toBeGreaterThanOrEqual(slugs.length * 3)
    for (const [file, bytes] of whole) expect(union.get(file)!.equals(bytes), file).toBe(true)
  })

  it('finds a build moved to another folder, with its catalogue, up to date', () => {
    const moved = path.join(work, 'elsewhere', 'deeper')
    cpSync(catalogue, path.join(moved, 'catalogue'), {recursive: true})
    cpSync(path.join(work, 'shard-3'), path.join(moved, 'out'), {recursive: true})
    const run = press(path.join(moved, 'catalogue'), '--out', path.join(moved, 'out'), '--shard', '3/3', '--json')
    const {manuscripts, browserStarted} = JSON.parse(run.stdout) as {
      manuscripts: Array<{slug: string; skipped: boolean}>
      browserStarted: boolean
    }
    expect(manuscripts.map((entry) => [entry.slug, entry.skipped])).toEqual([
      ['beta', true],
      ['gamma', true]
    ])
    expect(browserStarted).toBe(false)
    expect(readFileSync(path.join(moved, 'out', '.cache', 'hammurabi-press.json'), 'utf8')).not.toContain(work)
  })
})
