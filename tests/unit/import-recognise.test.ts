import type {PhrasingContent, Root, RootContent} from 'mdast'
import {gfmToMarkdown} from 'mdast-util-gfm'
import {toMarkdown} from 'mdast-util-to-markdown'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import type {CoreProperties, DocxParagraphInfo} from '../../src/import/docx-info.js'
import {foldedWords} from '../../src/arabic/fold.js'
import {similarity} from '../../src/import/boilerplate.js'
import {recognise} from '../../src/import/recognise.js'
import {typedNumber} from '../../src/import/typed-numbers.js'

type Info = Partial<Omit<DocxParagraphInfo, 'paragraph'>>
type Block = (number: number) => RootContent

/** A paragraph as the .docx reader gives it: its runs, and what Word said of it. */
function p(content: string | PhrasingContent[], info: Info = {}): Block {
  const children = typeof content === 'string' ? [{type: 'text' as const, value: content}] : content
  return (paragraph) => ({
    type: 'paragraph',
    children,
    data: {docx: {paragraph, bold: false, pageBreakBefore: false, ...info}}
  })
}

function b(text: string, info: Info = {}): Block {
  return p([{type: 'strong', children: [{type: 'text', value: text}]}], {bold: true, ...info})
}

function h(depth: 1 | 2 | 3, text: string, info: Info = {}): Block {
  return (paragraph) => ({
    type: 'heading',
    depth,
    children: [{type: 'text', value: text}],
    data: {docx: {paragraph, bold: true, pageBreakBefore: false, style: `Heading ${depth}`, ...info}}
  })
}

function doc(...blocks: Block[]): Root {
  return {type: 'root', children: blocks.map((block, index) => block(index + 1))}
}

function run(tree: Root, core: CoreProperties = {}) {
  const file = new VFile({path: 'paper.docx'})
  const result = recognise(tree, file, core)
  return {
    ...result,
    markdown: toMarkdown(result.tree, {extensions: [gfmToMarkdown()]}),
    messages: file.messages.map((message) => `${message.ruleId}: ${message.reason}`)
  }
}

const title = 'معاهدة الشراكة الاستراتيجية بين روسيا وكوريا الشمالية'
const subtitle = 'التأثيرات والانعكاسات على توازن القوى الإقليمي والدولي'
const role = 'باحثة في مركز حمورابي للبحوث والدراسات الاستراتيجية'
const disclaimer =
  'لا يجوز نشر أي من هذه الابحاث والدراسات والمقالات الا بموافقة المركز، ويجوز الاقتباس بشرط ذكر المصدر كاملا، وليس من الضروري ان تمثل المقالات والابحاث والدراسات والترجمات المنشورة وجهة نظر المركز وانما تمثل وجهة نظر الباحث'
const description =
  'أسس مركز حمورابي للبحوث والدراسات الاستراتيجية في 25-4-2012 بمدينة بابل (الحلة)، كمركز علمي بحثي يمتد الى دراسة الموضوعات السياسية و المجتمعية بصورة علمية و استراتيجية، فضلاً عن التركيز على القضايا والظواهر الحادثة والمحملة في الشأن المحلي والأقليمي والدولي ، ويتعامل مع باحثين من مختلف التخصصات داخل العراق وخارجه، وتحتضن بغداد المقر الرئيسي للمركز.'
const long =
  'شهدت العلاقات الدولية تحولات بارزة في السنوات الأخيرة، مع ظهور تحالفات وشراكات استراتيجية عسكرية واقتصادية جديدة بين الدول، ومن أبرز هذه الشراكات العلاقة المتنامية بين روسيا وكوريا الشمالية، والتي تأخذ طابعاً استراتيجياً في ظل الظروف الجيوسياسية الراهنة.'
const abstract = 'يتناول هذا التحليل تأثير معاهدة الشراكة الاستراتيجية بين روسيا وكوريا الشمالية على النظام الدولي.'

