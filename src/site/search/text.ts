import type {Nodes} from 'hast'

/** Elements that end a run of words: a paragraph's last word and the next one's first are two words. */
const boundaries = new Set([
  ...['address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt'],
  ...['figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main'],
  ...['nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul'],
  // A note's call sits right after its word («الإستراتيجية³»): the word is searched without it.
  'sup'
])
/** Elements whose text no reader sees. */
const unread = new Set(['script', 'style', 'template', 'noscript'])

/**
 * The plain text of a page (or of its `main`) for `SearchRecord.text`: the words of its blocks kept apart,
 * as hast-util-to-string would run them together, and what is not read (scripts, hidden elements) left out.
 */
export function searchText(tree: Nodes): string {
  const parts: string[] = []
  collect(tree, parts)
  return parts.join('').split(/\s+/u).filter(Boolean).join(' ')
}

function collect(node: Nodes, parts: string[]): void {
  if (node.type === 'text') parts.push(node.value)
  if (node.type !== 'element' && node.type !== 'root') return
  if (node.type === 'element' && (unread.has(node.tagName) || node.properties.hidden)) return
  const boundary = node.type === 'element' && boundaries.has(node.tagName)
  if (boundary) parts.push(' ')
  for (const child of node.children) collect(child, parts)
  if (boundary) parts.push(' ')
}
