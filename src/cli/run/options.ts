import {OptionsError} from '../../config/options.js'

/**
 * Resolves a command's options, or tells what is wrong with them, one line each: `undefined` then means
 * exit status 2, a wrong command line.
 */
export function resolveOrReport<T>(resolve: () => T): T | undefined {
  try {
    return resolve()
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error
    for (const line of error.message.split('\n')) console.error(`press: ${line}`)
    return undefined
  }
}
