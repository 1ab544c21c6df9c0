import {spawn} from 'node:child_process'
import {randomUUID} from 'node:crypto'
import {cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {build, projectFolder} from '../../src/run/build.js'

const seed = path.join(projectFolder, 'manuscript', 'russia-dprk-partnership')
const press = path.join(projectFolder, 'lib', 'cli', 'press.js')

function copyOf(count: number) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'press-faults-'))
  for (let index = 1; index <= count; index++)
    cpSync(seed, path.join(folder, 'corpus', `paper-${index}`), {recursive: true})
  return {folder, corpus: path.join(folder, 'corpus'), out: path.join(folder, 'dist')}
}

/** Chromium processes started by this process: the browser a build launched. */
function browsersOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((candidate) => {
      try {
        const stat = readFileSync(`/proc/${candidate}/stat`, 'utf8')
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
        return parent === pid && /chrom/i.test(readFileSync(`/proc/${candidate}/comm`, 'utf8'))
      } catch {
        return false
      }
    })
}

describe('faults', () => {
  it('finishes the batch when the browser is killed in the middle of it', async () => {
    const {corpus, out, folder} = copyOf(3)
    let killed = 0
    const result = await build({
      paths: [corpus],
      out,
      cwd: folder,
      formats: ['pdf'],
      jobs: 1,
      onEvent: (event) => {
        if (event.type === 'started' && event.manuscript.slug === 'paper-2') {
          for (const pid of browsersOf(process.pid)) {
            process.kill(pid, 'SIGKILL')
            killed++
          }
        }
      }
    })
    expect(killed).toBeGreaterThan(0)
    expect(result.results.map((entry) => [entry.manuscript.slug, entry.ok, entry.file?.messages.map(String)])).toEqual([
      ['paper-1', true, []],
      ['paper-2', true, []],
      ['paper-3', true, []]
    ])
    for (const slug of ['paper-1', 'paper-2', 'paper-3'])
      expect(
        readFileSync(path.join(out, `${slug}.pdf`))
          .subarray(0, 5)
          .toString()
      ).toBe('%PDF-')
  }, 300_000)

  it('gives up on a document that keeps the browser past its time limit, after one retry, and says so', async () => {
    const {corpus, out, folder} = copyOf(1)
    const result = await build({paths: [corpus], out, cwd: folder, formats: ['pdf'], timeout: 0.05})
    expect(result.ok).toBe(false)
    expect(result.results[0]!.file!.messages.map(String)).toEqual([
      'corpus/paper-1/index.md:1:1: Could not build: the browser took more than 0 s on this document (twice; see --timeout)'
    ])
    expect(existsSync(path.join(out, 'paper-1.pdf'))).toBe(false)
  }, 120_000)

  it('keeps the previous outputs whole when a build is killed with SIGKILL while writing, and leaves no browser', async () => {
    const {corpus, out, folder} = copyOf(2)
    expect((await build({paths: [corpus], out, cwd: folder})).ok).toBe(true)
    const names = ['paper-1.pdf', 'paper-1.epub', 'paper-2.pdf', 'paper-2.epub']
    const before = new Map(names.map((name) => [name, readFileSync(path.join(out, name))]))
    for (const slug of ['paper-1', 'paper-2']) {
      const file = path.join(corpus, slug, 'index.md')
      writeFileSync(file, readFileSync(file, 'utf8') + '\n\nفقرة أضيفت بعد البناء الأول.\n')
    }

    // The build kills itself once its first output's temporary file is written, before renaming it (a test
    // hook in src/run/write.ts). Its processes, the browser's included, carry a mark in their environment.
    const mark = randomUUID()
    const child = spawn(process.execPath, [press, 'build', corpus, '--out', out, '--quiet', '--jobs', '1'], {
      cwd: folder,
      stdio: 'ignore',
      env: {...process.env, HAMMURABI_PRESS_FAULT: 'kill-after-temp-write', HAMMURABI_PRESS_TEST_MARK: mark}
    })
    const signal = await new Promise((resolve) => child.once('exit', (_code, exitSignal) => resolve(exitSignal)))
    expect(signal).toBe('SIGKILL')

    // The temporary file of the first output is there, and every previous output is yesterday's, byte for byte.
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([
      expect.stringMatching(new RegExp(`^\\.paper-1\\.pdf\\.${child.pid}\\.[0-9a-f]{8}\\.tmp$`))
    ])
    for (const name of names) expect(readFileSync(path.join(out, name)).equals(before.get(name)!), name).toBe(true)

    // Its browser (in a process group of its own) goes with it: the pipe it is driven through closed. It was
    // running, since a PDF was written; how long it takes to notice is the machine's business.
    const until = Date.now() + 30_000
    while (Date.now() < until && processesMarked(mark).length > 0)
      await new Promise((resolve) => setTimeout(resolve, 100))
    expect(processesMarked(mark)).toEqual([])

    // The next run removes what the killed one left and builds what it did not finish.
    const next = await build({paths: [corpus], out, cwd: folder})
    expect(next.ok).toBe(true)
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([])
    for (const name of names) expect(readFileSync(path.join(out, name)).equals(before.get(name)!), name).toBe(false)
  }, 300_000)

  it('stops on Ctrl-C, closing the browser and leaving no Chromium behind', async () => {
    const {corpus, out, folder} = copyOf(4)
    const child = spawn(process.execPath, [press, 'build', corpus, '--out', out, '--quiet'], {
      cwd: folder,
      stdio: 'ignore'
    })
    const deadline = Date.now() + 60_000
    let browsers: number[] = []
    while (Date.now() < deadline && browsers.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      browsers = browsersOf(child.pid!)
    }
    expect(browsers.length).toBeGreaterThan(0)
    child.kill('SIGINT')
    const code = await new Promise((resolve) => child.once('exit', (exitCode, signal) => resolve(exitCode ?? signal)))
    expect(code).toBe(130)
    const until = Date.now() + 5000
    while (Date.now() < until && browsers.some(isAlive)) await new Promise((resolve) => setTimeout(resolve, 100))
    expect(browsers.filter(isAlive)).toEqual([])
  }, 120_000)

  it('lets two builds of the same folder run at once without corrupting each other', async () => {
    const {corpus, out, folder} = copyOf(2)
    const [first, second] = await Promise.all([
      build({paths: [corpus], out, cwd: folder, formats: ['pdf']}),
      build({paths: [corpus], out, cwd: folder, formats: ['pdf'], force: true})
    ])
    expect(first.ok && second.ok).toBe(true)
    const alone = copyOf(1)
    expect((await build({paths: [alone.corpus], out: alone.out, cwd: alone.folder, formats: ['pdf']})).ok).toBe(true)
    expect(readFileSync(path.join(out, 'paper-1.pdf')).equals(readFileSync(path.join(alone.out, 'paper-1.pdf')))).toBe(
      true
    )
    expect(existsSync(path.join(out, '.cache', 'hammurabi-press.json'))).toBe(true)
  }, 300_000)
})

/** Processes still running whose environment holds `HAMMURABI_PRESS_TEST_MARK=mark`. */
function processesMarked(mark: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return (
          readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`HAMMURABI_PRESS_TEST_MARK=${mark}`) &&
          isAlive(pid)
        )
      } catch {
        return false
      }
    })
}

/** Whether a process still runs (a zombie waiting for its parent does not). */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return false
  }
}
