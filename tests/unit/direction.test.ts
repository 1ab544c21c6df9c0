import {describe, expect, it} from 'vitest'
import {
  atom,
  findIsolates,
  findLtrPhrases,
  findNumberUnits,
  isolateText,
  resolveDirection,
  strongDirection
} from '../../src/arabic/direction.js'

function phrases(text: string): string[] {
  return findLtrPhrases(text).map((run) => text.slice(run.start, run.end))
}

function numbers(text: string): string[] {
  return findNumberUnits(text).map((run) => text.slice(run.start, run.end))
}

describe('strongDirection', () => {
  it('finds right-to-left letters of every right-to-left script, not only Arabic', () => {
    expect(strongDirection('نص عربي')).toBe('rtl')
    expect(strongDirection('עברית')).toBe('rtl')
    expect(strongDirection('ܠܫܢܐ')).toBe('rtl') // Syriac
    expect(strongDirection('ދިވެހި')).toBe('rtl') // Thaana
    expect(strongDirection('𞤀𞤁')).toBe('rtl') // Adlam, outside the BMP
  })

  it('finds left-to-right letters of every other script', () => {
    expect(strongDirection('Smith')).toBe('ltr')
    expect(strongDirection('Россия')).toBe('ltr')
    expect(strongDirection('Ελλάδα')).toBe('ltr')
    expect(strongDirection('東京')).toBe('ltr')
  })

  it('gives mixed for both, and nothing for numbers, punctuation, Arabic digits and marks', () => {
    expect(strongDirection('قال Smith')).toBe('mixed')
    expect(strongDirection('−12% (2019): 45–67.')).toBeUndefined()
    expect(strongDirection('٢٠٢٤، ١٢٪')).toBeUndefined()
    expect(strongDirection('\u064E\u0651')).toBeUndefined()
    expect(strongDirection('')).toBeUndefined()
  })

  it('counts a left-to-right element as a left-to-right letter', () => {
    expect(strongDirection(atom.ltr)).toBe('ltr')
    expect(strongDirection(`اكتب ${atom.ltr}`)).toBe('mixed')
  })
})

describe('resolveDirection', () => {
  it('takes the direction of letters all of one kind, and inherits otherwise', () => {
    expect(resolveDirection('ltr', 'rtl')).toBe('ltr')
    expect(resolveDirection('rtl', 'ltr')).toBe('rtl')
    expect(resolveDirection('mixed', 'rtl')).toBe('rtl')
    expect(resolveDirection('mixed', 'ltr')).toBe('ltr')
    expect(resolveDirection(undefined, 'rtl')).toBe('rtl')
  })
})

