#!/usr/bin/env node
import {parseArgs} from 'node:util'
import {reporter} from 'vfile-reporter'
import {build, formats, type Format} from '../build/build.js'

const usage = `Usage: press build [PATH...] [--out DIR] [--format pdf,epub,html] [--bleed MM]

Builds each manuscript (a folder with index.md, a .md file, or a folder of them; default: manuscript/)
into DIR (default: dist/): <slug>.pdf, <slug>.epub and, with html, <slug>/index.html.

Options:
  --out DIR         where outputs go (default dist)
  --format LIST     any of pdf, epub, html, comma-separated (default pdf,epub)
  --template NAME   the template folder under templates/ (default hammurabi)
  --bleed MM        print with MM millimetres of bleed, crop marks, trim and bleed boxes (default 0)
  -h, --help        this help`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    console.log(usage)
    return command === undefined ? 2 : 0
  }
  if (command !== 'build') {
    console.error(`press: unknown command \`${command}\`\n\n${usage}`)
    return 2
  }

  let values: {out?: string | undefined; format?: string | undefined; template?: string | undefined; bleed?: string | undefined; help?: boolean | undefined}
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
  const wanted = (values.format ?? 'pdf,epub').split(',').map((name) => name.trim()).filter(Boolean)
  const unknown = wanted.filter((name) => !formats.includes(name as Format))
  if (unknown.length > 0 || wanted.length === 0) {
    console.error(`press: unknown format ${unknown.map((name) => `\`${name}\``).join(', ') || '(none)'}: choose from ${formats.join(', ')}`)
    return 2
  }

  const bleed = values.bleed === undefined ? 0 : Number(values.bleed)
  if (!Number.isFinite(bleed) || bleed < 0 || bleed > 20) {
    console.error(`press: --bleed takes millimetres from 0 to 20 (got \`${values.bleed}\`)`)
    return 2
  }

  const epoch = process.env.SOURCE_DATE_EPOCH
  const result = await build({
    paths: positionals,
    out: values.out,
    formats: wanted as Format[],
    template: values.template,
    bleed,
    sourceDateEpoch: epoch ? Number(epoch) : undefined
  })

  const report = reporter(result.results.map((entry) => entry.file), {quiet: true})
  if (report) console.error(report)
  for (const entry of result.results) {
    const state = entry.ok ? 'built' : 'FAILED'
    console.log(`${state.padEnd(6)} ${entry.manuscript.slug}${entry.outputs.length ? `: ${entry.outputs.join(', ')}` : ''}`)
  }
  if (result.results.length === 0) console.error('press: no manuscripts found')
  return result.ok && result.results.length > 0 ? 0 : 1
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
