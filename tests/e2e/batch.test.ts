import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build, projectFolder} from '../../src/run/build.js'
import {redPixel, transparentPixel} from '../helpers/png.js'

const paper = (title: string) =>
  ['---', `title: ${title}`, 'authors: [كاتب]', 'date: 2024-10-31', '---', '', `نص ${title}.`, ''].join('\n')

function workspace() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'press-batch-'))
  for (const name of ['one', 'two', 'three']) writeFileSync(path.join(folder, `${name}.md`), paper(`ورقة ${name}`))
  const template = path.join(folder, 'template')
  cpSync(path.join(projectFolder, 'templates', 'hammurabi'), template, {recursive: true})
  return {folder, template, out: path.join(folder, 'dist')}
}

const mtimes = (out: string, names: string[]) => names.map((name) => statSync(path.join(out, name)).mtimeMs)

describe('incremental builds', () => {
  it('skips what is up to date without starting a browser, and rebuilds what changed', async () => {
    const {folder, template, out} = workspace()
    const options = {paths: [folder], out, formats: ['epub'] as const, cwd: folder, template}
    const first = await build(options)
    expect(first.ok).toBe(true)
    expect(first.results.map((result) => [result.manuscript.slug, result.skipped])).toEqual([
      ['one', false],
      ['three', false],
      ['two', false]
    ])
    const files = ['one.epub', 'three.epub', 'two.epub']
    const before = mtimes(out, files)

    // Nothing changed: nothing is built, no browser starts, nothing is written.
    const again = await build(options)
    expect(again.browserStarted).toBe(false)
    expect(again.results.every((result) => result.skipped)).toBe(true)
    expect(mtimes(out, files)).toEqual(before)

    // One manuscript edited: that one only.
    writeFileSync(path.join(folder, 'two.md'), paper('ورقة معدلة'))
    const edited = await build(options)
    expect(edited.results.filter((result) => !result.skipped).map((result) => result.manuscript.slug)).toEqual(['two'])
    const afterEdit = mtimes(out, files)
    expect(afterEdit[0]).toBe(before[0])
    expect(afterEdit[2]).toBeGreaterThan(before[2]!)

    // The template changed: all of them.
    writeFileSync(
      path.join(template, 'epub.css'),
      readFileSync(path.join(template, 'epub.css'), 'utf8') + '\n/* changed */\n'
    )
    const restyled = await build(options)
    expect(restyled.results.map((result) => result.skipped)).toEqual([false, false, false])

    // --force rebuilds all; a deleted output is rebuilt.
    expect((await build({...options, force: true})).results.every((result) => !result.skipped)).toBe(true)
    rmSync(path.join(out, 'three.epub'))
    const restored = await build(options)
    expect(restored.results.filter((result) => !result.skipped).map((result) => result.manuscript.slug)).toEqual([
      'three'
    ])
    expect(existsSync(path.join(out, 'three.epub'))).toBe(true)
  }, 300_000)
})

/** A paper showing `pic.png` as `body` says, beside another paper in the same folder. */
async function paperWithImage(body: string) {
  const {folder, out} = workspace()
  writeFileSync(path.join(folder, 'one.md'), paper('ورقة one') + '\n' + body + '\n')
  writeFileSync(path.join(folder, 'pic.png'), transparentPixel)
  const options = {paths: [folder], out, formats: ['html'] as const, cwd: folder}
  const rebuilt = async () =>
    (await build(options)).results.filter((result) => !result.skipped).map((result) => result.manuscript.slug)
  expect(await rebuilt()).toEqual(['one', 'three', 'two'])
  return {folder, out, rebuilt}
}

describe('the images a paper shows', () => {
  it('rebuilds the paper when the file of a reference-style image changes, not before', async () => {
    const {folder, rebuilt} = await paperWithImage('![شكل][الشكل]\n\n[الشكل]: pic.png')
    expect(await rebuilt()).toEqual([])
    writeFileSync(path.join(folder, 'pic.png'), redPixel)
    expect(await rebuilt()).toEqual(['one'])
  }, 300_000)

  it('rebuilds the paper when the file of an unquoted <img src> changes, not before', async () => {
    const {folder, rebuilt} = await paperWithImage('<img src=pic.png alt=شكل>')
    expect(await rebuilt()).toEqual([])
    writeFileSync(path.join(folder, 'pic.png'), redPixel)
    expect(await rebuilt()).toEqual(['one'])
  }, 300_000)

  it('records the images each output was made from, relative to the manuscript', async () => {
    const {out} = await paperWithImage('![شكل](<./pic.png>)')
    const cache = JSON.parse(readFileSync(path.join(out, '.cache', 'hammurabi-press.json'), 'utf8')) as Record<
      string,
      {assets: string[]}
    >
    expect(Object.fromEntries(Object.entries(cache).map(([output, record]) => [output, record.assets]))).toEqual({
      'one/index.html': ['pic.png'],
      'three/index.html': [],
      'two/index.html': []
    })
  }, 300_000)
})

describe('a batch from the command line', () => {
  it('builds the good manuscripts, names the broken one and exits non-zero', () => {
    const {folder, out} = workspace()
    mkdirSync(path.join(folder, 'broken'))
    writeFileSync(
      path.join(folder, 'broken', 'index.md'),
      ['---', 'title: ورقة', 'authors: [كاتب]', 'date: someday', '---', ''].join('\n')
    )
    const run = spawnSync(
      process.execPath,
      [path.join(projectFolder, 'lib', 'cli', 'press.js'), 'build', folder, '--out', out, '--format', 'epub', '--json'],
      {cwd: folder, encoding: 'utf8', env: {...process.env, CI: 'true'}}
    )
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('broken/index.md')
    expect(run.stderr).toContain('4:7')
    const results = JSON.parse(run.stdout) as {
      ok: boolean
      manuscripts: Array<{slug: string; ok: boolean; outputs: string[]}>
    }
    expect(results.ok).toBe(false)
    expect(results.manuscripts.map((entry) => [entry.slug, entry.ok])).toEqual([
      ['broken', false],
      ['one', true],
      ['three', true],
      ['two', true]
    ])
    expect(results.manuscripts.find((entry) => entry.slug === 'one')!.outputs).toEqual(['dist/one.epub'])
  }, 300_000)

  it('prints plain progress lines and a summary when not on a terminal', () => {
    const {folder, out} = workspace()
    const run = spawnSync(
      process.execPath,
      [
        path.join(projectFolder, 'lib', 'cli', 'press.js'),
        'build',
        path.join(folder, 'one.md'),
        '--out',
        out,
        '--format',
        'epub'
      ],
      {cwd: folder, encoding: 'utf8', env: {...process.env, CI: 'true'}}
    )
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^one: done \(EPUB \d+ KB, [\d.]+ m?s\)$/m)
    expect(run.stdout).toMatch(/^manuscript\s+result\s+pages\s+PDF\s+EPUB\s+time$/m)
    expect(run.stdout).toMatch(/^one\s+built\s+–\s+–\s+\d+ KB/m)
  }, 300_000)
})