describe('findLtrPhrases', () => {
  it('finds each phrase of a text, one after the other, a letter outside the BMP starting one', () => {
    expect(phrases('في NATO ثم EU و𝐀𝐁 ثم')).toEqual(['NATO', 'EU', '𝐀𝐁'])
    expect(phrases(`نص ${atom.ltr} و`)).toEqual([atom.ltr])
  })

  it('keeps the full stop of a sentence-like phrase', () => {
    const text = 'قال The treaty is historic. ثم'
    expect(findLtrPhrases(text)).toEqual([{start: 4, end: 27}])
    expect(phrases(text)).toEqual(['The treaty is historic.'])
  })

  it('leaves the full stop after a single word outside', () => {
    expect(phrases('حلف NATO.')).toEqual(['NATO'])
    expect(phrases('حلف U.S. ثم')).toEqual(['U.S'])
  })

  it('keeps URLs, hyphenated words and e-mail addresses whole', () => {
    expect(phrases('انظر www.hcrsiraq.net للمزيد')).toEqual(['www.hcrsiraq.net'])
    expect(phrases('وباء COVID-19 في')).toEqual(['COVID-19'])
    expect(phrases('e-mail: a@b.com')).toEqual(['e-mail: a@b.com'])
    expect(phrases('راسلنا a@b.com، ثم')).toEqual(['a@b.com'])
  })

  it('takes the braces that alone enclose a phrase, as in a template tag', () => {
    expect(phrases('لعام {{ site.year }}، وهو')).toEqual(['{{ site.year }}'])
    expect(phrases('{% endif %} ثم {% if site.open %}')).toEqual(['{% endif %}', '{% if site.open %}'])
    expect(phrases('{% include note.html content="آخر" %}')).toEqual(['include note.html content'])
    expect(phrases('في {{ a } ثم')).toEqual(['a'])
  })

  it('ignores numbers alone', () => {
    expect(findLtrPhrases('في 2024 كان')).toEqual([])
    expect(findLtrPhrases('نص عربي فقط.')).toEqual([])
  })

  it('ends at Arabic punctuation, letters and guillemets, and leaves trailing spaces out', () => {
    expect(phrases('حلف NATO، ثم')).toEqual(['NATO'])
    expect(phrases('هل قال Hello world؟')).toEqual(['Hello world'])
    expect(phrases('مثل Google  و Meta؛')).toEqual(['Google', 'Meta'])
    expect(phrases('مثل Google، Meta')).toEqual(['Google', 'Meta'])
    expect(phrases('«Foreign Affairs» و')).toEqual(['Foreign Affairs'])
  })

  it('never swallows Arabic letters', () => {
    expect(phrases('قال ABCعربي')).toEqual(['ABC'])
  })

  it('keeps brackets opened inside the run balanced', () => {
    expect(phrases('انظر Smith (2020) وغيره')).toEqual(['Smith (2020)'])
    expect(phrases('قال He said "yes." ثم')).toEqual(['He said "yes."'])
    // Opened before the run: both brackets stay in the Arabic text.
    expect(phrases('حلف (NATO) و')).toEqual(['NATO'])
    expect(phrases('الحجم (m³) و')).toEqual(['m³'])
    // Never closed: the run stops before the bracket.
    expect(phrases('انظر Smith (2020 وغيره')).toEqual(['Smith'])
  })

  it('keeps ! and ? after phrases', () => {
    expect(phrases('Ça va, très bien! ثم')).toEqual(['Ça va, très bien!'])
    expect(phrases('Really?! نعم')).toEqual(['Really'])
  })

  it('includes digits glued to the first letter', () => {
    expect(phrases('في 19th century كان')).toEqual(['19th century'])
  })

  it('includes a degree sign, and digits, glued before a scale', () => {
    expect(phrases('درجة الحرارة (°C) القصوى')).toEqual(['°C'])
    expect(phrases('بلغت 25°F ظهراً')).toEqual(['25°F'])
  })

  it('does not take × or ÷ for letters', () => {
    expect(findLtrPhrases('٥ × ٣')).toEqual([])
  })

  it('runs across the digits, dashes and brackets of a reference', () => {
    const reference = 'Author, "Title," Journal 12, no. 3 (2019): 45–67.'
    expect(phrases(`انظر: ${reference}`)).toEqual([reference])
  })

  it('keeps a formula, exponents and a percentage after a number whole', () => {
    expect(phrases('المعادلة E = mc² تعني')).toEqual(['E = mc²'])
    expect(phrases('بمساحة 5 km² تقريباً')).toEqual(['km²'])
    expect(phrases('نمو GDP 3% فقط')).toEqual(['GDP 3%'])
  })

  it('runs across elements: left-to-right ones join, exponents end it, note calls sit inside but never end it', () => {
    expect(phrases(`انظر Author, ${atom.ltr} 12 و`)).toEqual([`Author, ${atom.ltr} 12`])
    expect(phrases(`انظر ${atom.ltr} و`)).toEqual([atom.ltr])
    expect(phrases(`التعقيد n${atom.exponent} أسوأ`)).toEqual([`n${atom.exponent}`])
    expect(phrases(`قال Smith${atom.neutral} and Jones ثم`)).toEqual([`Smith${atom.neutral} and Jones`])
    expect(phrases(`قال Smith${atom.neutral} ثم`)).toEqual(['Smith'])
    expect(phrases(`قال Smith${atom.boundary}Jones`)).toEqual(['Smith', 'Jones'])
  })

  it('counts letters outside the BMP', () => {
    expect(phrases('الرمز 𝑥 هنا')).toEqual(['𝑥'])
  })
})

describe('findNumberUnits', () => {
  it('takes signed numbers and percentages', () => {
    expect(numbers('بلغت −12% ثم +85% و±3 و-0.5 و−1,250.75')).toEqual(['−12%', '+85%', '±3', '-0.5', '−1,250.75'])
  })

  it('takes products and powers, written or as a superscript element', () => {
    expect(numbers('نحو 3×10⁶ أو 2.5 × 10⁻³')).toEqual(['3×10⁶', '2.5 × 10⁻³'])
    expect(numbers(`نحو 10${atom.exponent} تقريباً`)).toEqual([`10${atom.exponent}`])
  })

  it('leaves plain numbers, percentages, ranges and subtractions alone', () => {
    expect(numbers('في 2024 بلغت 12% و3.5 بين 1950-1953 و5-3 و٢٠٢٤')).toEqual([])
  })

  it('does not take a hyphen after a word or a note call for a sign', () => {
    expect(numbers('COVID-19')).toEqual([])
    expect(numbers(`نص${atom.number}-5`)).toEqual([])
  })
})

describe('findIsolates', () => {
  it('gives phrases and numbers outside them, in order', () => {
    const text = 'بلغت −12% في The Economist (+3) و+85%'
    expect(findIsolates(text).map((run) => text.slice(run.start, run.end))).toEqual([
      '−12%',
      'The Economist (+3)',
      '+85%'
    ])
  })

  it('gives phrases only when numbers are not wanted', () => {
    expect(findIsolates('بلغت −12% في NATO', {numbers: false}).length).toBe(1)
  })
})

describe('isolateText', () => {
  it('isolates all of a text whose letters are all of the other direction', () => {
    expect(isolateText('What Next?', 'rtl')).toBe('\u2066What Next?\u2069')
    expect(isolateText('نص عربي', 'ltr')).toBe('\u2067نص عربي\u2069')
  })

  it('isolates each phrase and signed number of mixed right-to-left text', () => {
    expect(isolateText('مقدمة عن NATO في −12%', 'rtl')).toBe('مقدمة عن \u2066NATO\u2069 في \u2066−12%\u2069')
  })

  it('leaves text of its own direction, and text without letters, as it is', () => {
    expect(isolateText('نص عربي 2024', 'rtl')).toBe('نص عربي 2024')
    expect(isolateText('English text', 'ltr')).toBe('English text')
    expect(isolateText('1.2', 'rtl')).toBe('1.2')
  })
})
