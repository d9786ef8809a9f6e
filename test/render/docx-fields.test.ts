import { describe, expect, it } from 'vitest';
import { withFieldRuns } from '../../src/render/docx/fields.js';

const RPR = '<w:rPr><w:sz w:val="16"/></w:rPr>';

describe('withFieldRuns', () => {
  it('gives each part of a field, and the text around it, a run of its own with the same properties', () => {
    const xml = `<w:p><w:r>${RPR}<w:t xml:space="preserve">Sida </w:t><w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">PAGE</w:instrText><w:fldChar w:fldCharType="separate"/><w:fldChar w:fldCharType="end"/></w:r></w:p>`;
    expect(withFieldRuns(xml)).toBe(`<w:p><w:r>${RPR}<w:t xml:space="preserve">Sida </w:t></w:r><w:r>${RPR}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${RPR}<w:instrText xml:space="preserve">PAGE</w:instrText></w:r><w:r>${RPR}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${RPR}<w:fldChar w:fldCharType="end"/></w:r></w:p>`);
  });

  it("takes the properties of the field's own run, not of the runs before it", () => {
    const other = '<w:rPr><w:b/></w:rPr>';
    const xml = `<w:p><w:r>${other}<w:t>Exempelkommunen</w:t></w:r><w:r>${other}<w:tab/></w:r><w:r>${RPR}<w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText></w:r></w:p>`;
    expect(withFieldRuns(xml)).toBe(`<w:p><w:r>${other}<w:t>Exempelkommunen</w:t></w:r><w:r>${other}<w:tab/></w:r><w:r>${RPR}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${RPR}<w:instrText>PAGE</w:instrText></w:r></w:p>`);
  });

  it('leaves runs without a field, and a run it cannot read whole, as they are', () => {
    const plain = `<w:p><w:r>${RPR}<w:t>Sida</w:t><w:tab/></w:r></w:p>`;
    expect(withFieldRuns(plain)).toBe(plain);
    const odd = `<w:p><w:r><w:fldChar w:fldCharType="begin"/>text<w:t>x</w:t></w:r></w:p>`;
    expect(withFieldRuns(odd)).toBe(odd);
  });
});