/** The seed paper as the centre lays it out: cover, title page, rights page, abstract, text, back page. */
function seedLayout(): Root {
  const centred = {align: 'center' as const}
  return doc(
    b('مركز حمورابي', {size: 32, ...centred}),
    b(title, {size: 40, ...centred}),
    p(subtitle, {size: 30, ...centred}),
    p('ورقة تحليلية', {size: 26, ...centred}),
    b(title, {size: 40, pageBreakBefore: true, ...centred}),
    p(subtitle, {size: 30, ...centred}),
    p('إعداد', centred),
    b('نور نبيه جميل', {size: 28, ...centred}),
    p(role, centred),
    p('مركز حمورابي للبحوث والدراسات الإستراتيجية', centred),
    p('31 تشرين الاول 2024', centred),
    b('حقوق النشر محفوظة لمركز حمورابي', {pageBreakBefore: true, ...centred}),
    b('للبحوث والدراسات الإستراتيجية', centred),
    p(disclaimer, centred),
    b('الملخص', {pageBreakBefore: true}),
    p(abstract),
    p('الكلمات المفتاحية: روسيا، كوريا الشمالية، توازن القوى'),
    p(long, {pageBreakBefore: true, align: 'both'}),
    b('أولاً: خلفية تاريخية للعلاقات الروسية-الكورية الشمالية'),
    p(long),
    b('تفسيرات النظرية الواقعية للنظام الدولي:'),
    p(long),
    b('ثانياً: دوافع الشراكة الاستراتيجية'),
    p('يمكن تحليل هذه الدوافع من خلال عدة محاور:'),
    p([
      {type: 'text', value: '1. '},
      {type: 'strong', children: [{type: 'text', value: 'التحولات الجيوسياسية:'}]},
      {type: 'text', value: ' نص البند الأول.'}
    ]),
    p([
      {type: 'text', value: '2. '},
      {type: 'strong', children: [{type: 'text', value: 'الأمن والاستقرار الإقليمي:'}]},
      {type: 'text', value: ' نص البند الثاني.'}
    ]),
    b('ثالثاً: التداعيات الدبلوماسية والتحالفات الاستراتيجية:'),
    p(long),
    b('الخاتمة:'),
    p(long),
    b('مركز حمورابي للبحوث و الدراسات الاستراتيجية', {pageBreakBefore: true}),
    p(description),
    p('www.hcrsiraq.net'),
    p('07810234002'),
    p('hcrsiraq@yahoo.com'),
    p('t.me/hammurabicrss'),
    p('hcrsiraq'),
    p('العراق - بغداد - الكرادة')
  )
}

