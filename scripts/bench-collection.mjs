#!/usr/bin/env node
// `node scripts/bench-collection.mjs [N]` (after `npx tsc -p tsconfig.build.json`): N papers (default 3: the
// seed and the corpus papers in order) printed as one collection PDF with its offprints, against the same
// papers' PDFs built alone, in one warm browser with one tab. Medians of BENCH_RUNS runs (default 5), each
// pair run back to back, as the machine's speed drifts. Not a test: nothing passes or fails.
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import {loadBrand} from '../lib/brand/brand.js'
import {collectionSchema} from '../lib/manuscript/collection.js'
import {directionOf} from '../lib/manuscript/meta.js'
import {readManuscript} from '../lib/manuscript/read.js'
import {BrowserPool} from '../lib/outputs/pdf/pool.js'
import {createDocument} from '../lib/pipeline/create-document.js'
import {discoverManuscripts} from '../lib/run/discover.js'
import {Renderer} from '../lib/run/render.js'
import {projectFolder} from '../lib/run/build.js'

const count = Number(process.argv[2] ?? 3)
const runs = Number(process.env.BENCH_RUNS ?? 5)
const template = path.join(projectFolder, 'templates/hammurabi')
const fonts = path.join(projectFolder, 'fonts')
const manuscripts = (
  await discoverManuscripts([path.join(projectFolder, 'manuscript'), path.join(projectFolder, 'tests/fixtures/corpus')])
).slice(0, count)
if (manuscripts.length < count) throw new Error(`Only ${manuscripts.length} papers found`)
const brand = await loadBrand(template, fonts)
const work = mkdtempSync(path.join(os.tmpdir(), 'bench-collection-'))
const folder = path.join(work, 'journal')
mkdirSync(folder)
const {papers: _, ...meta} = collectionSchema.parse({
  title: 'قضايا الأمن الإقليمي',
  series: 'مجلة حمورابي',
  volume: 3,
  number: 12,
  date: '2025-12-01',
  editors: ['علي حسين'],
  papers: manuscripts.map((manuscript) => manuscript.path)
})
const pool = new BrowserPool({tabs: 1})
const renderer = await Renderer.create(template, fonts, pool, {timeout: 300_000})
const out = path.join(work, 'out')

async function alone() {
  const start = performance.now()
  for (const manuscript of manuscripts) {
    await renderer.render(manuscript, await readManuscript(manuscript, projectFolder), ['pdf'], {out, bleed: 0})
  }
  return performance.now() - start
}

async function together() {
  const start = performance.now()
  const papers = []
  for (const manuscript of manuscripts) {
    const file = await readManuscript(manuscript, projectFolder)
    papers.push(await createDocument(manuscript, file, brand.data.labels))
  }
  const collection = {
    slug: 'journal',
    path: path.join(folder, 'collection.yaml'),
    folder,
    meta,
    dir: directionOf(meta.lang),
    papers,
    file: new VFile({})
  }
  const rendered = await renderer.renderCollection(collection, ['pdf'], {out, bleed: 0})
  return {time: performance.now() - start, pages: rendered.pages}
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
await alone() // warms the browser, the fonts and the writers
const rows = []
for (let run = 0; run < runs; run++) rows.push({alone: await alone(), collection: await together()})
const a = median(rows.map((row) => row.alone))
const c = median(rows.map((row) => row.collection.time))
console.log(
  `${count} papers (${rows[0].collection.pages} pages as a collection): alone ${(a / 1000).toFixed(2)} s, ` +
    `as a collection with ${count} offprints ${(c / 1000).toFixed(2)} s (${(c / a).toFixed(2)}×), medians of ${runs}`
)
await pool.close()
rmSync(work, {recursive: true, force: true})
