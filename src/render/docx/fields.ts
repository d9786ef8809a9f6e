// A field's parts each in a run of their own, as Word writes them: docx puts a field's begin,
// instruction, separator and end in one run, and LibreOffice then sets the field's result (the page
// number) in the paragraph's default size, not the run's: "Sida" at 8 pt, "2 av 9" at 10.5 pt.

const RUN = /<w:r>(<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr>)?((?:(?!<\/w:r>)[\s\S])*?<w:fldChar\b(?:(?!<\/w:r>)[\s\S])*)<\/w:r>/g;
/** One child element of a run: an empty element, or one with text (w:t, w:instrText). */
const CHILD = /<w:(\w+)\b[^>]*?(?:\/>|>[\s\S]*?<\/w:\1>)/g;

/** Every run that holds a field character is split into one run per child, each with the run's properties. */
export function withFieldRuns(xml: string): string {
  return xml.replace(RUN, (all, rPr: string | undefined, body: string) => {
    const parts = [...body.matchAll(CHILD)].map((m) => m[0]);
    if (parts.length < 2 || parts.join('') !== body) return all;
    return parts.map((p) => `<w:r>${rPr ?? ''}${p}</w:r>`).join('');
  });
}