describe('recognise, on the seed paper as the centre lays it out', () => {
  const result = run(seedLayout(), {creator: 'Microsoft Office User', title: 'قالب المركز'})

  it('fills the front matter of the seed manuscript from the title pages', () => {
    expect(result.frontMatter).toEqual({
      title,
      subtitle,
      series: 'ورقة تحليلية',
      authors: [{name: 'نور نبيه جميل', role}],
      date: '2024-10-31',
      keywords: ['روسيا', 'كوريا الشمالية', 'توازن القوى'],
      numbering: 'ordinal',
      abstract
    })
  })

  it('writes the text as the seed manuscript writes it: sections, subsections, the conclusion unnumbered, the list', () => {
    expect(result.markdown).toBe(
      [
        long,
        '## خلفية تاريخية للعلاقات الروسية-الكورية الشمالية',
        long,
        '### تفسيرات النظرية الواقعية للنظام الدولي',
        long,
        '## دوافع الشراكة الاستراتيجية',
        'يمكن تحليل هذه الدوافع من خلال عدة محاور:',
        '1. **التحولات الجيوسياسية:** نص البند الأول.\n2. **الأمن والاستقرار الإقليمي:** نص البند الثاني.',
        '## التداعيات الدبلوماسية والتحالفات الاستراتيجية',
        long,
        '## الخاتمة {-}',
        long + '\n'
      ].join('\n\n')
    )
  })

  it('drops the boilerplate and reports each drop with its paragraph', () => {
    const drops = result.messages.filter((message) => message.startsWith('import-boilerplate'))
    expect(drops).toContain(
      'import-boilerplate: paragraph 1 («مركز حمورابي»): the centre’s short name, which the template prints, dropped'
    )
    expect(drops).toContain(
      'import-boilerplate: paragraph 10 («مركز حمورابي للبحوث والدراسات الإستراتيجية»): the centre’s name, which the template prints, dropped'
    )
    expect(drops).toContain(
      'import-boilerplate: paragraph 12 («حقوق النشر محفوظة لمركز حمورابي»): the rights notice and disclaimer, which the template prints, dropped (with the 2 paragraphs after it)'
    )
    expect(drops).toContain(
      'import-boilerplate: paragraph 38 («العراق - بغداد - الكرادة»): the centre’s contact (العنوان), which the template prints, dropped'
    )
    expect(drops).toContain(
      'import-boilerplate: paragraph 31 («مركز حمورابي للبحوث و الدراسات…»): the centre’s name, which the template prints, dropped'
    )
    expect(
      drops.some((message) =>
        message.startsWith(
          'import-boilerplate: paragraph 32 («أسس مركز حمورابي للبحوث والدراسات…»): the centre’s description'
        )
      )
    ).toBe(true)
    expect(drops).toHaveLength(11)
  })

  it('reports the repeated title and where the front matter came from', () => {
    expect(result.messages).toContain(
      'import-title: paragraph 2 («معاهدة الشراكة الاستراتيجية بين روسيا…»): the title, from its size (20 pt), the largest on the title pages'
    )
    expect(result.messages).toContain(
      'import-date: paragraph 11 («31 تشرين الاول 2024»): the date 2024-10-31, from «31 تشرين الاول 2024»'
    )
    expect(result.messages.filter((message) => message.includes('the title repeated on the title page'))).toHaveLength(
      2
    )
  })
})

