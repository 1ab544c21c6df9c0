import {randomBytes} from 'node:crypto'
import {mkdir, readdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'

/**
 * Writes a file whole or not at all: into a temporary file beside it, then renamed over it, so that an
 * interrupted build leaves yesterday's output, never half of today's.
 */
export async function writeAtomically(target: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(target), {recursive: true})
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  )
  try {
    await writeFile(temporary, bytes)
    faultAfterTemporaryWrite()
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  }
}

/**
 * A folder of files, written beside the target and swapped in when complete. `fill`, if given, writes more
 * into the temporary folder (files another module makes on disk) before the swap.
 */
export async function writeFolderAtomically(
  target: string,
  files: Map<string, Uint8Array | string>,
  fill?: (folder: string) => Promise<void>
): Promise<void> {
  await mkdir(path.dirname(target), {recursive: true})
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  )
  const previous = `${temporary}.old`
  try {
    for (const [name, bytes] of files) {
      const file = path.join(temporary, name)
      await mkdir(path.dirname(file), {recursive: true})
      await writeFile(file, bytes)
    }
    await fill?.(temporary)
    faultAfterTemporaryWrite()
    await rename(target, previous).catch(() => undefined)
    await rename(temporary, target)
  } finally {
    await rm(temporary, {recursive: true, force: true})
    await rm(previous, {recursive: true, force: true})
  }
}

/**
 * A test hook, inert unless `HAMMURABI_PRESS_FAULT=kill-after-temp-write` is set: the process then kills
 * itself with SIGKILL once an output's temporary file is written and before it is renamed into place, the
 * worst moment for an interruption, so that the fault tests can check what such a kill leaves without
 * racing the build to catch that moment.
 */
function faultAfterTemporaryWrite(): void {
  if (process.env.HAMMURABI_PRESS_FAULT === 'kill-after-temp-write') process.kill(process.pid, 'SIGKILL')
}

/**
 * Temporary files left by a build that was killed (SIGKILL leaves no chance to clean up): removed by the
 * next run, unless the build that wrote them is still running.
 */
export async function removeLeftovers(folder: string): Promise<void> {
  const entries = await readdir(folder).catch(() => [])
  for (const name of entries) {
    const match = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp(?:\.old)?$/.exec(name)
    if (match && !isRunning(Number(match[1]))) await rm(path.join(folder, name), {recursive: true, force: true})
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
