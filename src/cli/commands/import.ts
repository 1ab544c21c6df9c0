import type {Command} from 'commander'
import {importSchema} from '../../config/options.js'
import {declareOptions} from '../schema-options.js'

/** `press import`: the command line; the work is the runner's, loaded when the command runs. */
export function importCommand(program: Command): void {
  const command = program
    .command('import')
    .summary('turn Word files (.docx) into manuscripts')
    .description(
      'Reads each Word file into a manuscript: DIR/<slug>/index.md with its images in media/ beside it, the front ' +
        'matter filled from the title pages. An existing manuscript is replaced only with --force. ' +
        'Exit status: 0 imported, 1 a file failed, 2 wrong command line.'
    )
  const read = declareOptions(command, importSchema)
  command.action(async (...args: unknown[]) => {
    const {runImportCommand} = await import('../run/import.js')
    process.exitCode = await runImportCommand(read(args.at(-1) as Command))
  })
}