describe('recognise, front matter', () => {
  it('takes Title and Subtitle styles over sizes', () => {
    const {frontMatter} = run(
      doc(
        p('عنوان كبير الحجم', {size: 60}),
        p('العنوان', {style: 'Title'}),
        p('العنوان الفرعي', {style: 'Subtitle'}),
        p(long)
      )
    )
    expect(frontMatter.title).toBe('العنوان')
    expect(frontMatter.subtitle).toBe('العنوان الفرعي')
  })

  it('reads the Author, Date and Abstract styles Pandoc writes', () => {
    const result = run(
      doc(
        p('العنوان', {style: 'Title'}),
        p('أحمد علي', {style: 'Author'}),
        p('سارة محمود', {style: 'Author'}),
        p('2024-12-01', {style: 'Date'}),
        p(abstract, {style: 'Abstract'}),
        p(long)
      )
    )
    expect(result.frontMatter).toEqual({
      title: 'العنوان',
      authors: [{name: 'أحمد علي'}, {name: 'سارة محمود'}],
      date: '2024-12-01',
      abstract
    })
    expect(result.markdown).toBe(`${long}\n`)
  })

  it('reads the lines after the name in an Author paragraph as the role, and the next paragraph when it is one', () => {
    const lines = (name: string, role: string): PhrasingContent[] => [
      {type: 'text', value: name},
      {type: 'break'},
      {type: 'text', value: role}
    ]
    const result = run(
      doc(
        p('العنوان', {style: 'Title'}),
        p(lines('أحمد علي', 'Energy Policy Fellow'), {style: 'Author'}),
        p('سارة محمود', {style: 'Author'}),
        p('باحثة في المركز'),
        p(long)
      )
    )
    expect(result.frontMatter.authors).toEqual([
      {name: 'أحمد علي', role: 'Energy Policy Fellow'},
      {name: 'سارة محمود', role: 'باحثة في المركز'}
    ])
    expect(result.markdown).toBe(`${long}\n`)
  })

  it('drops Word’s table of contents, heading and entries, and sets `toc: true`', () => {
    const result = run(
      doc(
        p('العنوان', {style: 'Title'}),
        p('Table of Contents', {style: 'TOC Heading'}),
        p('المقدمة 3', {style: 'toc 1'}),
        p('خلفية 4', {style: 'toc 2'}),
        p(long),
        h(1, 'المقدمة'),
        p(long)
      )
    )
    expect(result.frontMatter.toc).toBe(true)
    expect(result.markdown).toBe(`${long}\n\n## المقدمة\n\n${long}\n`)
    expect(run(doc(p('العنوان', {style: 'Title'}), p('toc 1 في نص عادي'), p(long))).frontMatter.toc).toBeUndefined()
  })

  it('takes the keywords from the document properties when the pages have none, and never over theirs', () => {
    const core = {keywords: 'روسيا, كوريا الشمالية؛ توازن القوى'}
    expect(run(doc(p('العنوان', {style: 'Title'}), p(long)), core).frontMatter.keywords).toEqual([
      'روسيا',
      'كوريا الشمالية',
      'توازن القوى'
    ])
    expect(
      run(doc(p('العنوان', {style: 'Title'}), p('الكلمات المفتاحية: العراق، النفط'), p(long)), core).frontMatter
        .keywords
    ).toEqual(['العراق', 'النفط'])
  })

  it('reads a heading that opens the document, shallower than every other, as the title', () => {
    const result = run(doc(h(1, 'العنوان'), p('بقلم: أحمد علي حسن'), p(long), h(2, 'قسم'), p(long)))
    expect(result.frontMatter.title).toBe('العنوان')
    expect(result.markdown).toBe(`${long}\n\n## قسم\n\n${long}\n`)
    expect(run(doc(h(1, 'قسم أول'), p(long), h(1, 'قسم ثان'), p(long))).frontMatter.title).toBeUndefined()
  })

  it('reads an author after «بقلم» on the same line, and several authors with roles', () => {
    expect(run(doc(b('العنوان', {size: 40}), p('بقلم: أحمد علي حسن'), p(long))).frontMatter.authors).toEqual([
      {name: 'أحمد علي حسن'}
    ])
    expect(
      run(
        doc(
          b('العنوان', {size: 40}),
          p('إعداد'),
          p('أحمد علي'),
          p('أستاذ في جامعة بغداد'),
          p('سارة محمود'),
          p('باحثة في المركز'),
          p(long)
        )
      ).frontMatter.authors
    ).toEqual([
      {name: 'أحمد علي', role: 'أستاذ في جامعة بغداد'},
      {name: 'سارة محمود', role: 'باحثة في المركز'}
    ])
  })

  it('guesses the author from a name and the line under it that says what the author is', () => {
    const result = run(doc(b('العنوان', {size: 40}), p('نور نبيه جميل'), p(role), p(long)))
    expect(result.frontMatter.authors).toEqual([{name: 'نور نبيه جميل', role}])
    expect(result.messages).toContain(
      `import-author: paragraph 2 («نور نبيه جميل»): the author «نور نبيه جميل» (${role}), guessed from a name and the line under it`
    )
  })

  it('reads dates in the forms people write them', () => {
    const date = (line: string) => run(doc(b('العنوان', {size: 40}), p(line), p(long))).frontMatter.date
    expect(date('بغداد، 3 أكتوبر 2025')).toBe('2025-10-03')
    expect(date('٣ تشرين الأول ٢٠٢٥')).toBe('2025-10-03')
    expect(date('2025/10/3')).toBe('2025-10-03')
    expect(date('10 ربيع الآخر 1447 هـ - 3 تشرين الأول 2025 م')).toBe('2025-10-03')
  })

  it('does not take a date in the title for the date of the paper', () => {
    const result = run(doc(b('أحداث 9 نيسان 2003', {size: 40}), p('بغداد، 1 أيار 2024'), p(long)))
    expect(result.frontMatter).toMatchObject({title: 'أحداث 9 نيسان 2003', date: '2024-05-01'})
  })

  it('leaves a Hijri date or a date without a day out, with a warning, and the build will ask for it', () => {
    const hijri = run(doc(b('العنوان', {size: 40}), p('1447 هـ'), p(long)))
    expect(hijri.frontMatter.date).toBeUndefined()
    expect(hijri.messages).toContain(
      'import-hijri-date: paragraph 2 («1447 هـ»): a Hijri date, not converted: write the Gregorian date as `date: YYYY-MM-DD`'
    )
    expect(hijri.messages).toContain(
      'import-missing: No date found: `date` is left out of the front matter, and the build will ask for it'
    )
    const partial = run(doc(b('العنوان', {size: 40}), p('تشرين الأول 2025'), p(long)))
    expect(partial.frontMatter.date).toBeUndefined()
    expect(partial.messages.some((message) => message.startsWith('import-date-partial'))).toBe(true)
  })

  it('falls back on the document properties for the title and a real author name only', () => {
    const result = run(doc(p(long)), {title: 'ورقة من الخصائص', creator: 'سعد جابر'})
    expect(result.frontMatter).toEqual({title: 'ورقة من الخصائص', authors: [{name: 'سعد جابر'}]})
    const template = run(doc(p(long)), {creator: 'Microsoft Office User'})
    expect(template.frontMatter.authors).toBeUndefined()
    expect(template.messages).toContain(
      'import-author: The document properties name «Microsoft Office User» as author, a name Word or a template fills in: not used'
    )
    expect(run(doc(p(long)), {creator: 'Admin'}).frontMatter.authors).toBeUndefined()
  })

  it('takes an abstract marked by a heading up to the next heading', () => {
    const result = run(
      doc(b('العنوان', {size: 40}), h(1, 'ملخص'), p(abstract), p('فقرة ثانية من الملخص.'), h(1, 'المقدمة'), p(long))
    )
    expect(result.frontMatter.abstract).toBe(`${abstract}\n\nفقرة ثانية من الملخص.`)
    expect(result.markdown).toBe(`## المقدمة\n\n${long}\n`)
  })

  it('ends an abstract marked by a bold line at the next bold line standing alone', () => {
    const result = run(doc(b('العنوان', {size: 40}), b('ملخص:'), p(abstract), b('المقدمة'), p(long)))
    expect(result.frontMatter.abstract).toBe(abstract)
    expect(result.markdown).toBe(`## المقدمة\n\n${long}\n`)
  })

  it('keeps what it does not recognise on the title pages at the start of the text, with a warning', () => {
    const result = run(doc(b('العنوان', {size: 40}), p('نسخة أولية للمراجعة'), p(long)))
    expect(result.markdown.startsWith('نسخة أولية للمراجعة\n\n')).toBe(true)
    expect(result.messages).toContain(
      'import-title-page: paragraph 2 («نسخة أولية للمراجعة»): not recognised on the title pages: kept at the start of the text'
    )
  })
})

