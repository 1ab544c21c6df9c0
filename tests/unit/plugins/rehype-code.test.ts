import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import rehypeCode, {hang, indentation} from '../../../src/pipeline/plugins/rehype-code.js'
import {documentOf, frontMatter} from '../../helpers/pipeline.js'

describe('rehypeCode', () => {
  it('makes inline code a left-to-right isolate', () => {
    const tree = h(null, [h('p', ['الدالة ', h('code', 'f(x)'), ' تضاعف'])])
    rehypeCode()(tree)
    expect(toHtml(tree)).toBe('<p>الدالة <code dir="ltr">f(x)</code> تضاعف</p>')
  })

  it('puts each line of a code block in a line span ending with its line break, the final break opening no line', () => {
    const tree = h(null, [h('pre', h('code', {className: ['language-js']}, 'a\n\nb\n'))])
    rehypeCode()(tree)
    expect(toHtml(tree)).toBe(
      '<pre dir="ltr"><code class="language-js" dir="ltr"><span class="code-line">a\n</span><span class="code-line">\n</span><span class="code-line">b</span></code></pre>'
    )
  })

  it('gives an indented line its hang, in columns', () => {
    const tree = h(null, [h('pre', h('code', 'if (x) {\n    return 1\n}'))])
    rehypeCode()(tree)
    expect(toHtml(tree)).toContain('<span class="code-line" style="--hang: 6">    return 1\n</span>')
  })

  it('leaves code with markup inside as it is, but left to right', () => {
    const tree = h(null, [h('pre', h('code', ['a ', h('b', 'b'), '\nc']))])
    rehypeCode()(tree)
    expect(toHtml(tree)).toBe('<pre dir="ltr"><code dir="ltr">a <b>b</b>\nc</code></pre>')
  })
})

describe('indentation and hang', () => {
  it('counts spaces, and tabs to the next stop', () => {
    expect(indentation('    x', 4)).toBe(4)
    expect(indentation('\tx', 4)).toBe(4)
    expect(indentation('  \tx', 4)).toBe(4)
    expect(indentation('\t  x', 4)).toBe(6)
  })

  it('takes a line of only spaces as not indented', () => {
    expect(indentation('    \n', 4)).toBe(0)
  })

  it('hangs two columns past the indentation, at a tab stop when the line has a tab', () => {
    expect(hang('x', 4)).toBe(2)
    expect(hang('  x', 4)).toBe(4)
    expect(hang('\tx', 4)).toBe(8)
    expect(hang('x\ty', 4)).toBe(4)
  })
})

describe('code through the pipeline', () => {
  it('keeps the language class of a fenced block and isolates inline code in Arabic text', async () => {
    const {document} = await documentOf(`${frontMatter}نص \`f(x)\` نص\n\n\`\`\`js\nconst a = 1\n\`\`\`\n`)
    const html = toHtml(document!.body)
    expect(html).toContain('<code dir="ltr">f(x)</code>')
    expect(html).toContain(
      '<pre dir="ltr"><code class="language-js" dir="ltr"><span class="code-line">const a = 1</span></code></pre>'
    )
  })
})
