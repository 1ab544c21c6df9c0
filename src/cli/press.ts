#!/usr/bin/env node
import {parseArgs} from 'node:util'
import {reporter} from 'vfile-reporter'
import {build, defaultJobs, formats, type Format} from '../build/build.js'
import {jsonResults, progressReporter, summaryTable} from './progress.js'

const usage = `Usage: press build [PATH...] [options]
       press watch [PATH] [--port N]
       press import FILE.docx... [--out DIR] [--slug SLUG] [--force] [--quiet] [--json]

press build: builds each manuscript (a folder with index.md, a .md file, or a folder of them; default:
manuscript/) into DIR (default: dist/): <slug>.pdf, <slug>.epub and, with html, <slug>/index.html.
What is up to date is skipped.

  --out DIR         where outputs go (default dist)
  --format LIST     any of pdf, epub, html, comma-separated (default pdf,epub)
  --template NAME   the template folder under templates/ (default hammurabi)
  --bleed MM        print with MM millimetres of bleed, crop marks, trim and bleed boxes (default 0)
  --force           rebuild even what is up to date
  --jobs N          documents built at once, one browser tab for every two (default ${defaultJobs})
  --timeout S       seconds a document may take in the browser before it is retried (default 60)
  --quiet           print errors only
  --json            print the results as JSON (for programs)

press watch: serves the manuscripts' web editions on http://localhost:PORT, reloads the open page on
every save, and rebuilds the PDF and EPUB in the background.

  --port N          the port (default 4000)
  --out DIR         where the background builds write (default dist)

press import: turns Word files into manuscripts: DIR/<slug>/index.md (default DIR: manuscript) with the
images in media/ beside it. An existing manuscript is replaced only with --force.

  --out DIR         where manuscripts go (default manuscript)
  --slug SLUG       the manuscript's folder name (one file only; default: from the title)
  --force           replace a manuscript of the same slug

  -h, --help        this help`

type Values = Record<string, string | boolean | undefined>

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    console.log(usage)
    return command === undefined ? 2 : 0
  }
  if (command === 'import') return importCommand(rest)
  if (command !== 'build' && command !== 'watch') {
    console.error(`press: unknown command \`${command}\`\n\n${usage}`)
    return 2
  }

  let values: Values
  let positionals: string[]
  try {
    ;({values, positionals} = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        out: {type: 'string'},
        format: {type: 'string'},
        template: {type: 'string'},
        bleed: {type: 'string'},
        force: {type: 'boolean'},
        jobs: {type: 'string'},
        timeout: {type: 'string'},
        quiet: {type: 'boolean'},
        json: {type: 'boolean'},
        port: {type: 'string'},
        help: {type: 'boolean', short: 'h'}
      }
    }))
  } catch (error) {
    console.error(`press: ${(error as Error).message}\n\n${usage}`)
    return 2
  }
  if (values.help) {
    console.log(usage)
    return 0
  }
  const number = (name: string, fallback: number, low: number, high: number): number | undefined => {
    const given = values[name]
    const value = given === undefined ? fallback : Number(given)
    if (!Number.isFinite(value) || value < low || value > high) {
      console.error(`press: --${name} takes a number from ${low} to ${high} (got \`${String(given)}\`)`)
      return undefined
    }
    return value
  }

  if (command === 'watch') {
    const port = number('port', 4000, 1, 65535)
    if (port === undefined) return 2
    const {watch} = await import('../preview/server.js')
    const server = await watch({
      paths: positionals,
      port,
      out: values.out as string | undefined,
      template: values.template as string | undefined,
      onEvent: (event) => {
        if (event.type === 'updated') console.log(`${event.slug}: ${event.ok ? 'page updated' : 'has errors (shown in the page)'}`)
        else if (event.type === 'build-failed') console.error(`press: the PDF and EPUB could not be rebuilt: ${event.message}`)
        else console.log(`${event.result.manuscript.slug}: ${event.result.ok ? `rebuilt ${event.result.outputs.join(', ') || '(up to date)'}` : 'PDF and EPUB not rebuilt: fix the errors'}`)
      }
    })
    console.log(`press: serving ${server.url} — edit a manuscript and the page follows; Ctrl-C to stop`)
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    await server.close()
    return 0
  }

  const wanted = String(values.format ?? 'pdf,epub').split(',').map((name) => name.trim()).filter(Boolean)
  const unknown = wanted.filter((name) => !formats.includes(name as Format))
  if (unknown.length > 0 || wanted.length === 0) {
    console.error(`press: unknown format ${unknown.map((name) => `\`${name}\``).join(', ') || '(none)'}: choose from ${formats.join(', ')}`)
    return 2
  }
  const bleed = number('bleed', 0, 0, 20)
  const jobs = number('jobs', defaultJobs, 1, 16)
  const timeout = number('timeout', 60, 1, 3600)
  if (bleed === undefined || jobs === undefined || timeout === undefined) return 2

  // Ctrl-C: no new document starts, the browser is closed, outputs already written stay whole.
  const stop = new AbortController()
  const interrupt = () => {
    if (stop.signal.aborted) process.exit(130)
    stop.abort()
    console.error('\npress: interrupted: the browser is closed, outputs written so far are whole')
  }
  process.on('SIGINT', interrupt)
  process.on('SIGTERM', interrupt)

  const json = values.json === true
  const quiet = values.quiet === true || json
  const live = Boolean(process.stdout.isTTY) && !process.env.CI
  const epoch = process.env.SOURCE_DATE_EPOCH
  const result = await build({
    paths: positionals,
    out: values.out as string | undefined,
    formats: wanted as Format[],
    template: values.template as string | undefined,
    bleed,
    jobs,
    timeout,
    signal: stop.signal,
    force: values.force === true,
    sourceDateEpoch: epoch ? Number(epoch) : undefined,
    ...(quiet ? {} : {onEvent: progressReporter(process.stdout, live)})
  })

  const files = result.results.flatMap((entry) => (entry.file ? [entry.file] : []))
  const report = reporter(files, {quiet: true, silent: quiet})
  if (report) console.error(report)
  if (json) console.log(jsonResults(result))
  else if (!quiet) console.log(`\n${summaryTable(result)}`)
  if (result.results.length === 0 && !stop.signal.aborted) console.error('press: no manuscripts found')
  if (stop.signal.aborted) return 130
  return result.ok && result.results.length > 0 ? 0 : 1
}

/** `press import`, parsed on its own: its options are not the build's. */
async function importCommand(args: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: {type: 'string'},
        slug: {type: 'string'},
        force: {type: 'boolean'},
        quiet: {type: 'boolean'},
        json: {type: 'boolean'},
        help: {type: 'boolean', short: 'h'}
      }
    })
  } catch (error) {
    console.error(`press: ${(error as Error).message}\n\n${usage}`)
    return 2
  }
  const {values, positionals} = parsed
  if (values.help) {
    console.log(usage)
    return 0
  }
  if (positionals.length === 0 || (values.slug !== undefined && positionals.length > 1)) {
    console.error(`press: ${positionals.length === 0 ? 'import needs a Word file' : '--slug names one manuscript: import one file with it'}\n\n${usage}`)
    return 2
  }
  const {runImport} = await import('../import/run.js')
  return runImport({files: positionals, out: values.out, slug: values.slug, force: values.force === true, quiet: values.quiet === true, json: values.json === true})
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(`press: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
)
