import {describe, expect, it} from 'vitest'
import {slugFor} from '../../src/import/slug.js'

describe('slugFor', () => {
  it('transliterates an Arabic title into lower-case ASCII words joined by hyphens', () => {
    expect(slugFor('معاهدة الشراكة الاستراتيجية بين روسيا وكوريا الشمالية', 'paper.docx')).toBe(
      'maahda-al-shraka-al-astratijya-bin-rusya-wkurya-al-shmalya'
    )
  })

  it('gives the same slug for the same title however its letters are typed', () => {
    expect(slugFor('الأمن المائي', 'x.docx')).toBe(slugFor('الامن المائى', 'y.docx'))
    expect(slugFor('الأمنُ المائيّ', 'x.docx')).toBe(slugFor('الأمن المائي', 'y.docx'))
  })

  it('cuts a long title between words, at most 60 characters', () => {
    const slug = slugFor(
      'التداعيات الدبلوماسية والتحالفات الاستراتيجية على توازن القوى الإقليمي والدولي في شرق آسيا',
      'x.docx'
    )
    expect(slug.length).toBeLessThanOrEqual(60)
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    expect(slug).toBe('al-tdaayat-al-dblumasya-walthalfat-al-astratijya-aly-twazn')
  })

  it('keeps Latin words and digits, lower-cased', () => {
    expect(slugFor('Water Security 2030', 'x.docx')).toBe('water-security-2030')
    expect(slugFor('رؤية ٢٠٣٠', 'x.docx')).toBe('rwya-2030')
  })

  it('falls back to the file name without a title', () => {
    expect(slugFor(undefined, '/tmp/Policy Brief (final).docx')).toBe('policy-brief-final')
    expect(slugFor('؟؟', 'ورقة.docx')).toBe('wrqa')
  })

  it('falls back to a fixed word when neither gives any letter', () => {
    expect(slugFor(undefined, '___.docx')).toBe('manuscript')
  })
})
