import {slug} from 'github-slugger'

/** The units of file sizes, in the template's words. */
export interface SizeUnits {
  bytes: string
  kilobytes: string
  megabytes: string
}

/**
 * A file's size as readers say it: whole kilobytes under a megabyte, megabytes to one decimal above,
 * digits and unit in written order («1.4 ميغابايت»).
 */
export function formatSize(bytes: number, units: SizeUnits): string {
  if (bytes < 1024) return `${bytes} ${units.bytes}`
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} ${units.kilobytes}`
  const megabytes = bytes / (1024 * 1024)
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes)} ${units.megabytes}`
}

/** The first `count` words of a text, with an ellipsis when there were more. */
export function openingWords(text: string, count: number): string {
  const words = text.split(/\s+/).filter(Boolean)
  return words.length <= count ? words.join(' ') : `${words.slice(0, count).join(' ')} …`
}

/**
 * A name as a folder of the site: GitHub's slugs keep Arabic letters (`نور-نبيه-جميل`), drop punctuation
 * and lowercase Latin; a name of punctuation alone falls back to `_`.
 */
export function nameSlug(name: string): string {
  return slug(name.normalize('NFC')) || '_'
}

/** The year of a date written YYYY-MM-DD. */
export function yearOf(date: string): string {
  return date.slice(0, 4)
}
