#!/usr/bin/env node
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {Command, CommanderError} from 'commander'
import {projectFolder} from '../config/project.js'
import {buildCommand} from './commands/build.js'
import {importCommand} from './commands/import.js'
import {siteCommand} from './commands/site.js'
import {watchCommand} from './commands/watch.js'

/**
 * Every command: a module declaring its command line, whose runner is loaded only when it runs. A new
 * command is one more parser module here and its runner.
 */
const commands: Array<(program: Command) => void> = [buildCommand, watchCommand, importCommand, siteCommand]

function pressProgram(): Command {
  const program = new Command('press')
    .description('Hammurabi Press: Arabic manuscripts in Markdown to print-ready PDF, EPUB 3 and web pages.')
    .version(version(), '-V, --version', 'print the version')
    .helpCommand('help [COMMAND]', 'the help of a command')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      outputError: (text, write) => write(text.startsWith('error: ') ? `press: ${text.slice('error: '.length)}` : text)
    })
  for (const register of commands) register(program)
  for (const command of program.commands)
    command.showHelpAfterError(`(press ${command.name()} --help lists its options)`)
  return program.showHelpAfterError('(press --help lists the commands)')
}

function version(): string {
  return (JSON.parse(readFileSync(path.join(projectFolder, 'package.json'), 'utf8')) as {version: string}).version
}

/** Exit status: what the command's runner set; 2 for a wrong command line; 1 for anything unforeseen. */
async function main(argv: string[]): Promise<void> {
  try {
    await pressProgram().parseAsync(argv, {from: 'user'})
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2
      return
    }
    console.error(`press: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}

await main(process.argv.slice(2))
