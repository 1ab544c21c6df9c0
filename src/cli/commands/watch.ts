import type {Command} from 'commander'
import {watchSchema} from '../../config/options.js'
import {declareOptions} from '../schema-options.js'

/** `press watch`: the command line; the work is the runner's, loaded when the command runs. */
export function watchCommand(program: Command): void {
  const command = program
    .command('watch')
    .summary('serve the web editions, reload on every save, rebuild PDF and EPUB in the background')
    .description(
      "Serves the manuscripts' web editions on http://localhost:PORT, reloads the open page on every save, " +
        'and rebuilds the PDF and EPUB in the background. Ctrl-C stops it.'
    )
  const read = declareOptions(command, watchSchema)
  command.action(async (...args: unknown[]) => {
    const {runWatch} = await import('../run/watch.js')
    process.exitCode = await runWatch(read(args.at(-1) as Command))
  })
}
