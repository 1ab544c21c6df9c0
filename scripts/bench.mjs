#!/usr/bin/env node
// `npm run bench`: what a paper's PDF costs, step by step, against the floor of printing the same final
// HTML with a bare Puppeteer call in the same warm browser; and how much of the manuscript's text the
// PDF gives back intact. Figures are medians of several runs. Not a test: nothing here passes or fails.
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {projectFolder} from '../lib/build/build.js'
import {loadBrand} from '../lib/brand/brand.js'
import {readManuscript, manuscriptAt} from '../lib/manuscript/read.js'
import {createDocument} from '../lib/pipeline/document.js'
import {launchBrowser} from '../lib/outputs/pdf/browser.js'
import {geometryOf} from '../lib/outputs/pdf/geometry.js'
import {printHtml, printPdf} from '../lib/outputs/pdf/print.js'
import {postprocessPdf} from '../lib/outputs/pdf/postprocess.js'

const runs = Number(process.env.BENCH_RUNS ?? 5)
const manuscriptFile = path.join(projectFolder, 'manuscript', 'russia-dprk-partnership', 'index.md')

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** The share of the manuscript's words that `pdftotext` gives back intact (shared/tools/textlayer.py's measure). */
function textLayer(pdfFile, markdownFile) {
  const marks = /[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g
  const edge = /^[\p{P}\p{S}_]+|[\p{P}\p{S}_]+$/gu
  const words = (text) => text.replace(marks, '').split(/\s+/).map((word) => word.replace(edge, '')).filter(Boolean)
  let prose = readFileSync(markdownFile, 'utf8').replace(/^\uFEFF/, '')
  if (prose.startsWith('---')) prose = prose.slice(prose.indexOf('\n---', 3) + 4)
  prose = prose.replace(/```[\s\S]*?```/g, ' ').replace(/<[^>]+>/g, ' ').replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\[\^[^\]]+\]:?/g, ' ').replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, ' ')
    .replace(/^\|?[\s:|-]+\|?$/gm, ' ').replace(/\{-\}|\{\.unnumbered\}/g, ' ').replace(/[*_`|~]/g, ' ')
  const want = words(prose)
  const got = new Map()
  for (const word of words(execFileSync('pdftotext', ['-q', pdfFile, '-'], {encoding: 'utf8'}))) got.set(word, (got.get(word) ?? 0) + 1)
  let intact = 0
  for (const word of want) {
    if ((got.get(word) ?? 0) > 0) {
      got.set(word, got.get(word) - 1)
      intact++
    }
  }
  return {share: (100 * intact) / want.length, words: want.length}
}

const brand = await loadBrand(path.join(projectFolder, 'templates', 'hammurabi'), path.join(projectFolder, 'fonts'))
const manuscript = manuscriptAt(manuscriptFile)
const work = mkdtempSync(path.join(os.tmpdir(), 'press-bench-'))
const browser = await launchBrowser()
const steps = {read: [], compose: [], load: [], fonts: [], layout: [], print: [], postprocess: [], total: [], floor: []}
let pdfBytes
let finalHtml
try {
  for (let run = 0; run <= runs; run++) {
    const start = performance.now()
    const file = await readManuscript(manuscript, projectFolder)
    const document = await createDocument(manuscript, file, brand.data.labels)
    const read = performance.now()
    const geometry = geometryOf(document, brand)
    const html = printHtml(document, brand, geometry)
    const composed = performance.now()
    const printed = await printPdf(browser, html, geometry, {keepHtml: run === 0})
    const printedAt = performance.now()
    pdfBytes = await postprocessPdf(printed.pdf, document, {date: new Date(`${document.meta.date}T00:00:00Z`), creator: 'Hammurabi Press', geometry, layout: printed.layout})
    const end = performance.now()
    finalHtml ??= printed.html
    // The first run warms the browser and the module caches: it is not counted.
    if (run === 0) continue
    steps.read.push(read - start)
    steps.compose.push(composed - read)
    for (const key of ['load', 'fonts', 'layout', 'print']) steps[key].push(printed.timings[key])
    steps.postprocess.push(end - printedAt)
    steps.total.push(end - start)
  }

  // The floor: the same laid-out page, printed by the plainest Puppeteer loop in the same warm browser.
  const floorFile = path.join(work, 'final.html')
  writeFileSync(floorFile, finalHtml)
  for (let run = 0; run <= runs; run++) {
    const start = performance.now()
    const page = await browser.newPage()
    await page.goto(pathToFileURL(floorFile).href, {waitUntil: 'load'})
    await page.pdf({preferCSSPageSize: true, printBackground: true})
    await page.close()
    if (run > 0) steps.floor.push(performance.now() - start)
  }
} finally {
  await browser.close()
}

const pdfFile = path.join(work, 'paper.pdf')
writeFileSync(pdfFile, pdfBytes)
const layer = textLayer(pdfFile, manuscriptFile)
const floor = median(steps.floor)
const row = (name, values) => `| ${name} | ${median(values).toFixed(0)} ms | ${(median(values) / floor).toFixed(2)}× |`
console.log(`Seed paper (${path.relative(projectFolder, manuscriptFile)}), ${runs} runs after one warm-up, medians; ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`)
console.log('')
console.log('| step | time | × floor |')
console.log('| --- | --- | --- |')
console.log(row('read + unified pipeline', steps.read))
console.log(row('compose pages (hast → HTML)', steps.compose))
console.log(row('load page in Chromium', steps.load))
console.log(row('load every font face', steps.fonts))
console.log(row('paginate: notes at the foot, contents numbers', steps.layout))
console.log(row('print (page.pdf)', steps.print))
console.log(row('post-process (pdf-lib: outline, XMP, boxes)', steps.postprocess))
console.log(row('**whole PDF**', steps.total))
console.log(row('floor: bare Puppeteer print of the final HTML', steps.floor))
console.log('')
console.log(`Text layer: ${layer.share.toFixed(1)}% of ${layer.words} words come back intact from pdftotext.`)
rmSync(work, {recursive: true, force: true})
