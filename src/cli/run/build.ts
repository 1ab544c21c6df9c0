import {reporter} from 'vfile-reporter'
import {buildWith, type BuildResult} from '../../run/build.js'
import {resolveBuildCommand, type BuildCommandOptions} from '../../config/options.js'
import {filesOf, jsonResults, progressReporter, summaryTable} from '../progress.js'
import type {RawOptions} from '../schema-options.js'
import {resolveOrReport} from './options.js'

/** Runs `press build`; returns the exit status. */
export async function runBuild(raw: RawOptions): Promise<number> {
  const options = resolveOrReport(() =>
    resolveBuildCommand({...raw, sourceDateEpoch: process.env.SOURCE_DATE_EPOCH || undefined})
  )
  if (!options) return 2
  const stop = stopOnInterrupt()
  const quiet = options.quiet || options.json
  const live = Boolean(process.stdout.isTTY) && !process.env.CI
  const result = await buildWith(options, {
    signal: stop.signal,
    ...(quiet ? {} : {onEvent: progressReporter(process.stdout, live)})
  })
  report(result, options)
  if (stop.signal.aborted) return 130
  if (result.results.length === 0) return nothingToBuild(result, options)
  return result.ok ? 0 : 1
}

/** Ctrl-C: no new document starts, the browser is closed, outputs already written stay whole. */
export function stopOnInterrupt(): AbortController {
  const stop = new AbortController()
  const interrupt = () => {
    if (stop.signal.aborted) process.exit(130)
    stop.abort()
    console.error('\npress: interrupted: the browser is closed, outputs written so far are whole')
  }
  process.on('SIGINT', interrupt)
  process.on('SIGTERM', interrupt)
  return stop
}

function report(result: BuildResult, options: BuildCommandOptions): void {
  const quiet = options.quiet || options.json
  const files = result.results.flatMap(filesOf)
  const messages = reporter(files, {quiet: true, silent: quiet})
  if (messages) console.error(messages)
  if (options.json) console.log(jsonResults(result))
  else if (!quiet && result.results.length > 0) console.log(`\n${summaryTable(result)}`)
}

/** No manuscript at all is a mistake; a shard that none fell to is not (a small catalogue, a wide matrix). */
function nothingToBuild(result: BuildResult, options: BuildCommandOptions): number {
  if (options.shard && result.elsewhere > 0) {
    if (!options.quiet && !options.json)
      console.log(
        `press: no manuscript falls to shard ${options.shard.index}/${options.shard.count} (${result.elsewhere} in the others)`
      )
    return 0
  }
  console.error('press: no manuscripts found')
  return 1
}