describe('recognise, boilerplate', () => {
  it('keeps a paper’s own text that resembles the boilerplate', () => {
    const ownText =
      'لا يجوز نشر أي من نتائج هذا الاستبيان إلا بموافقة المشاركين فيه، ويجوز الاقتباس منها بشرط ذكر المصدر.'
    const result = run(
      doc(
        b('العنوان', {size: 40}),
        p(long),
        p(ownText),
        p(role),
        p('مركز حمورابي للبحوث والدراسات الاستراتيجية ودوره في البحث العلمي')
      )
    )
    expect(result.markdown).toContain(ownText)
    expect(result.markdown).toContain(role)
    expect(result.markdown).toContain('ودوره في البحث العلمي')
    expect(result.messages.some((message) => message.startsWith('import-boilerplate'))).toBe(false)
  })

  it('drops the disclaimer typed with small differences', () => {
    const typed = disclaimer
      .replace('الابحاث', 'الأبحاث')
      .replace('الا بموافقة', 'إلا بموافقة')
      .replace('كاملا', 'كاملاً')
    const result = run(doc(b('العنوان', {size: 40}), p(typed), p(long)))
    expect(result.markdown).toBe(`${long}\n`)
  })
})

describe('typedNumber', () => {
  it('reads the ordinals the build prints, with or without tanween and hamza, and their separators', () => {
    expect(typedNumber('أولاً: خلفية')).toEqual({kind: 'ordinal', value: 1, length: 7})
    expect(typedNumber('ثانيا - الدوافع')).toEqual({kind: 'ordinal', value: 2, length: 8})
    expect(typedNumber('اولا. المقدمة')?.kind).toBe('ordinal')
    expect(typedNumber('حادي عشر: الملاحق')).toMatchObject({kind: 'ordinal', value: 11})
  })

  it('does not take a word that starts like an ordinal for one', () => {
    expect(typedNumber('أولاد الشوارع')).toBeUndefined()
    expect(typedNumber('أولاً')).toBeUndefined()
  })

  it('reads decimal numbers in any digits, levels and brackets', () => {
    expect(typedNumber('1. الأول')).toEqual({kind: 'decimal', value: [1], digits: 'latin', length: 3})
    expect(typedNumber('١- الأول')).toEqual({kind: 'decimal', value: [1], digits: 'arabic-indic', length: 3})
    expect(typedNumber('۲) الثاني')).toMatchObject({kind: 'decimal', value: [2], digits: 'arabic-indic'})
    expect(typedNumber('2.3 فرع')).toMatchObject({kind: 'decimal', value: [2, 3]})
    expect(typedNumber('(4) الرابع')).toMatchObject({kind: 'decimal', value: [4]})
    expect(typedNumber('2024 عام التحولات')).toBeUndefined()
  })

  it('reads abjad letters and bullets', () => {
    expect(typedNumber('ب- الثاني')).toMatchObject({kind: 'abjad', value: 2})
    expect(typedNumber('• بند')).toMatchObject({kind: 'bullet'})
  })
})

