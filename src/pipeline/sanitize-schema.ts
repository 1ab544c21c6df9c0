import {defaultSchema, type Options as Schema} from 'rehype-sanitize'

/**
 * GitHub's allow-list, adjusted for publishing:
 * - no remote resources: `src` may only be relative (images are resolved inside the manuscript folder);
 * - elements a paper needs (figures, captions, bidi isolates) and `class`/`dir`/`lang` everywhere;
 * - no id prefixing: outputs run no script, so DOM clobbering has nothing to clobber, while prefixed ids
 *   would break the footnote and contents links that the writers rely on.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'title'],
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((name) => name !== 'input'),
    'figure',
    'figcaption',
    'aside',
    'mark',
    'abbr',
    'cite',
    'small',
    'bdi',
    'bdo',
    'caption',
    'colgroup',
    'col',
    'u'
  ],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'dir', 'lang'],
    a: [...(defaultSchema.attributes?.a ?? []), 'dataFootnoteBackref', 'dataFootnoteRef', 'className'],
    section: [...(defaultSchema.attributes?.section ?? []), 'dataFootnotes'],
    // GitHub allows only `sr-only` here; `unnumbered` marks headings that take no section number.
    h2: ['className'],
    img: ['alt', 'src', 'title', 'width', 'height']
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    cite: ['http', 'https'],
    src: []
  }
}
