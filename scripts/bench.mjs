#!/usr/bin/env node
// `npm run bench`: what builds cost on this machine, against floors. Not a test: nothing passes or fails.
//   A. the seed paper's PDF, step by step, against printing the same final HTML with a bare Puppeteer call;
//   B. the command line on generated manuscripts of realistic size (copies of the seed paper, and one of
//      about 60 pages): one paper from a cold start, a batch of 20, a no-op rebuild, an edit of one,
//      the floor (the same final HTML printed by a bare Puppeteer loop in one warm browser), and the peak
//      memory of a batch of 100, browser included;
//   C. the edit loop on the seed paper: a cold `press build`, then, with `press watch` running, a save until
//      the open page has reloaded (a real browser on the preview page) and until the PDF and EPUB are on disk;
//   D. a collection of 10 corpus papers (PDF with offprints and listing, EPUB) against the same 10 papers
//      built alone in one `press build` (both cold, --force; the fastest of BENCH_RUNS runs of each);
//   E. `press site` over 20 manuscripts (the seed, the corpus, copies of corpus papers under other slugs):
//      cold (empty build folder, empty thumbnail cache) and warm (a second run, nothing changed).
// Medians of BENCH_RUNS runs (default 3; the seed steps 5); each batch run is compared with a floor run
// made just before it, as the machine's speed drifts. BENCH_QUICK=1 skips the batch of 100; BENCH_ONLY=C
// runs part C alone, BENCH_ONLY=D part D, BENCH_ONLY=E part E.
import {execFileSync, spawn} from 'node:child_process'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  watch as watchFolder,
  writeFileSync
} from 'node:fs'
import {createServer} from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {projectFolder} from '../lib/run/build.js'
import {loadBrand} from '../lib/brand/brand.js'
import {manuscriptAt, readManuscript} from '../lib/manuscript/read.js'
import {createDocument} from '../lib/pipeline/create-document.js'
import {launchBrowser} from '../lib/outputs/pdf/browser.js'
import {geometryOf} from '../lib/outputs/pdf/geometry.js'
import {printPage, printPdf} from '../lib/outputs/pdf/print.js'
import {coverFromPdf} from '../lib/outputs/cover/cover.js'
import {postprocessPdf} from '../lib/outputs/pdf/postprocess.js'

const runs = Number(process.env.BENCH_RUNS ?? 3)
const seedFile = path.join(projectFolder, 'manuscript', 'russia-dprk-partnership', 'index.md')
const press = path.join(projectFolder, 'lib', 'cli', 'press.js')
const work = mkdtempSync(path.join(os.tmpdir(), 'press-bench-'))
const brand = await loadBrand(path.join(projectFolder, 'templates', 'hammurabi'), path.join(projectFolder, 'fonts'))

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`

/** The share of the manuscript's words that `pdftotext` gives back intact (shared/tools/textlayer.py's measure). */
function textLayer(pdfFile, markdownFile) {
  const marks = /[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g
  const edge = /^[\p{P}\p{S}_]+|[\p{P}\p{S}_]+$/gu
  const words = (text) =>
    text
      .replace(marks, '')
      .split(/\s+/)
      .map((word) => word.replace(edge, ''))
      .filter(Boolean)
  let prose = readFileSync(markdownFile, 'utf8').replace(/^\uFEFF/, '')
  if (prose.startsWith('---')) prose = prose.slice(prose.indexOf('\n---', 3) + 4)
  prose = prose
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[\^[^\]]+\]:?/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, ' ')
    .replace(/^\|?[\s:|-]+\|?$/gm, ' ')
    .replace(/\{-\}|\{\.unnumbered\}/g, ' ')
    .replace(/[*_`|~]/g, ' ')
  const want = words(prose)
  const got = new Map()
  for (const word of words(execFileSync('pdftotext', ['-q', pdfFile, '-'], {encoding: 'utf8'})))
    got.set(word, (got.get(word) ?? 0) + 1)
  let intact = 0
  for (const word of want) {
    if ((got.get(word) ?? 0) > 0) {
      got.set(word, got.get(word) - 1)
      intact++
    }
  }
  return {share: (100 * intact) / want.length, words: want.length}
}