describe('similarity', () => {
  it('is 1 for the same words however they are spelled, spaced and punctuated', () => {
    expect(
      similarity(
        foldedWords('مركز حمورابي للبحوث و الدراسات الإستراتيجية'),
        foldedWords('مركز حمورابي للبحوث والدراسات الاستراتيجية')
      )
    ).toBe(1)
  })

  it('stays under the threshold of 0.9 for a role line that names the centre', () => {
    expect(similarity(foldedWords(role), foldedWords('مركز حمورابي للبحوث والدراسات الاستراتيجية'))).toBeCloseTo(
      0.83,
      2
    )
  })
})

describe('recognise, headings', () => {
  it('removes ordinals typed in headings of Word styles and sets ordinal numbering', () => {
    const result = run(
      doc(
        b('العنوان', {size: 40}),
        p(long),
        h(1, 'أولاً: الأول'),
        p(long),
        h(2, 'فرع'),
        p(long),
        h(1, 'ثانياً - الثاني'),
        p(long),
        h(1, 'المصادر'),
        p(long)
      )
    )
    expect(result.frontMatter.numbering).toBe('ordinal')
    expect(result.markdown).toBe(
      `${long}\n\n## الأول\n\n${long}\n\n### فرع\n\n${long}\n\n## الثاني\n\n${long}\n\n## المصادر {-}\n\n${long}\n`
    )
  })

  it('moves Word heading levels so that sections are `##`', () => {
    const result = run(doc(b('العنوان', {size: 40}), p(long), h(1, 'قسم'), p(long), h(2, 'فرع'), p(long)))
    expect(result.markdown).toBe(`${long}\n\n## قسم\n\n${long}\n\n### فرع\n\n${long}\n`)
  })

  it('removes decimal numbers typed in sequence and sets decimal numbering', () => {
    const result = run(
      doc(b('العنوان', {size: 40}), b('1. الأول'), p(long), b('1.1 فرع'), p(long), b('2- الثاني'), p(long))
    )
    expect(result.frontMatter.numbering).toBe('decimal')
    expect(result.messages.filter((message) => message.startsWith('import-title-page'))).toEqual([])
    expect(result.markdown).toBe(`## الأول\n\n${long}\n\n### فرع\n\n${long}\n\n## الثاني\n\n${long}\n`)
  })

  it('keeps ordinals that do not run in sequence as typed, without numbering', () => {
    const result = run(doc(b('العنوان', {size: 40}), p(long), b('أولاً: الأول'), p(long), b('ثالثاً: الثالث'), p(long)))
    expect(result.frontMatter.numbering).toBeUndefined()
    expect(result.markdown).toContain('## أولاً: الأول')
    expect(result.messages.some((message) => message.startsWith('import-numbering'))).toBe(true)
  })

  it('leaves bold sentences and long bold paragraphs as paragraphs', () => {
    const result = run(doc(b('العنوان', {size: 40}), p(long), b('هذه جملة مهمة.'), p(long)))
    expect(result.markdown).toContain('**هذه جملة مهمة.**')
  })

  it('reads bold lines as headings only when numbered in a document with heading styles', () => {
    const result = run(doc(b('العنوان', {size: 40}), p(long), h(1, 'قسم'), b('تنبيه'), p(long)))
    expect(result.markdown).toContain('**تنبيه**')
  })
})

