import {resolveWatchOptions} from '../../config/options.js'
import type {WatchEvent} from '../../preview/server.js'
import type {RawOptions} from '../schema-options.js'
import {resolveOrReport} from './options.js'

/** Runs `press watch` until Ctrl-C; returns the exit status. */
export async function runWatch(raw: RawOptions): Promise<number> {
  const options = resolveOrReport(() => resolveWatchOptions(raw))
  if (!options) return 2
  const {watch} = await import('../../preview/server.js')
  const server = await watch({...options, onEvent: tell})
  console.log(`press: serving ${server.url} — edit a manuscript and the page follows; Ctrl-C to stop`)
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await server.close()
  return 0
}

function tell(event: WatchEvent): void {
  if (event.type === 'updated') {
    console.log(`${event.slug}: ${event.ok ? 'page updated' : 'has errors (shown in the page)'}`)
  } else if (event.type === 'build-failed') {
    console.error(`press: the PDF and EPUB could not be rebuilt: ${event.message}`)
  } else {
    const {result} = event
    console.log(
      `${result.manuscript.slug}: ${result.ok ? `rebuilt ${result.outputs.join(', ') || '(up to date)'}` : 'PDF and EPUB not rebuilt: fix the errors'}`
    )
  }
}
