import type {Command} from 'commander'
import {buildCommandSchema} from '../../config/options.js'
import {declareOptions} from '../schema-options.js'

/** `press build`: the command line; the work is the runner's, loaded when the command runs. */
export function buildCommand(program: Command): void {
  const command = program
    .command('build')
    .summary('build manuscripts into PDF, EPUB and web pages')
    .description(
      'Builds each manuscript into the output folder: <slug>.pdf, <slug>.epub and, with html, <slug>/index.html. ' +
        'What is up to date is skipped. Exit status: 0 built, 1 a manuscript failed, 2 wrong command line, 130 interrupted.'
    )
  const read = declareOptions(command, buildCommandSchema)
  command.action(async (...args: unknown[]) => {
    const {runBuild} = await import('../run/build.js')
    process.exitCode = await runBuild(read(args.at(-1) as Command))
  })
}
