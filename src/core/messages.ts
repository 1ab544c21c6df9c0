import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

interface Point {
  line: number
  column: number
}

/** A point, or a range (reported as `3:6-3:12`). */
type Place = Point | {start: Point; end: Point}

const source = 'hammurabi-press'

/**
 * An error the author can fix: recorded on the file (not thrown) so that every problem of a manuscript is
 * reported at once; the build refuses to write outputs for a file that has one.
 */
export function fail(file: VFile, reason: string, place: Place | undefined, ruleId: string): VFileMessage {
  const message = file.message(reason, {place, ruleId, source})
  message.fatal = true
  return message
}

/** A warning: reported, and the build goes on. */
export function warn(file: VFile, reason: string, place: Place | undefined, ruleId: string): VFileMessage {
  return file.message(reason, {place, ruleId, source})
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true)
}
