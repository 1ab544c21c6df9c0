export interface Run {
  start: number
  end: number
}

// `×` (U+00D7) and `÷` (U+00F7) sit inside Latin-1 but are symbols.
const latinLetter = /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]/
const asciiDigit = /[0-9]/
const space = /[ \t\n\u00A0]/
const inPhrasePunctuation = new Set([
  '-', "'", '’', ',', '.', ':', ';', '/', '&', '+', '_', '@'
])
const sentencePunctuation = new Set(['.', '!', '?', '…'])
// Brackets and quotes a run may open; a run only ever contains them balanced.
// `’` is missing on purpose: unpaired, it is an apostrophe.
const closers: ReadonlyMap<string, string> = new Map([
  ['(', ')'],
  ['[', ']'],
  ['“', '”'],
  ['‘', '’'],
  ['"', '"']
])

/**
 * Find maximal left-to-right (Latin-script) runs inside right-to-left text.
 *
 * The runs are meant to be isolated (`<span dir="ltr">`) so that punctuation
 * and numbers around Latin phrases are not reordered by the bidi algorithm.
 * Offsets are UTF-16 code units; `end` is exclusive.
 */
export function findLtrRuns(text: string): Run[] {
  const runs: Run[] = []
  let index = 0

  while (index < text.length) {
    if (latinLetter.test(text.charAt(index))) {
      const run = runFrom(text, leadingDigitsStart(text, index))
      runs.push(run)
      index = run.end
    } else {
      index++
    }
  }

  return runs
}

// Digits glued to the first letter (`19th`, `3D`) belong to the word; left
// outside they would be reordered to the other side of it.
function leadingDigitsStart(text: string, letter: number): number {
  let start = letter
  while (start > 0 && asciiDigit.test(text.charAt(start - 1))) start--
  return start
}

function runFrom(text: string, start: number): Run {
  const expected: string[] = []
  // Where the run may end: after a letter or digit, or after a bracket that
  // closes one opened in the run, and never with a bracket left open (an
  // unpaired bracket would be mirrored on the wrong side of the isolate).
  let end = start
  let index = start

  while (index < text.length) {
    const char = text.charAt(index)
    const opened = closers.get(char)
    let closes = false

    if (char === expected.at(-1)) {
      expected.pop()
      closes = true
    } else if (opened) {
      expected.push(opened)
    } else if (
      !isLetterOrDigit(char) &&
      !space.test(char) &&
      !inPhrasePunctuation.has(char)
    ) {
      break
    }

    index++

    if (expected.length === 0 && (closes || isLetterOrDigit(char))) {
      end = index
    }
  }

  return {start, end: withTrailingPunctuation(text, start, end)}
}

function isLetterOrDigit(char: string): boolean {
  return latinLetter.test(char) || asciiDigit.test(char)
}

// A full stop after a phrase belongs to the phrase; after a single word it
// usually ends the surrounding Arabic sentence.
function withTrailingPunctuation(text: string, start: number, end: number): number {
  if (!space.test(text.slice(start, end))) return end

  let index = end
  while (index < text.length && sentencePunctuation.has(text.charAt(index))) {
    index++
  }

  return index
}
