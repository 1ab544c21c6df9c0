import type {Element, Root} from 'hast'
import {localizeDigits, type Digits} from '../../arabic/digits.js'

export interface Options {
  /** Digits to use in running text (default: `'latin'`, no change). */
  digits?: Digits | null | undefined
}

const emptyOptions: Readonly<Options> = {}

// Machine-readable or verbatim text keeps the digits it was written with.
const skippedTags = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style'])

// The visible text of such links is usually the address itself.
const externalHref = /^(?:https?:|ftp:|mailto:|\/\/|www\.)/i

/**
 * Localise digits in running text.
 *
 * Run after `rehype-direction`: Latin phrases it marks `dir="ltr"` keep
 * their Latin digits (`COVID-19`).
 */
export default function rehypeDigits(options?: Readonly<Options> | null) {
  const settings = options || emptyOptions
  const digits = settings.digits || 'latin'

  return function (tree: Root): undefined {
    if (digits === 'latin') return
    localizeChildren(tree, digits)
  }
}

function localizeChildren(parent: Root | Element, digits: Digits): void {
  for (const child of parent.children) {
    if (child.type === 'text') {
      child.value = localizeDigits(child.value, digits)
    } else if (child.type === 'element' && !isSkipped(child)) {
      localizeChildren(child, digits)
    }
  }
}

function isSkipped(element: Element): boolean {
  const {dir, href} = element.properties
  return (
    skippedTags.has(element.tagName) ||
    (typeof dir === 'string' && dir.toLowerCase() === 'ltr') ||
    (element.tagName === 'a' && typeof href === 'string' && externalHref.test(href.trim()))
  )
}
