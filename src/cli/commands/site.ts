import type {Command} from 'commander'
import {siteSchema} from '../../config/options.js'
import {declareOptions} from '../schema-options.js'

/** `press site`: the command line; the work is the runner's, loaded when the command runs. */
export function siteCommand(program: Command): void {
  const command = program
    .command('site')
    .summary('build the catalogue site of every publication')
    .description(
      'Builds every manuscript found (PDF, EPUB and web edition, reusing what press build made), then writes a ' +
        'static site of them: an index with filters, a page per paper and per collection, search, an Atom feed ' +
        'and, with --base-url, a sitemap. Exit status: 0 written, 1 a publication failed, 2 wrong command line.'
    )
  const read = declareOptions(command, siteSchema)
  command.action(async (...args: unknown[]) => {
    const {runSite} = await import('../run/site.js')
    process.exitCode = await runSite(read(args.at(-1) as Command))
  })
}
