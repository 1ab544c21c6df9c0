#!/usr/bin/env node
/**
 * `press import` timed (not a test): the seed paper's Word file (tests/fixtures/docx/pandoc-seed.docx) and
 * one of about 60 pages (the seed's text nine times, as `npm run bench` makes its long paper, through
 * Pandoc when it is installed). Wall time of the command, Node's start-up included; medians of 5 runs.
 * Run after `npm run compile`: `node scripts/bench-import.mjs`.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const work = mkdtempSync(path.join(os.tmpdir(), 'press-bench-import-'))
const press = path.join(root, 'lib/cli/press.js')

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function time(file, name) {
  const runs = Array.from({length: 5}, (_, index) => {
    const start = performance.now()
    execFileSync(process.execPath, [
      press,
      'import',
      file,
      '--out',
      path.join(work, `out-${name}-${index}`),
      '--slug',
      'paper',
      '--quiet'
    ])
    return performance.now() - start
  })
  return median(runs)
}

const seed = path.join(root, 'tests/fixtures/docx/pandoc-seed.docx')
console.log(
  `seed-sized paper (${Math.round(readFileSync(seed).length / 1024)} KB): ${(time(seed, 'seed') / 1000).toFixed(2)} s`
)
try {
  const markdown = readFileSync(path.join(root, 'manuscript/russia-dprk-partnership/index.md'), 'utf8')
  const [, front, body] = markdown.split(/^---$/m)
  writeFileSync(path.join(work, 'long.md'), `---${front}---\n${Array.from({length: 9}, () => body).join('\n\n')}`)
  execFileSync('pandoc', ['long.md', '--shift-heading-level-by=-1', '-o', 'long.docx'], {cwd: work})
  const long = path.join(work, 'long.docx')
  console.log(
    `paper of about 60 pages (${Math.round(readFileSync(long).length / 1024)} KB): ${(time(long, 'long') / 1000).toFixed(2)} s`
  )
} catch (error) {
  console.log(`paper of about 60 pages: not measured (${error.message.split('\n')[0]})`)
}
console.log(
  `Node's start-up alone: ${(
    median(
      Array.from({length: 5}, () => {
        const start = performance.now()
        execFileSync(process.execPath, ['-e', ''])
        return performance.now() - start
      })
    ) / 1000
  ).toFixed(2)} s`
)