describe('recognise, lists typed by hand', () => {
  const item = (marker: string, text: string) => p(`${marker} ${text}`)

  it('makes Arabic-Indic numbers typed with a dash an ordered list', () => {
    const result = run(doc(b('العنوان', {size: 40}), p(long), item('١-', 'الأول'), item('٢-', 'الثاني'), p(long)))
    expect(result.markdown).toContain('1. الأول\n2. الثاني')
    expect(result.messages.some((message) => message.includes('Arabic-Indic digits'))).toBe(true)
  })

  it('sets Arabic-Indic digits for a paper typed with them', () => {
    const typed = run(doc(b('العنوان', {size: 40}), p(long), item('١-', 'في عام ٢٠٢٤'), item('٢-', 'في عام ٢٠٢٥')))
    expect(typed.frontMatter.digits).toBe('arabic-indic')
    expect(run(doc(b('العنوان', {size: 40}), p(long), p('في عام 2024 وفي ١٩٩٠'))).frontMatter.digits).toBeUndefined()
  })

  it('goes on with a list interrupted by a paragraph', () => {
    const result = run(
      doc(
        b('العنوان', {size: 40}),
        p(long),
        item('1)', 'أ'),
        item('2)', 'ب'),
        p('فقرة بينهما.'),
        item('3)', 'ج'),
        item('4)', 'د')
      )
    )
    expect(result.markdown).toContain('فقرة بينهما.\n\n3. ج\n4. د')
  })

  it('makes bullets a bulleted list', () => {
    const result = run(doc(b('العنوان', {size: 40}), p(long), item('•', 'الأول'), item('•', 'الثاني')))
    expect(result.markdown).toContain('* الأول\n* الثاني')
  })

  it('keeps letters typed as abjad markers as typed, with a warning', () => {
    const result = run(doc(b('العنوان', {size: 40}), p(long), item('أ-', 'الأول'), item('ب-', 'الثاني')))
    expect(result.markdown).toContain('أ- الأول\n\nب- الثاني')
    expect(result.messages.some((message) => message.startsWith('import-list-abjad'))).toBe(true)
  })

  it('leaves a single numbered paragraph as typed', () => {
    const result = run(doc(b('العنوان', {size: 40}), p(long), item('1-', 'وحيد'), p(long)))
    expect(result.markdown).toContain('1- وحيد')
  })
})
