import type {Element, Root} from 'hast'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {warn} from '../../core/messages.js'

/**
 * Says what the sanitizer is about to take out of raw HTML, and why, so that a pasted `<script>` or
 * tracking image is not dropped in silence. It changes nothing itself: rehype-sanitize, which runs next,
 * removes it all.
 */
const refusedElements: Record<string, string> = {
  script: 'scripts never run in publications',
  iframe: 'embedded pages are not printed, and would load from the network',
  object: 'embedded objects are not printed',
  embed: 'embedded objects are not printed',
  applet: 'embedded objects are not printed',
  meta: 'page settings come from the template',
  link: 'stylesheets and links to resources come from the template',
  style: 'styles come from the template',
  base: 'addresses are not rewritten',
  form: 'forms are not printed',
  frame: 'frames are not printed',
  frameset: 'frames are not printed',
  svg: 'drawings are not kept inline: save it as an .svg file beside the manuscript and show it as an image, ![description](drawing.svg)'
}

export default function rehypeReportUnsafe() {
  return function (tree: Root, file: VFile): undefined {
    visit(tree, 'element', (element: Element) => {
      const place = element.position?.start
      if (!place) return // made by the pipeline, not written by the author
      const reason = refusedElements[element.tagName]
      if (reason) warn(file, `Removed <${element.tagName}>: ${reason}`, place, 'unsafe-html')
      for (const [name, value] of Object.entries(element.properties)) {
        if (/^on[a-z]/i.test(name))
          warn(
            file,
            `Removed the ${name.toLowerCase()} attribute of <${element.tagName}>: scripts never run in publications`,
            place,
            'unsafe-html'
          )
        else if (name === 'style')
          warn(
            file,
            `Removed the style attribute of <${element.tagName}>: styles come from the template`,
            place,
            'unsafe-html'
          )
        else if (
          typeof value === 'string' &&
          /^\s*(?:javascript|vbscript|data):/i.test(value) &&
          (name === 'href' || name === 'src' || name === 'action' || name === 'formAction')
        ) {
          warn(
            file,
            `Removed a ${value.trim().split(':')[0]!.toLowerCase()}: address from <${element.tagName}>`,
            place,
            'unsafe-html'
          )
        }
      }
    })
  }
}