/**
 * Runs the command line; returns its wall time and, with `sample`, the peak memory of it and its children
 * (the browser). Sampling reads every process's page tables four times a second, which costs a good part
 * of a core: timed runs do not sample, and memory is measured in a run of its own.
 */
function runPress(args, {sample: sampled = false} = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(process.execPath, [press, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {...process.env, CI: 'true'}
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    let peak = 0
    const sample = () => {
      const tree = processTree(child.pid)
      const rss = tree.reduce((total, pid) => total + rssOf(pid), 0)
      if (rss > peak) peak = rss
    }
    // A first look soon after the start: a no-op build is over in a few hundred milliseconds.
    if (sampled) setTimeout(sample, 50)
    const timer = sampled ? setInterval(sample, 250) : undefined
    child.on('exit', (code) => {
      clearInterval(timer)
      if (code !== 0) reject(new Error(`press ${args.join(' ')} exited ${code}: ${stderr}`))
      else resolve({ms: performance.now() - start, peak})
    })
  })
}

/** A process and its descendants, through /proc/<pid>/task/<tid>/children (cheap enough to poll). */
function processTree(root) {
  const all = []
  const visit = (pid) => {
    all.push(pid)
    let tasks = []
    try {
      tasks = readdirSync(`/proc/${pid}/task`)
    } catch {}
    for (const task of tasks) {
      try {
        for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
          .trim()
          .split(/\s+/)
          .filter(Boolean))
          visit(Number(child))
      } catch {}
    }
  }
  visit(root)
  return all
}

/** Proportional set size: shared pages (Chromium's processes share most of theirs) counted once in all. */
function rssOf(pid) {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0
  }
}

/** A corpus: copies of the seed paper under new titles, and with `long`, one paper of about 60 pages. */
function corpus(folder, count, {long = false} = {}) {
  const seed = readFileSync(seedFile, 'utf8')
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(seed)
  mkdirSync(folder, {recursive: true})
  for (let index = 1; index <= count; index++) {
    const slug = `paper-${String(index).padStart(3, '0')}`
    mkdirSync(path.join(folder, slug))
    const title = `title: ${JSON.stringify(`${/title: (.*)/.exec(front)[1]} (${index})`)}`
    const text = long && index === 1 ? Array.from({length: 9}, () => body).join('\n\n') : body
    writeFileSync(path.join(folder, slug, 'index.md'), `---\n${front.replace(/title: .*/, title)}\n---\n${text}`)
  }
}

/** Now, in milliseconds since 1970, as precisely as the browser's own clock gives it. */
const now = () => performance.timeOrigin + performance.now()

/** A port free on this machine (`press watch` is given one; it does not report the one it picked). */
function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const {port} = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** When each of `names` has been renamed into `folder` (outputs are written aside and renamed into place). */
function renamedInto(folder, names) {
  const times = new Map()
  let done
  const finished = new Promise((resolve) => (done = resolve))
  const watcher = watchFolder(folder, (event, name) => {
    if (event !== 'rename' || !names.includes(String(name)) || times.has(String(name))) return
    times.set(String(name), now())
    if (times.size === names.length) done(Math.max(...times.values()))
  })
  return finished.finally(() => watcher.close())
}

/**
 * C. The edit loop on the seed paper: a cold build of it, then `press watch` on a copy, with a browser on
 * its page; each save appends a sentence. Timed from the file's write to the reloaded page's load event
 * (the page's own navigation timing), and to the renaming of both the PDF and the EPUB into place.
 */
