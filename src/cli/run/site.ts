import path from 'node:path'
import {reporter} from 'vfile-reporter'
import {resolveSiteOptions, type SiteInput} from '../../config/options.js'
import {filesOf, progressReporter} from '../progress.js'
import type {RawOptions} from '../schema-options.js'
import {stopOnInterrupt} from './build.js'
import {resolveOrReport} from './options.js'

/** Runs `press site`; returns the exit status. */
export async function runSite(raw: RawOptions): Promise<number> {
  const options = resolveOrReport(() =>
    resolveSiteOptions({...(raw as SiteInput), sourceDateEpoch: process.env.SOURCE_DATE_EPOCH || undefined})
  )
  if (!options) return 2
  const live = Boolean(process.stdout.isTTY) && !process.env.CI
  const {buildSite} = await import('../../site/site.js')
  const start = performance.now()
  const stop = stopOnInterrupt()
  const result = await buildSite(options, {
    signal: stop.signal,
    ...(options.quiet ? {} : {onEvent: progressReporter(process.stdout, live)})
  })
  if (stop.signal.aborted) return 130
  const files = result.build.results.flatMap(filesOf)
  const messages = reporter(files, {quiet: true, silent: options.quiet})
  if (messages) console.error(messages)
  for (const problem of result.problems) console.error(`press: ${problem}`)
  if (result.build.results.length === 0 && result.collections === 0) {
    console.error('press: no manuscripts found')
    return 1
  }
  if (!options.quiet) {
    for (const note of result.notes) console.log(`press: ${note}`)
    const seconds = ((performance.now() - start) / 1000).toFixed(1)
    console.log(
      `\npress: site written to ${path.relative(options.cwd, result.folder) || '.'}/: ${result.papers} papers, ` +
        `${result.collections} collections, ${result.pages} pages (${seconds} s)`
    )
  }
  return result.ok ? 0 : 1
}
