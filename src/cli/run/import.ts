import {resolveImportOptions, type ImportInput} from '../../config/options.js'
import type {RawOptions} from '../schema-options.js'
import {resolveOrReport} from './options.js'

/** Runs `press import`; returns the exit status. */
export async function runImportCommand(raw: RawOptions): Promise<number> {
  const options = resolveOrReport(() => resolveImportOptions(raw as ImportInput))
  // (The schema checks every raw value, the required files among them.)
  if (!options) return 2
  const {runImport} = await import('../../import/run.js')
  return runImport(options)
}