async function editLoop() {
  const saves = 5
  const folder = path.join(work, 'edit')
  cpSync(path.dirname(seedFile), path.join(folder, 'paper'), {recursive: true})
  const file = path.join(folder, 'paper', 'index.md')
  const coldOut = path.join(work, 'out-edit-cold')
  const cold = []
  for (let run = 0; run < Math.max(runs, 3); run++) {
    rmSync(coldOut, {recursive: true, force: true})
    cold.push((await runPress(['build', folder, '--out', coldOut])).ms)
  }

  const out = path.join(work, 'out-edit')
  mkdirSync(out, {recursive: true})
  const port = await freePort()
  const url = `http://localhost:${port}/paper/`
  const server = spawn(process.execPath, [press, 'watch', folder, '--port', String(port), '--out', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {...process.env, CI: 'true'}
  })
  const exited = new Promise((resolve) => server.once('exit', resolve))
  for (
    let tries = 0;
    !(await fetch(url).then(
      (response) => response.ok,
      () => false
    ));
    tries++
  ) {
    if (tries > 300) throw new Error('press watch did not start')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const client = await launchBrowser()
  const tab = (await client.pages())[0] ?? (await client.newPage())
  await tab.goto(url, {waitUntil: 'load'})
  const load = []
  const outputs = []
  const loadBefore = os.loadavg()[0]
  const original = readFileSync(file, 'utf8')
  // One save more than measured, first: what a user's first save after starting the server costs.
  for (let save = 0; save <= saves; save++) {
    const reloaded = tab.waitForNavigation({waitUntil: 'load', timeout: 60_000})
    const written = renamedInto(out, ['paper.pdf', 'paper.epub'])
    const start = now()
    writeFileSync(file, `${original}\n\nتعديل رقم ${save + 1}.\n`)
    await reloaded
    const loadedAt = await tab.evaluate(
      () => performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventStart
    )
    const builtAt = await written
    if (save > 0) {
      load.push(loadedAt - start)
      outputs.push(builtAt - start)
    }
    // The server settles (the cache written, the tab given back) before the next save.
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  const loadAfter = os.loadavg()[0]
  await client.close()
  server.kill('SIGINT')
  await exited
  return {
    cold: median(cold),
    colds: cold,
    load: median(load),
    loads: load,
    outputs: median(outputs),
    outputsAll: outputs,
    loadBefore,
    loadAfter
  }
}

function reportEditLoop(result) {
  const ms = (value) => `${value.toFixed(0)} ms`
  console.log('')
  console.log(
    `C. The edit loop on the seed paper (medians; \`press watch\` timed from the file's write; machine load average ${result.loadBefore.toFixed(1)} before, ${result.loadAfter.toFixed(1)} after, on ${os.cpus().length} cores)`
  )
  console.log('')
  console.log('| what | time | × cold build | target |')
  console.log('| --- | --- | --- | --- |')
  console.log(`| cold \`press build\`, PDF + EPUB (${result.colds.length} runs) | ${seconds(result.cold)} | 1.00× | |`)
  console.log(
    `| save → page reloaded (load event in a browser on the preview page) | ${ms(result.load)} | ${(result.load / result.cold).toFixed(2)}× | < 0.10× |`
  )
  console.log(
    `| save → PDF and EPUB both renamed into place | ${ms(result.outputs)} | ${(result.outputs / result.cold).toFixed(2)}× | ≤ 0.25× |`
  )
  console.log('')
  console.log(
    `Runs: cold ${result.colds.map(seconds).join(', ')}; reload ${result.loads.map(ms).join(', ')}; PDF and EPUB ${result.outputsAll.map(ms).join(', ')}.`
  )
}

/**
 * D: the first 10 corpus papers, as a collection (its yaml in a folder of its own) and alone, in turns so
 * that both meet the same drift of the machine; the fastest run of each.
 */
async function collectionAgainstPapers() {
  const corpusFolder = path.join(projectFolder, 'tests', 'fixtures', 'corpus')
  const papers = readdirSync(corpusFolder, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(corpusFolder, entry.name))
    .sort()
    .slice(0, 10)
  const journal = path.join(work, 'collection', 'journal')
  mkdirSync(journal, {recursive: true})
  const list = papers.map((paper) => `  - ${path.relative(journal, paper)}`)
  writeFileSync(
    path.join(journal, 'collection.yaml'),
    ['title: عدد للقياس', 'date: 2025-12-01', 'papers:', ...list, ''].join('\n')
  )
  const alone = []
  const together = []
  for (let run = 0; run < runs; run++) {
    alone.push((await runPress(['build', ...papers, '--out', path.join(work, 'out-alone'), '--force'])).ms)
    together.push((await runPress(['build', journal, '--out', path.join(work, 'out-collection'), '--force'])).ms)
  }
  return {count: papers.length, alone, together}
}

function reportCollection({count, alone, together}) {
  const ratio = Math.min(...together) / Math.min(...alone)
  console.log('')
  console.log(`D. A collection of ${count} corpus papers against the same papers alone (PDF + EPUB, cold, --force)`)
  console.log('')
  console.log('| what | fastest | runs |')
  console.log('| --- | --- | --- |')
  console.log(
    `| the ${count} papers alone, one \`press build\` | ${seconds(Math.min(...alone))} | ${alone.map(seconds).join(', ')} |`
  )
  console.log(
    `| the collection of them (with offprints and listing) | ${seconds(Math.min(...together))} | ${together.map(seconds).join(', ')} |`
  )
  console.log('')
  console.log(`Collection against the papers alone: ${ratio.toFixed(2)}× (target ≤ 1.3×).`)
}

/**
 * E's manuscripts: the seed, every corpus paper, and copies of the first corpus papers under other slugs (a
 * slug is its folder's name) up to `count`, all in a folder of the bench's.
 */
function siteManuscripts(count) {
  const corpusFolder = path.join(projectFolder, 'tests', 'fixtures', 'corpus')
  const papers = readdirSync(corpusFolder, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  const folder = path.join(work, 'site-papers')
  cpSync(path.dirname(seedFile), path.join(folder, path.basename(path.dirname(seedFile))), {recursive: true})
  for (const name of papers) cpSync(path.join(corpusFolder, name), path.join(folder, name), {recursive: true})
  for (const name of papers.slice(0, count - papers.length - 1))
    cpSync(path.join(corpusFolder, name), path.join(folder, `${name}-copy`), {recursive: true})
  return folder
}

/**
 * E. `press site` over 20 manuscripts: cold (no build folder, no site, no thumbnails cached) then warm (the
 * same command again, nothing changed); the fastest of BENCH_RUNS pairs.
 */
async function siteRuns() {
  const count = 20
  const folder = siteManuscripts(count)
  const build = path.join(work, 'site-build')
  const out = path.join(work, 'site-out')
  const thumbnails = path.join(projectFolder, 'node_modules', '.cache', 'hammurabi-press', 'thumbnails')
  const args = ['site', folder, '--build-out', build, '--out', out]
  const cold = []
  const warm = []
  const load = [os.loadavg()[0]]
  for (let run = 0; run < runs; run++) {
    for (const emptied of [build, out, thumbnails]) rmSync(emptied, {recursive: true, force: true})
    cold.push((await runPress(args)).ms)
    warm.push((await runPress(args)).ms)
  }
  load.push(os.loadavg()[0])
  return {count: readdirSync(folder).length, cold, warm, load}
}

function reportSite({count, cold, warm, load}) {
  console.log('')
  console.log(`E. \`press site\` over ${count} manuscripts (PDF, EPUB, web edition, thumbnails, pages, search index)`)
  console.log('')
  console.log('| what | fastest | runs |')
  console.log('| --- | --- | --- |')
  console.log(
    `| cold: empty build folder, site and thumbnail cache | ${seconds(Math.min(...cold))} | ${cold.map(seconds).join(', ')} |`
  )
  console.log(
    `| warm: the same again, nothing changed | ${seconds(Math.min(...warm))} | ${warm.map(seconds).join(', ')} |`
  )
  console.log('')
  console.log(
    `Warm run: ${seconds(Math.min(...warm))} (target < 5 s). Load average (1 min) ${load[0].toFixed(1)} before, ${load[1].toFixed(1)} after.`
  )
}

if (process.env.BENCH_ONLY === 'E') {
  reportSite(await siteRuns())
  rmSync(work, {recursive: true, force: true})
  process.exit(0)
}

if (process.env.BENCH_ONLY === 'D') {
  reportCollection(await collectionAgainstPapers())
  rmSync(work, {recursive: true, force: true})
  process.exit(0)
}

if (process.env.BENCH_ONLY === 'C') {
  reportEditLoop(await editLoop())
  rmSync(work, {recursive: true, force: true})
  process.exit(0)
}

// A. The seed paper, step by step.
const browser = await launchBrowser()
const page = await browser.newPage()
const steps = {read: [], compose: [], load: [], cover: [], layout: [], print: [], postprocess: [], total: [], floor: []}
let pdfBytes
let finalHtml
const manuscript = manuscriptAt(seedFile)
for (let run = 0; run <= 5; run++) {
  const start = performance.now()
  const document = await createDocument(manuscript, await readManuscript(manuscript, projectFolder), brand.data.labels)
  const read = performance.now()
  const geometry = geometryOf(document, brand)
  const publication = printPage(document, brand, geometry)
  const composed = performance.now()
  const printed = await printPdf(page, publication, geometry, {
    keepHtml: run === 0,
    folders: [manuscript.folder, brand.folder, brand.fontsFolder]
  })
  const printedAt = performance.now()
  pdfBytes = await postprocessPdf(printed.pdf, document, {
    date: new Date(`${document.meta.date}T00:00:00Z`),
    creator: 'Hammurabi Press',
    geometry,
    layout: printed.layout
  })
  const postprocessed = performance.now()
  await coverFromPdf(printed.pdf, geometry)
  const end = performance.now()
  finalHtml ??= printed.html
  if (run === 0) continue // warm-up
  steps.read.push(read - start)
  steps.compose.push(composed - read)
  for (const key of ['load', 'layout', 'print']) steps[key].push(printed.timings[key])
  steps.postprocess.push(postprocessed - printedAt)
  steps.cover.push(end - postprocessed)
  steps.total.push(end - start)
}
const floorFile = path.join(work, 'final.html')
writeFileSync(floorFile, finalHtml)
// The floor's tab is a plain one: no isolation, no font waits, no layout of ours.
const bare = await browser.newPage()
for (let run = 0; run <= 5; run++) {
  const start = performance.now()
  await bare.goto(pathToFileURL(floorFile).href, {waitUntil: 'load'})
  await bare.pdf({preferCSSPageSize: true, printBackground: true})
  if (run > 0) steps.floor.push(performance.now() - start)
}
const pdfFile = path.join(work, 'paper.pdf')
writeFileSync(pdfFile, pdfBytes)
const layer = textLayer(pdfFile, seedFile)
const floor = median(steps.floor)
const row = (name, values) => `| ${name} | ${median(values).toFixed(0)} ms | ${(median(values) / floor).toFixed(2)}× |`
console.log(
  `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${execFileSync(browser.process()?.spawnfile ?? 'chromium', ['--version'], {encoding: 'utf8'}).trim()}`
)
console.log('')
console.log("A. The seed paper's PDF, step by step (medians of 5 runs in a warm browser)")
console.log('')
console.log('| step | time | × floor |')
console.log('| --- | --- | --- |')
console.log(row('read + unified pipeline', steps.read))
console.log(row('compose pages (hast → HTML)', steps.compose))
console.log(row("load the publication into the tab's shell", steps.load))
console.log(row('paginate: notes at the foot, contents numbers', steps.layout))
console.log(row('print (page.pdf)', steps.print))
console.log(row('post-process (pdf-lib: outline, XMP, boxes)', steps.postprocess))
console.log(row('cover image for the EPUB (PDFium, in a worker thread)', steps.cover))
console.log(row('**whole PDF, and the cover**', steps.total))
console.log(row('floor: bare Puppeteer print of the final HTML', steps.floor))
console.log('')
console.log(`Text layer: ${layer.share.toFixed(1)}% of ${layer.words} words come back intact from pdftotext.`)

// B. The command line.
const batch = path.join(work, 'batch')
corpus(batch, 20)
const single = path.join(work, 'single')
corpus(single, 1)
const long = path.join(work, 'long')
corpus(long, 1, {long: true})

// The floor for the batch: each paper's final HTML, printed by a bare loop in one warm browser.
const finals = []
const batchBrand = brand
for (const entry of readdirSync(batch).sort()) {
  const m = manuscriptAt(path.join(batch, entry, 'index.md'))
  const document = await createDocument(m, await readManuscript(m, batch), batchBrand.data.labels)
  const geometry = geometryOf(document, batchBrand)
  const printed = await printPdf(page, printPage(document, batchBrand, geometry), geometry, {
    keepHtml: true,
    folders: [m.folder, batchBrand.folder, batchBrand.fontsFolder]
  })
  const file = path.join(work, `${entry}.html`)
  writeFileSync(file, printed.html)
  finals.push(file)
}
const batchFloor = []
const floorOnce = async () => {
  const start = performance.now()
  for (const file of finals) {
    await bare.goto(pathToFileURL(file).href, {waitUntil: 'load'})
    await bare.pdf({preferCSSPageSize: true, printBackground: true})
  }
  batchFloor.push(performance.now() - start)
  return batchFloor.at(-1)
}
await floorOnce() // warm-up

// This machine's speed drifts by a fifth over minutes: for the batches, each run is paired with a floor
// run just before it, and the ratio is the median of the pairs' ratios.
const measure = async (label, setUp, args, {paired = false} = {}) => {
  const times = []
  const ratios = []
  for (let run = 0; run < runs; run++) {
    const floor = paired ? await floorOnce() : undefined
    await setUp?.(run)
    times.push((await runPress(args)).ms)
    if (floor) ratios.push(times.at(-1) / floor)
  }
  await setUp?.(runs)
  const {peak} = await runPress(args, {sample: true})
  return {label, ms: median(times), peak, ...(paired ? {ratio: median(ratios)} : {})}
}
const fresh = (folder) => () => rmSync(folder, {recursive: true, force: true})
const results = []
results.push(
  await measure('one paper (seed size), PDF + EPUB, cold start', fresh(path.join(work, 'out-single')), [
    'build',
    single,
    '--out',
    path.join(work, 'out-single')
  ])
)
results.push(
  await measure('one paper of about 60 pages, PDF + EPUB, cold start', fresh(path.join(work, 'out-long')), [
    'build',
    long,
    '--out',
    path.join(work, 'out-long')
  ])
)
results.push(
  await measure(
    'batch of 20 papers, PDF + EPUB',
    fresh(path.join(work, 'out-batch')),
    ['build', batch, '--out', path.join(work, 'out-batch')],
    {paired: true}
  )
)
const batchResult = results.at(-1)
results.push(
  await measure(
    'batch of 20 papers, PDF only',
    fresh(path.join(work, 'out-batch-pdf')),
    ['build', batch, '--out', path.join(work, 'out-batch-pdf'), '--format', 'pdf'],
    {paired: true}
  )
)
const pdfBatchResult = results.at(-1)
await browser.close()
results.push(
  await measure('no-op rebuild of the 20', undefined, ['build', batch, '--out', path.join(work, 'out-batch')])
)
let edits = 0
results.push(
  await measure('edit of one of the 20', () => {
    const file = path.join(batch, 'paper-007', 'index.md')
    writeFileSync(file, readFileSync(file, 'utf8') + `\n\nتعديل رقم ${++edits}.\n`)
  }, ['build', batch, '--out', path.join(work, 'out-batch')])
)
const floorBatch = median(batchFloor)

console.log('')
console.log(
  `B. The command line (\`press build\`, wall time including Node start-up; medians of ${runs} runs; peak memory from one more run)`
)
console.log('')
console.log('| what | time | × floor of 20 | peak memory |')
console.log('| --- | --- | --- | --- |')
for (const result of results)
  console.log(
    `| ${result.label} | ${seconds(result.ms)} | ${(result.ratio ?? result.ms / floorBatch).toFixed(2)}×${result.ratio ? ' (paired)' : ''} | ${(result.peak / 2 ** 20).toFixed(0)} MiB |`
  )
console.log(`| floor: the 20 final HTML files, bare Puppeteer loop, warm browser | ${seconds(floorBatch)} | 1.00× | |`)
console.log('')
console.log(
  `Batch of 20 against the floor (median of ${runs} runs, each against a floor run just before it): ${batchResult.ratio.toFixed(2)}× with the EPUB, ${pdfBatchResult.ratio.toFixed(2)}× for the PDF alone. Floor runs: ${batchFloor.map((ms) => seconds(ms)).join(', ')}.`
)

if (!process.env.BENCH_QUICK) {
  const hundred = path.join(work, 'hundred')
  corpus(hundred, 100)
  const {ms} = await runPress(['build', hundred, '--out', path.join(work, 'out-hundred')])
  rmSync(path.join(work, 'out-hundred'), {recursive: true, force: true})
  const {peak} = await runPress(['build', hundred, '--out', path.join(work, 'out-hundred')], {sample: true})
  console.log(
    `Batch of 100 papers, PDF + EPUB: ${seconds(ms)}, peak memory ${(peak / 2 ** 20).toFixed(0)} MiB (Node and Chromium together).`
  )
}
reportEditLoop(await editLoop())
reportCollection(await collectionAgainstPapers())
reportSite(await siteRuns())
rmSync(work, {recursive: true, force: true})
