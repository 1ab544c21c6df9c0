-- Used by make-docx-fixtures.mjs: a Word paper has the section numbers and the digits typed, as the
-- build would print them from the front matter's `numbering` and `digits`, not as metadata.
local ordinals = {'أولاً', 'ثانياً', 'ثالثاً', 'رابعاً', 'خامساً', 'سادساً', 'سابعاً', 'ثامناً', 'تاسعاً', 'عاشراً',
  'حادي عشر', 'ثاني عشر', 'ثالث عشر', 'رابع عشر', 'خامس عشر', 'سادس عشر', 'سابع عشر', 'ثامن عشر', 'تاسع عشر', 'عشرون'}
local indic = {['0'] = '٠', ['1'] = '١', ['2'] = '٢', ['3'] = '٣', ['4'] = '٤', ['5'] = '٥', ['6'] = '٦', ['7'] = '٧', ['8'] = '٨', ['9'] = '٩'}

local function meta_string(meta, key)
  return meta[key] and pandoc.utils.stringify(meta[key]) or 'none'
end

local function number_headings(blocks, numbering)
  local top = 6
  for _, block in ipairs(blocks) do
    if block.t == 'Header' and block.level < top then top = block.level end
  end
  local counters = {0, 0, 0, 0, 0}
  return blocks:walk({Header = function (header)
    local rank = header.level - top + 1
    if header.classes:includes('unnumbered') or (numbering == 'ordinal' and rank > 1) then return nil end
    counters[rank] = counters[rank] + 1
    for deeper = rank + 1, #counters do counters[deeper] = 0 end
    local number
    if numbering == 'ordinal' then number = ordinals[counters[1]] .. ': '
    else number = table.concat({table.unpack(counters, 1, rank)}, '.') .. (rank == 1 and '. ' or ' ') end
    header.content:insert(1, pandoc.Str(number))
    return header
  end})
end

-- The build keeps the digits of a Latin phrase («Q3 2025») Latin: a number after a Latin word stays so.
local function indic_digits(inlines)
  local latin = false
  for index, inline in ipairs(inlines) do
    if inline.t == 'Str' then
      if inline.text:find('%a') then latin = true
      elseif inline.text:find('[\216-\219]') then latin = false end
      if not latin then inlines[index] = pandoc.Str((inline.text:gsub('%d', indic))) end
    end
  end
  return inlines
end

function Pandoc(doc)
  local numbering = meta_string(doc.meta, 'numbering')
  if numbering == 'ordinal' or numbering == 'decimal' then doc.blocks = number_headings(doc.blocks, numbering) end
  if meta_string(doc.meta, 'digits') == 'arabic-indic' then
    doc.blocks = doc.blocks:walk({Inlines = indic_digits})
  end
  return doc
end
