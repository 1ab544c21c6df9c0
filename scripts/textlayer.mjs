#!/usr/bin/env node
// `npm run textlayer [-- PATH... --out DIR]`: the share of each manuscript's words that four PDF readers
// give back intact, as a Markdown table. Default: the seed paper and the development corpus, built into
// dist/textlayer (what is up to date there is not built again). Not a test: nothing passes or fails.
//
// The measure is the one the corpus test holds the PDFs to, tests/helpers/text-measure.ts. Vite, already a
// dev dependency through Vitest, imports that TypeScript module as it is, so the script and the test share
// one measure without a second copy of it and without compiling test helpers into lib/ (lib/ is the
// published program).
import path from 'node:path'
import {readFileSync} from 'node:fs'
import {runnerImport} from 'vite'
import {build, projectFolder} from '../lib/run/build.js'

const {module: measure} = await runnerImport(path.join(projectFolder, 'tests', 'helpers', 'text-measure.ts'), {
  configFile: false,
  logLevel: 'error'
})

const args = process.argv.slice(2)
const outAt = args.indexOf('--out')
const out = path.resolve(outAt === -1 ? path.join(projectFolder, 'dist', 'textlayer') : args.splice(outAt, 2)[1])
const paths = args.length
  ? args
  : [path.join(projectFolder, 'manuscript'), path.join(projectFolder, 'tests', 'fixtures', 'corpus')]

const result = await build({paths, out, formats: ['pdf', 'html'], cwd: projectFolder})
const names = Object.keys(measure.readers)
console.log(`| manuscript | words | ${names.join(' | ')} |`)
console.log(`| --- | ---: | ${names.map(() => '---:').join(' | ')} |`)
for (const entry of result.results) {
  const {slug} = entry.manuscript
  if (!entry.ok) {
    console.log(`| ${slug} | not built | ${names.map(() => '–').join(' | ')} |`)
    continue
  }
  const expected = measure.expectedWords(readFileSync(path.join(out, slug, 'index.html'), 'utf8'))
  const cells = []
  for (const read of Object.values(measure.readers)) {
    try {
      cells.push(`${measure.intactShare(expected, await read(path.join(out, `${slug}.pdf`))).share.toFixed(1)}%`)
    } catch (error) {
      console.error(`${slug}: ${error.message}`)
      cells.push('–')
    }
  }
  console.log(`| ${slug} | ${expected.length} | ${cells.join(' | ')} |`)
}
